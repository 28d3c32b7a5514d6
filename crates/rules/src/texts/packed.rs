//! The compact encoding of the Russian texts compiled into the crate: one
//! byte per letter instead of UTF-8's two (Windows-1251's layout), so the
//! wasm download is smaller (about 2 KB gz for the widget) and the words are
//! decoded once, on first use. Shared by `build.rs` (which encodes and checks
//! the round trip of every text) and the crate (which decodes).
//!
//! - `0x00..=0x7F`: ASCII;
//! - `0x80..=0xFF`: Windows-1251 (Cyrillic letters, «», —, №, …);
//! - [`ESCAPE`] (`0x98`, unassigned in Windows-1251) and three bytes: any
//!   other character, its code point little-endian.

/// Marks a character outside Windows-1251: three bytes of code point follow.
pub const ESCAPE: u8 = 0x98;

/// Windows-1251's characters for `0x80..=0xBF` (`0x98` is [`ESCAPE`]);
/// `0xC0..=0xFF` are `А..я` (U+0410..U+044F).
const HIGH: [char; 64] = [
    'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ', //
    'ђ', '‘', '’', '“', '”', '•', '–', '—', '\u{FFFD}', '™', 'љ', '›', 'њ', 'ќ', 'ћ', 'џ', //
    '\u{A0}', 'Ў', 'ў', 'Ј', '¤', 'Ґ', '¦', '§', 'Ё', '©', 'Є', '«', '¬', '\u{AD}', '®', 'Ї', //
    '°', '±', 'І', 'і', 'ґ', 'µ', '¶', '·', 'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї',
];

/// Appends the encoding of `text` to `out` (used by `build.rs`).
#[allow(dead_code)]
pub fn encode(text: &str, out: &mut Vec<u8>) {
    for c in text.chars() {
        let code = u32::from(c);
        if code < 0x80 {
            out.push(code as u8);
        } else if (0x410..=0x44F).contains(&code) {
            out.push((code - 0x410 + 0xC0) as u8);
        } else if let Some(i) = HIGH.iter().position(|&h| h == c && h != '\u{FFFD}') {
            out.push(0x80 + i as u8);
        } else {
            out.push(ESCAPE);
            out.extend_from_slice(&code.to_le_bytes()[..3]);
        }
    }
}

/// Appends the words `bytes` encode to `out`. A damaged escape at the end
/// (impossible for what `build.rs` wrote) gives U+FFFD.
#[allow(dead_code)]
pub fn decode(bytes: &[u8], out: &mut String) {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        let c = match b {
            0x00..=0x7F => char::from(b),
            0xC0..=0xFF => char::from_u32(0x410 + u32::from(b - 0xC0)).unwrap_or('\u{FFFD}'),
            ESCAPE => {
                let c = bytes
                    .get(i..i + 3)
                    .and_then(|c| match *c {
                        [a, b, c] => char::from_u32(u32::from_le_bytes([a, b, c, 0])),
                        _ => None,
                    })
                    .unwrap_or('\u{FFFD}');
                i += 3;
                c
            }
            _ => HIGH.get(usize::from(b - 0x80)).copied().unwrap_or('\u{FFFD}'),
        };
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_russian_punctuation_and_anything_else() {
        for text in ["", "Ваш дневник не найден", "«Ёлка» — №5, ёж…", "→ 😀 é ß \u{A0}x", "\u{FFFD}"]
        {
            let mut packed = Vec::new();
            encode(text, &mut packed);
            let mut back = String::new();
            decode(&packed, &mut back);
            assert_eq!(back, text);
        }
        let mut packed = Vec::new();
        encode("Привет", &mut packed);
        assert_eq!(packed.len(), 6, "one byte per Cyrillic letter");
    }

    #[test]
    fn damaged_bytes_decode_to_replacement_characters_not_a_panic() {
        let mut out = String::new();
        decode(&[ESCAPE, 0x41], &mut out);
        decode(&[ESCAPE, 0xff, 0xff, 0xff], &mut out);
        assert_eq!(out, "\u{FFFD}\u{FFFD}");
    }
}

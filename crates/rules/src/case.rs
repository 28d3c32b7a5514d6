//! Lower-casing without the full Unicode case tables (about 24 KB of wasm
//! data): exact for Latin (ASCII, Latin-1, Latin Extended-A) and Cyrillic
//! (U+0400–U+052F), the scripts of names, documents and the messages the
//! catalog quotes. Other characters are returned unchanged. The unit test
//! checks every character of the covered blocks against `char::to_lowercase`.

/// The first character of `c`'s lower-case form for Latin and Cyrillic
/// letters (as `c.to_lowercase().next()`); any other character unchanged.
pub(crate) fn lower(c: char) -> char {
    let code = c as u32;
    let even = code % 2 == 0;
    let lower = match code {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde | 0x410..=0x42f => code + 0x20,
        0x400..=0x40f => code + 0x50,
        0x130 => 0x69,
        0x178 => 0xff,
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 if even => code + 1,
        0x139..=0x148 | 0x179..=0x17e if !even => code + 1,
        0x460..=0x481 | 0x48a..=0x4bf | 0x4d0..=0x52f if even => code + 1,
        0x4c0 => 0x4cf,
        0x4c1..=0x4ce if !even => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The upper-case form of a Cyrillic letter `а`–`я`, `ё`; any other
/// character unchanged.
pub(crate) fn upper_cyrillic(c: char) -> char {
    let code = c as u32;
    let upper = match code {
        0x430..=0x44f => code - 0x20,
        0x450..=0x45f => code - 0x50,
        _ => code,
    };
    char::from_u32(upper).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_matches_the_standard_library_on_latin_and_cyrillic() {
        let covered = (0..=0x17f).chain(0x400..=0x52f);
        for c in covered.filter_map(char::from_u32) {
            assert_eq!(lower(c), c.to_lowercase().next().unwrap_or(c), "U+{:04X}", c as u32);
        }
        assert_eq!(lower('Σ'), 'Σ');
    }

    #[test]
    fn upper_cyrillic_matches_the_standard_library() {
        for c in ('а'..='я').chain(['ё', 'ђ', 'џ']) {
            assert_eq!(upper_cyrillic(c), c.to_uppercase().next().unwrap_or(c), "{c}");
        }
        assert_eq!(upper_cyrillic('x'), 'x');
    }
}

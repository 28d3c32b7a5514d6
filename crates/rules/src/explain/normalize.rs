//! Text normalization for message matching: one pass over the input, one
//! normalized word at a time, no allocation per word.
//!
//! A word is a run of letters and digits. Inside a word, combining marks (a
//! decomposed «ё»), soft hyphens and zero-width characters are dropped rather
//! than splitting it. Everything else (spaces, line breaks, punctuation, every
//! kind of quote and dash) separates words. Each word is then:
//! - mapped from Latin look-alike letters to Cyrillic when it holds at least
//!   one Cyrillic letter (`ДHEВНИК` with Latin `H` and `E` becomes
//!   `дневник`; an all-Latin word stays Latin);
//! - lowercased, with `ё` → `е`, and the Ukrainian and Belarusian `і`, `ї`,
//!   `є`, `ў` (and a Latin `i` in a Cyrillic word) as `и`, `е`, `у`.
//!
//! Words longer than [`MAX_WORD_CHARS`] are reported as [`Word::overlong`]:
//! no catalog word is that long; the matcher reads one as words run
//! together from its letters ([`run_letters`], up to [`MAX_RUN_CHARS`]), or
//! else as a position in the text that matches nothing.

/// The longest word kept (several words run together fit). Longer words
/// match nothing.
pub const MAX_WORD_CHARS: usize = 40;

/// One normalized word. Equal words compare equal (unused slots are zero).
///
/// A word typed with the English layout left on keeps the punctuation keys
/// of Russian letters inside it («Ds yt vj;tnt» is «Вы не можете», `;` the
/// key of «ж»): [`Word::raw`] is the whole token, [`Word::chars`] its first
/// run of letters (what the word reads as it is).
#[derive(Clone, Copy)]
pub struct Word {
    chars: [char; MAX_WORD_CHARS],
    len: u8,
    plain_start: u8,
    plain_len: u8,
    overlong: bool,
    /// Written in Latin letters with a capital first (a name: «Telegram»).
    latin_name: bool,
    /// Holds a Cyrillic letter.
    cyrillic: bool,
}

impl Word {
    /// The normalized letters (empty for an overlong word).
    pub fn chars(&self) -> &[char] {
        if self.overlong {
            return &[];
        }
        let start = usize::from(self.plain_start);
        self.chars.get(start..start + usize::from(self.plain_len)).unwrap_or(&[])
    }

    /// The whole token, with the layout punctuation kept inside it (empty
    /// for an overlong word).
    pub fn raw(&self) -> &[char] {
        if self.overlong {
            return &[];
        }
        self.chars.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// Written in Latin letters only, with a capital first letter, and not
    /// all in capitals that look Cyrillic («CTATYC»): maybe a name
    /// («Telegram», «Lamoda»).
    pub fn latin_name(&self) -> bool {
        self.latin_name
    }

    /// Holds a Cyrillic letter (as typed).
    pub fn cyrillic(&self) -> bool {
        self.cyrillic
    }

    /// Whether the word was longer than [`MAX_WORD_CHARS`].
    pub fn overlong(&self) -> bool {
        self.overlong
    }

    /// A word from letters that are already normalized (two input words
    /// joined); `None` when they are more than [`MAX_WORD_CHARS`].
    pub(crate) fn from_normalized(chars: &[char]) -> Option<Word> {
        let mut word = Word {
            chars: ['\0'; MAX_WORD_CHARS],
            len: 0,
            plain_start: 0,
            plain_len: 0,
            overlong: false,
            latin_name: false,
            cyrillic: false,
        };
        word.chars.get_mut(..chars.len())?.copy_from_slice(chars);
        word.len = chars.len() as u8;
        word.plain_len = word.len;
        Some(word)
    }
}

/// Equal when every field is: the letters in use and the flags (the
/// unused slots are always zero, so they need no comparing). Compared letter
/// by letter, not as the whole array: the matcher's cache compares a word on
/// every hit, and a 1 MB paste has about 150 000 words (in wasm a `memcmp`
/// of the 160-byte array goes byte by byte).
impl PartialEq for Word {
    fn eq(&self, other: &Word) -> bool {
        self.len == other.len
            && self.plain_start == other.plain_start
            && self.plain_len == other.plain_len
            && self.overlong == other.overlong
            && self.latin_name == other.latin_name
            && self.cyrillic == other.cyrillic
            && self.raw().iter().zip(other.raw()).all(|(a, b)| a == b)
    }
}

impl Eq for Word {}

/// Hashes the letters in use as one `u64` (the matcher's cache hashes
/// every input word; see [`WordHasher`]).
impl std::hash::Hash for Word {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.key());
    }
}

impl Word {
    /// A 64-bit digest of the letters in use and the overlong flag (equal
    /// words have equal keys), mixed so that every bit depends on every
    /// letter.
    fn key(&self) -> u64 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut h = u64::from(self.overlong) ^ (u64::from(self.len) << 56);
        for c in self.raw() {
            h = (h.rotate_left(5) ^ u64::from(u32::from(*c))).wrapping_mul(K);
        }
        // The final mix of splitmix64: the hash table reads both the low
        // bits (the bucket) and the high ones (the tag).
        h ^= h >> 30;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 27;
        h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }
}

/// The hasher of the maps keyed by [`Word`]: the word's own key, as it is
/// (SipHash over a copied buffer was a third of the time of a long paste
/// in wasm). Not meant for keys an attacker picks to collide: the maps hold
/// at most a few thousand words of one text.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Not used by `Word`; any other key still hashes all its bytes.
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
}

/// Builds [`WordHasher`]s.
pub type BuildWordHasher = std::hash::BuildHasherDefault<WordHasher>;

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s: String = self.raw().iter().collect();
        write!(f, "{s:?}")
    }
}

/// A letter or digit: `char::is_alphanumeric`, with the letters of these
/// messages (ASCII, basic Cyrillic) answered without its table lookup.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, 'А'..='я' | 'ё' | 'Ё') || c.is_alphanumeric()
}

/// The punctuation keys of Russian letters on the English layout (`;` is
/// «ж», `[` «х», `]` «ъ», `,` «б», `.` «ю», `` ` `` «ё», `'` «э»): kept
/// inside a Latin word when a Latin letter follows, maybe after more of
/// them (`'` at its start, or inside before three letters or more: an
/// English apostrophe has fewer after it).
fn is_layout_punct(c: char) -> bool {
    matches!(c, ';' | '[' | ']' | ',' | '.' | '`')
}

/// Characters dropped inside a word without splitting it.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{00ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04ff}')
}

/// A Latin letter that looks like a Cyrillic one, as its Cyrillic twin.
/// Upper case first: `H`, `B`, `M`, `T`, `K` look Cyrillic only in capitals.
pub fn latin_lookalike_to_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'У',
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'k' => 'к',
        'm' => 'м',
        'u' => 'и',
        'n' => 'п',
        'r' => 'г',
        _ => return None,
    })
}

/// Lowercases one character (first char of the lowercase form) and folds
/// `ё` into `е`, and the Ukrainian and Belarusian letters a Russian word
/// is typed with on those keyboards into the Russian ones they stand for
/// (`і`, `ї` → `и`, `є` → `е`, `ў` → `у`: «дневнiк», «карточцi»).
fn fold_case(c: char) -> char {
    match crate::case::lower(c) {
        'ё' | 'є' => 'е',
        'і' | 'ї' => 'и',
        'ў' => 'у',
        lower => lower,
    }
}

/// A Latin letter inside a Cyrillic word as the Cyrillic one it stands for:
/// a look-alike ([`latin_lookalike_to_cyrillic`]), or `i` typed for the
/// Ukrainian `і` («дiйсний», issue 23 round 8).
fn cyrillic_twin(c: char) -> char {
    match c {
        'i' => 'и',
        'I' => 'И',
        _ => latin_lookalike_to_cyrillic(c).unwrap_or(c),
    }
}

/// Normalizes a whole word given as characters: used for catalog quotes, so
/// they go through exactly the same steps as the input.
fn finish(raw: &[char], overlong: bool) -> Word {
    let mut word = Word {
        chars: ['\0'; MAX_WORD_CHARS],
        len: 0,
        plain_start: 0,
        plain_len: 0,
        overlong,
        latin_name: false,
        cyrillic: false,
    };
    if overlong {
        return word;
    }
    let cyrillic = raw.iter().any(|&c| is_cyrillic(c));
    word.cyrillic = cyrillic;
    // Capitals that all look like Cyrillic ones («CTATYC») are a Russian
    // word in look-alikes, not a name.
    let lookalike_caps = raw.iter().all(|c| c.is_ascii_uppercase() && latin_lookalike_to_cyrillic(*c).is_some());
    word.latin_name = raw.len() >= 2
        && raw.first().is_some_and(|c| c.is_ascii_uppercase())
        && raw.iter().all(|c| c.is_ascii_alphabetic())
        && !lookalike_caps;
    for (slot, &c) in word.chars.iter_mut().zip(raw) {
        let c = if cyrillic { cyrillic_twin(c) } else { c };
        *slot = fold_case(c);
    }
    word.len = raw.len().min(MAX_WORD_CHARS) as u8;
    // The first run of letters: what the word reads as it is.
    let start = raw.iter().position(|&c| is_word_char(c)).unwrap_or(raw.len());
    let run = raw.get(start..).unwrap_or(&[]).iter().take_while(|&&c| is_word_char(c)).count();
    word.plain_start = start.min(MAX_WORD_CHARS) as u8;
    word.plain_len = run.min(MAX_WORD_CHARS) as u8;
    word
}

/// The most letters a run of words typed without spaces is read in
/// («Длявходавдневникнужносогласие…», issue 23 round 8): longer runs are
/// no message.
pub const MAX_RUN_CHARS: usize = 128;

/// The letters of an overlong word (its span in the text), normalized as
/// [`words`] normalizes a word; `None` past [`MAX_RUN_CHARS`] letters.
///
/// ```
/// use diary_rules::explain::normalize::run_letters;
/// let r: String = run_letters("ДлявходавдневникнужносогласиеодногоизРОДИТЕЛЕЙ").unwrap().into_iter().collect();
/// assert_eq!(r, "длявходавдневникнужносогласиеодногоизродителей");
/// ```
pub fn run_letters(span: &str) -> Option<Vec<char>> {
    let mut raw: Vec<char> = Vec::new();
    for c in span.chars() {
        if is_word_char(c) {
            if raw.len() == MAX_RUN_CHARS {
                return None;
            }
            raw.push(c);
        }
    }
    let cyrillic = raw.iter().any(|&c| is_cyrillic(c));
    Some(raw.into_iter().map(|c| fold_case(if cyrillic { cyrillic_twin(c) } else { c })).collect())
}

/// The normalized words of `text`, lazily, in order.
///
/// ```
/// use diary_rules::explain::normalize::words;
/// let w: Vec<String> = words("«ДHEВНИК  НЕ\nнайдён!»").map(|w| w.chars().iter().collect()).collect();
/// assert_eq!(w, ["дневник", "не", "найден"]);
/// ```
pub fn words(text: &str) -> Words<'_> {
    Words { text, chars: text.chars(), start: 0, end: 0 }
}

/// The iterator returned by [`words`].
pub struct Words<'a> {
    text: &'a str,
    chars: std::str::Chars<'a>,
    start: usize,
    end: usize,
}

impl Words<'_> {
    /// The byte range in the text of the word returned last.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    fn offset(&self) -> usize {
        self.text.len() - self.chars.as_str().len()
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let mut raw = ['\0'; MAX_WORD_CHARS];
        let mut len = 0usize;
        let mut overlong = false;
        // Only ASCII letters (and layout punctuation) so far.
        let mut latin = true;
        loop {
            let before = self.offset();
            let Some(c) = self.chars.next() else { break };
            // A Latin letter follows, maybe after more punctuation keys
            // («ytj,[jlbvj»: «,» and «[» are «б» and «х»).
            let next_is_latin = || {
                let mut rest = self.chars.clone().skip_while(|&n| is_layout_punct(n));
                rest.next().is_some_and(|n| n.is_ascii_alphabetic())
            };
            // «'» inside a word is «э» when three Latin letters or more
            // follow («gj'njve» is «поэтому»); an English contraction
            // («child's», «we're») has fewer.
            let e_inside = || self.chars.clone().take_while(|n| n.is_ascii_alphabetic()).take(3).count() == 3;
            let keep = if is_word_char(c) {
                latin &= c.is_ascii_alphabetic();
                true
            } else if is_ignorable(c) {
                continue;
            } else if (len > 0 && latin && is_layout_punct(c) && next_is_latin())
                || (len == 0 && c == '\'' && next_is_latin())
                || (len > 0 && latin && c == '\'' && e_inside())
            {
                true
            } else if len > 0 || overlong {
                break;
            } else {
                false
            };
            if keep {
                if len == 0 && !overlong {
                    self.start = before;
                }
                if let Some(slot) = raw.get_mut(len) {
                    *slot = c;
                    len += 1;
                } else {
                    overlong = true;
                }
                self.end = self.offset();
            }
        }
        if len == 0 && !overlong {
            return None;
        }
        Some(finish(raw.get(..len).unwrap_or(&[]), overlong))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        let got: Vec<String> =
            words(input).map(|w| if w.overlong() { "<long>".to_owned() } else { w.chars().iter().collect() }).collect();
        assert_eq!(got, expect, "input {input:?}");
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Дневник не найден", &["дневник", "не", "найден"]),
            ("  ДНЕВНИК\n\tНЕ   НАЙДЕН.  ", &["дневник", "не", "найден"]),
            ("«Заявление подано»", &["заявление", "подано"]),
            ("\"Заявление\" 'подано'", &["заявление", "подано"]),
            ("Учётной", &["учетной"]),
            // A decomposed ё (е + combining diaeresis) stays one word.
            ("Учe\u{0308}тной", &["учетной"]),
            ("сooбщите", &["сообщите"]), // Latin o's in a Cyrillic word
            ("CФP", &["сфр"]),           // Latin C and P next to Cyrillic Ф
            ("password", &["password"]), // all-Latin words stay Latin
            ("за\u{00ad}гсе", &["загсе"]),
            ("Не найден в СФР", &["не", "найден", "в", "сфр"]),
            ("а—б–в-г", &["а", "б", "в", "г"]),
            ("", &[]),
            ("!!! ... ---", &[]),
            // The English layout left on: the punctuation keys stay inside.
            ("Ds yt vj;tnt", &["ds", "yt", "vj"]),
            ("found.", &["found"]),
            ("'ktrnhjyysq", &["ktrnhjyysq"]),
            ("child's", &["child", "s"]),
            ("we're", &["we", "re"]),
            // Two punctuation keys in a row, «'» inside a word.
            ("ytj,[jlbvj", &["ytj"]),
            ("gj'njve", &["gj"]),
        ];
        for &(input, expect) in cases {
            check(input, expect);
        }
    }

    #[test]
    fn raw_keeps_layout_punctuation_and_spans_point_into_the_text() {
        let text = "Ds yt vj;tnt. «Дневник»";
        let mut it = words(text);
        let mut got = Vec::new();
        while let Some(w) = it.next() {
            got.push((w.raw().iter().collect::<String>(), text.get(it.span()).unwrap_or("").to_owned()));
        }
        let want = [("ds", "Ds"), ("yt", "yt"), ("vj;tnt", "vj;tnt"), ("дневник", "Дневник")];
        assert_eq!(got, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
    }

    #[test]
    fn overlong_words_are_marked() {
        let long = "а".repeat(MAX_WORD_CHARS + 1);
        check(&format!("дневник {long} найден"), &["дневник", "<long>", "найден"]);
        check(&"а".repeat(MAX_WORD_CHARS), &[&"а".repeat(MAX_WORD_CHARS)]);
    }
}

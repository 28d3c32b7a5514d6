//! Keyboards and scripts: where a character sits on a PC keyboard (QWERTY
//! and ЙЦУКЕН share the physical keys), what a Cyrillic text reads as when
//! typed with the English layout («Пароль» → "Gfhjkm"), and how Cyrillic
//! names are written in Latin letters («Маша» → "masha").
//!
//! The rows come from `[keyboard]` and the schemes from `[translit]` in
//! `data/password.toml`.

use super::data::data;
use std::sync::OnceLock;

/// The physical key that types a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeyPos {
    pub row: i8,
    pub col: i8,
    pub shifted: bool,
}

impl KeyPos {
    /// Whether two keys touch (same row next to each other, or the two
    /// neighbours in the row above or below, given the rows' stagger).
    pub fn touches(self, other: KeyPos) -> bool {
        let dr = other.row - self.row;
        let dc = other.col - self.col;
        matches!((dr, dc), (0, -1) | (0, 1) | (-1, 0) | (-1, 1) | (1, -1) | (1, 0))
    }

    /// The direction from `self` to `other`, for counting turns.
    pub fn direction(self, other: KeyPos) -> (i8, i8) {
        (other.row - self.row, other.col - self.col)
    }
}

struct Tables {
    /// Key positions of ASCII characters.
    ascii: [Option<KeyPos>; 128],
    /// Key positions of U+0400..U+04FF (Cyrillic), and `№` separately.
    cyrillic: [Option<KeyPos>; 256],
    numero: Option<KeyPos>,
    /// The Latin character typed by the key of a Cyrillic letter (same shift
    /// state), indexed by code − 0x400.
    to_latin: [Option<char>; 256],
    numero_latin: Option<char>,
    /// The lower-case Russian letter typed by an ASCII key on the ЙЦУКЕН
    /// layout (`g` → `п`, `;` → `ж`), the inverse of `to_latin`.
    from_latin: [Option<char>; 128],
}

#[inline]
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let kb = &data().keyboard;
        let mut t = Tables {
            ascii: [None; 128],
            cyrillic: [None; 256],
            numero: None,
            to_latin: [None; 256],
            numero_latin: None,
            from_latin: [None; 128],
        };
        let place = |rows: &[&str], shifted: bool, t: &mut Tables| {
            for (r, row) in rows.iter().enumerate() {
                for (c, ch) in row.chars().enumerate() {
                    if ch == ' ' {
                        continue;
                    }
                    let pos = KeyPos { row: r as i8, col: c as i8, shifted };
                    let code = ch as u32;
                    if code < 128 {
                        // QWERTY is placed first: a punctuation character
                        // that both layouts have keeps its QWERTY key.
                        if let Some(slot) = t.ascii.get_mut(code as usize) {
                            slot.get_or_insert(pos);
                        }
                    } else if (0x400..0x500).contains(&code) {
                        if let Some(slot) = t.cyrillic.get_mut((code - 0x400) as usize) {
                            slot.get_or_insert(pos);
                        }
                    } else if ch == '№' {
                        t.numero.get_or_insert(pos);
                    }
                }
            }
        };
        place(kb.qwerty, false, &mut t);
        place(kb.qwerty_shift, true, &mut t);
        place(kb.jcuken, false, &mut t);
        place(kb.jcuken_shift, true, &mut t);

        for (cyr_rows, lat_rows) in [(&kb.jcuken, &kb.qwerty), (&kb.jcuken_shift, &kb.qwerty_shift)] {
            for (cyr_row, lat_row) in cyr_rows.iter().zip(lat_rows.iter()) {
                for (cyr, lat) in cyr_row.chars().zip(lat_row.chars()) {
                    let code = cyr as u32;
                    if (0x400..0x500).contains(&code) && is_letter(cyr) {
                        if let Some(slot) = t.to_latin.get_mut((code - 0x400) as usize) {
                            *slot = Some(lat);
                        }
                    } else if cyr == '№' {
                        t.numero_latin = Some(lat);
                    }
                }
            }
        }

        for (i, lat) in t.to_latin.iter().enumerate() {
            let cyr = char::from_u32(0x400 + i as u32).filter(|c| is_lower(*c));
            if let (Some(cyr), Some(lat)) = (cyr, lat) {
                if let Some(slot) = t.from_latin.get_mut(lat.to_ascii_lowercase() as usize) {
                    slot.get_or_insert(cyr);
                }
            }
        }
        t
    })
}

/// The lower-case Russian letter of the key that types the ASCII character
/// `c` (either case): what a word typed with the English layout left on
/// was meant to be. `g` → `п`, `;` → `ж`, `[` → `х`, `` ` `` → `ё`.
///
/// ```
/// use diary_rules::password::layout::russian_key;
/// let s: String = "Lytdybr".chars().filter_map(russian_key).collect();
/// assert_eq!(s, "дневник");
/// assert_eq!(russian_key(';'), Some('ж'));
/// assert_eq!(russian_key('1'), None);
/// ```
pub fn russian_key(c: char) -> Option<char> {
    let t = tables();
    if !c.is_ascii() {
        return None;
    }
    let lower = c.to_ascii_lowercase();
    let found = t.from_latin.get(lower as usize).copied().flatten();
    // Shifted punctuation keys (`:` for «Ж») are the same keys.
    found.or_else(|| {
        let unshifted = match c {
            ':' => ';',
            '{' => '[',
            '}' => ']',
            '<' => ',',
            '>' => '.',
            '"' => '\'',
            '~' => '`',
            _ => return None,
        };
        t.from_latin.get(unshifted as usize).copied().flatten()
    })
}

/// Latin spellings of Russian letters read back (the three schemes of
/// `[translit]`, longest spelling first; a spelling two letters share reads
/// as the earlier letter).
fn reverse_translit() -> &'static [(Vec<char>, char)] {
    static TABLE: OnceLock<Vec<(Vec<char>, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let tr = &data().translit;
        let mut table: Vec<(Vec<char>, char)> = Vec::new();
        for scheme in [tr.popular, tr.j_style, tr.passport] {
            for (k, letter) in tr.letters.chars().enumerate() {
                // «ъ» as "ie" would eat every "ie"; «ь» and «ъ» are mostly left out.
                if letter == 'ъ' {
                    continue;
                }
                let Some(sp) = spelling(k, scheme.get(k).copied().unwrap_or(0)) else { continue };
                let sp: Vec<char> = sp.chars().collect();
                if !sp.is_empty() && !table.iter().any(|(s, _)| *s == sp) {
                    table.push((sp, letter));
                }
            }
        }
        // Longest first, stable (insertion, no sort code).
        let mut sorted: Vec<(Vec<char>, char)> = Vec::with_capacity(table.len());
        for entry in table {
            let at = sorted.partition_point(|(s, _)| s.len() >= entry.0.len());
            sorted.insert(at, entry);
        }
        sorted
    })
}

/// A word written in Latin letters read as Russian («dnevnik» →
/// «дневник», «nayden» → «найден»): the longest known spelling first; `y`
/// after a consonant is «ы» («dannyh» → «данных»), else «й». `None` when a
/// character is not a Latin letter.
///
/// ```
/// use diary_rules::password::layout::from_translit;
/// let read = |s: &str| from_translit(&s.chars().collect::<Vec<_>>()).map(|w| w.into_iter().collect::<String>());
/// assert_eq!(read("privyazki").as_deref(), Some("привязки"));
/// assert_eq!(read("nayden").as_deref(), Some("найден"));
/// assert_eq!(read("dannyh").as_deref(), Some("данных"));
/// assert_eq!(read("kod2"), None);
/// ```
pub fn from_translit(word: &[char]) -> Option<Vec<char>> {
    let table = reverse_translit();
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    let mut i = 0;
    while i < word.len() {
        let rest = word.get(i..).unwrap_or(&[]);
        if !rest.first().is_some_and(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let lower: Vec<char> = rest.iter().take(4).map(|c| c.to_ascii_lowercase()).collect();
        // The reflexive ending: "tsya", "tsja" at the end are «тся».
        if rest.len() == 4 && matches!(lower.as_slice(), ['t', 's', 'y' | 'j', 'a']) {
            out.extend(['т', 'с', 'я']);
            break;
        }
        let (len, mut letter) =
            table.iter().find(|(sp, _)| lower.starts_with(sp)).map_or((1, None), |(sp, l)| (sp.len(), Some(*l)));
        if letter == Some('й') && len == 1 && out.last().is_some_and(|c| !"аеёиоуыэюя".contains(*c)) {
            letter = Some('ы');
        }
        if let Some(l) = letter {
            out.push(l);
        }
        i += len;
    }
    Some(out)
}

/// Whether `c` is in the Cyrillic block (Russian letters and their
/// relatives).
#[inline(always)]
pub fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// The key that types `c` on a PC keyboard in the QWERTY or ЙЦУКЕН layout.
#[inline(always)]
pub(crate) fn key_position(c: char) -> Option<KeyPos> {
    let t = tables();
    let code = c as u32;
    if code < 128 {
        t.ascii.get(code as usize).copied().flatten()
    } else if (0x400..0x500).contains(&code) {
        t.cyrillic.get((code - 0x400) as usize).copied().flatten()
    } else if c == '№' {
        t.numero
    } else {
        None
    }
}

/// The Latin-layout character typed by the key of a Cyrillic letter (or
/// `№`), keeping the shift state: `П` → `G`, `ж` → `;`, `№` → `#`.
#[inline(always)]
pub fn english_key(c: char) -> Option<char> {
    let t = tables();
    let code = c as u32;
    if (0x400..0x500).contains(&code) {
        t.to_latin.get((code - 0x400) as usize).copied().flatten()
    } else if c == '№' {
        t.numero_latin
    } else {
        None
    }
}

/// The text as it would read had it been typed with the English layout on:
/// every Russian letter (and `№`) becomes the character of the same key.
/// Other characters are left as they are: a `?` or a `.` could have come from
/// either layout. `None` when there is nothing to change.
///
/// ```
/// use diary_rules::password::layout::to_english_layout;
/// assert_eq!(to_english_layout("Пароль").as_deref(), Some("Gfhjkm"));
/// assert_eq!(to_english_layout("Ьфырф2012!").as_deref(), Some("Masha2012!"));
/// assert_eq!(to_english_layout("Masha2012!"), None);
/// ```
pub fn to_english_layout(text: &str) -> Option<String> {
    let mut changed = false;
    let out: String = text
        .chars()
        .map(|c| match english_key(c) {
            Some(l) => {
                changed = true;
                l
            }
            None => c,
        })
        .collect();
    changed.then_some(out)
}

/// A lower-case character mapped to the keyboard's Latin key space: Cyrillic
/// letters become the lower-case Latin character of their key, so words
/// typed in either layout compare equal.
#[inline(always)]
pub(crate) fn key_char(lower: char) -> char {
    match english_key(lower) {
        Some(l) => l.to_ascii_lowercase(),
        None => lower,
    }
}

// Letter case for the two scripts these passwords are typed in, Latin and
// Russian Cyrillic (U+0400..U+045F). Other letters count as "other
// characters": they are refused by the policy anyway, and leaving out the
// full Unicode case tables keeps the wasm about 15 KB smaller.

/// An upper-case Latin or Cyrillic letter.
#[inline(always)]
pub(crate) fn is_upper(c: char) -> bool {
    c.is_ascii_uppercase() || ('\u{400}'..='\u{42f}').contains(&c)
}

/// A lower-case Latin or Cyrillic letter.
#[inline(always)]
pub(crate) fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || ('\u{430}'..='\u{45f}').contains(&c)
}

/// A Latin or Cyrillic letter.
#[inline(always)]
pub(crate) fn is_letter(c: char) -> bool {
    is_upper(c) || is_lower(c)
}

/// The lower-case form of a Latin or Cyrillic letter; any other character
/// unchanged.
#[inline(always)]
pub(crate) fn lower_char(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5a => code + 0x20,
        0x410..=0x42f => code + 0x20,
        0x400..=0x40f => code + 0x50,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The Latin spellings of a Cyrillic word in the three schemes of the data
/// (popular, j-style, passport), lower-case and without repeats. Characters
/// outside the Russian alphabet are kept as they are. A word without
/// Cyrillic letters yields itself, lower-cased.
///
/// ```
/// use diary_rules::password::layout::transliterations;
/// assert_eq!(transliterations("Маша"), vec!["masha".to_string()]);
/// assert_eq!(transliterations("Юля"), vec!["yulya".to_string(), "julja".into(), "iulia".into()]);
/// ```
pub fn transliterations(word: &str) -> Vec<String> {
    let tr = &data().translit;
    let mut out: Vec<String> = Vec::with_capacity(3);
    for scheme in [tr.popular, tr.j_style, tr.passport] {
        let mut s = String::with_capacity(word.len());
        for c in word.chars() {
            let l = lower_char(c);
            match tr.letters.chars().position(|x| x == l) {
                Some(k) => s.extend(spelling(k, scheme.get(k).copied().unwrap_or(0))),
                None => s.push(l),
            }
        }
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The `pick`-th name spelling of the `k`-th letter of `letters`, without
/// its `^` mark.
fn spelling(k: usize, pick: u8) -> Option<&'static str> {
    let spellings = data().translit.names.split(';').nth(k)?;
    spellings.split('|').nth(usize::from(pick)).map(|s| s.trim_start_matches('^'))
}

/// At most this many Latin spellings of one word of the personal data
/// ([`name_variants`]).
pub const MAX_NAME_VARIANTS: usize = 64;

/// Words longer than this get no variants (no name is that long, and the
/// automaton matches at most `strength::MAX_WORD` characters anyway).
const MAX_NAME_CHARS: usize = 32;

fn is_russian_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'ь' | 'ъ')
}

/// The Latin spellings a Russian name (or any Cyrillic word) really takes:
/// the passport schemes (ICAO 9303, the older ones), ГОСТ and the informal
/// ones people type, from `[translit] names` and `clusters` of
/// `data/password.toml`; lower-case, without repeats, the commonest first,
/// at most [`MAX_NAME_VARIANTS`]. Spellings that differ from the commonest
/// in fewer places come first, so the cap drops only far-fetched mixes.
/// A word without Cyrillic letters yields itself, lower-cased.
///
/// ```
/// use diary_rules::password::layout::name_variants;
/// let v = name_variants("Анастасия");
/// for s in ["anastasia", "anastasiya", "anastasiia", "anastasija"] {
///     assert!(v.contains(&s.to_string()), "{s}");
/// }
/// assert!(name_variants("Ксения").contains(&"xenia".to_string()));
/// assert!(name_variants("Александр").contains(&"alexander".to_string()));
/// assert!(name_variants("Дмитрий").contains(&"dmitry".to_string()));
/// ```
pub fn name_variants(word: &str) -> Vec<String> {
    let word: Vec<char> = word.chars().map(lower_char).collect();
    if !word.iter().any(|&c| is_cyrillic(c)) || word.len() > MAX_NAME_CHARS {
        return vec![word.into_iter().collect()];
    }
    let tr = &data().translit;
    // The word as slots, each with the spellings that apply there. A word
    // with a character outside the table (a digit, a Ukrainian і) keeps the
    // three schemes only.
    let mut slots: Vec<Vec<&'static str>> = Vec::with_capacity(word.len());
    let mut i = 0;
    while let Some(&c) = word.get(i) {
        let (next, after_vowel) =
            (word.get(i + 1).copied(), i == 0 || word.get(i - 1).is_some_and(|&p| is_russian_vowel(p)));
        // A two-letter group ("кс=ks|x", "ия$=…": only at the end).
        let mut spellings = None;
        for entry in tr.clusters.split(';') {
            let Some((group, s)) = entry.split_once('=') else { continue };
            let mut g = group.chars();
            if g.next() == Some(c) && g.next() == next && (g.next().is_none() || i + 2 == word.len()) {
                spellings = Some(s);
                i += 1;
                break;
            }
        }
        if spellings.is_none() {
            spellings = tr.letters.chars().position(|l| l == c).and_then(|k| tr.names.split(';').nth(k));
        }
        let Some(spellings) = spellings else {
            return transliterations(&word.iter().collect::<String>());
        };
        let mut usable: Vec<&'static str> = Vec::new();
        for s in spellings.split('|') {
            match s.strip_prefix('^') {
                Some(s) if after_vowel => usable.push(s),
                Some(_) => {}
                None => usable.push(s),
            }
        }
        slots.push(usable);
        i += 1;
    }

    // suffix[i]: how far the slots from i on can stray from the commonest.
    let mut suffix = vec![0usize; slots.len() + 1];
    for i in (0..slots.len()).rev() {
        let here = slots.get(i).map_or(0, |s| s.len().saturating_sub(1));
        let next = suffix.get(i + 1).copied().unwrap_or(0);
        if let Some(x) = suffix.get_mut(i) {
            *x = next + here;
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut pick = vec![0usize; slots.len()];
    let mut tries = 0usize;
    for budget in 0..=suffix.first().copied().unwrap_or(0) {
        spell(&slots, &suffix, 0, budget, &mut pick, &mut out, &mut tries);
        if out.len() >= MAX_NAME_VARIANTS || tries >= 4 * MAX_NAME_VARIANTS {
            break;
        }
    }
    out
}

/// Every spelling whose slots stray from the commonest by exactly `budget`
/// in total (each visited branch ends in at least one spelling, so the work
/// is bounded by the caps).
fn spell(
    slots: &[Vec<&str>],
    suffix: &[usize],
    i: usize,
    budget: usize,
    pick: &mut Vec<usize>,
    out: &mut Vec<String>,
    tries: &mut usize,
) {
    if out.len() >= MAX_NAME_VARIANTS || *tries >= 4 * MAX_NAME_VARIANTS {
        return;
    }
    let Some(slot) = slots.get(i) else {
        if budget == 0 {
            *tries += 1;
            let mut s = String::new();
            for (slot, &k) in slots.iter().zip(pick.iter()) {
                s.push_str(slot.get(k).copied().unwrap_or(""));
            }
            if !out.contains(&s) {
                out.push(s);
            }
        }
        return;
    };
    if budget > suffix.get(i).copied().unwrap_or(0) {
        return;
    }
    for k in 0..slot.len().min(budget + 1) {
        if let Some(p) = pick.get_mut(i) {
            *p = k;
        }
        spell(slots, suffix, i + 1, budget - k, pick, out, tries);
    }
}

/// The word in the keyboard's Latin key space (what typing it with the
/// English layout on gives, lower-case): «пароль» → "gfhjkm".
pub fn key_spelling(word: &str) -> String {
    word.chars().map(|c| key_char(lower_char(c))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_fix_covers_every_russian_letter() {
        let lower = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        let upper = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
        assert_eq!(to_english_layout(lower).as_deref(), Some("f,dult`;pbqrkvyjghcnea[wxio]sm'.z"));
        assert_eq!(to_english_layout(upper).as_deref(), Some("F<DULT~:PBQRKVYJGHCNEA{WXIO}SM\">Z"));
        assert_eq!(to_english_layout("№").as_deref(), Some("#"));
        assert_eq!(to_english_layout("йцукен").as_deref(), Some("qwerty"));
    }

    #[test]
    fn keys_touch_across_rows() {
        let p = |c| key_position(c).unwrap();
        assert!(p('q').touches(p('w')));
        assert!(p('1').touches(p('q')));
        assert!(p('q').touches(p('2')));
        assert!(p('a').touches(p('z')));
        assert!(p('s').touches(p('z')));
        assert!(!p('a').touches(p('x')));
        assert!(!p('q').touches(p('e')));
        // ЙЦУКЕН letters sit on the same keys.
        assert_eq!(p('й').col, p('q').col);
        assert_eq!(p('Й').row, p('Q').row);
        assert!(p('Й').shifted);
    }

    #[test]
    fn names_in_the_spellings_people_use() {
        let has = |name: &str, latin: &[&str]| {
            let v = name_variants(name);
            for l in latin {
                assert!(v.contains(&l.to_string()), "{name}: {l} not in {v:?}");
            }
            assert!(v.len() <= MAX_NAME_VARIANTS);
        };
        has("Анастасия", &["anastasia", "anastasiya", "anastasiia", "anastasija", "anastasya"]);
        has("Мария", &["maria", "mariya", "mariia", "marija"]);
        has("София", &["sofia", "sofiya", "sophia", "sofiia"]);
        has("Софья", &["sofya", "sofia", "sofja", "sophia"]);
        has("Ксения", &["ksenia", "kseniya", "xenia", "kseniia"]);
        has("Юлия", &["yulia", "julia", "iuliia", "yuliya", "iulia"]);
        has("Дмитрий", &["dmitry", "dmitriy", "dmitrii", "dmitrij", "dmitri"]);
        has("Александр", &["alexander", "aleksandr", "alexandr", "aleksander"]);
        has("Алексей", &["alexey", "aleksei", "aleksey", "alexei", "aleksej"]);
        has("Наталья", &["natalya", "natalia", "natalja"]);
        has("Елена", &["elena", "yelena"]);
        has("Алёна", &["alyona", "alena", "aliona"]);
        has("Михаил", &["mikhail", "mihail"]);
        has("Евгений", &["evgeniy", "yevgeny", "evgenii"]);
        has("Пётр", &["petr", "pyotr", "peter"]);
        has("Цветков", &["tsvetkov", "cvetkov"]);
        has("Щукина", &["shchukina", "schukina"]);
        has("Жанна", &["zhanna", "janna"]);
        has("Хабибуллина", &["khabibullina", "habibullina"]);
        has("Ульяна", &["ulyana", "uliana"]);
        has("Илья", &["ilya", "ilia", "ilja"]);
        // ^: "ye" only at the start or after a vowel.
        assert!(!name_variants("Медведев").iter().any(|v| v.contains("dye")));
        // The commonest spelling first; Latin words are themselves.
        assert_eq!(name_variants("Маша").first().map(String::as_str), Some("masha"));
        assert_eq!(name_variants("Masha"), vec!["masha".to_string()]);
    }

    #[test]
    fn name_variants_are_capped() {
        let long = "ЁжиЁжиЁжиЁжиЁжиЁжиЁжиЁжиЁжиЁжи";
        let v = name_variants(long);
        assert!(!v.is_empty() && v.len() <= MAX_NAME_VARIANTS, "{}", v.len());
        assert_eq!(name_variants(&"я".repeat(MAX_NAME_CHARS + 1)).len(), 1);
    }

    #[test]
    fn passport_scheme() {
        assert!(transliterations("Наталья").contains(&"natalia".to_string()));
        assert!(transliterations("Алёна").contains(&"alyona".to_string()));
        assert_eq!(key_spelling("Пароль"), "gfhjkm");
    }
}

//! The small tables: the production calendar, the document tables, the
//! eligibility links and the password data.

use std::fmt::Write as _;

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::common::{date_key, in_range, lit, lit_list, read, Sources, Text};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    #[serde(default)]
    #[allow(dead_code)]
    text: IgnoredAny,
    year: Vec<Year>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Year {
    year: i64,
    confirmed: bool,
    source: Sources,
    note: Text,
    non_working: Vec<String>,
    working_weekends: Vec<String>,
}

pub fn calendar(file: &str, raw: &str) -> String {
    let data: CalendarFile = read(file, raw);
    let mut code = String::from("static YEARS: &[CalendarYear] = &[\n");
    // The sources and notes in a table of their own, read only through
    // `CalendarYear::source`/`note`: a module that never asks for them
    // (the panel counts working days) leaves them out.
    let mut notes = String::from("/// Per year of `YEARS`, in its order: (the year, its sources, its note).\nstatic YEAR_NOTES: &[(i32, &[&str], &str)] = &[\n");
    let mut non_working = Vec::new();
    let mut working_weekends = Vec::new();
    let mut previous_year = 0;
    for (i, y) in data.year.iter().enumerate() {
        let at = format!("{file}: year[{i}]");
        let year = in_range(&format!("{at}.year"), y.year, 1990, 2200);
        if year <= previous_year {
            panic!("{at}: years must be in increasing order");
        }
        previous_year = year;
        for (key, list, out) in [
            ("non_working", &y.non_working, &mut non_working),
            ("working_weekends", &y.working_weekends, &mut working_weekends),
        ] {
            for (j, s) in list.iter().enumerate() {
                let k = date_key(&format!("{at}.{key}[{j}]"), s);
                if i64::from(k / 10000) != year {
                    panic!("{at}.{key}[{j}]: `{s}` is not in {year}");
                }
                out.push(k);
            }
        }
        let _ = writeln!(code, "    CalendarYear {{ year: {year}, confirmed: {} }},", y.confirmed);
        let _ = writeln!(notes, "    ({year}, {}, {}),", lit_list(&y.source.0), lit(&y.note));
    }
    code.push_str("];\n");
    notes.push_str("];\n");
    code.push_str(&notes);
    for (name, mut list) in [("NON_WORKING", non_working), ("WORKING_WEEKENDS", working_weekends)] {
        list.sort_unstable();
        let len = list.len();
        list.dedup();
        if list.len() != len {
            panic!("{file}: a date is listed twice");
        }
        let _ = writeln!(code, "/// Dates as `YYYYMMDD`, sorted.\nstatic {name}: &[u32] = &{list:?};");
    }
    code
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentsFile {
    #[serde(default)]
    #[allow(dead_code)]
    text: IgnoredAny,
    certificate_problem: Vec<CertificateProblemRow>,
    record_difference: Vec<RecordDifferenceRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CertificateProblemRow {
    id: Text,
    text: Text,
    source: Sources,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordDifferenceRow {
    id: Text,
    hint: Text,
    source: Sources,
}

pub fn documents(file: &str, raw: &str) -> String {
    let data: DocumentsFile = read(file, raw);
    let certificate: Vec<_> = data.certificate_problem.iter().map(|r| (&r.id, &r.text, &r.source)).collect();
    let records: Vec<_> = data.record_difference.iter().map(|r| (&r.id, &r.hint, &r.source)).collect();
    let mut code = String::new();
    for (text_key, name, rows) in
        [("text", "CERTIFICATE_PROBLEMS", certificate), ("hint", "RECORD_DIFFERENCES", records)]
    {
        let _ = writeln!(code, "/// (id, {text_key} text id, sources), in the order of the data file.\n#[allow(dead_code)]\npub(crate) static {name}: &[(&str, &str, &[&str])] = &[");
        for (id, text, source) in rows {
            let _ = writeln!(code, "    ({}, {}, {}),", lit(id), lit(text), lit_list(&source.0));
        }
        code.push_str("];\n");
    }
    code
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinksFile {
    #[serde(default)]
    #[allow(dead_code)]
    text: IgnoredAny,
    link: Vec<FixedLink>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixedLink {
    id: Text,
    href: Text,
    source: Sources,
}

pub fn links(file: &str, raw: &str) -> String {
    let data: LinksFile = read(file, raw);
    let mut code = String::from("static LINKS: &[FixedLink] = &[\n");
    for (i, l) in data.link.iter().enumerate() {
        if !l.href.starts_with("https://") && !l.href.starts_with("http://") {
            panic!("{file}: link[{i}].href: not an http(s) address");
        }
        let _ = writeln!(
            code,
            "    FixedLink {{ id: {}, href: {}, source: {} }},",
            lit(&l.id),
            lit(&l.href),
            lit_list(&l.source.0)
        );
    }
    code.push_str("];\n");
    code
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PasswordFile {
    #[serde(default)]
    #[allow(dead_code)]
    text: IgnoredAny,
    policy: PolicyData,
    keyboard: KeyboardData,
    translit: TranslitData,
    dictionary: DictionaryData,
    strength: StrengthData,
    generator: GeneratorData,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyData {
    /// One seed file (the policy's one source).
    source: Text,
    min_length: i64,
    require_uppercase: bool,
    require_lowercase: bool,
    require_digit: bool,
    require_symbol: bool,
    /// May be empty (no symbols allowed).
    symbols: String,
    symbols_seed_literal: Text,
    symbols_decision: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct KeyboardData {
    source: Sources,
    qwerty: Vec<String>,
    qwerty_shift: Vec<String>,
    jcuken: Vec<String>,
    jcuken_shift: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct TranslitData {
    source: Sources,
    letters: Text,
    popular: Vec<String>,
    j_style: Vec<String>,
    passport: Vec<String>,
    names: Vec<String>,
    clusters: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct DictionaryData {
    source: Sources,
    note: Option<String>,
    passwords: String,
    words: String,
    russian: String,
    names: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StrengthData {
    source: Sources,
    note: Option<String>,
    score_thresholds: Vec<f64>,
    warn_below_score: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct GeneratorData {
    source: Sources,
    default_length: i64,
    min_length: i64,
    max_length: i64,
    look_alikes: Text,
    consonants: Text,
    vowels: Text,
    digits: Text,
    friendly_symbols: Text,
    /// May be empty.
    blocked_words: String,
}

pub fn password(file: &str, raw: &str) -> String {
    let data: PasswordFile = read(file, raw);
    let mut code = String::from("static DATA: PasswordData = PasswordData {\n");
    let _ = writeln!(code, "{}", password_policy(file, &data.policy));
    let _ = writeln!(code, "{}", password_keyboard(file, &data.keyboard));
    let _ = writeln!(code, "{}", password_translit(file, &data.translit));
    let _ = writeln!(code, "{}", password_dictionary(&data.dictionary));
    let _ = writeln!(code, "{}", password_strength(file, &data.strength));
    let _ = writeln!(code, "{}", password_generator(file, &data.generator));
    code.push_str("};\n");
    // Its own static, not a field of `DATA`: the one function that reads
    // it keeps it, and no module that uses the rest of `DATA` carries it.
    let _ = writeln!(
        code,
        "/// How the seed's garbled symbol list was read, and why (`Policy::symbols_decision`).\nstatic SYMBOLS_DECISION: &str = {};",
        lit(&data.policy.symbols_decision)
    );
    code
}

/// `policy: PolicyData { … }`: The policy of seed 003: length and character classes (`min_length` within 1–64).
fn password_policy(file: &str, t: &PolicyData) -> String {
    format!(
        "    policy: PolicyData {{ min_length: {}, require_uppercase: {}, require_lowercase: {}, require_digit: {}, require_symbol: {}, symbols: {}, symbols_seed_literal: {}, source: {} }},",
        in_range(&format!("{file}: policy.min_length"), t.min_length, 1, 64),
        t.require_uppercase,
        t.require_lowercase,
        t.require_digit,
        t.require_symbol,
        lit(&t.symbols),
        lit(&t.symbols_seed_literal),
        lit(&t.source),
    )
}

/// `keyboard: KeyboardData { … }`: The four keyboard rows of each layout, plain and shifted.
fn password_keyboard(file: &str, t: &KeyboardData) -> String {
    let rows4 = |key: &str, list: &[String]| {
        if list.len() != 4 {
            panic!("{file}: keyboard.{key}: needs 4 keyboard rows");
        }
        lit_list(list)
    };
    format!(
        "    keyboard: KeyboardData {{ qwerty: {}, qwerty_shift: {}, jcuken: {}, jcuken_shift: {} }},",
        rows4("qwerty", &t.qwerty),
        rows4("qwerty_shift", &t.qwerty_shift),
        rows4("jcuken", &t.jcuken),
        rows4("jcuken_shift", &t.jcuken_shift),
    )
}

/// `translit: TranslitData { … }`: The transliteration schemes, each stored as one byte per letter: the position of its spelling among the letter's `names` (every scheme spelling must be one of them); clusters as "letters[$]=spellings".
fn password_translit(file: &str, t: &TranslitData) -> String {
    let letters = &t.letters;
    let names = &t.names;
    if names.len() != letters.chars().count() {
        panic!("{file}: translit.names: needs one entry per letter of `letters`");
    }
    // A scheme is stored as the position of its spelling among the letter's
    // `names` spellings (one byte per letter): every scheme spelling must be
    // one of them.
    let scheme = |key: &str, list: &[String]| {
        if list.len() != letters.chars().count() {
            panic!("{file}: translit.{key}: needs one entry per letter of `letters`");
        }
        let picks: Vec<u8> = list
            .iter()
            .zip(names)
            .enumerate()
            .map(|(i, (spelling, spellings))| {
                let at = spellings.split('|').map(|s| s.trim_start_matches('^')).position(|s| s == spelling);
                at.unwrap_or_else(|| {
                    panic!("{file}: translit.{key}[{i}]: \"{spelling}\" is not among `names` ({spellings})")
                }) as u8
            })
            .collect();
        format!("&{picks:?}")
    };
    // Clusters as "letters[$]=spellings".
    if names.iter().any(|n| n.contains(';')) {
        panic!("{file}: translit.names: no \";\" in a spelling");
    }
    for (i, c) in t.clusters.iter().enumerate() {
        let (group, spellings) = c
            .split_once('=')
            .unwrap_or_else(|| panic!("{file}: translit.clusters[{i}]: must be \"letters=spelling|spelling\""));
        let group = group.strip_suffix('$').unwrap_or(group);
        if group.chars().count() != 2
            || !group.chars().all(|l| letters.contains(l))
            || spellings.is_empty()
            || spellings.contains(';')
        {
            panic!("{file}: translit.clusters[{i}]: needs two letters of `letters` and spellings");
        }
    }
    format!(
        "    translit: TranslitData {{ letters: {}, popular: {}, j_style: {}, passport: {}, names: {}, clusters: {} }},",
        lit(letters),
        scheme("popular", &t.popular),
        scheme("j_style", &t.j_style),
        scheme("passport", &t.passport),
        lit(&names.join(";")),
        lit(&t.clusters.join(";")),
    )
}

/// `dictionary: DictionaryData { … }`: The dictionaries, as the data lists them.
fn password_dictionary(t: &DictionaryData) -> String {
    format!(
        "    dictionary: DictionaryData {{ passwords: {}, words: {}, russian: {}, names: {} }},",
        lit(&t.passwords),
        lit(&t.words),
        lit(&t.russian),
        lit(&t.names),
    )
}

/// `strength: StrengthData { … }`: The score thresholds (four, increasing) and the score below which a warning shows.
fn password_strength(file: &str, t: &StrengthData) -> String {
    if t.score_thresholds.len() != 4 || t.score_thresholds.iter().any(|x| !x.is_finite()) {
        panic!("{file}: strength.score_thresholds: needs 4 numbers");
    }
    if t.score_thresholds.windows(2).any(|w| w[0] >= w[1]) {
        panic!("{file}: strength.score_thresholds: must increase");
    }
    format!(
        "    strength: StrengthData {{ score_thresholds: [{}], warn_below_score: {} }},",
        t.score_thresholds.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>().join(", "),
        in_range(&format!("{file}: strength.warn_below_score"), t.warn_below_score, 0, 4),
    )
}

/// `generator: GeneratorData { … }`: The generator's lengths (1–1024) and alphabets.
fn password_generator(file: &str, t: &GeneratorData) -> String {
    let length = |key: &str, n: i64| in_range(&format!("{file}: generator.{key}"), n, 1, 1024);
    format!(
        "    generator: GeneratorData {{ default_length: {}, min_length: {}, max_length: {}, look_alikes: {}, consonants: {}, vowels: {}, digits: {}, friendly_symbols: {}, blocked_words: {} }},",
        length("default_length", t.default_length),
        length("min_length", t.min_length),
        length("max_length", t.max_length),
        lit(&t.look_alikes),
        lit(&t.consonants),
        lit(&t.vowels),
        lit(&t.digits),
        lit(&t.friendly_symbols),
        lit(&t.blocked_words),
    )
}

//! A compact password-strength estimator in the spirit of zxcvbn.
//!
//! One pipeline: **matching** (dictionary words with leet and reversal, the
//! person's own names and dates, keyboard walks on QWERTY/ЙЦУКЕН, sequences,
//! repeats, dates and years) → **scoring** (the cheapest way to guess the
//! whole password: a shortest-path over positions, each character either
//! part of a match or guessed by brute force) → **feedback** (warning ids
//! from the matches on that path).
//!
//! Linear time: every matcher does a bounded amount of work per position
//! (dictionary walks stop at the trie's depth with at most
//! [`MAX_FRONTIER`] states; dates look at most 10 characters ahead; repeats
//! try periods up to [`MAX_PERIOD`]; walks and sequences are single passes),
//! so the number of matches is O(n) and so is the shortest path.
//!
//! The data is small on purpose (see `[dictionary]` in
//! `data/password.toml`): a few hundred words, multiplied by
//! transliteration and layout variants at load time.

use super::data::data;
use super::layout::{is_cyrillic, key_char, key_position, key_spelling, lower_char, transliterations};
use super::Warning;
use std::sync::OnceLock;

/// The most trie states followed at once while matching leet spellings.
pub const MAX_FRONTIER: usize = 8;
/// The longest word matched (dictionary and personal tokens).
pub const MAX_WORD: usize = 32;
/// The longest block found by the repeat matcher (`abcabc` has period 3).
pub const MAX_PERIOD: usize = 8;
/// At most this many personal strings are used, each cut to
/// [`MAX_PERSONAL_CHARS`] characters.
pub const MAX_PERSONAL_STRINGS: usize = 16;
pub const MAX_PERSONAL_CHARS: usize = 100;

/// The number of years a year or date guess ranges over (1900–2039).
const YEAR_SPACE: f64 = 140.0;
/// Starting keys and average number of neighbours of a key, for walks
/// (zxcvbn's figures for QWERTY with shift).
const KEYBOARD_STARTS: f64 = 94.0;
const KEYBOARD_DEGREE: f64 = 4.6;
/// Added per pattern on the guessing path: an attacker also guesses how
/// the password is put together.
const SEGMENT_PENALTY: f64 = 0.301_03;

/// The estimate for a password.
#[derive(Debug, Clone, PartialEq)]
pub struct Strength {
    /// 0 (guessed at once) to 4 (very hard to guess).
    pub score: u8,
    /// log10 of the estimated number of guesses, rounded to 0.01.
    pub guesses_log10: f64,
    /// Why it is weak: pattern warnings, in [`Warning::ALL`] order.
    pub warnings: Vec<Warning>,
}

/// What kind of pattern a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dictionary,
    Personal,
    Walk,
    Sequence,
    Repeat,
    Date,
}

impl Kind {
    fn warning(self) -> Warning {
        match self {
            Kind::Dictionary => Warning::CommonPassword,
            Kind::Personal => Warning::PersonalInfo,
            Kind::Walk => Warning::KeyboardPattern,
            Kind::Sequence => Warning::Sequence,
            Kind::Repeat => Warning::Repeats,
            Kind::Date => Warning::Date,
        }
    }
}

/// A pattern found in `[start, end)` (character positions), costing
/// `cost` = log10(guesses).
#[derive(Debug, Clone, Copy)]
struct Match {
    start: usize,
    end: usize,
    cost: f64,
    kind: Kind,
}

// ---------------------------------------------------------------------------
// Tries
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Node {
    children: Vec<(char, u32)>,
    /// 0: not the end of a word; otherwise the word's guess rank.
    rank: u32,
}

/// A character trie of words in key space with their ranks.
pub(crate) struct Trie {
    nodes: Vec<Node>,
}

impl Trie {
    fn new() -> Trie {
        Trie { nodes: vec![Node::default()] }
    }

    fn insert(&mut self, word: &str, rank: u32) {
        if word.chars().count() < 3 || word.chars().count() > MAX_WORD || rank == 0 {
            return;
        }
        let mut node = 0usize;
        for c in word.chars() {
            let next = self.child(node, c);
            node = match next {
                Some(n) => n,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(Node::default());
                    if let Some(parent) = self.nodes.get_mut(node) {
                        parent.children.push((c, n as u32));
                    }
                    n
                }
            };
        }
        if let Some(end) = self.nodes.get_mut(node) {
            if end.rank == 0 || rank < end.rank {
                end.rank = rank;
            }
        }
    }

    fn child(&self, node: usize, c: char) -> Option<usize> {
        self.nodes
            .get(node)?
            .children
            .iter()
            .find(|(k, _)| *k == c)
            .map(|&(_, n)| n as usize)
    }

    fn rank(&self, node: usize) -> u32 {
        self.nodes.get(node).map_or(0, |n| n.rank)
    }

    /// How many words end in the trie.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.nodes.iter().filter(|n| n.rank > 0).count()
    }
}

/// The built-in dictionary: every list of `[dictionary]`, each word ranked
/// by its position in its list (the best rank wins); Cyrillic lists in their
/// transliterations and in their key spelling.
pub(crate) fn dictionary() -> &'static Trie {
    static TRIE: OnceLock<Trie> = OnceLock::new();
    TRIE.get_or_init(|| {
        let d = &data().dictionary;
        let mut trie = Trie::new();
        for list in [&d.passwords, &d.words] {
            for (i, w) in list.split_whitespace().enumerate() {
                trie.insert(&key_spelling(w), i as u32 + 1);
            }
        }
        for list in [&d.russian, &d.names] {
            for (i, w) in list.split_whitespace().enumerate() {
                for t in transliterations(w) {
                    trie.insert(&t, i as u32 + 1);
                }
                trie.insert(&key_spelling(w), i as u32 + 1);
            }
        }
        trie
    })
}

/// The words of the person's own data: names (with their transliterations
/// and key spellings) and dates (in the ways people write them), all with
/// rank 1.
fn personal_trie(personal: &[&str]) -> Option<Trie> {
    let mut trie = Trie::new();
    let mut any = false;
    for s in personal.iter().take(MAX_PERSONAL_STRINGS) {
        let s: String = s.chars().take(MAX_PERSONAL_CHARS).collect();
        let mut tokens = date_tokens(&s);
        for word in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if word.chars().any(is_cyrillic) {
                tokens.extend(transliterations(word));
            } else {
                tokens.push(word.chars().map(lower_char).collect());
            }
            tokens.push(key_spelling(word));
        }
        for t in tokens {
            if t.chars().count() >= 3 {
                any = true;
                trie.insert(&t, 1);
            }
        }
    }
    any.then_some(trie)
}

/// A date `YYYY-MM-DD`, `DD.MM.YYYY` (or with `/`, `-`) written out in the
/// ways people put birth dates into passwords: 2012, 100512, 10052012,
/// 20120510, 1005, 10.05.2012, 105 (no leading zeros) …
fn date_tokens(s: &str) -> Vec<String> {
    let parts: Vec<&str> = s.trim().split(['-', '.', '/']).collect();
    let [a, b, c] = parts.as_slice() else { return Vec::new() };
    let all_digits = |x: &str| !x.is_empty() && x.len() <= 4 && x.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(a) && all_digits(b) && all_digits(c)) {
        return Vec::new();
    }
    let num = |x: &str| x.parse::<u32>().unwrap_or(0);
    let (y, m, d) = if a.len() == 4 { (num(a), num(b), num(c)) } else { (num(c), num(b), num(a)) };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=9999).contains(&y) {
        return Vec::new();
    }
    let yyyy = format!("{y:04}");
    let yy = format!("{:02}", y % 100);
    let mut out = vec![yyyy.clone()];
    for dd in [format!("{d:02}"), d.to_string()] {
        for mm in [format!("{m:02}"), m.to_string()] {
            for year in [&yyyy, &yy] {
                out.push(format!("{dd}{mm}{year}"));
                out.push(format!("{year}{mm}{dd}"));
                out.push(format!("{mm}{dd}{year}"));
                for sep in ['.', '-', '/'] {
                    out.push(format!("{dd}{sep}{mm}{sep}{year}"));
                }
            }
            out.push(format!("{dd}{mm}"));
            out.push(format!("{mm}{dd}"));
        }
    }
    out.sort();
    out.dedup();
    out
}

// ---------------------------------------------------------------------------
// Helpers on log10 of counts
// ---------------------------------------------------------------------------

/// log10 C(n, k), summing k terms.
fn log10_binom(n: usize, k: usize) -> f64 {
    if k > n {
        return f64::NEG_INFINITY;
    }
    let k = k.min(n - k);
    (1..=k).map(|i| ((n - k + i) as f64 / i as f64).log10()).sum()
}

/// log10(10^a + 10^b).
fn log10_add(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
    if lo == f64::NEG_INFINITY {
        return hi;
    }
    hi + (1.0 + 10f64.powf(lo - hi)).log10()
}

/// log10 Σ_{i=1..m} C(n, i), in O(m).
fn log10_sum_binom(n: usize, m: usize) -> f64 {
    let mut total = f64::NEG_INFINITY;
    let mut term = 0.0; // log10 C(n, 0)
    for i in 1..=m.min(n) {
        term += ((n - i + 1) as f64 / i as f64).log10();
        total = log10_add(total, term);
    }
    total
}

/// How many ways the letters' case could vary, as log10: all lower 0;
/// first, last or all upper log10(2); otherwise the binomial sum.
fn case_variations(chars: &[char]) -> f64 {
    let upper = chars.iter().filter(|c| c.is_uppercase()).count();
    let lower = chars.iter().filter(|c| c.is_lowercase()).count();
    if upper == 0 {
        return 0.0;
    }
    let first_upper = chars.first().is_some_and(|c| c.is_uppercase());
    let last_upper = chars.last().is_some_and(|c| c.is_uppercase());
    if lower == 0 || (upper == 1 && (first_upper || last_upper)) {
        return 2f64.log10();
    }
    log10_sum_binom(upper + lower, upper.min(lower))
}

/// log10 of the guesses for one character guessed by brute force: its class
/// size, with lower-case letters that follow a lower-case letter counted as
/// pronounceable text (a stand-in for the large word lists we do not ship).
fn brute_force_cost(c: char, previous: Option<char>) -> f64 {
    let cardinality: f64 = if c.is_ascii_digit() {
        10.0
    } else if c.is_lowercase() {
        if previous.is_some_and(|p| p.is_lowercase()) {
            5.0
        } else {
            26.0
        }
    } else if c.is_uppercase() {
        26.0
    } else if c.is_ascii_punctuation() {
        33.0
    } else if c.is_whitespace() {
        5.0
    } else {
        100.0
    };
    cardinality.log10()
}

// ---------------------------------------------------------------------------
// Matchers
// ---------------------------------------------------------------------------

/// The password in the three forms the matchers read; all have one entry
/// per character.
struct Text<'a> {
    /// As typed.
    orig: &'a [char],
    /// Lower case.
    lower: &'a [char],
    /// Lower case, Cyrillic letters replaced by their keys' Latin characters.
    keys: &'a [char],
}

impl Text<'_> {
    fn len(&self) -> usize {
        self.orig.len()
    }
}

/// Letters a digit or symbol may stand for.
fn leet(c: char) -> &'static [char] {
    match c {
        '4' | '@' => &['a'],
        '8' => &['b'],
        '3' => &['e'],
        '9' | '6' => &['g'],
        '1' | '|' => &['i', 'l'],
        '!' => &['i'],
        '0' => &['o'],
        '$' | '5' => &['s'],
        '7' | '+' => &['t'],
        '2' => &['z'],
        _ => &[],
    }
}

/// Finds the words of `trie` in `keys` (forward and reversed), with leet
/// spellings; at most one match (the cheapest) per span and direction.
fn match_words(trie: &Trie, text: &Text, kind: Kind, out: &mut Vec<Match>) {
    let n = text.len();
    let reversed: Vec<char> = text.keys.iter().rev().copied().collect();
    for (seq, is_reversed) in [(text.keys, false), (reversed.as_slice(), true)] {
        let mut frontier: Vec<(usize, u8)> = Vec::with_capacity(MAX_FRONTIER);
        let mut next: Vec<(usize, u8)> = Vec::with_capacity(MAX_FRONTIER);
        for i in 0..n {
            frontier.clear();
            frontier.push((0, 0));
            for (depth, &c) in seq.iter().skip(i).take(MAX_WORD).enumerate() {
                next.clear();
                for &(node, subs) in &frontier {
                    let literal = std::iter::once((c, 0u8));
                    let subbed = leet(c).iter().map(|&l| (l, 1u8));
                    for (ch, extra) in literal.chain(subbed) {
                        if next.len() >= MAX_FRONTIER {
                            break;
                        }
                        if let Some(child) = trie.child(node, ch) {
                            let s = subs.saturating_add(extra);
                            match next.iter_mut().find(|(nd, _)| *nd == child) {
                                Some(entry) => entry.1 = entry.1.min(s),
                                None => next.push((child, s)),
                            }
                        }
                    }
                }
                if next.is_empty() {
                    break;
                }
                // The cheapest word ending here.
                let best = next
                    .iter()
                    .filter_map(|&(node, subs)| {
                        let rank = trie.rank(node);
                        (rank > 0).then(|| (rank as f64).log10() + f64::from(subs) * 2f64.log10())
                    })
                    .min_by(f64::total_cmp);
                if let Some(base) = best {
                    let (start, end) = if is_reversed { (n - (i + depth + 1), n - i) } else { (i, i + depth + 1) };
                    let case = text.orig.get(start..end).map_or(0.0, case_variations);
                    let reversal = if is_reversed { 2f64.log10() } else { 0.0 };
                    out.push(Match { start, end, cost: base + case + reversal, kind });
                }
                std::mem::swap(&mut frontier, &mut next);
            }
        }
    }
}

/// Keyboard walks: runs of 3 or more characters whose keys touch, on the
/// shared QWERTY/ЙЦУКЕН keys. Guesses as in zxcvbn: starting keys × the
/// ways to place the turns × neighbours per turn × shift variations.
fn match_walks(text: &Text, out: &mut Vec<Match>) {
    let n = text.len();
    let positions: Vec<Option<_>> = text.orig.iter().map(|&c| key_position(c)).collect();
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        let mut turns = 0usize;
        let mut last_dir = None;
        while j < n {
            let (Some(Some(a)), Some(Some(b))) = (positions.get(j - 1), positions.get(j)) else { break };
            if !a.touches(*b) {
                break;
            }
            let dir = a.direction(*b);
            if last_dir != Some(dir) {
                turns += 1;
                last_dir = Some(dir);
            }
            j += 1;
        }
        let len = j - i;
        if len >= 3 {
            let mut ways = f64::NEG_INFINITY;
            for t in 1..=turns.min(len - 1) {
                ways = log10_add(ways, log10_binom(len - 1, t - 1) + t as f64 * KEYBOARD_DEGREE.log10());
            }
            let shifted = positions
                .get(i..j)
                .map_or(0, |p| p.iter().filter(|k| k.is_some_and(|k| k.shifted)).count());
            let shift = if shifted == 0 {
                0.0
            } else if shifted == len {
                2f64.log10()
            } else {
                log10_sum_binom(len, shifted.min(len - shifted))
            };
            out.push(Match { start: i, end: j, cost: KEYBOARD_STARTS.log10() + ways + shift, kind: Kind::Walk });
        }
        i = j;
    }
}

/// The class a character can form sequences in: 1 Latin, 2 digits,
/// 3 Russian letters, 0 none.
fn sequence_class(c: char) -> u8 {
    match c {
        'a'..='z' => 1,
        '0'..='9' => 2,
        'а'..='я' => 3,
        _ => 0,
    }
}

/// Sequences: 3 or more characters of one class with a constant step of 1
/// to 5 (abc, 2468, zyx, абв).
fn match_sequences(text: &Text, out: &mut Vec<Match>) {
    let lower = text.lower;
    let n = lower.len();
    let step = |k: usize| -> Option<i64> {
        let (a, b) = (*lower.get(k - 1)?, *lower.get(k)?);
        let class = sequence_class(a);
        (class != 0 && class == sequence_class(b)).then(|| b as i64 - a as i64)
    };
    let mut emit = |i: usize, j: usize, delta: Option<i64>| {
        // The run is [i, j], inclusive.
        let Some(delta) = delta else { return };
        if j < i + 2 || delta == 0 || delta.abs() > 5 {
            return;
        }
        let first = lower.get(i).copied().unwrap_or('a');
        let base: f64 = if matches!(first, 'a' | 'z' | '0' | '1' | '9' | 'а' | 'я') {
            4.0
        } else if first.is_ascii_digit() {
            10.0
        } else {
            26.0
        };
        let len = (j - i + 1) as f64;
        let mut cost = base.log10() + len.log10() + (delta.unsigned_abs() as f64).log10();
        if delta < 0 {
            cost += 2f64.log10();
        }
        out.push(Match { start: i, end: j + 1, cost, kind: Kind::Sequence });
    };
    if n < 3 {
        return;
    }
    let mut i = 0;
    let mut last = step(1);
    for k in 2..n {
        let delta = step(k);
        if delta == last && delta.is_some() {
            continue;
        }
        emit(i, k - 1, last);
        i = k - 1;
        last = delta;
    }
    emit(i, n - 1, last);
}

/// Repeats: a block of 1 to [`MAX_PERIOD`] characters said twice or more
/// (aaa, abab, 123123). Guesses: the block's own guesses × the count.
fn match_repeats(text: &Text, personal: Option<&Trie>, out: &mut Vec<Match>) {
    let n = text.len();
    let lower = text.lower;
    for p in 1..=MAX_PERIOD.min(n / 2) {
        let mut k = p;
        while k < n {
            // The run of positions k.. where lower[k] == lower[k - p].
            let run_start = k;
            while k < n && lower.get(k) == lower.get(k - p) {
                k += 1;
            }
            let run = k - run_start;
            if run >= p {
                let start = run_start - p;
                let blocks = (run + p) / p;
                let end = start + blocks * p;
                if end - start >= 3 {
                    let block = Text {
                        orig: text.orig.get(start..start + p).unwrap_or(&[]),
                        lower: text.lower.get(start..start + p).unwrap_or(&[]),
                        keys: text.keys.get(start..start + p).unwrap_or(&[]),
                    };
                    let cost = block_cost(&block, personal) + (blocks as f64).log10();
                    out.push(Match { start, end, cost, kind: Kind::Repeat });
                }
            }
            k += 1;
        }
    }
}

/// The guesses (log10) of a repeated block, in O(block): brute force, or
/// the block as one whole dictionary or personal word if that is cheaper.
fn block_cost(block: &Text, personal: Option<&Trie>) -> f64 {
    let mut bf = 0.0;
    let mut prev = None;
    for &c in block.orig {
        bf += brute_force_cost(c, prev);
        prev = Some(c);
    }
    let case = case_variations(block.orig);
    let mut best = bf;
    for (trie, floor) in [(Some(dictionary()), 0.0), (personal, 0.0)] {
        let Some(trie) = trie else { continue };
        let mut node = Some(0usize);
        for &c in block.keys {
            node = node.and_then(|nd| trie.child(nd, c));
        }
        if let Some(rank) = node.map(|nd| trie.rank(nd)).filter(|&r| r > 0) {
            best = best.min(f64::max(floor, (rank as f64).log10()) + case);
        }
    }
    best.max(1.0)
}

/// Reads an unsigned number from ASCII digits.
fn number(digits: &[char]) -> u32 {
    digits.iter().fold(0u32, |acc, c| acc.saturating_mul(10).saturating_add(c.to_digit(10).unwrap_or(0)))
}

fn valid_day_month(d: u32, m: u32) -> bool {
    let max_day = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=max_day).contains(&d)
}

fn valid_year(y: u32, digits: usize) -> bool {
    match digits {
        2 => true,
        4 => (1900..=2039).contains(&y),
        _ => false,
    }
}

/// Dates and years: 1900–2039; ddmmyy, yymmdd, ddmmyyyy, yyyymmdd,
/// mmddyyyy; and d.m.yy(yy), yyyy-m-d with one separator kind.
fn match_dates(text: &Text, out: &mut Vec<Match>) {
    let s = text.orig;
    let n = s.len();
    let date_cost = (365.0 * YEAR_SPACE).log10();
    for i in 0..n {
        if !s.get(i).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        // The digits run from i (at most 8 matter).
        let run = s.iter().skip(i).take(8).take_while(|c| c.is_ascii_digit()).count();
        let digits = s.get(i..i + run).unwrap_or(&[]);
        if run >= 4 {
            let y = number(digits.get(..4).unwrap_or(&[]));
            if valid_year(y, 4) {
                out.push(Match { start: i, end: i + 4, cost: YEAR_SPACE.log10(), kind: Kind::Date });
            }
        }
        if run >= 6 {
            let g = |a: usize, b: usize| number(digits.get(a..b).unwrap_or(&[]));
            if valid_day_month(g(0, 2), g(2, 4)) || valid_day_month(g(4, 6), g(2, 4)) {
                out.push(Match { start: i, end: i + 6, cost: date_cost, kind: Kind::Date });
            }
        }
        if run >= 8 {
            let g = |a: usize, b: usize| number(digits.get(a..b).unwrap_or(&[]));
            let dmy = valid_day_month(g(0, 2), g(2, 4)) && valid_year(g(4, 8), 4);
            let ymd = valid_year(g(0, 4), 4) && valid_day_month(g(6, 8), g(4, 6));
            let mdy = valid_day_month(g(2, 4), g(0, 2)) && valid_year(g(4, 8), 4);
            if dmy || ymd || mdy {
                out.push(Match { start: i, end: i + 8, cost: date_cost, kind: Kind::Date });
            }
        }
        // With separators: three digit groups, one separator kind.
        let group = |from: usize, max: usize| -> usize {
            s.iter().skip(from).take(max + 1).take_while(|c| c.is_ascii_digit()).count()
        };
        let g1 = group(i, 4);
        if !(1..=4).contains(&g1) {
            continue;
        }
        let Some(&sep) = s.get(i + g1) else { continue };
        if !matches!(sep, '.' | '-' | '/' | '_' | ' ' | '\\') {
            continue;
        }
        let g2 = group(i + g1 + 1, 2);
        if !(1..=2).contains(&g2) || s.get(i + g1 + 1 + g2) != Some(&sep) {
            continue;
        }
        let from3 = i + g1 + 1 + g2 + 1;
        let g3 = group(from3, 4);
        let a = number(s.get(i..i + g1).unwrap_or(&[]));
        let b = number(s.get(i + g1 + 1..i + g1 + 1 + g2).unwrap_or(&[]));
        let c = number(s.get(from3..from3 + g3.min(4)).unwrap_or(&[]));
        let ok = if g1 == 4 {
            valid_year(a, 4) && (1..=2).contains(&g3) && valid_day_month(c, b)
        } else {
            g1 <= 2 && (g3 == 2 || g3 == 4) && valid_year(c, g3) && (valid_day_month(a, b) || valid_day_month(b, a))
        };
        if ok {
            let end = from3 + g3;
            out.push(Match { start: i, end, cost: date_cost + 4f64.log10(), kind: Kind::Date });
        }
    }
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// Finds every match and the cheapest way to guess the whole text. Returns
/// the cost (log10 guesses) and the matches on the cheapest path, each with
/// the kinds of every other match of exactly the same span.
fn estimate_text(text: &Text, personal: Option<&Trie>) -> (f64, Vec<(Match, Vec<Kind>)>) {
    let n = text.len();
    if n == 0 {
        return (0.0, Vec::new());
    }
    let mut matches = Vec::new();
    match_words(dictionary(), text, Kind::Dictionary, &mut matches);
    if let Some(trie) = personal {
        match_words(trie, text, Kind::Personal, &mut matches);
    }
    match_walks(text, &mut matches);
    match_sequences(text, &mut matches);
    match_dates(text, &mut matches);
    match_repeats(text, personal, &mut matches);
    matches.retain(|m| m.start < m.end && m.end <= n && m.cost.is_finite());

    // Matches by end position, as linked lists (O(n + matches)).
    const NONE: u32 = u32::MAX;
    let mut head = vec![NONE; n + 1];
    let mut link = vec![NONE; matches.len()];
    for (idx, m) in matches.iter().enumerate() {
        if let (Some(h), Some(l)) = (head.get_mut(m.end), link.get_mut(idx)) {
            *l = *h;
            *h = idx as u32;
        }
    }

    // best[j]: the cheapest cost of the first j characters; back[j]: the
    // match that ends there on that path, or NONE for brute force.
    let mut best = vec![f64::INFINITY; n + 1];
    let mut back = vec![NONE; n + 1];
    if let Some(b) = best.get_mut(0) {
        *b = 0.0;
    }
    for j in 1..=n {
        let c = text.orig.get(j - 1).copied().unwrap_or(' ');
        let prev = if j >= 2 { text.orig.get(j - 2).copied() } else { None };
        let mut value = best.get(j - 1).copied().unwrap_or(f64::INFINITY) + brute_force_cost(c, prev);
        let mut via = NONE;
        let mut idx = head.get(j).copied().unwrap_or(NONE);
        while idx != NONE {
            let Some(m) = matches.get(idx as usize) else { break };
            let candidate = best.get(m.start).copied().unwrap_or(f64::INFINITY) + m.cost + SEGMENT_PENALTY;
            if candidate < value {
                value = candidate;
                via = idx;
            }
            idx = link.get(idx as usize).copied().unwrap_or(NONE);
        }
        if let (Some(b), Some(k)) = (best.get_mut(j), back.get_mut(j)) {
            *b = value;
            *k = via;
        }
    }

    // Walk the path back.
    let mut path = Vec::new();
    let mut j = n;
    while j > 0 {
        let via = back.get(j).copied().unwrap_or(NONE);
        let Some(m) = matches.get(via as usize).copied() else {
            j -= 1;
            continue;
        };
        let mut kinds = vec![m.kind];
        let mut idx = head.get(j).copied().unwrap_or(NONE);
        while idx != NONE {
            if let Some(other) = matches.get(idx as usize) {
                if other.start == m.start && !kinds.contains(&other.kind) {
                    kinds.push(other.kind);
                }
            }
            idx = link.get(idx as usize).copied().unwrap_or(NONE);
        }
        path.push((m, kinds));
        j = m.start;
    }
    path.reverse();
    (best.get(n).copied().unwrap_or(0.0), path)
}

/// The score for a log10 of guesses.
pub fn score_for(guesses_log10: f64) -> u8 {
    let t = &data().strength.score_thresholds;
    t.iter().take_while(|&&limit| guesses_log10 >= limit).count() as u8
}

/// Estimates how hard `password` is to guess. `personal` holds the person's
/// own data (names, in Latin or Cyrillic; birth dates as `YYYY-MM-DD` or
/// `DD.MM.YYYY`); those count as almost free guesses.
///
/// ```
/// use diary_rules::password::{strength::estimate, Warning};
/// let weak = estimate("qwerty123", &[]);
/// assert_eq!(weak.score, 0);
/// let named = estimate("Masha2012!", &["Маша", "2012-05-10"]);
/// assert!(named.warnings.contains(&Warning::PersonalInfo));
/// assert_eq!(estimate("kV7#pQ2!xZ9m", &[]).score, 4);
/// ```
pub fn estimate(password: &str, personal: &[&str]) -> Strength {
    let orig: Vec<char> = password.chars().collect();
    let lower: Vec<char> = orig.iter().map(|&c| lower_char(c)).collect();
    let keys: Vec<char> = lower.iter().map(|&c| key_char(c)).collect();
    let text = Text { orig: &orig, lower: &lower, keys: &keys };
    let personal_words = personal_trie(personal);
    let (cost, path) = estimate_text(&text, personal_words.as_ref());
    let guesses_log10 = (cost * 100.0).round() / 100.0;
    let score = score_for(guesses_log10);
    let warn_patterns = score < data().strength.warn_below_score;
    let mut found: Vec<Warning> = Vec::new();
    for (m, kinds) in &path {
        if m.end - m.start < 3 {
            continue;
        }
        for kind in kinds {
            let w = kind.warning();
            if (warn_patterns || w == Warning::PersonalInfo) && !found.contains(&w) {
                found.push(w);
            }
        }
    }
    let warnings = Warning::ALL.into_iter().filter(|w| found.contains(w)).collect();
    Strength { score, guesses_log10, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_is_built_from_all_lists() {
        let t = dictionary();
        assert!(t.len() > 1000, "{}", t.len());
        for w in ["password", "qwerty", "gfhjkm", "parol", "masha", "julja", "natalia", "jcuken", "ytrewq"] {
            let mut node = 0;
            for c in w.chars() {
                node = t.child(node, c).unwrap_or_else(|| panic!("{w}"));
            }
            assert!(t.rank(node) > 0, "{w}");
        }
    }

    #[test]
    fn date_tokens_cover_common_spellings() {
        let t = date_tokens("2012-05-10");
        for x in ["2012", "100512", "10052012", "20120510", "1005", "10.05.2012", "1052012", "0510"] {
            assert!(t.contains(&x.to_string()), "{x}: {t:?}");
        }
        assert_eq!(date_tokens("10.05.2012"), t);
        assert!(date_tokens("2012-13-10").is_empty());
        assert!(date_tokens("Маша").is_empty());
    }

    #[test]
    fn binomial_helpers() {
        assert!((log10_binom(5, 2) - 1.0).abs() < 1e-9);
        assert!((log10_sum_binom(4, 2) - 10f64.log10()).abs() < 1e-9);
        assert_eq!(case_variations(&['a', 'b']), 0.0);
    }

    #[test]
    fn scores() {
        assert_eq!(score_for(0.0), 0);
        assert_eq!(score_for(2.99), 0);
        assert_eq!(score_for(3.0), 1);
        assert_eq!(score_for(9.99), 3);
        assert_eq!(score_for(25.0), 4);
    }
}

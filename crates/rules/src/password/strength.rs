//! A compact password-strength estimator in the spirit of zxcvbn.
//!
//! One pipeline: **matching** (dictionary words with leet and reversal, the
//! person's own names and dates, keyboard walks on QWERTY/ЙЦУКЕН, sequences,
//! repeats, dates and years) → **scoring** (the cheapest way to guess the
//! whole password: a shortest-path over positions, each character either
//! part of a match or guessed by brute force) → **feedback** (warning ids
//! from the matches on that path).
//!
//! Linear time: dictionary and personal words are found by Aho–Corasick
//! automata over a leet-folded alphabet (one amortized step per character,
//! plus at most [`MAX_WORD`] words ending at a position); dates look at most
//! 10 characters ahead; repeats try periods up to [`MAX_PERIOD`]; walks and
//! sequences are single passes. So the number of matches is O(n), and the
//! shortest path, computed in the same forward pass, is O(n + matches).
//!
//! The data is small on purpose (see `[dictionary]` in
//! `data/password.toml`): a few hundred words, multiplied by
//! transliteration and layout variants at load time.

use super::data::data;
use super::layout::{
    is_cyrillic, is_letter, is_lower, is_upper, key_char, key_position, key_spelling, lower_char, name_variants,
    transliterations,
};
use super::Warning;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

/// The longest word matched (dictionary and personal tokens).
pub const MAX_WORD: usize = 32;
/// The longest block found by the repeat matcher (`abcabc` has period 3).
pub const MAX_PERIOD: usize = 8;
/// At most this many personal strings are used, each cut to
/// [`MAX_PERSONAL_CHARS`] characters.
pub const MAX_PERSONAL_STRINGS: usize = 16;
pub const MAX_PERSONAL_CHARS: usize = 100;

/// The number of years an attacker tries for a year or a date: the birth
/// years of children and their parents span about 50 years (zxcvbn uses at
/// least 20 around the current year; we have no clock). Years from 1900 to
/// 2039 are recognised.
const YEAR_SPACE: f64 = 50.0;
/// Starting keys and average number of neighbours of a key, for walks
/// (zxcvbn's figures for QWERTY with shift).
const KEYBOARD_STARTS: f64 = 94.0;
const KEYBOARD_DEGREE: f64 = 4.6;
/// Added per pattern on the guessing path: an attacker also guesses how
/// the password is put together.
const SEGMENT_PENALTY: f64 = std::f64::consts::LOG10_2;

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
    const ALL: [Kind; 6] = [Kind::Dictionary, Kind::Personal, Kind::Walk, Kind::Sequence, Kind::Repeat, Kind::Date];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }

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
    start: u32,
    end: u32,
    cost: f32,
    kind: Kind,
}

impl Match {
    fn new(start: usize, end: usize, cost: f64, kind: Kind) -> Match {
        let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Match { start: clamp(start), end: clamp(end), cost: cost as f32, kind }
    }
}

// ---------------------------------------------------------------------------
// Tries
// ---------------------------------------------------------------------------

/// The letter a digit or symbol may stand for (leet), and `l` folded into
/// `i` (`1` and `|` stand for either): dictionary words and the password are
/// both matched in this folded alphabet, so one automaton finds plain and
/// leet spellings alike.
#[inline(always)]
fn fold(c: char) -> char {
    match c {
        '4' | '@' => 'a',
        '8' => 'b',
        '3' => 'e',
        '9' | '6' => 'g',
        '1' | '!' | '|' | 'l' => 'i',
        '0' => 'o',
        '$' | '5' => 's',
        '7' | '+' => 't',
        '2' => 'z',
        _ => c,
    }
}

/// Whether `c` is a digit or symbol that folds to a letter (a leet
/// substitution when it stands where a word has a letter).
#[inline(always)]
fn is_leet(c: char) -> bool {
    !is_letter(c) && fold(c) != c
}

/// A trie under construction.
#[derive(Default)]
struct BuildNode {
    children: Vec<(char, u32)>,
    /// log10 of the best rank of a word ending here (reversed words count
    /// double); infinite if none.
    cost: f32,
    /// The leet characters of that word as written in the list.
    leet: u8,
    /// Whether that word holds a keyboard walk ("qwerty1", "1qaz2wsx").
    walk: bool,
}

/// Whether `word` holds a keyboard walk of 4 or more keys.
fn has_keyboard_walk(word: &str) -> bool {
    let keys: Vec<_> = word.chars().map(key_position).collect();
    let mut run = 1;
    for pair in keys.windows(2) {
        run = if matches!(pair, [Some(a), Some(b)] if a.touches(*b)) { run + 1 } else { 1 };
        if run >= 4 {
            return true;
        }
    }
    false
}

struct TrieBuilder {
    nodes: Vec<BuildNode>,
}

impl TrieBuilder {
    fn new() -> TrieBuilder {
        TrieBuilder { nodes: vec![BuildNode { cost: f32::INFINITY, ..Default::default() }] }
    }

    /// Adds `word` with `rank`, and the word reversed (unless it reads the
    /// same both ways) at double the guesses.
    fn insert(&mut self, word: &str, rank: u32) {
        let count = word.chars().count();
        if !(3..=MAX_WORD).contains(&count) || rank == 0 {
            return;
        }
        let leet = word.chars().filter(|&c| is_leet(c)).count().min(255) as u8;
        let cost = (rank as f64).log10() as f32;
        let walk = has_keyboard_walk(word);
        self.insert_one(word.chars(), cost, leet, walk);
        if !word.chars().eq(word.chars().rev()) {
            self.insert_one(word.chars().rev(), cost + std::f32::consts::LOG10_2, leet, walk);
        }
    }

    fn insert_one(&mut self, word: impl Iterator<Item = char>, cost: f32, leet: u8, walk: bool) {
        let mut node = 0usize;
        for c in word.map(fold) {
            let existing = self
                .nodes
                .get(node)
                .and_then(|n| n.children.iter().find(|(k, _)| *k == c))
                .map(|&(_, child)| child as usize);
            node = match existing {
                Some(child) => child,
                None => {
                    let child = self.nodes.len();
                    self.nodes.push(BuildNode { cost: f32::INFINITY, ..Default::default() });
                    if let Some(parent) = self.nodes.get_mut(node) {
                        // Kept sorted for the binary search (no sort code
                        // in the wasm).
                        let at = parent.children.partition_point(|(k, _)| *k < c);
                        parent.children.insert(at, (c, child as u32));
                    }
                    child
                }
            };
        }
        if let Some(end) = self.nodes.get_mut(node) {
            if cost < end.cost {
                end.cost = cost;
                end.leet = leet;
                end.walk = walk;
            }
        }
    }

    /// Flattens the trie and adds the Aho–Corasick links.
    fn finish(self) -> Trie {
        let mut trie =
            Trie { nodes: Vec::with_capacity(self.nodes.len()), edges: Vec::new(), root_ascii: [NO_NODE; 128] };
        for node in &self.nodes {
            let children = node.children.clone();
            trie.nodes.push(TrieNode {
                first_edge: trie.edges.len() as u32,
                edge_count: children.len() as u32,
                cost: node.cost,
                leet: node.leet,
                walk: node.walk,
                depth: 0,
                fail: 0,
                output: NO_NODE,
            });
            trie.edges.extend(children);
        }
        if let Some(root) = self.nodes.first() {
            for &(c, child) in &root.children {
                if let Some(slot) = trie.root_ascii.get_mut(c as usize) {
                    *slot = child;
                }
            }
        }
        // Breadth first: a node's failure link is the longest proper suffix
        // of its word that is in the trie; its output link the longest such
        // suffix that is a whole word.
        let mut queue = std::collections::VecDeque::from([0u32]);
        while let Some(u) = queue.pop_front() {
            let Some(node) = trie.nodes.get(u as usize) else { continue };
            let (first, count, depth, fail_u) = (node.first_edge, node.edge_count, node.depth, node.fail);
            for e in first..first + count {
                let Some(&(c, v)) = trie.edges.get(e as usize) else { continue };
                let fail_v = if u == 0 {
                    0
                } else {
                    let mut f = fail_u;
                    loop {
                        if let Some(next) = trie.child(f, c).filter(|&x| x != v) {
                            break next;
                        }
                        if f == 0 {
                            break 0;
                        }
                        f = trie.nodes.get(f as usize).map_or(0, |n| n.fail);
                    }
                };
                let output = match trie.nodes.get(fail_v as usize) {
                    Some(f) if f.cost.is_finite() => fail_v,
                    Some(f) => f.output,
                    None => NO_NODE,
                };
                if let Some(child) = trie.nodes.get_mut(v as usize) {
                    child.depth = depth.saturating_add(1);
                    child.fail = fail_v;
                    child.output = output;
                }
                queue.push_back(v);
            }
        }
        trie
    }
}

const NO_NODE: u32 = u32::MAX;

struct TrieNode {
    first_edge: u32,
    edge_count: u32,
    /// log10 of the guess rank of the word ending here; infinite if none.
    cost: f32,
    /// The leet characters of that word as listed ("1qaz2wsx" has two).
    leet: u8,
    /// Whether that word is a keyboard walk as listed.
    walk: bool,
    /// The length of the node's word.
    depth: u8,
    /// Aho–Corasick failure link.
    fail: u32,
    /// The next word that ends at the same place (a suffix), or NO_NODE.
    output: u32,
}

/// A flat Aho–Corasick automaton over words in folded key space: a node's
/// edges are contiguous and sorted; the root's ASCII edges are a table.
pub(crate) struct Trie {
    nodes: Vec<TrieNode>,
    edges: Vec<(char, u32)>,
    root_ascii: [u32; 128],
}

impl Trie {
    #[inline(always)]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        if node == 0 && (c as u32) < 128 {
            return self.root_ascii.get(c as usize).copied().filter(|&n| n != NO_NODE);
        }
        let n = self.nodes.get(node as usize)?;
        let edges = self.edges.get(n.first_edge as usize..(n.first_edge + n.edge_count) as usize)?;
        if edges.len() <= 8 {
            edges.iter().find(|(k, _)| *k == c).map(|&(_, child)| child)
        } else {
            edges.binary_search_by(|(k, _)| k.cmp(&c)).ok().and_then(|i| edges.get(i)).map(|&(_, child)| child)
        }
    }

    /// The automaton's next state after reading the folded character `c`.
    #[inline(always)]
    fn step(&self, mut state: u32, c: char) -> u32 {
        loop {
            if let Some(next) = self.child(state, c) {
                return next;
            }
            if state == 0 {
                return 0;
            }
            state = self.nodes.get(state as usize).map_or(0, |n| n.fail);
        }
    }

    /// The first node of the chain of words ending at `state`.
    #[inline(always)]
    fn first_output(&self, state: u32) -> u32 {
        match self.nodes.get(state as usize) {
            Some(n) if n.cost.is_finite() => state,
            Some(n) => n.output,
            None => NO_NODE,
        }
    }

    /// The cost of a whole word (a path from the root), if it is one.
    fn word_cost(&self, folded: impl Iterator<Item = char>) -> Option<f32> {
        let mut node = 0u32;
        for c in folded {
            node = self.child(node, c)?;
        }
        self.nodes.get(node as usize).map(|n| n.cost).filter(|c| c.is_finite())
    }

    /// How many words (forward or reversed) end in the trie.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.nodes.iter().filter(|n| n.cost.is_finite()).count()
    }
}

/// The built-in dictionary: every list of `[dictionary]`, each word ranked
/// by its position in its list (the best rank wins); Cyrillic lists in their
/// transliterations and in their key spelling; every word also reversed.
pub(crate) fn dictionary() -> &'static Trie {
    static TRIE: OnceLock<Trie> = OnceLock::new();
    TRIE.get_or_init(|| {
        let d = &data().dictionary;
        let mut trie = TrieBuilder::new();
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
        trie.finish()
    })
}

/// The words of the person's own data: names (with their transliterations
/// and key spellings) and dates (in the ways people write them), all with
/// rank 1.
fn personal_trie(personal: &[&str]) -> Option<Trie> {
    let mut trie = TrieBuilder::new();
    let mut any = false;
    for s in personal.iter().take(MAX_PERSONAL_STRINGS) {
        let s: String = s.chars().take(MAX_PERSONAL_CHARS).collect();
        // «Анастаси» + «и» + U+0306 pasted from a document is «…й».
        let s = crate::nfc::nfc(&s);
        let mut tokens = date_tokens(&s);
        for word in s.split(|c: char| !(is_letter(c) || c.is_ascii_digit())).filter(|w| !w.is_empty()) {
            if word.chars().any(is_cyrillic) {
                tokens.extend(transliterations(word));
                tokens.extend(name_variants(word));
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
    any.then(|| trie.finish())
}

/// The personal data as used (the cache key) and its automaton.
type CachedPersonal = (Vec<String>, Option<Rc<Trie>>);

thread_local! {
    /// The automaton of the last personal data seen, with its key (the
    /// strings as used: at most [`MAX_PERSONAL_STRINGS`], each cut). A form
    /// checks the password on every keystroke with the same personal data;
    /// building the automaton costs more than the whole estimate.
    static PERSONAL_CACHE: RefCell<Option<CachedPersonal>> = const { RefCell::new(None) };
}

/// [`personal_trie`], built once per distinct personal data.
fn personal_trie_cached(personal: &[&str]) -> Option<Rc<Trie>> {
    let key: Vec<String> =
        personal.iter().take(MAX_PERSONAL_STRINGS).map(|s| s.chars().take(MAX_PERSONAL_CHARS).collect()).collect();
    PERSONAL_CACHE.with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else {
            return personal_trie(personal).map(Rc::new);
        };
        if let Some((cached_key, trie)) = cache.as_ref() {
            if *cached_key == key {
                return trie.clone();
            }
        }
        let trie = personal_trie(personal).map(Rc::new);
        *cache = Some((key, trie.clone()));
        trie
    })
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
    let mut unique: Vec<String> = Vec::with_capacity(out.len());
    for t in out {
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    unique
}

// ---------------------------------------------------------------------------
// Helpers on log10 of counts
// ---------------------------------------------------------------------------

/// log10 of a_1 + … + a_m where a_{i+1} = a_i · ratio(i), summed in the
/// linear domain and rescaled before it could overflow (so no `powf`: one
/// `log10` at the end). Minus infinity for an empty sum.
fn log10_series(first: f64, m: usize, ratio: impl Fn(usize) -> f64) -> f64 {
    const BIG: f64 = 1e200;
    let mut offset = 0.0;
    let (mut term, mut total) = (first, 0.0f64);
    for i in 1..=m {
        total += term;
        if total > BIG {
            term /= BIG;
            total /= BIG;
            offset += 200.0;
        }
        term *= ratio(i);
    }
    if total > 0.0 {
        total.log10() + offset
    } else {
        f64::NEG_INFINITY
    }
}

/// log10 Σ_{i=1..m} C(n, i), in O(m).
fn log10_sum_binom(n: usize, m: usize) -> f64 {
    log10_series(n as f64, m.min(n), |i| (n - i) as f64 / (i + 1) as f64)
}

/// log10 Σ_{t=1..m} C(len − 1, t − 1) · degree^t: the keyboard walks of
/// `len` keys with at most `m` turns (m < len), in O(m).
fn log10_walks(len: usize, m: usize, degree: f64) -> f64 {
    log10_series(degree, m, |t| (len - t) as f64 / t as f64 * degree)
}

/// How many ways the letters' case could vary, as log10: all lower 0;
/// first, last or all upper log10(2); otherwise the binomial sum.
fn case_variations(chars: &[char]) -> f64 {
    let upper = chars.iter().filter(|c| is_upper(**c)).count();
    let lower = chars.iter().filter(|c| is_lower(**c)).count();
    if upper == 0 {
        return 0.0;
    }
    let first_upper = chars.first().is_some_and(|c| is_upper(*c));
    let last_upper = chars.last().is_some_and(|c| is_upper(*c));
    if lower == 0 || (upper == 1 && (first_upper || last_upper)) {
        return 2f64.log10();
    }
    log10_sum_binom(upper + lower, upper.min(lower))
}

/// log10 of the guesses for one character guessed by brute force: its class
/// size, with lower-case letters that follow a lower-case letter counted as
/// pronounceable text (a stand-in for the large word lists we do not ship).
#[inline(always)]
fn brute_force_cost(c: char, previous: Option<char>) -> f64 {
    // log10 of 10, 5, 26, 33 and 100.
    const DIGIT: f64 = 1.0;
    const TEXT: f64 = 0.698_97;
    const LETTER: f64 = 1.414_97;
    const SYMBOL: f64 = 1.518_51;
    const OTHER: f64 = 2.0;
    if c.is_ascii_digit() {
        DIGIT
    } else if is_lower(c) {
        if previous.is_some_and(is_lower) {
            TEXT
        } else {
            LETTER
        }
    } else if is_upper(c) {
        LETTER
    } else if c.is_ascii_punctuation() {
        SYMBOL
    } else if c.is_whitespace() {
        TEXT
    } else {
        OTHER
    }
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

/// log10 of the case variations from letter counts: all lower 0; first,
/// last or all upper log10(2); otherwise the binomial sum.
#[inline(always)]
fn case_cost(upper: usize, lower: usize, first_upper: bool, last_upper: bool) -> f64 {
    if upper == 0 {
        0.0
    } else if lower == 0 || (upper == 1 && (first_upper || last_upper)) {
        2f64.log10()
    } else {
        log10_sum_binom(upper + lower, upper.min(lower))
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
            let ways = log10_walks(len, turns.min(len - 1), KEYBOARD_DEGREE);
            let shifted = positions.get(i..j).map_or(0, |p| p.iter().filter(|k| k.is_some_and(|k| k.shifted)).count());
            let shift = if shifted == 0 {
                0.0
            } else if shifted == len {
                2f64.log10()
            } else {
                log10_sum_binom(len, shifted.min(len - shifted))
            };
            out.push(Match::new(i, j, KEYBOARD_STARTS.log10() + ways + shift, Kind::Walk));
        }
        i = j;
    }
}

/// The class a character can form sequences in: 1 Latin, 2 digits,
/// 3 Russian letters, 0 none.
#[inline(always)]
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
        out.push(Match::new(i, j + 1, cost, Kind::Sequence));
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
    let periods = MAX_PERIOD.min(n / 2);
    // runs[p - 1]: how many pairs (k - p, k) in a row were equal.
    let mut runs = [0usize; MAX_PERIOD];
    let mut emit = |p: usize, run: usize, k: usize| {
        if run < p {
            return;
        }
        let start = k - run - p;
        let blocks = (run + p) / p;
        let end = start + blocks * p;
        if end - start < 3 {
            return;
        }
        let block = Text {
            orig: text.orig.get(start..start + p).unwrap_or(&[]),
            lower: text.lower.get(start..start + p).unwrap_or(&[]),
            keys: text.keys.get(start..start + p).unwrap_or(&[]),
        };
        let cost = block_cost(&block, personal) + (blocks as f64).log10();
        out.push(Match::new(start, end, cost, Kind::Repeat));
    };
    for k in 1..n {
        let Some(&c) = lower.get(k) else { break };
        for (p, run) in runs.iter_mut().enumerate().take(periods).map(|(i, r)| (i + 1, r)) {
            if k < p {
                break;
            }
            if lower.get(k - p) == Some(&c) {
                *run += 1;
            } else {
                emit(p, *run, k);
                *run = 0;
            }
        }
    }
    for (p, &run) in runs.iter().enumerate().take(periods).map(|(i, r)| (i + 1, r)) {
        emit(p, run, n);
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
    let mut best = bf;
    for trie in [Some(dictionary()), personal].into_iter().flatten() {
        if let Some(cost) = trie.word_cost(block.keys.iter().map(|&c| fold(c))) {
            best = best.min(f64::from(cost) + case_variations(block.orig));
        }
    }
    best.max(1.0)
}

/// Reads a number from digit values.
fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d))
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
    const NOT_DIGIT: u8 = 255;
    let s = text.orig;
    let n = s.len();
    let year_cost = YEAR_SPACE.log10();
    let date_cost = (365.0 * YEAR_SPACE).log10();
    let separated_cost = date_cost + 4f64.log10();
    let mut push = |start: usize, len: usize, cost: f64| out.push(Match::new(start, start + len, cost, Kind::Date));
    for i in 0..n {
        if !s.get(i).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        // The next 10 characters as digit values (or NOT_DIGIT).
        let mut w = [NOT_DIGIT; 10];
        let mut chars = [' '; 10];
        for ((slot, ch), &c) in w.iter_mut().zip(chars.iter_mut()).zip(s.iter().skip(i)) {
            *slot = c.to_digit(10).filter(|_| c.is_ascii_digit()).map_or(NOT_DIGIT, |d| d as u8);
            *ch = c;
        }
        let run = w.iter().take_while(|&&d| d != NOT_DIGIT).count();
        let g = |a: usize, b: usize| number(w.get(a..b).unwrap_or(&[]));
        if run >= 4 && valid_year(g(0, 4), 4) {
            push(i, 4, year_cost);
        }
        if run >= 6 && (valid_day_month(g(0, 2), g(2, 4)) || valid_day_month(g(4, 6), g(2, 4))) {
            push(i, 6, date_cost);
        }
        if run >= 8 {
            let dmy = valid_day_month(g(0, 2), g(2, 4)) && valid_year(g(4, 8), 4);
            let ymd = valid_year(g(0, 4), 4) && valid_day_month(g(6, 8), g(4, 6));
            let mdy = valid_day_month(g(2, 4), g(0, 2)) && valid_year(g(4, 8), 4);
            if dmy || ymd || mdy {
                push(i, 8, date_cost);
            }
        }
        // With separators: d.m.yy(yy) or yyyy-m-d, one separator kind.
        let g1 = run;
        if !(1..=4).contains(&g1) {
            continue;
        }
        let Some(&sep) = chars.get(g1) else { continue };
        if !matches!(sep, '.' | '-' | '/' | '_' | ' ' | '\\') {
            continue;
        }
        let from2 = g1 + 1;
        let g2 = w.iter().skip(from2).take_while(|&&d| d != NOT_DIGIT).count();
        if !(1..=2).contains(&g2) || chars.get(from2 + g2) != Some(&sep) {
            continue;
        }
        let from3 = from2 + g2 + 1;
        let g3 = w.iter().skip(from3).take_while(|&&d| d != NOT_DIGIT).count();
        let (a, b, c) = (g(0, g1), g(from2, from2 + g2), g(from3, from3 + g3));
        let ok = if g1 == 4 {
            valid_year(a, 4) && (1..=2).contains(&g3) && valid_day_month(c, b)
        } else {
            g1 <= 2 && (g3 == 2 || g3 == 4) && valid_year(c, g3) && (valid_day_month(a, b) || valid_day_month(b, a))
        };
        // A window cut at 10 characters could hide a longer last group.
        let cut = from3 + g3 >= w.len() && s.get(i + from3 + g3).is_some_and(|c| c.is_ascii_digit());
        if ok && !cut {
            push(i, from3 + g3, separated_cost);
        }
    }
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// The cheapest way found so far to guess each prefix of the text.
struct Path {
    /// best[j]: log10 guesses of the first j characters.
    best: Vec<f64>,
    /// from[j]: where the last piece of that way starts.
    from: Vec<u32>,
    /// kinds[j]: the kinds (bits) of the patterns spanning from[j]..j, or 0
    /// for a character guessed by brute force.
    kinds: Vec<u8>,
}

impl Path {
    fn new(n: usize) -> Path {
        let mut best = vec![f64::INFINITY; n + 1];
        if let Some(b) = best.first_mut() {
            *b = 0.0;
        }
        Path { best, from: vec![0; n + 1], kinds: vec![0; n + 1] }
    }

    /// Offers a way to reach `end`: from `start` with a pattern of `kind`
    /// (or `None`: one brute-force character), costing `value` in total.
    /// Patterns with exactly the winning span add their kinds (so "qwerty"
    /// is both a common password and a keyboard walk).
    #[inline(always)]
    fn relax_bits(&mut self, start: usize, end: usize, value: f64, bits: u8) {
        let (Some(best), Some(from), Some(kinds)) =
            (self.best.get_mut(end), self.from.get_mut(end), self.kinds.get_mut(end))
        else {
            return;
        };
        if bits != 0 && *kinds != 0 && *from as usize == start {
            *kinds |= bits;
            *best = best.min(value);
        } else if value < *best {
            *best = value;
            *from = start as u32;
            *kinds = bits;
        }
    }

    #[inline(always)]
    fn relax(&mut self, start: usize, end: usize, value: f64, kind: Kind) {
        self.relax_bits(start, end, value, kind.bit());
    }
}

/// Running counts over the text, so a span's counts cost O(1).
struct Prefix {
    upper: Vec<u32>,
    lower: Vec<u32>,
    leet: Vec<u32>,
}

impl Prefix {
    fn new(text: &Text) -> Prefix {
        let n = text.len();
        let mut p = Prefix { upper: vec![0; n + 1], lower: vec![0; n + 1], leet: vec![0; n + 1] };
        let (mut u, mut l, mut t) = (0u32, 0u32, 0u32);
        let slots = p.upper.iter_mut().zip(p.lower.iter_mut()).zip(p.leet.iter_mut()).skip(1);
        for (((su, sl), st), (&o, &k)) in slots.zip(text.orig.iter().zip(text.keys)) {
            u += u32::from(is_upper(o));
            l += u32::from(is_lower(o));
            t += u32::from(is_leet(k));
            *su = u;
            *sl = l;
            *st = t;
        }
        p
    }

    #[inline(always)]
    fn span(v: &[u32], start: usize, end: usize) -> usize {
        let a = v.get(start).copied().unwrap_or(0);
        let b = v.get(end).copied().unwrap_or(0);
        b.saturating_sub(a) as usize
    }
}

/// Offers every word of `trie` that ends at `end` (the automaton being in
/// `state`): rank × case variations × 2 per leet substitution.
fn relax_words(trie: &Trie, state: u32, end: usize, text: &Text, prefix: &Prefix, kind: Kind, path: &mut Path) {
    let mut node = trie.first_output(state);
    while let Some(word) = trie.nodes.get(node as usize) {
        let len = usize::from(word.depth);
        if len == 0 || len > end {
            break;
        }
        let start = end - len;
        let subs = Prefix::span(&prefix.leet, start, end).saturating_sub(usize::from(word.leet));
        let case = case_cost(
            Prefix::span(&prefix.upper, start, end),
            Prefix::span(&prefix.lower, start, end),
            text.orig.get(start).is_some_and(|c| is_upper(*c)),
            text.orig.get(end - 1).is_some_and(|c| is_upper(*c)),
        );
        let base = path.best.get(start).copied().unwrap_or(f64::INFINITY);
        let cost = f64::from(word.cost) + subs as f64 * 2f64.log10() + case;
        let bits = kind.bit() | if word.walk { Kind::Walk.bit() } else { 0 };
        path.relax_bits(start, end, base + cost + SEGMENT_PENALTY, bits);
        node = word.output;
    }
}

/// Finds the patterns and the cheapest way to guess the whole text, in one
/// forward pass: when position `end` is reached, every way into it starts
/// at a position whose cost is already final. Dictionary and personal words
/// come from Aho–Corasick automata (amortized O(1) per character plus the
/// words found); the other patterns are found first and listed by end.
/// Returns the cost (log10 guesses) and, for each pattern on the cheapest
/// way, the bits of its kinds and its length.
fn estimate_text(text: &Text, personal: Option<&Trie>) -> (f64, Vec<(u8, usize)>) {
    let n = text.len();
    if n == 0 {
        return (0.0, Vec::new());
    }
    let mut others = Vec::with_capacity(n / 2);
    match_walks(text, &mut others);
    match_sequences(text, &mut others);
    match_dates(text, &mut others);
    match_repeats(text, personal, &mut others);
    others.retain(|m| m.start < m.end && m.end as usize <= n && m.cost.is_finite());

    // The other patterns by end position, as linked lists.
    const NONE: u32 = u32::MAX;
    let mut head = vec![NONE; n + 1];
    let mut link = vec![NONE; others.len()];
    for (idx, m) in others.iter().enumerate() {
        if let (Some(h), Some(l)) = (head.get_mut(m.end as usize), link.get_mut(idx)) {
            *l = *h;
            *h = idx as u32;
        }
    }

    let prefix = Prefix::new(text);
    let dictionary = dictionary();
    let mut path = Path::new(n);
    let (mut dict_state, mut personal_state) = (0u32, 0u32);
    let mut previous = None;
    for (j, (&c, &k)) in text.orig.iter().zip(text.keys).enumerate() {
        let end = j + 1;
        let base = path.best.get(j).copied().unwrap_or(f64::INFINITY);
        path.relax_bits(j, end, base + brute_force_cost(c, previous), 0);
        previous = Some(c);
        let folded = fold(k);
        dict_state = dictionary.step(dict_state, folded);
        relax_words(dictionary, dict_state, end, text, &prefix, Kind::Dictionary, &mut path);
        if let Some(trie) = personal {
            personal_state = trie.step(personal_state, folded);
            relax_words(trie, personal_state, end, text, &prefix, Kind::Personal, &mut path);
        }
        let mut idx = head.get(end).copied().unwrap_or(NONE);
        while let Some(m) = others.get(idx as usize) {
            let (start, end) = (m.start as usize, m.end as usize);
            let from = path.best.get(start).copied().unwrap_or(f64::INFINITY);
            path.relax(start, end, from + f64::from(m.cost) + SEGMENT_PENALTY, m.kind);
            idx = link.get(idx as usize).copied().unwrap_or(NONE);
        }
    }

    let mut on_path = Vec::new();
    let mut j = n;
    while j > 0 {
        let bits = path.kinds.get(j).copied().unwrap_or(0);
        let from = path.from.get(j).copied().unwrap_or(0) as usize;
        if bits == 0 || from >= j {
            j -= 1;
        } else {
            on_path.push((bits, j - from));
            j = from;
        }
    }
    on_path.reverse();
    (path.best.get(n).copied().unwrap_or(0.0), on_path)
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
    let personal_words = personal_trie_cached(personal);
    let (cost, path) = estimate_text(&text, personal_words.as_deref());
    let guesses_log10 = (cost * 100.0).round() / 100.0;
    let score = score_for(guesses_log10);
    let warn_patterns = score < data().strength.warn_below_score;
    // A pattern is reported while the score is low, or when patterns of
    // its kind make up half the password or more; personal data always.
    let n = orig.len();
    let mut found: Vec<Warning> = Vec::new();
    for kind in Kind::ALL {
        let covered: usize = path.iter().filter(|(bits, _)| bits & kind.bit() != 0).map(|&(_, len)| len).sum();
        let w = kind.warning();
        if covered > 0 && (warn_patterns || w == Warning::PersonalInfo || 2 * covered >= n) {
            found.push(w);
        }
    }
    let warnings = Warning::ALL.into_iter().filter(|w| found.contains(w)).collect();
    Strength { score, guesses_log10, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_cache_follows_the_personal_data() {
        let personal = |p: &[&str]| estimate("Vasya2011!", p).warnings.contains(&Warning::PersonalInfo);
        // Alternate so that every call after the first meets a cached
        // automaton of other data.
        for _ in 0..2 {
            assert!(personal(&["Вася", "2011-03-04"]));
            assert!(!personal(&[]));
            assert!(!personal(&["Петя"]));
            assert!(personal(&["Петя", "Вася"]));
            assert!(personal(&["04.03.2011"]));
        }
        let uncached = personal_trie(&["Вася"]).map(|t| t.len());
        assert_eq!(personal_trie_cached(&["Вася"]).map(|t| t.len()), uncached);
    }

    #[test]
    fn dictionary_is_built_from_all_lists() {
        let t = dictionary();
        assert!(t.len() > 1000, "{}", t.len());
        for w in ["password", "qwerty", "gfhjkm", "parol", "masha", "julja", "natalia", "jcuken", "ytrewq"] {
            assert!(t.word_cost(w.chars().map(fold)).is_some(), "{w}");
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
        assert!((log10_sum_binom(4, 2) - 10f64.log10()).abs() < 1e-9);
        assert_eq!(log10_sum_binom(4, 0), f64::NEG_INFINITY);
        // Σ_{i=1..2000} C(4000, i) ≈ 2^3999: far beyond f64, still finite.
        let big = log10_sum_binom(4000, 2000);
        assert!((big - 3999.0 * 2f64.log10()).abs() < 0.01, "{big}");
        // 3 keys, 1 or 2 turns: C(2,0)·4.6 + C(2,1)·4.6² = 4.6 + 42.32.
        assert!((log10_walks(3, 2, 4.6) - (4.6f64 + 2.0 * 4.6 * 4.6).log10()).abs() < 1e-9);
        assert!((log10_walks(3, 1, 4.6) - 4.6f64.log10()).abs() < 1e-9);
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

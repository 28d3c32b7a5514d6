//! Fuzzy matching of a typed or pasted text against the catalog's quotes.
//!
//! # How it works
//! 1. Every quote is normalized into words (see [`super::normalize`]) once.
//!    Each quote word gets a class and a weight: *stop* words (prepositions,
//!    pronouns, «не»: 0.25), *common* words whose five-letter stem occurs in
//!    four or more catalog entries («учётная», «ребёнка»: 0.5), and
//!    *distinctive* words (1.0). All distinct quote words form a small
//!    vocabulary, each listing where it occurs.
//! 2. The input is read word by word, once. Each input word is compared with
//!    every vocabulary word: equal up to a bounded edit distance (optimal
//!    string alignment, so an adjacent swap is one edit) of 0 for words of up
//!    to 3 letters, 1 for 4–6 letters and 2 for longer words; or a prefix of
//!    at least 4 letters and half the word, or of 2 letters for the text's
//!    last word (a message cut mid-word). A cheap
//!    length and letter-set filter runs before the distance.
//! 3. For every quote, a dynamic programme keeps, per quote word, the best
//!    in-order alignment ending at that word: quote words may be skipped (at
//!    most [`MAX_SKIPPED_QUOTE_WORDS`] in a row, each costing its weight), and
//!    the input may have up to [`MAX_EXTRA_INPUT_WORDS`] extra words between
//!    two matched ones. An alignment ending at quote word `j` covers the
//!    quote's *leading* words `0..=j`, so a message cut short still matches.
//! 4. An alignment counts only with at least two matched non-stop words, one
//!    of them distinctive, and with at least 70 % of the leading words'
//!    weight matched (`coverage`). Its confidence is
//!    `coverage × (0.55 + 0.45 × reached)`, where `reached` is the weight of
//!    the leading words over the smaller of the quote's total and 4.0 (about
//!    four meaningful words), capped at 1; typo'd words count 0.9 (one
//!    edit), 0.8 (two edits or a cut-off prefix).
//! 5. The best quote wins; when another entry scores within 0.02 of it, the
//!    winner's confidence is multiplied by 0.8. Below [`MIN_CONFIDENCE`]
//!    nothing is returned.
//!
//! # Cost
//! One pass over the input with O(1) work per input word (the vocabulary
//! matches of up to 4096 distinct words are cached): words are capped
//! at [`super::normalize::MAX_WORD_CHARS`] letters, the vocabulary and the
//! number of quote words are fixed by the catalog, and the alignment keeps
//! one state per quote word. A 1 MB paste is about 150 000 words; memory is
//! the fixed state table, not the input. `examples/explain_bench.rs` prints
//! the time per KB.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::catalog::{catalog, Catalog};
use super::normalize::{words, Word};
use crate::texts;

/// How many quote words in a row an alignment may skip.
pub const MAX_SKIPPED_QUOTE_WORDS: usize = 2;
/// How many extra input words may stand between two matched words.
pub const MAX_EXTRA_INPUT_WORDS: usize = 3;
/// The lowest confidence reported as a match.
pub const MIN_CONFIDENCE: f32 = 0.6;
/// The share of the leading words' weight an alignment must match.
const MIN_COVERAGE: f32 = 0.7;
/// Leading words of this much weight (about four meaningful words) are as
/// good as the whole quote: a long message cut after its first words still
/// scores high, and a long quote is not outscored by a short one that only
/// shares its first words.
const FULL_EVIDENCE: f32 = 4.0;
/// A stem shared by this many entries makes a word common.
const COMMON_IN_ENTRIES: usize = 4;
/// Competing entries closer than this lower the winner's confidence.
const TIE_MARGIN: f32 = 0.02;
const TIE_FACTOR: f32 = 0.8;
/// How many distinct input words keep their vocabulary matches cached.
const SEEN_WORDS_CACHE: usize = 4096;

/// Words that carry no meaning of their own in these messages.
const STOP_WORDS: &[&str] = &[
    "а",
    "в",
    "во",
    "вы",
    "вас",
    "ваш",
    "ваша",
    "ваше",
    "вашего",
    "все",
    "всё",
    "для",
    "до",
    "его",
    "ее",
    "её",
    "же",
    "за",
    "и",
    "из",
    "их",
    "к",
    "как",
    "ко",
    "ли",
    "на",
    "не",
    "нет",
    "ни",
    "но",
    "о",
    "об",
    "он",
    "она",
    "они",
    "от",
    "по",
    "при",
    "с",
    "со",
    "так",
    "то",
    "тогда",
    "у",
    "уже",
    "что",
    "чтобы",
    "это",
    "эта",
    "этот",
    "я",
    "ней",
    "него",
    "вам",
    "или",
    "если",
    "бы",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Stop,
    Common,
    Distinctive,
}

impl Class {
    fn weight(self) -> f32 {
        match self {
            Class::Stop => 0.25,
            Class::Common => 0.5,
            Class::Distinctive => 1.0,
        }
    }
}

struct VocabWord {
    chars: Vec<char>,
    mask: u64,
    max_edits: usize,
    /// (quote index, word position) pairs where this word occurs.
    occurrences: Vec<(u16, u16)>,
}

struct QuoteModel {
    entry: usize,
    quote: usize,
    classes: Vec<Class>,
    /// `prefix[j]`: the weight of words `0..j` (so `prefix[len]` is the total).
    prefix: Vec<f32>,
    /// Index of this quote's first state in the state table.
    offset: usize,
}

impl QuoteModel {
    fn weight(&self, j: usize) -> f32 {
        self.classes.get(j).map_or(0.0, |c| c.weight())
    }
    fn prefix(&self, j: usize) -> f32 {
        self.prefix.get(j).copied().unwrap_or(0.0)
    }
    fn total(&self) -> f32 {
        self.prefix.last().copied().unwrap_or(0.0)
    }
}

/// The catalog's quotes, prepared for matching.
struct Index {
    vocab: Vec<VocabWord>,
    quotes: Vec<QuoteModel>,
    states: usize,
}

fn letter_mask(word: &[char]) -> u64 {
    word.iter().fold(0u64, |m, &c| {
        let bit = match c {
            'а'..='я' => c as u32 - 'а' as u32,
            'a'..='z' => 32 + (c as u32 - 'a' as u32),
            '0'..='9' => 58 + (c as u32 - '0' as u32) % 5,
            _ => 63,
        };
        m | (1u64 << bit.min(63))
    })
}

fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

fn stem(word: &[char]) -> &[char] {
    word.get(..5).unwrap_or(word)
}

fn build(catalog: &Catalog) -> Index {
    // Normalized words of every quote, with the entry each belongs to.
    let mut quote_words: Vec<(usize, usize, Vec<Vec<char>>)> = Vec::new();
    for (e, entry) in catalog.entry.iter().enumerate() {
        for (q, quote) in entry.quote.iter().enumerate() {
            let text = texts::entry(quote.text).map_or("", |t| t.ru);
            let ws: Vec<Vec<char>> = words(text).map(|w: Word| w.chars().to_vec()).collect();
            quote_words.push((e, q, ws));
        }
    }
    // Stems by the set of entries they occur in.
    let mut stem_entries: std::collections::HashMap<Vec<char>, std::collections::BTreeSet<usize>> =
        std::collections::HashMap::new();
    for (e, _, ws) in &quote_words {
        for w in ws {
            stem_entries.entry(stem(w).to_vec()).or_default().insert(*e);
        }
    }
    let stop: Vec<Vec<char>> =
        STOP_WORDS.iter().map(|s| s.chars().map(|c| if c == 'ё' { 'е' } else { c }).collect()).collect();

    let mut vocab: Vec<VocabWord> = Vec::new();
    let mut quotes = Vec::new();
    let mut offset = 0usize;
    for (qi, (e, q, ws)) in quote_words.iter().enumerate() {
        let mut classes = Vec::with_capacity(ws.len());
        let mut prefix = vec![0.0f32];
        for (pos, w) in ws.iter().enumerate() {
            let class = if stop.contains(w) {
                Class::Stop
            } else if stem_entries.get(stem(w)).map_or(0, |s| s.len()) >= COMMON_IN_ENTRIES {
                Class::Common
            } else {
                Class::Distinctive
            };
            classes.push(class);
            prefix.push(prefix.last().copied().unwrap_or(0.0) + class.weight());
            let at = (qi as u16, pos as u16);
            match vocab.iter_mut().find(|v| &v.chars == w) {
                Some(v) => v.occurrences.push(at),
                None => vocab.push(VocabWord {
                    chars: w.clone(),
                    mask: letter_mask(w),
                    max_edits: max_edits(w.len()),
                    occurrences: vec![at],
                }),
            }
        }
        quotes.push(QuoteModel { entry: *e, quote: *q, classes, prefix, offset });
        offset += ws.len();
    }
    Index { vocab, quotes, states: offset }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| build(catalog()))
}

/// Optimal string alignment distance between `a` and `b` if it is at most
/// `k`; words are at most a few dozen letters, so the table is small.
fn bounded_distance(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    if k == 0 {
        return (a == b).then_some(0);
    }
    const W: usize = super::normalize::MAX_WORD_CHARS + 1;
    if a.len() >= W || b.len() >= W {
        return None;
    }
    let mut prev2 = [0usize; W];
    let mut prev = [0usize; W];
    let mut cur = [0usize; W];
    for (j, slot) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *slot = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        prev2 = prev;
        prev = cur;
    }
    let d = prev[b.len()];
    (d <= k).then_some(d)
}

/// How well an input word stands for a vocabulary word: 1.0 exact, 0.9 one
/// edit, 0.8 two edits or a cut-off prefix; `None` if it does not.
fn word_factor(input: &[char], input_mask: u64, v: &VocabWord, last: bool) -> Option<f32> {
    if input.is_empty() {
        return None;
    }
    let k = v.max_edits;
    if input.len().abs_diff(v.chars.len()) <= k && ((input_mask ^ v.mask).count_ones() as usize) <= 2 * k {
        if let Some(d) = bounded_distance(input, &v.chars, k) {
            return Some(1.0 - 0.1 * d as f32);
        }
    }
    // A word cut short: four letters and half the word anywhere, or two
    // letters at the very end of the text.
    let long_enough = if last { input.len() >= 2 } else { input.len() >= 4 && 2 * input.len() >= v.chars.len() };
    if long_enough && input.len() < v.chars.len() && v.chars.starts_with(input) {
        return Some(0.8);
    }
    None
}

#[derive(Debug, Clone, Copy)]
struct State {
    /// Matched weight minus skipped weight: what the alignment maximizes.
    objective: f32,
    matched: f32,
    last: usize,
    non_stop: u8,
    distinctive: u8,
}

/// The best quote found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuoteMatch {
    /// Index into the catalog's entries.
    pub entry: usize,
    /// Index into that entry's quotes.
    pub quote: usize,
    /// 0..=1.
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy)]
struct Found {
    confidence: f32,
    matched: f32,
}

/// Finds the catalog quote `text` stands for, if any.
///
/// ```
/// use diary_rules::explain::{catalog::catalog, matcher::best_match};
/// let m = best_match("дневник не найдн").unwrap();
/// assert_eq!(catalog().entry[m.entry].id, "diary_not_found");
/// assert!(best_match("Неверный логин или пароль").is_none());
/// ```
pub fn best_match(text: &str) -> Option<QuoteMatch> {
    let found = quote_scores(text);
    let index = index();
    // The best quote of each entry, then the best entry.
    let mut per_entry: Vec<(usize, usize, Found)> = Vec::new();
    for (model, f) in index.quotes.iter().zip(&found) {
        let Some(f) = f else { continue };
        match per_entry.iter_mut().find(|(e, ..)| *e == model.entry) {
            Some(slot) if better(f, &slot.2) => *slot = (model.entry, model.quote, *f),
            Some(_) => {}
            None => per_entry.push((model.entry, model.quote, *f)),
        }
    }
    let mut best: Option<(usize, usize, Found)> = None;
    for &candidate in &per_entry {
        if best.is_none_or(|b| better(&candidate.2, &b.2)) {
            best = Some(candidate);
        }
    }
    let (entry, quote, f) = best?;
    let close_rival =
        per_entry.iter().any(|(e, _, other)| *e != entry && other.confidence >= f.confidence - TIE_MARGIN);
    let confidence = if close_rival { f.confidence * TIE_FACTOR } else { f.confidence };
    (confidence >= MIN_CONFIDENCE).then_some(QuoteMatch { entry, quote, confidence: confidence.clamp(0.0, 1.0) })
}

/// The best alignment of every quote with `text`, by quote index.
fn quote_scores(text: &str) -> Vec<Option<Found>> {
    let index = index();
    let mut states: Vec<Option<State>> = vec![None; index.states];
    let mut found: Vec<Option<Found>> = vec![None; index.quotes.len()];
    let mut hits: Vec<(u16, u16, f32)> = Vec::new();
    // Vocabulary matches of words already seen (texts repeat words a lot);
    // bounded, so memory stays fixed whatever the input.
    let mut seen: HashMap<Word, Vec<(usize, f32)>> = HashMap::new();
    let mut matches: Vec<(usize, f32)> = Vec::new();
    let mut input = words(text).enumerate().peekable();
    while let Some((i, word)) = input.next() {
        let last = input.peek().is_none();
        let chars = word.chars();
        if chars.is_empty() {
            continue;
        }
        matches.clear();
        match seen.get(&word) {
            Some(cached) if !last => matches.extend_from_slice(cached),
            _ => {
                let mask = letter_mask(chars);
                for (v_index, v) in index.vocab.iter().enumerate() {
                    if let Some(f) = word_factor(chars, mask, v, last) {
                        matches.push((v_index, f));
                    }
                }
                if !last && seen.len() < SEEN_WORDS_CACHE {
                    seen.insert(word, matches.clone());
                }
            }
        }
        hits.clear();
        for &(v_index, f) in &matches {
            if let Some(v) = index.vocab.get(v_index) {
                hits.extend(v.occurrences.iter().map(|&(q, p)| (q, p, f)));
            }
        }
        // Within a quote, later words first, so an update at `j` never feeds
        // another match of the same input word.
        hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        for &(q, j, factor) in &hits {
            let Some(model) = index.quotes.get(usize::from(q)) else { continue };
            update(model, usize::from(j), factor, i, &mut states, found.get_mut(usize::from(q)));
        }
    }
    found
}

fn better(a: &Found, b: &Found) -> bool {
    a.confidence > b.confidence || (a.confidence == b.confidence && a.matched > b.matched)
}

fn update(
    model: &QuoteModel,
    j: usize,
    factor: f32,
    i: usize,
    states: &mut [Option<State>],
    found: Option<&mut Option<Found>>,
) {
    let class = model.classes.get(j).copied().unwrap_or(Class::Stop);
    let gain = model.weight(j) * factor;
    let counts = |s: Option<&State>| {
        let (n, d) = s.map_or((0, 0), |s| (s.non_stop, s.distinctive));
        (n.saturating_add(u8::from(class != Class::Stop)), d.saturating_add(u8::from(class == Class::Distinctive)))
    };
    // Start a new alignment here: the words before `j` count as skipped.
    let (non_stop, distinctive) = counts(None);
    let mut candidate = State { objective: gain - model.prefix(j), matched: gain, last: i, non_stop, distinctive };
    // Or extend one that ended shortly before, at an earlier quote word.
    let from = j.saturating_sub(MAX_SKIPPED_QUOTE_WORDS + 1);
    for jp in from..j {
        let Some(Some(s)) = states.get(model.offset + jp) else { continue };
        if s.last >= i || i - s.last > MAX_EXTRA_INPUT_WORDS + 1 {
            continue;
        }
        let skipped = model.prefix(j) - model.prefix(jp + 1);
        let objective = s.objective + gain - skipped;
        if objective > candidate.objective {
            let (non_stop, distinctive) = counts(Some(s));
            candidate = State { objective, matched: s.matched + gain, last: i, non_stop, distinctive };
        }
    }
    let Some(slot) = states.get_mut(model.offset + j) else { return };
    let keep_old = slot.is_some_and(|old| {
        old.last < i && i - old.last <= MAX_EXTRA_INPUT_WORDS + 1 && old.objective > candidate.objective
    });
    if !keep_old {
        *slot = Some(candidate);
    }

    // Score the alignment ending here.
    if candidate.non_stop < 2 || candidate.distinctive < 1 {
        return;
    }
    let leading = model.prefix(j + 1);
    let total = model.total();
    if leading <= 0.0 || total <= 0.0 {
        return;
    }
    let coverage = candidate.matched / leading;
    if coverage < MIN_COVERAGE {
        return;
    }
    let reached = (leading / total.min(FULL_EVIDENCE)).min(1.0);
    let confidence = coverage * (0.55 + 0.45 * reached);
    let here = Found { confidence, matched: candidate.matched };
    if let Some(found) = found {
        if found.is_none_or(|f| better(&here, &f)) {
            *found = Some(here);
        }
    }
}

/// Diagnostics for the data tests: the classes of a quote's words.
#[cfg(test)]
pub(crate) fn quote_classes(entry: usize, quote: usize) -> Option<(usize, usize)> {
    let m = index().quotes.iter().find(|m| m.entry == entry && m.quote == quote)?;
    let non_stop = m.classes.iter().filter(|c| **c != Class::Stop).count();
    let distinctive = m.classes.iter().filter(|c| **c == Class::Distinctive).count();
    Some((non_stop, distinctive))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        let cases: &[(&str, &str, usize, Option<usize>)] = &[
            ("дневник", "дневник", 2, Some(0)),
            ("дневнк", "дневник", 2, Some(1)),
            ("днвеник", "дневник", 2, Some(1)), // adjacent swap
            ("дневникк", "дневник", 2, Some(1)),
            ("днев", "дневник", 2, None),
            ("найдн", "найден", 1, Some(1)),
            ("сфр", "сфр", 0, Some(0)),
            ("сфп", "сфр", 0, None),
            ("", "", 1, Some(0)),
        ];
        for &(a, b, k, expect) in cases {
            assert_eq!(bounded_distance(&c(a), &c(b), k), expect, "{a} {b}");
        }
    }

    #[test]
    fn every_quote_can_match_on_its_own() {
        // Each quote needs two non-stop words, one of them distinctive.
        for (e, entry) in catalog().entry.iter().enumerate() {
            for (q, quote) in entry.quote.iter().enumerate() {
                let (non_stop, distinctive) = quote_classes(e, q).expect("indexed");
                assert!(non_stop >= 2 && distinctive >= 1, "{}: {} has {non_stop}/{distinctive}", entry.id, quote.text);
            }
        }
    }
}

//! Fuzzy matching of a typed or pasted text against the catalog's quotes.
//!
//! Precision comes before recall: a help page that explains the wrong
//! message does more harm than one that says it did not recognise it.
//!
//! # How it works
//! 1. Every quote is normalized into words (see [`super::normalize`]) once,
//!    in Russian and in English (the catalog's translation, for pages a
//!    browser translated). Each quote word gets a class and a weight: *stop*
//!    words (prepositions, pronouns, «не»: 0.25), *common* words whose
//!    five-letter stem occurs in four or more groups («учётная», «ребёнка»:
//!    0.5), and *distinctive* words (1.0). The groups are the catalog
//!    entries and the *other* messages the catalog knows to be something
//!    else (SMS codes, e-mail links, password and document expiry, network
//!    errors). All distinct quote words form a small vocabulary.
//! 2. Some quote words are *anchors*: the words that distinguish the entry
//!    (`anchors` in `data/errors.toml`, per entry or per quote), e.g.
//!    «привязки» for the binding code, not «срок», «действия», «кода»,
//!    «истёк», which an expired password or SMS code shares. An alignment may
//!    never skip an anchor, and it counts only once it has matched all of the
//!    quote's anchors (so anchors are chosen early in long quotes: a text cut
//!    before them is not evidence). A cut-off word stands for an anchor only
//!    with at least four letters or two thirds of the word.
//! 3. The input is read word by word, once. Each input word is compared with
//!    every vocabulary word: equal up to a bounded edit distance (optimal
//!    string alignment, so an adjacent swap is one edit) of 0 for words of up
//!    to 3 letters, 1 for 4–6 letters and 2 for longer words; or a prefix of
//!    at least 4 letters and half the word, or of 2 letters for the text's
//!    last word (a message cut mid-word); or another form of the word (seven
//!    or more first letters in common, differing only in an ending of up to
//!    three letters in the catalog word and four in the input:
//!    «недействительный» for «недействителен»). A cheap length and letter-set
//!    filter runs before the distance. A word that matches nothing is tried
//!    as two words run together («ненайден» = «не» + «найден»: a vocabulary
//!    word, then the rest); a word is also tried joined to the one before it
//!    («днев ник»).
//! 4. For every quote, a dynamic programme keeps, per quote word, the best
//!    in-order alignment ending at that word: quote words other than anchors
//!    may be skipped (at most [`MAX_SKIPPED_QUOTE_WORDS`] in a row, each
//!    costing its weight), and the input may have up to
//!    [`MAX_EXTRA_INPUT_WORDS`] extra words between two matched ones. An
//!    alignment ending at quote word `j` covers the quote's *leading* words
//!    `0..=j`, so a message cut short still matches.
//! 5. An alignment counts only with at least two matched non-stop words, all
//!    anchors among them (for an entry), and with at least 70 % of the leading
//!    words' weight matched (`coverage`). Its confidence is
//!    `coverage × (0.55 + 0.45 × reached)`, where `reached` is the weight of
//!    the leading words over the smaller of the quote's total and 4.0 (about
//!    four meaningful words), capped at 1; typo'd words count 0.9 (one
//!    edit), 0.8 (two edits, another form or a cut-off prefix). Each input
//!    word standing between two matched ones adds 0.2 to the weight the
//!    coverage is taken of.
//! 6. The best entry wins (higher confidence, then more matched weight: the
//!    message that explains more of the text). When one of the *other*
//!    messages matches at least as much weight with a confidence at most 0.1
//!    lower, nothing is returned. When another group scores within 0.02
//!    of the winner, the winner's confidence is multiplied by 0.8. Below
//!    [`MIN_CONFIDENCE`] nothing is returned. Confidence is rounded to two
//!    decimals.
//!
//! # Cost
//! One pass over the input with O(1) work per input word (the vocabulary
//! matches of up to 4096 distinct words are cached; a split tries at most
//! one vocabulary scan per split point of a 24-letter word): words are capped
//! at [`super::normalize::MAX_WORD_CHARS`] letters, the vocabulary and the
//! number of quote words are fixed by the catalog, and the alignment keeps
//! one state per quote word. A 1 MB paste is about 150 000 words; memory is
//! the fixed state table, not the input. `examples/explain_bench.rs` prints
//! the time per KB.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use super::catalog::{catalog, Catalog};
use super::normalize::{words, Word, MAX_WORD_CHARS};
use crate::texts;

/// How many quote words in a row an alignment may skip.
pub const MAX_SKIPPED_QUOTE_WORDS: usize = 2;
/// How many extra input words may stand between two matched words.
pub const MAX_EXTRA_INPUT_WORDS: usize = 3;
/// What each such word costs, in quote-word weight: a message with words
/// inserted («Электронный дневник / Вход / не найдено в загсе») is less
/// sure than one with its words together.
const EXTRA_WORD_COST: f32 = 0.2;
/// The lowest confidence reported as a match.
pub const MIN_CONFIDENCE: f32 = 0.6;
/// The share of the leading words' weight an alignment must match.
const MIN_COVERAGE: f32 = 0.7;
/// Leading words of this much weight (about four meaningful words) are as
/// good as the whole quote: a long message cut after its first words still
/// scores high, and a long quote is not outscored by a short one that only
/// shares its first words.
const FULL_EVIDENCE: f32 = 4.0;
/// A stem shared by this many groups (entries and other messages) makes a
/// word common.
const COMMON_IN_GROUPS: usize = 4;
/// Competing groups closer than this lower the winner's confidence.
const TIE_MARGIN: f32 = 0.02;
const TIE_FACTOR: f32 = 0.8;
/// An other message that matches as much of the text as the best entry, with
/// a confidence at most this much lower, takes the text away from it.
const OTHER_MARGIN: f32 = 0.1;
/// How many distinct input words keep their vocabulary matches cached.
const SEEN_WORDS_CACHE: usize = 4096;
/// Another form of a word: at least this many first letters in common…
const INFLECTION_STEM: usize = 7;
/// …and the vocabulary word's ending (and the input's, less one) no longer
/// than this.
const INFLECTION_ENDING: usize = 3;
/// The fewest letters of a cut-off word that may stand for an anchor (or two
/// thirds of the anchor).
const MIN_ANCHOR_PREFIX: usize = 4;

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
    "бы", // English
    "a",
    "an",
    "the",
    "to",
    "of",
    "in",
    "on",
    "at",
    "is",
    "are",
    "was",
    "be",
    "been",
    "it",
    "its",
    "you",
    "your",
    "for",
    "and",
    "or",
    "if",
    "this",
    "that",
    "with",
    "by",
    "as",
    "from",
    "has",
    "have",
    "not",
    "no",
    "any",
    "so",
    "they",
    "them",
    "their",
    "there",
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
    /// An entry index, or the catalog's entry count plus an index into its
    /// other messages.
    group: usize,
    /// Index into the group's quotes.
    quote: usize,
    /// One of the other messages: it only takes a text away from entries.
    negative: bool,
    classes: Vec<Class>,
    anchor: Vec<bool>,
    /// `prefix[j]`: the weight of words `0..j` (so `prefix[len]` is the total).
    prefix: Vec<f32>,
    /// `anchors_before[j]`: the number of anchors among words `0..j`.
    anchors_before: Vec<u16>,
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
    fn anchors_before(&self, j: usize) -> u16 {
        self.anchors_before.get(j).copied().unwrap_or(0)
    }
}

/// The catalog's quotes, prepared for matching.
struct Index {
    vocab: Vec<VocabWord>,
    /// Vocabulary words by their letters, for splitting joined words.
    exact: HashMap<Vec<char>, usize>,
    quotes: Vec<QuoteModel>,
    states: usize,
    entries: usize,
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

fn normalized(text: &str) -> Vec<Vec<char>> {
    words(text).map(|w: Word| w.chars().to_vec()).collect()
}

fn build(catalog: &Catalog) -> Index {
    struct Raw {
        group: usize,
        quote: usize,
        negative: bool,
        words: Vec<Vec<char>>,
        anchors: Vec<Vec<char>>,
    }
    let mut raws: Vec<Raw> = Vec::new();
    for (e, entry) in catalog.entry.iter().enumerate() {
        for (q, quote) in entry.quote.iter().enumerate() {
            let anchors: Vec<Vec<char>> = quote.anchors(entry).iter().flat_map(|a| normalized(a)).collect();
            let Some(t) = texts::entry(quote.text) else { continue };
            for text in [t.ru, t.en] {
                raws.push(Raw {
                    group: e,
                    quote: q,
                    negative: false,
                    words: normalized(text),
                    anchors: anchors.clone(),
                });
            }
        }
    }
    let entries = catalog.entry.len();
    for (o, other) in catalog.other.iter().enumerate() {
        for (q, text) in other.quotes.iter().enumerate() {
            raws.push(Raw {
                group: entries + o,
                quote: q,
                negative: true,
                words: normalized(text),
                anchors: Vec::new(),
            });
        }
    }
    // Stems by the set of groups they occur in.
    let mut stem_groups: HashMap<Vec<char>, BTreeSet<usize>> = HashMap::new();
    for raw in &raws {
        for w in &raw.words {
            stem_groups.entry(stem(w).to_vec()).or_default().insert(raw.group);
        }
    }
    let stop: Vec<Vec<char>> =
        STOP_WORDS.iter().map(|s| s.chars().map(|c| if c == 'ё' { 'е' } else { c }).collect()).collect();

    let mut vocab: Vec<VocabWord> = Vec::new();
    let mut exact: HashMap<Vec<char>, usize> = HashMap::new();
    let mut quotes = Vec::new();
    let mut offset = 0usize;
    for (qi, raw) in raws.iter().enumerate() {
        let mut classes = Vec::with_capacity(raw.words.len());
        let mut anchor = Vec::with_capacity(raw.words.len());
        let mut prefix = vec![0.0f32];
        let mut anchors_before = vec![0u16];
        for (pos, w) in raw.words.iter().enumerate() {
            let class = if stop.contains(w) {
                Class::Stop
            } else if stem_groups.get(stem(w)).map_or(0, |s| s.len()) >= COMMON_IN_GROUPS {
                Class::Common
            } else {
                Class::Distinctive
            };
            let is_anchor = raw.anchors.contains(w);
            classes.push(class);
            anchor.push(is_anchor);
            prefix.push(prefix.last().copied().unwrap_or(0.0) + class.weight());
            anchors_before.push(anchors_before.last().copied().unwrap_or(0) + u16::from(is_anchor));
            let at = (qi as u16, pos as u16);
            match exact.get(w) {
                Some(&v) => {
                    if let Some(v) = vocab.get_mut(v) {
                        v.occurrences.push(at);
                    }
                }
                None => {
                    exact.insert(w.clone(), vocab.len());
                    vocab.push(VocabWord {
                        chars: w.clone(),
                        mask: letter_mask(w),
                        max_edits: max_edits(w.len()),
                        occurrences: vec![at],
                    });
                }
            }
        }
        quotes.push(QuoteModel {
            group: raw.group,
            quote: raw.quote,
            negative: raw.negative,
            classes,
            anchor,
            prefix,
            anchors_before,
            offset,
        });
        offset += raw.words.len();
    }
    Index { vocab, exact, quotes, states: offset, entries }
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

/// An input word standing for a vocabulary word.
#[derive(Debug, Clone, Copy)]
struct Hit {
    vocab: usize,
    /// 1.0 exact, 0.9 one edit, 0.8 two edits or a cut-off prefix.
    factor: f32,
    /// A short cut-off prefix: no evidence for an anchor.
    weak: bool,
}

/// How well an input word stands for a vocabulary word; `None` if it does
/// not.
fn word_factor(input: &[char], input_mask: u64, v: &VocabWord, last: bool) -> Option<Hit> {
    if input.is_empty() {
        return None;
    }
    let k = v.max_edits;
    if input.len().abs_diff(v.chars.len()) <= k && ((input_mask ^ v.mask).count_ones() as usize) <= 2 * k {
        if let Some(d) = bounded_distance(input, &v.chars, k) {
            return Some(Hit { vocab: 0, factor: 1.0 - 0.1 * d as f32, weak: false });
        }
    }
    // Another form of the same word («недействительный» for
    // «недействителен»): the same first letters but for the last three of
    // the vocabulary word, at least seven, and an ending of at most four.
    let common = input.iter().zip(&v.chars).take_while(|(a, b)| a == b).count();
    if common >= INFLECTION_STEM
        && common + INFLECTION_ENDING >= v.chars.len()
        && input.len() <= common + INFLECTION_ENDING + 1
        && common < input.len()
        && common < v.chars.len()
    {
        return Some(Hit { vocab: 0, factor: 0.8, weak: false });
    }
    // A word cut short: four letters and half the word anywhere, or two
    // letters at the very end of the text.
    let long_enough = if last { input.len() >= 2 } else { input.len() >= 4 && 2 * input.len() >= v.chars.len() };
    if long_enough && input.len() < v.chars.len() && v.chars.starts_with(input) {
        let weak = input.len() < MIN_ANCHOR_PREFIX && 3 * input.len() < 2 * v.chars.len();
        return Some(Hit { vocab: 0, factor: 0.8, weak });
    }
    None
}

/// Every vocabulary word `input` stands for.
fn vocab_hits(input: &[char], last: bool, out: &mut Vec<Hit>) {
    let mask = letter_mask(input);
    for (v_index, v) in index().vocab.iter().enumerate() {
        if let Some(hit) = word_factor(input, mask, v, last) {
            out.push(Hit { vocab: v_index, ..hit });
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct State {
    /// Matched weight minus skipped weight: what the alignment maximizes.
    objective: f32,
    matched: f32,
    last: usize,
    non_stop: u8,
    /// Input words standing between matched ones.
    extra: u16,
}

/// The best quote found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuoteMatch {
    /// Index into the catalog's entries.
    pub entry: usize,
    /// Index into that entry's quotes.
    pub quote: usize,
    /// 0..=1, rounded to two decimals.
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy)]
struct Found {
    confidence: f32,
    matched: f32,
}

/// Rounds a confidence to two decimals.
fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Finds the catalog quote `text` stands for, if any.
///
/// ```
/// use diary_rules::explain::{catalog::catalog, matcher::best_match};
/// let m = best_match("дневник не найдн").unwrap();
/// assert_eq!(catalog().entry[m.entry].id, "diary_not_found");
/// // Shares «срок действия» and «истёк» with the binding code, but is about a password.
/// assert!(best_match("Срок действия пароля истёк").is_none());
/// ```
pub fn best_match(text: &str) -> Option<QuoteMatch> {
    let found = quote_scores(text);
    let index = index();
    // The best quote of each group, then the best group.
    let mut per_group: Vec<(usize, usize, Found)> = Vec::new();
    for (model, f) in index.quotes.iter().zip(&found) {
        let Some(f) = f else { continue };
        match per_group.iter_mut().find(|(g, ..)| *g == model.group) {
            Some(slot) if better(f, &slot.2) => *slot = (model.group, model.quote, *f),
            Some(_) => {}
            None => per_group.push((model.group, model.quote, *f)),
        }
    }
    let mut best: Option<(usize, usize, Found)> = None;
    let mut best_other: Option<Found> = None;
    for &candidate in &per_group {
        if candidate.0 >= index.entries {
            if best_other.is_none_or(|b| better(&candidate.2, &b)) {
                best_other = Some(candidate.2);
            }
        } else if best.is_none_or(|b| better(&candidate.2, &b.2)) {
            best = Some(candidate);
        }
    }
    let (group, quote, f) = best?;
    // The text is one of the messages the catalog knows to be something
    // else when one of them explains as much of it, about as well.
    if best_other.is_some_and(|o| o.matched >= f.matched && o.confidence >= f.confidence - OTHER_MARGIN) {
        return None;
    }
    // Another entry nearly as good makes the answer less sure (an other
    // message that lost does not: it explains less of the text).
    let close_rival = per_group
        .iter()
        .any(|(g, _, other)| *g != group && *g < index.entries && other.confidence >= f.confidence - TIE_MARGIN);
    let confidence = if close_rival { f.confidence * TIE_FACTOR } else { f.confidence };
    let confidence = round2(confidence.clamp(0.0, 1.0));
    (confidence >= MIN_CONFIDENCE).then_some(QuoteMatch { entry: group, quote, confidence })
}

/// What an input word stands for: vocabulary words as it is, and, when it
/// is not a vocabulary word as it is, maybe two words run together.
#[derive(Clone, Default)]
struct Analysis {
    whole: Vec<Hit>,
    /// The vocabulary word the input word starts with, and the matches of
    /// the rest.
    split: Option<(usize, Vec<Hit>)>,
}

impl Analysis {
    fn of(chars: &[char], last: bool) -> Analysis {
        let mut whole = Vec::new();
        vocab_hits(chars, last, &mut whole);
        let exact = whole.iter().any(|h| h.factor >= 1.0);
        let split = if exact { None } else { split(chars, last) };
        Analysis { whole, split }
    }
}

/// The alignment state of one text.
struct Run {
    states: Vec<Option<State>>,
    found: Vec<Option<Found>>,
    hits: Vec<(u16, u16, Hit)>,
    /// Analyses of words already seen (texts repeat words a lot); bounded,
    /// so memory stays fixed whatever the input.
    seen: HashMap<Word, Analysis>,
}

impl Run {
    /// The analysis of a whole input word, cached.
    fn analyse(&mut self, word: &Word, last: bool) -> Analysis {
        if !last {
            if let Some(cached) = self.seen.get(word) {
                return cached.clone();
            }
        }
        let a = Analysis::of(word.chars(), last);
        if !last && self.seen.len() < SEEN_WORDS_CACHE {
            self.seen.insert(*word, a.clone());
        }
        a
    }

    /// Feeds the matches of the input word at position `i` to every quote.
    fn feed(&mut self, i: usize, matches: &[Hit]) {
        let index = index();
        self.hits.clear();
        for hit in matches {
            if let Some(v) = index.vocab.get(hit.vocab) {
                self.hits.extend(v.occurrences.iter().map(|&(q, p)| (q, p, *hit)));
            }
        }
        // Within a quote, later words first, so an update at `j` never feeds
        // another match of the same input word.
        self.hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        for &(q, j, hit) in &self.hits {
            let Some(model) = index.quotes.get(usize::from(q)) else { continue };
            update(model, usize::from(j), hit, i, &mut self.states, self.found.get_mut(usize::from(q)));
        }
    }
}

/// Keeps the better factor of each vocabulary word.
fn merge(into: &mut Vec<Hit>, from: &[Hit]) {
    for hit in from {
        match into.iter_mut().find(|h| h.vocab == hit.vocab) {
            Some(h) if hit.factor > h.factor => *h = *hit,
            Some(_) => {}
            None => into.push(*hit),
        }
    }
}

/// Two words typed as one («ненайден»): a vocabulary word of two or more
/// letters, then a rest of three or more that matches something.
fn split(chars: &[char], last: bool) -> Option<(usize, Vec<Hit>)> {
    if chars.len() < 5 {
        return None;
    }
    let index = index();
    for k in 2..chars.len().saturating_sub(2) {
        let (Some(left), Some(rest)) = (chars.get(..k), chars.get(k..)) else { continue };
        let Some(&v) = index.exact.get(left) else { continue };
        let mut right = Vec::new();
        vocab_hits(rest, last, &mut right);
        if !right.is_empty() {
            return Some((v, right));
        }
    }
    None
}

/// The best alignment of every quote with `text`, by quote index.
fn quote_scores(text: &str) -> Vec<Option<Found>> {
    let index = index();
    let mut run = Run {
        states: vec![None; index.states],
        found: vec![None; index.quotes.len()],
        hits: Vec::new(),
        seen: HashMap::new(),
    };
    let mut extra: Vec<Hit> = Vec::new();
    // The previous word and whether it matched a vocabulary word exactly.
    let mut prev: Option<(Word, bool)> = None;
    let mut pos = 0usize;
    let mut input = words(text).peekable();
    while let Some(word) = input.next() {
        let last = input.peek().is_none();
        let chars = word.chars();
        if chars.is_empty() {
            pos += 1;
            prev = None;
            continue;
        }
        let Analysis { whole: mut matches, split } = run.analyse(&word, last);
        let exact = matches.iter().any(|h| h.factor >= 1.0);
        if let Some((left, right)) = split {
            // Both readings: the first word alone, then the rest or the
            // whole word.
            run.feed(pos, &[Hit { vocab: left, factor: 1.0, weak: false }]);
            merge(&mut matches, &right);
            run.feed(pos + 1, &matches);
            pos += 2;
            prev = None;
            continue;
        }
        // One word typed as two («днев ник»): this word joined to the one
        // before, when either of them is not a word of the catalog as it is.
        if let Some((p, p_exact)) = prev {
            let joined_len = p.chars().len() + chars.len();
            if !(p_exact && exact) && joined_len <= MAX_WORD_CHARS {
                let mut joined = [' '; MAX_WORD_CHARS];
                for (slot, c) in joined.iter_mut().zip(p.chars().iter().chain(chars)) {
                    *slot = *c;
                }
                extra.clear();
                vocab_hits(joined.get(..joined_len).unwrap_or(&[]), last, &mut extra);
                extra.retain(|h| h.factor >= 0.9);
                merge(&mut matches, &extra);
            }
        }
        run.feed(pos, &matches);
        pos += 1;
        prev = Some((word, exact));
    }
    run.found
}

fn better(a: &Found, b: &Found) -> bool {
    a.confidence > b.confidence || (a.confidence == b.confidence && a.matched > b.matched)
}

fn update(
    model: &QuoteModel,
    j: usize,
    hit: Hit,
    i: usize,
    states: &mut [Option<State>],
    found: Option<&mut Option<Found>>,
) {
    let is_anchor = model.anchor.get(j).copied().unwrap_or(false);
    if is_anchor && hit.weak {
        return;
    }
    let class = model.classes.get(j).copied().unwrap_or(Class::Stop);
    let gain = model.weight(j) * hit.factor;
    let counts = |s: Option<&State>| s.map_or(0, |s| s.non_stop).saturating_add(u8::from(class != Class::Stop));
    // Start a new alignment here: the words before `j` count as skipped (an
    // anchor may not be).
    let mut candidate = (model.anchors_before(j) == 0).then(|| State {
        objective: gain - model.prefix(j),
        matched: gain,
        last: i,
        non_stop: counts(None),
        extra: 0,
    });
    // Or extend one that ended shortly before, at an earlier quote word,
    // skipping no anchor.
    let from = j.saturating_sub(MAX_SKIPPED_QUOTE_WORDS + 1);
    for jp in from..j {
        if model.anchors_before(j) != model.anchors_before(jp + 1) {
            continue;
        }
        let Some(Some(s)) = states.get(model.offset + jp) else { continue };
        if s.last >= i || i - s.last > MAX_EXTRA_INPUT_WORDS + 1 {
            continue;
        }
        let skipped = model.prefix(j) - model.prefix(jp + 1);
        let between = (i - s.last - 1) as u16;
        let objective = s.objective + gain - skipped - EXTRA_WORD_COST * f32::from(between);
        if candidate.is_none_or(|c| objective > c.objective) {
            let extra = s.extra.saturating_add(between);
            candidate = Some(State { objective, matched: s.matched + gain, last: i, non_stop: counts(Some(s)), extra });
        }
    }
    let Some(candidate) = candidate else { return };
    let Some(slot) = states.get_mut(model.offset + j) else { return };
    let keep_old = slot.is_some_and(|old| {
        let alive = old.last == i || (old.last < i && i - old.last <= MAX_EXTRA_INPUT_WORDS + 1);
        alive && old.objective > candidate.objective
    });
    if !keep_old {
        *slot = Some(candidate);
    }

    // Score the alignment ending here.
    // An entry's quote counts only once every anchor is matched.
    let all_anchors = model.anchors_before(model.classes.len());
    if candidate.non_stop < 2 || (!model.negative && (all_anchors == 0 || model.anchors_before(j + 1) < all_anchors)) {
        return;
    }
    let leading = model.prefix(j + 1);
    let total = model.total();
    if leading <= 0.0 || total <= 0.0 {
        return;
    }
    let coverage = candidate.matched / (leading + EXTRA_WORD_COST * f32::from(candidate.extra));
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

/// Diagnostics for the data tests: for every entry quote model (Russian,
/// then English), its entry and quote index, its non-stop words and anchors.
#[cfg(test)]
pub(crate) fn quote_stats() -> Vec<(usize, usize, usize, usize)> {
    index()
        .quotes
        .iter()
        .filter(|m| !m.negative)
        .map(|m| {
            let non_stop = m.classes.iter().filter(|c| **c != Class::Stop).count();
            let anchors = m.anchor.iter().filter(|a| **a).count();
            (m.group, m.quote, non_stop, anchors)
        })
        .collect()
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
        // Each quote, in each language, needs two non-stop words and an anchor.
        for (e, q, non_stop, anchors) in quote_stats() {
            let entry = &catalog().entry[e];
            let text = entry.quote.get(q).and_then(|q| texts::entry(q.text)).map_or("", |t| t.ru);
            assert!(
                non_stop >= 2 && anchors >= 1,
                "{} «{text}» (or its English): {non_stop} non-stop words, {anchors} anchors",
                entry.id
            );
        }
    }

    #[test]
    fn every_anchor_occurs_in_a_quote() {
        let c = catalog();
        for entry in &c.entry {
            let mut words_of_entry: Vec<Vec<char>> = Vec::new();
            for q in &entry.quote {
                let t = texts::entry(q.text).expect("quote text");
                words_of_entry.extend(normalized(t.ru));
                words_of_entry.extend(normalized(t.en));
            }
            let all_anchors = entry.anchors.iter().chain(entry.quote.iter().flat_map(|q| q.anchors.unwrap_or(&[])));
            for a in all_anchors {
                for w in normalized(a) {
                    assert!(words_of_entry.contains(&w), "{}: anchor {a:?} is in none of its quotes", entry.id);
                }
            }
        }
    }

    #[test]
    fn joined_and_split_words() {
        let id = |t: &str| best_match(t).map(|m| catalog().entry[m.entry].id);
        assert_eq!(id("Дневник ненайден"), Some("diary_not_found"));
        assert_eq!(id("днев ник не найден"), Some("diary_not_found"));
        assert_eq!(id("Ненайдено в загсе"), Some("not_found_in_zags"));
    }

    #[test]
    fn confidence_has_two_decimals() {
        for t in ["дневник не найдн", "Срок действия кода прив", "Заявление подано. Проверка данных"]
        {
            let c = best_match(t).expect("a match").confidence;
            assert!((c * 100.0 - (c * 100.0).round()).abs() < 1e-3, "{t}: {c}");
        }
    }
}

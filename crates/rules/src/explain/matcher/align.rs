//! The alignment of the input with every quote: one pass over the input
//! words, a dynamic programme with one state per quote word, and the best
//! alignment of each quote scored as it is found.

use std::borrow::Cow;
use std::collections::HashMap;

use super::index::{index, Class, QuoteModel};
use super::lexicon::{close_hits, merge, Analysis, Hit};
use super::{MAX_EXTRA_INPUT_WORDS, MAX_SKIPPED_QUOTE_WORDS};
use crate::explain::normalize::{words, Word, MAX_WORD_CHARS};

/// What each such word costs, in quote-word weight: a message with words
/// inserted («Электронный дневник / Вход / не найдено в загсе») is less
/// sure than one with its words together.
const EXTRA_WORD_COST: f32 = 0.2;
/// The share of the leading words' weight an alignment must match.
const MIN_COVERAGE: f32 = 0.7;
/// Leading words of this much weight (about four meaningful words) are as
/// good as the whole quote: a long message cut after its first words still
/// scores high, and a long quote is not outscored by a short one that only
/// shares its first words.
const FULL_EVIDENCE: f32 = 4.0;
/// How many distinct input words keep their vocabulary matches cached.
const SEEN_WORDS_CACHE: usize = 4096;

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

#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub(super) confidence: f32,
    pub(super) matched: f32,
}

/// The alignment state of one text.
struct Run {
    states: Vec<Option<State>>,
    found: Vec<Option<Found>>,
    hits: Vec<(u16, u16, Hit)>,
}

/// What the words of one text stand for, cached: texts repeat words a lot,
/// and a pasted page repeats its pairs of words too. Bounded, so memory
/// stays fixed whatever the input; past the bound a word costs its
/// vocabulary lookups again.
#[derive(Default)]
struct Seen {
    /// Analyses of whole input words.
    words: HashMap<Word, Analysis>,
    /// Two input words joined: the vocabulary words they stand for with at
    /// most one edit (as `whole`; the same map type as `words`, so the wasm
    /// carries one copy of the map's code).
    joined: HashMap<Word, Analysis>,
}

impl Seen {
    /// The analysis of a whole input word. The text's last word is not
    /// cached: it may be cut off, which matches more.
    fn analyse(&mut self, word: &Word, last: bool) -> Cow<'_, Analysis> {
        if last {
            return Cow::Owned(Analysis::of(word.chars(), last));
        }
        if !self.words.contains_key(word) {
            let a = Analysis::of(word.chars(), last);
            if self.words.len() >= SEEN_WORDS_CACHE {
                return Cow::Owned(a);
            }
            self.words.insert(*word, a);
        }
        match self.words.get(word) {
            Some(a) => Cow::Borrowed(a),
            None => Cow::Owned(Analysis::default()),
        }
    }

    /// The vocabulary words two input words joined stand for (a cut-off
    /// prefix or another form is not enough evidence, so whether the text
    /// ends there does not matter).
    fn joined(&mut self, joined: &Word, out: &mut Vec<Hit>) {
        if let Some(a) = self.joined.get(joined) {
            out.extend_from_slice(&a.whole);
            return;
        }
        let start = out.len();
        close_hits(joined.chars(), out);
        if self.joined.len() < SEEN_WORDS_CACHE {
            let whole = out.get(start..).unwrap_or(&[]).to_vec();
            self.joined.insert(*joined, Analysis { whole, split: None });
        }
    }
}

impl Run {
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

/// The best alignment of every quote with `text`, by quote index.
pub(super) fn quote_scores(text: &str) -> Vec<Option<Found>> {
    let index = index();
    let mut run = Run { states: vec![None; index.states], found: vec![None; index.quotes.len()], hits: Vec::new() };
    let mut seen = Seen::default();
    let mut matches: Vec<Hit> = Vec::new();
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
        let analysis = seen.analyse(&word, last);
        matches.clear();
        matches.extend_from_slice(&analysis.whole);
        let exact = matches.iter().any(|h| h.factor >= 1.0);
        if let Some((left, right)) = &analysis.split {
            // Both readings: the first word alone, then the rest or the
            // whole word.
            run.feed(pos, &[Hit { vocab: *left, factor: 1.0, weak: false }]);
            merge(&mut matches, right);
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
                if let Some(joined) = Word::from_normalized(joined.get(..joined_len).unwrap_or(&[])) {
                    extra.clear();
                    seen.joined(&joined, &mut extra);
                    merge(&mut matches, &extra);
                }
            }
        }
        run.feed(pos, &matches);
        pos += 1;
        prev = Some((word, exact));
    }
    run.found
}

pub(super) fn better(a: &Found, b: &Found) -> bool {
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

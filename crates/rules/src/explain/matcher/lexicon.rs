//! One input word against the vocabulary: which catalog words it stands
//! for (equal up to a few edits, another form of the word, cut short), and
//! two words typed as one.

use super::index::{index, letter_mask, VocabWord, MAX_EDITS};
use crate::explain::normalize::MAX_WORD_CHARS;

/// Another form of a word: at least this many first letters in common…
const INFLECTION_STEM: usize = 7;
/// …and the vocabulary word's ending (and the input's, less one) no longer
/// than this.
const INFLECTION_ENDING: usize = 3;
/// The fewest letters of a cut-off word that may stand for an anchor (or two
/// thirds of the anchor).
const MIN_ANCHOR_PREFIX: usize = 4;

/// Optimal string alignment distance between `a` and `b` if it is at most
/// `k`; words are at most a few dozen letters, so the table is small.
fn bounded_distance(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    if k == 0 {
        return (a == b).then_some(0);
    }
    const W: usize = MAX_WORD_CHARS + 1;
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
pub(super) struct Hit {
    pub(super) vocab: usize,
    /// 1.0 exact, 0.9 one edit, 0.8 two edits or a cut-off prefix.
    pub(super) factor: f32,
    /// A short cut-off prefix: no evidence for an anchor.
    pub(super) weak: bool,
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
    // The other two need the same first letter: check it before anything.
    if input.first() != v.chars.first() {
        return None;
    }
    // Another form of the same word («недействительный» for
    // «недействителен»): the same first letters but for the last three of
    // the vocabulary word, at least seven, and an ending of at most four.
    if input.len() > INFLECTION_STEM && v.chars.len() > INFLECTION_STEM {
        let common = input.iter().zip(&v.chars).take_while(|(a, b)| a == b).count();
        if common >= INFLECTION_STEM
            && common + INFLECTION_ENDING >= v.chars.len()
            && input.len() <= common + INFLECTION_ENDING + 1
            && common < input.len()
            && common < v.chars.len()
        {
            return Some(Hit { vocab: 0, factor: 0.8, weak: false });
        }
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

/// Every vocabulary word `input` stands for, in no particular order.
///
/// Only the words that can match are tried: those within two letters of the
/// input's length (every edit-distance match), and the others that begin
/// with the input's first seven letters (another form of the word, longer
/// or shorter) or with the whole input (a cut-off word, longer). The result
/// is the same as trying every vocabulary word (a test checks it).
pub(super) fn vocab_hits(input: &[char], last: bool, out: &mut Vec<Hit>) {
    let index = index();
    let mask = letter_mask(input);
    let mut try_word = |v_index: usize| {
        if let Some(hit) = index.vocab.get(v_index).and_then(|v| word_factor(input, mask, v, last)) {
            out.push(Hit { vocab: v_index, ..hit });
        }
    };
    let n = input.len();
    let (shortest, widest) = (n.saturating_sub(MAX_EDITS), n + MAX_EDITS);
    for len in shortest..=widest.min(MAX_WORD_CHARS + 1) {
        index.of_len(len).iter().for_each(|&v| try_word(v));
    }
    // Outside those lengths: another form shares the first seven letters; a
    // cut-off word is all of the vocabulary word's beginning. (The first
    // range holds the second when the input has seven letters or more.)
    let begins = if n >= INFLECTION_STEM { input.get(..INFLECTION_STEM) } else { Some(input) };
    if let Some(prefix) = begins.filter(|p| !p.is_empty()) {
        for &v in index.starting_with(prefix) {
            if index.vocab.get(v).is_some_and(|w| w.chars.len() < shortest || w.chars.len() > widest) {
                try_word(v);
            }
        }
    }
}

/// The vocabulary words `input` stands for with at most one edit (two input
/// words joined: a cut-off or another form is no evidence there). The same
/// as the hits of [`vocab_hits`] with a factor of 0.9 or more.
pub(super) fn close_hits(input: &[char], out: &mut Vec<Hit>) {
    let index = index();
    let mask = letter_mask(input);
    let n = input.len();
    for len in n.saturating_sub(1)..=n + 1 {
        for &v_index in index.of_len(len) {
            let Some(v) = index.vocab.get(v_index) else { continue };
            let k = v.max_edits.min(1);
            if ((mask ^ v.mask).count_ones() as usize) <= 2 * k {
                if let Some(d) = bounded_distance(input, &v.chars, k) {
                    out.push(Hit { vocab: v_index, factor: 1.0 - 0.1 * d as f32, weak: false });
                }
            }
        }
    }
}

/// What an input word stands for: vocabulary words as it is, and, when it
/// is not a vocabulary word as it is, maybe two words run together.
#[derive(Clone, Default)]
pub(super) struct Analysis {
    pub(super) whole: Vec<Hit>,
    /// The vocabulary word the input word starts with, and the matches of
    /// the rest.
    pub(super) split: Option<(usize, Vec<Hit>)>,
}

impl Analysis {
    pub(super) fn of(chars: &[char], last: bool) -> Analysis {
        let mut whole = Vec::new();
        vocab_hits(chars, last, &mut whole);
        let exact = whole.iter().any(|h| h.factor >= 1.0);
        let split = if exact { None } else { split(chars, last) };
        Analysis { whole, split }
    }
}

/// Keeps the better factor of each vocabulary word.
pub(super) fn merge(into: &mut Vec<Hit>, from: &[Hit]) {
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
pub(super) fn split(chars: &[char], last: bool) -> Option<(usize, Vec<Hit>)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// `bounded_distance` is the optimal string alignment distance of
        /// `strsim` (the reference, a dev-dependency only), cut off at `k`.
        #[test]
        fn the_bounded_distance_is_strsims_osa_distance_up_to_k(a in "[abcd]{0,10}", b in "[abcd]{0,10}", k in 0usize..4) {
            let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let d = strsim::osa_distance(&a, &b);
            proptest::prop_assert_eq!(bounded_distance(&ac, &bc, k), (d <= k).then_some(d));
        }
    }

    /// The plain scan `vocab_hits` must agree with: every vocabulary word.
    fn scan(input: &[char], last: bool) -> Vec<(usize, u32, bool)> {
        let mask = letter_mask(input);
        let mut out: Vec<_> = index()
            .vocab
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                word_factor(input, mask, v, last).map(|h| (i, (h.factor * 10.0).round() as u32, h.weak))
            })
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn close_hits_are_the_hits_of_one_edit() {
        for v in &index().vocab {
            let mut probe = v.chars.clone();
            probe.push('а');
            for p in [&v.chars, &probe] {
                let mut close = Vec::new();
                close_hits(p, &mut close);
                let mut close: Vec<_> = close.iter().map(|h| (h.vocab, (h.factor * 10.0).round() as u32)).collect();
                close.sort_unstable();
                let want: Vec<_> = scan(p, false).into_iter().filter(|h| h.1 >= 9).map(|h| (h.0, h.1)).collect();
                assert_eq!(close, want, "{:?}", p.iter().collect::<String>());
            }
        }
    }

    #[test]
    fn candidates_find_what_a_full_scan_finds() {
        let index = index();
        let mut probes: Vec<Vec<char>> = Vec::new();
        for v in &index.vocab {
            let w = &v.chars;
            probes.push(w.clone());
            for cut in 1..w.len() {
                probes.push(w[..cut].to_vec());
                let mut edited = w.clone();
                edited.remove(cut);
                probes.push(edited);
                let mut grown = w.clone();
                grown.insert(cut, 'ы');
                grown.push('о');
                probes.push(grown);
            }
        }
        for probe in probes {
            for last in [false, true] {
                let mut got = Vec::new();
                vocab_hits(&probe, last, &mut got);
                let mut got: Vec<_> = got.iter().map(|h| (h.vocab, (h.factor * 10.0).round() as u32, h.weak)).collect();
                got.sort_unstable();
                let s: String = probe.iter().collect();
                assert_eq!(got, scan(&probe, last), "{s:?} last={last}");
            }
        }
    }

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
}

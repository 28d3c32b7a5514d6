//! Scoring: the cheapest way to guess the whole text, found in the same
//! forward pass that runs the automata, and the patterns on it.

use super::super::layout::{is_lower, is_upper};
use super::automaton::{dictionary, fold, is_leet, Trie};
use super::guesses::brute_force_cost;
use super::matchers::{case_cost, match_dates, match_repeats, match_sequences, match_walks, Text};
use super::{Kind, SEGMENT_PENALTY};

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
pub(super) fn estimate_text(text: &Text, personal: Option<&Trie>) -> (f64, Vec<(u8, usize)>) {
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

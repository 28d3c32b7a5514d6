//! One input word against the vocabulary: which catalog words it stands
//! for (equal up to a few edits, another form of the word, cut short), and
//! two words typed as one.

use super::index::{index, is_negation, letter_mask, Subjects, VocabWord, MAX_EDITS};
use super::{Pass, Passes};
use crate::explain::normalize::{Word, MAX_RUN_CHARS, MAX_WORD_CHARS};

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
#[allow(clippy::indexing_slicing, reason = "1 ≤ i ≤ a.len() < W and 1 ≤ j ≤ b.len() < W over [usize; W]")]
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

/// How many edits `a` and `b` are apart, if at most `k`.
pub(super) fn distance(a: &[char], b: &[char], k: usize) -> Option<usize> {
    bounded_distance(a, b, k)
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

/// What an input word stands for: vocabulary words as it is and as it
/// reads when typed with the wrong layout, transliterated or written in
/// Latin look-alikes; the catalog words an everyday word stands for; and,
/// when it is not a vocabulary word, maybe two or three words run together.
#[derive(Clone, Default)]
pub(super) struct Analysis {
    pub(super) whole: Vec<Hit>,
    /// Words run together (or an everyday word for two catalog words): the
    /// hits of each part in order; the whole word's hits go with the last.
    pub(super) parts: Vec<Vec<Hit>>,
    /// Right after «не», the pair stands for these («не действует»).
    pub(super) after_not: Vec<Hit>,
    /// «не» / "not", in any reading.
    pub(super) negation: bool,
    /// The word can end a phrase saying a message is gone (`[resolved]`).
    pub(super) ends_resolved: bool,
    /// The word starts what the text says now (`[resolved] now`).
    pub(super) starts_now: bool,
    /// The word names a message as a thing shown (`[resolved] absent`).
    pub(super) names_message: bool,
    /// «нет».
    pub(super) no: bool,
    /// A relative pronoun («который», «которая» …; `[relative_pronouns]`):
    /// it starts a clause that may stand between two matched words.
    pub(super) relative: bool,
    /// The word read through the layout, transliteration or look-alike
    /// letters (a Latin-typed word; for the phrases of `[resolved]`).
    pub(super) readings: Vec<Vec<char>>,
    pub(super) subjects: Subjects,
    /// Spoken punctuation («точка»), read past.
    pub(super) spoken: bool,
    /// A personal pronoun («он», «её»): it may stand for a word named
    /// just before.
    pub(super) pronoun: bool,
}

/// What a transliterated or look-alike reading of a word is worth against
/// the word as it is (a wrong-layout reading is exact: one key, one letter).
const READING_FACTOR: f32 = 0.95;
/// What an everyday word is worth against the catalog's word.
const SYNONYM_FACTOR: f32 = 0.9;

/// Latin letters that look like Cyrillic ones, lower-cased (a word in
/// capitals that are all look-alikes: «HOMEP» is «номер»).
fn lookalike(c: char) -> Option<char> {
    let upper = c.to_ascii_uppercase();
    crate::explain::normalize::latin_lookalike_to_cyrillic(upper).map(crate::case::lower)
}

fn fold(c: char) -> char {
    if c == 'ё' {
        'е'
    } else {
        c
    }
}

/// The other readings of a word typed in Latin characters: as typed with
/// the English layout on, transliterated, in look-alike letters.
fn readings(raw: &[char], passes: Passes) -> Vec<(Vec<char>, f32)> {
    let mut out: Vec<(Vec<char>, f32)> = Vec::new();
    if !raw.iter().all(|c| c.is_ascii()) || !raw.iter().any(|c| c.is_ascii_alphabetic()) {
        return out;
    }
    let mut push = |r: Option<Vec<char>>, factor: f32| {
        if let Some(r) = r.filter(|r| !r.is_empty() && r.len() <= MAX_WORD_CHARS) {
            if !out.iter().any(|(x, _)| *x == r) {
                out.push((r, factor));
            }
        }
    };
    if passes.has(Pass::Layout) {
        push(raw.iter().map(|&c| crate::password::layout::russian_key(c).map(fold)).collect(), 1.0);
    }
    if raw.iter().all(|c| c.is_ascii_alphabetic()) {
        if passes.has(Pass::Translit) {
            push(
                crate::password::layout::from_translit(raw).map(|w| w.into_iter().map(fold).collect()),
                READING_FACTOR,
            );
        }
        if passes.has(Pass::Lookalike) {
            push(raw.iter().map(|&c| lookalike(c)).collect(), READING_FACTOR);
        }
    }
    out
}

fn scaled(hits: &[Hit], factor: f32) -> impl Iterator<Item = Hit> + '_ {
    hits.iter().map(move |h| Hit { factor: h.factor * factor, ..*h })
}

/// The hits of a catalog word an everyday word stands for.
fn meaning(word: &[char]) -> Vec<Hit> {
    let mut hits = Vec::new();
    vocab_hits(word, false, &mut hits);
    hits.iter_mut().for_each(|h| h.factor *= SYNONYM_FACTOR);
    hits
}

impl Analysis {
    pub(super) fn of(word: &Word, last: bool, passes: Passes) -> Analysis {
        let index = index();
        let chars = word.chars();
        let mut a = Analysis::default();
        vocab_hits(chars, last, &mut a.whole);
        // A vocabulary word as it is, in some reading: no split.
        let mut exact = a.whole.iter().any(|h| h.factor >= 1.0);
        let mut keys: Vec<Vec<char>> = vec![chars.to_vec()];
        for (r, factor) in readings(word.raw(), passes) {
            let mut hits = Vec::new();
            vocab_hits(&r, last, &mut hits);
            exact |= hits.iter().any(|h| h.factor >= 1.0);
            let hits: Vec<Hit> = scaled(&hits, factor).collect();
            merge(&mut a.whole, &hits);
            keys.push(r);
        }
        a.ends_resolved = keys.iter().any(|k| index.ends_resolved(k));
        a.starts_now = keys.iter().any(|k| index.starts_now(k));
        a.names_message = keys.iter().any(|k| index.names_message(k));
        a.no = keys.iter().any(|k| k.as_slice() == ['н', 'е', 'т']);
        a.relative = index.relative_pronouns.contains(chars);
        a.readings = keys.get(1..).unwrap_or_default().to_vec();
        // «mail.ru» names a service by its whole token.
        let letters: Vec<char> = word.raw().iter().copied().filter(|c| c.is_alphanumeric()).collect();
        if letters.as_slice() != chars {
            a.subjects.add(index.subjects_of(&letters));
        }
        for key in &keys {
            a.negation |= is_negation(key);
            a.subjects.add(index.subjects_of(key));
            if !passes.has(Pass::Lexicon) {
                continue;
            }
            let (synonyms, edits) = index.synonyms_near(key);
            // A catalog word as it is is not a typo of an everyday word
            // («упрощенная» is not «упрощенка» misspelt).
            if edits > 0 && a.whole.iter().any(|h| h.factor >= 1.0) {
                continue;
            }
            // An everyday word is a word: not words run together.
            exact |= !synonyms.is_empty();
            // A typo'd everyday word is worth less than a typo'd catalog word.
            let typo = 1.0 - 0.1 * edits as f32;
            let meaning = |m: &[char]| -> Vec<Hit> { scaled(&meaning(m), typo).collect() };
            for syn in synonyms {
                // An everyday word for a negation is one («wasnt», «doesn't»).
                a.negation |= matches!(syn.means.as_slice(), [m] if is_negation(m));
                match (syn.after_not, syn.means.as_slice()) {
                    (true, [m, ..]) => merge(&mut a.after_not, &meaning(m)),
                    (false, [m]) => merge(&mut a.whole, &meaning(m)),
                    (false, [first, second, ..]) if a.parts.is_empty() => {
                        a.parts = vec![meaning(first), meaning(second)];
                    }
                    _ => {}
                }
            }
        }
        a.spoken = passes.has(Pass::Spoken) && !exact && index.spoken.contains(chars);
        a.pronoun = passes.has(Pass::Pronoun) && index.pronouns.contains(chars);
        if passes.has(Pass::RunTogether) && !exact && a.parts.is_empty() {
            let broken = keys.iter().find_map(|k| word_break(k));
            a.parts = broken.or_else(|| keys.iter().find_map(|k| split(k, last))).unwrap_or_default();
        }
        a
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
pub(super) fn split(chars: &[char], last: bool) -> Option<Vec<Vec<Hit>>> {
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
            return Some(vec![vec![Hit { vocab: v, factor: 1.0, weak: false }], right]);
        }
    }
    None
}

/// What an unknown run of letters costs per letter, against one known word.
const UNKNOWN_LETTER_COST: u32 = 10;
/// The share of a run-together word's letters that known words must make.
const MIN_KNOWN_SHARE: usize = 60;

/// Many words typed as one («всфрненайден», «кодапривязкиистёк»): the
/// fewest pieces that are vocabulary words or everyday words, allowing an
/// unknown run of three or more letters at either end («виситпроверка…»).
/// A word-break table over the word's letters (at most
/// [`MAX_WORD_CHARS`]): a few hundred lookups, once per distinct word.
pub(super) fn word_break(chars: &[char]) -> Option<Vec<Vec<Hit>>> {
    if chars.len() > MAX_WORD_CHARS {
        return None;
    }
    break_run(chars, false).map(|pieces| piece_hits(&pieces))
}

/// A whole sentence typed without spaces, longer than any word the
/// normalizer keeps («Длявходавдневникнужносогласиеодногоизродителей»):
/// [`word_break`] over its letters (at most [`MAX_RUN_CHARS`]), with the
/// subjects its pieces name. A sentence holds words the catalog does not
/// («запросите новый код»), so unknown runs of three or more letters may
/// stand anywhere (still at most 40 % of the letters). Known pieces are at
/// most [`MAX_WORD_CHARS`] letters, so the table costs at most about 40
/// lookups per letter.
pub(super) fn run_break(chars: &[char]) -> Option<(Vec<Vec<Hit>>, Subjects)> {
    let pieces = break_run(chars, true)?;
    let index = index();
    let mut named = Subjects::default();
    for piece in &pieces {
        named.add(index.subjects_of(piece));
    }
    Some((piece_hits(&pieces), named))
}

/// The pieces of [`word_break`] and [`run_break`] (`inner`: unknown runs
/// may stand between known pieces, not only at the ends).
fn break_run(chars: &[char], inner: bool) -> Option<Vec<&[char]>> {
    let n = chars.len();
    if !(5..=MAX_RUN_CHARS).contains(&n) {
        return None;
    }
    let index = index();
    let known = |piece: &[char]| {
        piece.len() <= MAX_WORD_CHARS && (index.exact.contains_key(piece) || index.synonyms.contains(piece))
    };
    // best[i]: the cheapest cover of chars[..i]: (cost, where its last piece starts).
    let mut best: Vec<Option<(u32, usize)>> = vec![None; n + 1];
    if let Some(first) = best.first_mut() {
        *first = Some((0, 0));
    }
    for i in 0..n {
        let Some(Some((cost, _))) = best.get(i).copied() else { continue };
        for j in i + 1..=n {
            let end = j == n;
            if j - i > MAX_WORD_CHARS && i != 0 && !end && !inner {
                continue;
            }
            let Some(piece) = chars.get(i..j) else { continue };
            let step = if known(piece) {
                1
            } else if piece.len() >= 3 && (i == 0 || end || inner) {
                1 + UNKNOWN_LETTER_COST * piece.len() as u32
            } else {
                continue;
            };
            if let Some(slot) = best.get_mut(j) {
                if slot.is_none_or(|(c, _)| cost + step < c) {
                    *slot = Some((cost + step, i));
                }
            }
        }
    }
    let mut pieces: Vec<&[char]> = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i) = best.get(j).copied().flatten()?;
        pieces.push(chars.get(i..j)?);
        j = i;
    }
    pieces.reverse();
    let known_letters: usize = pieces.iter().filter(|p| known(p)).map(|p| p.len()).sum();
    let long_known = pieces.iter().filter(|p| known(p) && p.len() >= 4).count();
    if pieces.len() < 2 || 100 * known_letters < MIN_KNOWN_SHARE * n || long_known == 0 {
        return None;
    }
    Some(pieces)
}

/// What each piece of a broken word stands for («не» + «действует» is one).
fn piece_hits(pieces: &[&[char]]) -> Vec<Vec<Hit>> {
    let index = index();
    let mut parts: Vec<Vec<Hit>> = Vec::new();
    let mut after_not = false;
    for &piece in pieces {
        let mut hits: Vec<Hit> =
            index.exact.get(piece).map(|&v| Hit { vocab: v, factor: 1.0, weak: false }).into_iter().collect();
        let mut second: Option<Vec<Hit>> = None;
        let mut pair: Option<Vec<Hit>> = None;
        for syn in index.synonyms.get(piece).map_or(&[][..], |v| v.as_slice()) {
            match (syn.after_not, syn.means.as_slice()) {
                (true, [m, ..]) if after_not => pair = Some(meaning(m)),
                (false, [m]) => merge(&mut hits, &meaning(m)),
                (false, [first, next, ..]) if second.is_none() => {
                    merge(&mut hits, &meaning(first));
                    second = Some(meaning(next));
                }
                _ => {}
            }
        }
        after_not = is_negation(piece);
        match pair {
            // «не» + «действует»: one word, in place of the «не».
            Some(p) => {
                if let Some(prev) = parts.last_mut() {
                    *prev = p;
                }
            }
            None => {
                parts.push(hits);
                parts.extend(second);
            }
        }
    }
    parts
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

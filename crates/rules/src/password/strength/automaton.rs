//! The Aho–Corasick automata over a leet-folded alphabet: the built-in
//! dictionary (built once) and the person's own names and dates (built once
//! per distinct personal data).

use super::super::data::data;
use super::super::layout::{
    is_cyrillic, is_letter, key_position, key_spelling, lower_char, name_variants, transliterations,
};
use super::{MAX_PERSONAL_CHARS, MAX_PERSONAL_STRINGS, MAX_WORD};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

/// The letter a digit or symbol may stand for (leet), and `l` folded into
/// `i` (`1` and `|` stand for either): dictionary words and the password are
/// both matched in this folded alphabet, so one automaton finds plain and
/// leet spellings alike.
#[inline(always)]
pub(super) fn fold(c: char) -> char {
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
pub(super) fn is_leet(c: char) -> bool {
    !is_letter(c) && fold(c) != c
}

/// A trie under construction.
#[derive(Default)]
struct BuildNode {
    children: Vec<(char, u32)>,
    /// log10 of the best rank of a word ending here (reversed words count
    /// double); infinite if none.
    pub(super) cost: f32,
    /// The leet characters of that word as written in the list.
    pub(super) leet: u8,
    /// Whether that word holds a keyboard walk ("qwerty1", "1qaz2wsx").
    pub(super) walk: bool,
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

pub(super) struct TrieNode {
    pub(super) first_edge: u32,
    pub(super) edge_count: u32,
    /// log10 of the guess rank of the word ending here; infinite if none.
    pub(super) cost: f32,
    /// The leet characters of that word as listed ("1qaz2wsx" has two).
    pub(super) leet: u8,
    /// Whether that word is a keyboard walk as listed.
    pub(super) walk: bool,
    /// The length of the node's word.
    pub(super) depth: u8,
    /// Aho–Corasick failure link.
    pub(super) fail: u32,
    /// The next word that ends at the same place (a suffix), or NO_NODE.
    pub(super) output: u32,
}

/// A flat Aho–Corasick automaton over words in folded key space: a node's
/// edges are contiguous and sorted; the root's ASCII edges are a table.
pub(crate) struct Trie {
    pub(super) nodes: Vec<TrieNode>,
    edges: Vec<(char, u32)>,
    root_ascii: [u32; 128],
}

impl Trie {
    #[inline(always)]
    pub(super) fn child(&self, node: u32, c: char) -> Option<u32> {
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
    pub(super) fn step(&self, mut state: u32, c: char) -> u32 {
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
    pub(super) fn first_output(&self, state: u32) -> u32 {
        match self.nodes.get(state as usize) {
            Some(n) if n.cost.is_finite() => state,
            Some(n) => n.output,
            None => NO_NODE,
        }
    }

    /// The cost of a whole word (a path from the root), if it is one.
    pub(super) fn word_cost(&self, folded: impl Iterator<Item = char>) -> Option<f32> {
        let mut node = 0u32;
        for c in folded {
            node = self.child(node, c)?;
        }
        self.nodes.get(node as usize).map(|n| n.cost).filter(|c| c.is_finite())
    }

    /// How many words (forward or reversed) end in the trie.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
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
pub(super) fn personal_trie(personal: &[&str]) -> Option<Trie> {
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
pub(super) fn personal_trie_cached(personal: &[&str]) -> Option<Rc<Trie>> {
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
pub(super) fn date_tokens(s: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    /// Every (end, length) of a dictionary word found by walking the
    /// automaton over `text`, as the estimator's path search reads them.
    fn walk(trie: &Trie, text: &str) -> BTreeSet<(usize, usize)> {
        let mut found = BTreeSet::new();
        let mut state = 0;
        for (i, c) in text.chars().enumerate() {
            state = trie.step(state, fold(c));
            let mut node = trie.first_output(state);
            while let Some(word) = trie.nodes.get(node as usize) {
                if word.depth == 0 {
                    break;
                }
                found.insert((i + 1, usize::from(word.depth)));
                node = word.output;
            }
        }
        found
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// The hand-written Aho–Corasick automaton finds exactly the
        /// overlapping matches the `aho-corasick` crate finds for the same
        /// words and their reversals (the crate is the reference only: a
        /// dev-dependency, nothing in the wasm).
        #[test]
        fn the_automaton_finds_what_aho_corasick_finds(
            words in proptest::collection::vec("[abc]{3,6}", 1..8),
            text in "[abc]{0,40}",
        ) {
            let mut builder = TrieBuilder::new();
            for w in &words {
                builder.insert(w, 1);
            }
            let trie = builder.finish();
            let mut patterns: Vec<String> = words.clone();
            patterns.extend(words.iter().map(|w| w.chars().rev().collect::<String>()));
            patterns.sort();
            patterns.dedup();
            let reference = aho_corasick::AhoCorasick::new(&patterns).unwrap();
            let expected: BTreeSet<(usize, usize)> =
                reference.find_overlapping_iter(&text).map(|m| (m.end(), m.end() - m.start())).collect();
            prop_assert_eq!(walk(&trie, &text), expected);
        }
    }
}

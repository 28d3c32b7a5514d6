//! The catalog's quotes prepared for matching: every quote as words with a
//! class, a weight and an anchor flag, and the vocabulary of all distinct
//! quote words with where each occurs. Built once, on first use.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use super::super::catalog::{catalog, Catalog};
use super::super::normalize::{words, Word, MAX_WORD_CHARS};
use crate::texts;

/// A stem shared by this many groups (entries and other messages) makes a
/// word common.
const COMMON_IN_GROUPS: usize = 4;

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
    "эти",
    // Determiners before a message's subject («Такой номер уже
    // зарегистрирован»): a text that leaves them out says the same.
    "такой",
    "такая",
    "такое",
    "такие",
    "данный",
    "данная",
    // A question word opening a quote («Почему нет кнопки…»): people
    // tell the message without it.
    "почему",
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
pub(super) enum Class {
    Stop,
    Common,
    Distinctive,
}

impl Class {
    pub(super) fn weight(self) -> f32 {
        match self {
            Class::Stop => 0.25,
            Class::Common => 0.5,
            Class::Distinctive => 1.0,
        }
    }
}

pub(super) struct VocabWord {
    pub(super) chars: Vec<char>,
    pub(super) mask: u64,
    pub(super) max_edits: usize,
    /// (quote index, word position) pairs where this word occurs.
    pub(super) occurrences: Vec<(u16, u16)>,
}

pub(super) struct QuoteModel {
    /// An entry index, or the catalog's entry count plus an index into its
    /// other messages.
    pub(super) group: usize,
    /// Index into the group's quotes.
    pub(super) quote: usize,
    /// One of the other messages: it only takes a text away from entries.
    pub(super) negative: bool,
    pub(super) classes: Vec<Class>,
    pub(super) anchor: Vec<bool>,
    /// `prefix[j]`: the weight of words `0..j` (so `prefix[len]` is the total).
    pub(super) prefix: Vec<f32>,
    /// `anchors_before[j]`: the number of anchors among words `0..j`.
    pub(super) anchors_before: Vec<u16>,
    /// `negated[j]`: the quote word before word `j` is «не» / "not" (the
    /// input must say it too, and must not say it where the quote does not).
    pub(super) negated: Vec<bool>,
    /// Index of this quote's first state in the state table.
    pub(super) offset: usize,
    /// Its entry is `tight`.
    pub(super) tight: bool,
}

impl QuoteModel {
    pub(super) fn weight(&self, j: usize) -> f32 {
        self.classes.get(j).map_or(0.0, |c| c.weight())
    }
    pub(super) fn prefix(&self, j: usize) -> f32 {
        self.prefix.get(j).copied().unwrap_or(0.0)
    }
    pub(super) fn total(&self) -> f32 {
        self.prefix.last().copied().unwrap_or(0.0)
    }
    pub(super) fn anchors_before(&self, j: usize) -> u16 {
        self.anchors_before.get(j).copied().unwrap_or(0)
    }
}

/// The catalog's quotes, prepared for matching.
pub(super) struct Index {
    pub(super) vocab: Vec<VocabWord>,
    /// Vocabulary words by their letters, for splitting joined words.
    pub(super) exact: HashMap<Vec<char>, usize>,
    /// Vocabulary indices by word length (the last slot holds every longer
    /// word): the words within a few edits of an input word.
    pub(super) by_len: Vec<Vec<usize>>,
    /// Vocabulary indices in the order of their letters: the words an input
    /// word begins (a cut-off word, another form) are one range.
    pub(super) sorted: Vec<usize>,
    pub(super) quotes: Vec<QuoteModel>,
    pub(super) states: usize,
    pub(super) entries: usize,
    /// Vocabulary indices of the negations («не», "not").
    pub(super) negations: Vec<usize>,
    /// Spoken punctuation, read past.
    pub(super) spoken: Sorted<()>,
    /// Personal pronouns: one may stand for a word named just before.
    pub(super) pronouns: Sorted<()>,
    /// Relative pronouns: each starts a clause that may stand between two
    /// matched words.
    pub(super) relative_pronouns: Sorted<()>,
    /// Everyday words: what each stands for.
    pub(super) synonyms: Sorted<Vec<SynonymUse>>,
    /// The everyday words in catalog order (the typo'd lookup tries them in
    /// this order).
    pub(super) synonym_keys: Vec<Vec<char>>,
    /// Subject words: exact words, and beginnings (`банк*`).
    pub(super) subject_words: Sorted<Subjects>,
    pub(super) subject_prefixes: Vec<(Vec<char>, Subjects)>,
    /// Words found anywhere inside a word (`*банк*`).
    pub(super) subject_infixes: Vec<(Vec<char>, Subjects)>,
    /// Per entry, the bits of its own subjects, and of those foreign to it.
    pub(super) entry_subjects: Vec<u32>,
    pub(super) entry_others: Vec<u32>,
    /// Per entry, the bits of the subjects that veto it inside its match.
    pub(super) entry_inside: Vec<u32>,
    /// Per entry, the bits of the subjects that veto it right after its match.
    pub(super) entry_after: Vec<u32>,
    /// Per own subject (by bit), the bits of the subjects after which it is
    /// not named (`unless`).
    pub(super) subject_unless: Vec<(u32, u32)>,
    /// Per entry, the entries it comes from (indices; `causes`).
    pub(super) entry_causes: Vec<Vec<usize>>,
    /// The bit of the `hedge` subject: a cause named after it is only
    /// guessed at.
    pub(super) hedge: u32,
    /// The bit of the `via` subject: what is named right after it is the
    /// way in, not a subject of the message.
    pub(super) via: u32,
    /// The bits of the `place_in` subject (a preposition of place: «в»,
    /// «на») and of the `shows` subject (a verb that tells a message is
    /// shown: «пишет»): unknown words between the two name the place a
    /// message is shown in, another service's («в Стэндоффе пишет …»).
    pub(super) place_in: u32,
    pub(super) shows: u32,
    /// The bits of `place_in`, `shows` and `place`: they serve only to
    /// find a place, and are dropped from what a word names.
    pub(super) place_only: u32,
    /// The bits of the `question` subject (a question about the rules:
    /// «какие», «нужно ли») and of `indefinite` («то» in «какой-то»:
    /// after it, «какой» asks nothing).
    pub(super) question: u32,
    pub(super) indefinite: u32,
    /// The bits of the `joke` subject («шучу», «лол») and the laughing
    /// emoji (`[laughing_marks]`): on the line of a match they veto it.
    pub(super) joke: u32,
    pub(super) laughing: Vec<char>,
    /// Phrases that say a message is gone: their words, each a whole word
    /// or (`true`) a beginning; and which messages they speak of.
    pub(super) resolved: Vec<(Phrase, Reach)>,
    /// Words that start what the text says now (`now`).
    pub(super) resolved_now: Sorted<()>,
    /// Words that name a message as a thing shown (`absent`).
    pub(super) resolved_absent: Sorted<()>,
    /// The phrases' last words (whole, and beginnings): a cheap first test.
    pub(super) resolved_last: Sorted<()>,
    pub(super) resolved_last_prefixes: Vec<Vec<char>>,
}

impl Index {
    /// Whether `word` is the last word of one of the `resolved` phrases (a
    /// cheap first test, cached with the word's analysis).
    pub(super) fn ends_resolved(&self, word: &[char]) -> bool {
        self.resolved_last.contains(word) || self.resolved_last_prefixes.iter().any(|p| word.starts_with(p))
    }

    /// Whether `word` starts what the text says now («теперь»).
    pub(super) fn starts_now(&self, word: &[char]) -> bool {
        self.resolved_now.contains(word)
    }

    /// Whether `word` names a message as a thing shown («ошибки»).
    pub(super) fn names_message(&self, word: &[char]) -> bool {
        self.resolved_absent.contains(word)
    }

    /// What each of the `resolved` phrases that ends with the last of
    /// `words` (oldest first; each word in one or more readings) and does
    /// not follow «не» speaks of.
    pub(super) fn resolves<'a>(&'a self, words: &'a [Vec<Vec<char>>]) -> impl Iterator<Item = Reach> + 'a {
        self.resolved.iter().filter_map(|(phrase, reach)| {
            let n = phrase.len();
            let from = words.len().checked_sub(n)?;
            let fits = phrase.iter().zip(words.get(from..).unwrap_or_default()).all(|((w, prefix), readings)| {
                readings.iter().any(|input| if *prefix { input.starts_with(w) } else { input == w })
            });
            // Tested only for a phrase that fits: the phrases are many and
            // a pasted page repeats their last words.
            let after_not = || {
                from.checked_sub(1)
                    .and_then(|i| words.get(i))
                    .is_some_and(|before| before.iter().any(|b| is_negation(b)))
            };
            (fits && !after_not()).then_some(*reach)
        })
    }
}

/// A small map from words, kept sorted (no hash table code per value type
/// in the wasm): lookups are a binary search.
pub(super) struct Sorted<V> {
    items: Vec<(Vec<char>, V)>,
}

impl<V> Default for Sorted<V> {
    fn default() -> Self {
        Sorted { items: Vec::new() }
    }
}

impl<V: Default> Sorted<V> {
    pub(super) fn get(&self, key: &[char]) -> Option<&V> {
        let at = self.items.partition_point(|(k, _)| k.as_slice() < key);
        self.items.get(at).filter(|(k, _)| k.as_slice() == key).map(|(_, v)| v)
    }

    pub(super) fn contains(&self, key: &[char]) -> bool {
        self.get(key).is_some()
    }

    /// The value of `key`, inserted as the default if missing.
    #[allow(clippy::indexing_slicing, reason = "`at` holds `key`: found there, or just inserted there")]
    pub(super) fn entry(&mut self, key: Vec<char>) -> &mut V {
        let at = self.items.partition_point(|(k, _)| *k < key);
        if self.items.get(at).is_none_or(|(k, _)| *k != key) {
            self.items.insert(at, (key, V::default()));
        }
        &mut self.items[at].1
    }
}

/// What subjects a word names: bits of the catalog's [[subject]]s, and
/// whether it names a foreign one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Subjects {
    pub(super) own: u32,
    pub(super) foreign: bool,
    /// Own subjects right after which the word names no foreign one
    /// (a foreign subject's `unless`: «сим-карта» is no bank card).
    pub(super) unless: u32,
}

impl Subjects {
    pub(super) fn add(&mut self, other: Subjects) {
        self.own |= other.own;
        self.foreign |= other.foreign;
        self.unless |= other.unless;
    }
    pub(super) fn any(self) -> bool {
        self.own != 0 || self.foreign
    }
}

/// One meaning of an everyday word: one or two catalog words.
#[derive(Debug, Clone)]
pub(super) struct SynonymUse {
    pub(super) means: Vec<Vec<char>>,
    pub(super) after_not: bool,
}

pub(super) fn letter_mask(word: &[char]) -> u64 {
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

/// The most edits any vocabulary word allows ([`max_edits`] of a long word).
pub(super) const MAX_EDITS: usize = 2;

/// How many edits a vocabulary word of `len` letters allows.
pub(super) fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => MAX_EDITS,
    }
}

fn stem(word: &[char]) -> &[char] {
    word.get(..5).unwrap_or(word)
}

pub(super) fn normalized(text: &str) -> Vec<Vec<char>> {
    words(text).map(|w: Word| w.chars().to_vec()).collect()
}

/// Every word of a catalog list, normalized: a listed entry that reads as
/// several words adds each of them.
fn word_set(list: &[&str]) -> Sorted<()> {
    let mut set: Sorted<()> = Sorted::default();
    for w in list.iter().flat_map(|w| normalized(w)) {
        set.entry(w);
    }
    set
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
        let mut negated = Vec::with_capacity(raw.words.len());
        for (pos, w) in raw.words.iter().enumerate() {
            negated.push(pos > 0 && raw.words.get(pos - 1).is_some_and(|p| is_negation(p)));
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
            negated,
            offset,
            tight: catalog.entry.get(raw.group).is_some_and(|e| e.tight),
        });
        offset += raw.words.len();
    }
    let mut by_len: Vec<Vec<usize>> = vec![Vec::new(); MAX_WORD_CHARS + 2];
    for (i, v) in vocab.iter().enumerate() {
        if let Some(slot) = by_len.get_mut(v.chars.len().min(MAX_WORD_CHARS + 1)) {
            slot.push(i);
        }
    }
    // Sorted by insertion (a few thousand words, once): no sort code in the
    // wasm for this.
    let mut sorted: Vec<usize> = Vec::with_capacity(vocab.len());
    let chars = |i: usize| vocab.get(i).map_or(&[][..], |v| v.chars.as_slice());
    for i in 0..vocab.len() {
        let at = sorted.partition_point(|&j| chars(j) < chars(i));
        sorted.insert(at, i);
    }
    let negations = NEGATIONS.iter().filter_map(|n| exact.get(*n).copied()).collect();
    let spoken = word_set(&catalog.spoken_punctuation);
    let pronouns = word_set(&catalog.pronouns);
    let relative_pronouns = word_set(&catalog.relative_pronouns);
    let mut synonyms: Sorted<Vec<SynonymUse>> = Sorted::default();
    let mut synonym_keys: Vec<Vec<char>> = Vec::new();
    for syn in &catalog.synonym {
        let means: Vec<Vec<char>> = syn.means.iter().flat_map(|m| normalized(m)).collect();
        for w in syn.words.iter().flat_map(|w| normalized(w)) {
            if !synonym_keys.contains(&w) {
                synonym_keys.push(w.clone());
            }
            synonyms.entry(w).push(SynonymUse { means: means.clone(), after_not: syn.after_not });
        }
    }
    let mut subject_words: Sorted<Subjects> = Sorted::default();
    let mut subject_prefixes: Vec<(Vec<char>, Subjects)> = Vec::new();
    let mut subject_infixes: Vec<(Vec<char>, Subjects)> = Vec::new();
    let mask = |ids: &[&str]| {
        ids.iter()
            .fold(0u32, |m, id| m | catalog.subject.iter().position(|s| s.id == *id).map_or(0, |i| 1u32 << i.min(31)))
    };
    let own = (catalog.subject.iter().enumerate())
        .map(|(i, s)| (s, Subjects { own: 1u32 << i.min(31), foreign: false, unless: 0 }));
    let foreign = catalog.foreign.iter().map(|s| (s, Subjects { own: 0, foreign: true, unless: mask(&s.unless) }));
    for (subject, bits) in own.chain(foreign) {
        for w in &subject.words {
            let (stem, is_prefix) = match w.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (*w, false),
            };
            // `*банк*`: anywhere in the word («газпромбанк», «совкомбанка»).
            if let Some(inner) = stem.strip_prefix('*') {
                subject_infixes.push((normalized(inner).concat(), bits));
                continue;
            }
            let chars: Vec<char> = normalized(stem).concat();
            if is_prefix {
                subject_prefixes.push((chars, bits));
            } else {
                subject_words.entry(chars).add(bits);
            }
        }
    }
    let entry_subjects = catalog.entry.iter().map(|e| mask(&e.subjects)).collect();
    let entry_others = catalog.entry.iter().map(|e| mask(&e.others)).collect();
    let entry_inside = catalog.entry.iter().map(|e| mask(&e.inside)).collect();
    let hedge = mask(&["hedge"]);
    let via = mask(&["via"]);
    let place_in = mask(&["place_in"]);
    let shows = mask(&["shows"]);
    let place_only = mask(&["place_in", "shows", "place"]);
    let question = mask(&["question"]);
    let indefinite = mask(&["indefinite"]);
    let joke = mask(&["joke"]);
    let laughing = catalog.laughing_marks.iter().filter_map(|m| m.chars().next()).collect();
    let entry_after = catalog.entry.iter().map(|e| mask(&e.after)).collect();
    let subject_unless = (catalog.subject.iter().enumerate())
        .filter(|(_, s)| !s.unless.is_empty())
        .map(|(i, s)| (1u32 << i.min(31), mask(&s.unless)))
        .collect();
    let entry_causes = catalog
        .entry
        .iter()
        .map(|e| e.causes.iter().filter_map(|id| catalog.entry.iter().position(|x| x.id == *id)).collect())
        .collect();
    let phrase_words = |phrase: &str| -> Phrase {
        phrase
            .split_whitespace()
            .map(|w| {
                let (stem, prefix) = w.strip_suffix('*').map_or((w, false), |s| (s, true));
                (normalized(stem).concat(), prefix)
            })
            .collect()
    };
    let resolved = (catalog.resolved.iter().map(|p| (phrase_words(p), Reach::Near)))
        .chain(catalog.resolved_changed.iter().map(|p| (phrase_words(p), Reach::Before)))
        .chain(
            catalog
                .entry
                .iter()
                .enumerate()
                .flat_map(|(e, entry)| entry.over.iter().map(move |p| (phrase_words(p), Reach::Entry(e)))),
        )
        .collect::<Vec<_>>();
    let mut resolved_now: Sorted<()> = Sorted::default();
    for w in catalog.resolved_now.iter() {
        resolved_now.entry(normalized(w).concat());
    }
    let mut resolved_absent: Sorted<()> = Sorted::default();
    for w in catalog.resolved_absent.iter() {
        resolved_absent.entry(normalized(w).concat());
    }
    let mut resolved_last: Sorted<()> = Sorted::default();
    let mut resolved_last_prefixes: Vec<Vec<char>> = Vec::new();
    for (word, prefix) in resolved.iter().filter_map(|(p, _)| p.last()) {
        if *prefix {
            resolved_last_prefixes.push(word.clone());
        } else {
            resolved_last.entry(word.clone());
        }
    }
    Index {
        vocab,
        exact,
        by_len,
        sorted,
        quotes,
        states: offset,
        entries,
        negations,
        spoken,
        pronouns,
        relative_pronouns,
        synonyms,
        synonym_keys,
        subject_words,
        subject_prefixes,
        subject_infixes,
        entry_subjects,
        entry_others,
        entry_inside,
        hedge,
        via,
        place_in,
        shows,
        place_only,
        question,
        indefinite,
        joke,
        laughing,
        entry_after,
        subject_unless,
        entry_causes,
        resolved,
        resolved_now,
        resolved_absent,
        resolved_last,
        resolved_last_prefixes,
    }
}

/// A phrase's words, each a whole word or (`true`) a beginning.
pub(super) type Phrase = Vec<(Vec<char>, bool)>;

/// Which matches a phrase saying a message is gone speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// Any within a few words (`[resolved] phrases`), not past a word that
    /// starts what the text says now.
    Near,
    /// Only those before it (`[resolved] changed`).
    Before,
    /// Only this entry's, right next to it (the entry's `over`).
    Entry(usize),
}

/// The words that negate the word after them.
const NEGATIONS: &[&[char]] = &[&['н', 'е'], &['n', 'o', 't']];

pub(super) fn is_negation(word: &[char]) -> bool {
    NEGATIONS.contains(&word)
}

impl Index {
    /// The vocabulary words of `len` letters (`MAX_WORD_CHARS + 1`: longer).
    pub(super) fn of_len(&self, len: usize) -> &[usize] {
        self.by_len.get(len).map_or(&[], |v| v.as_slice())
    }

    /// The vocabulary words that begin with `prefix`.
    pub(super) fn starting_with(&self, prefix: &[char]) -> &[usize] {
        let chars = |i: &usize| self.vocab.get(*i).map_or(&[][..], |v| v.chars.as_slice());
        let start = self.sorted.partition_point(|i| chars(i) < prefix);
        let rest = self.sorted.get(start..).unwrap_or(&[]);
        let len = rest.partition_point(|i| chars(i).starts_with(prefix));
        rest.get(..len).unwrap_or(&[])
    }
}

impl Index {
    /// The meanings of an everyday word, as it is or with the typos a
    /// catalog word of its length allows («просроечн», «pokazivaetsja»),
    /// and the edits it took.
    pub(super) fn synonyms_near(&self, word: &[char]) -> (&[SynonymUse], usize) {
        if let Some(uses) = self.synonyms.get(word) {
            return (uses, 0);
        }
        let k = max_edits(word.len());
        if k == 0 {
            return (&[], 0);
        }
        for w in &self.synonym_keys {
            // The first letter is rarely the mistyped one; checking it first
            // keeps a page of unknown words cheap.
            if w.first() != word.first() || w.len().abs_diff(word.len()) > k {
                continue;
            }
            if let Some(d) = super::lexicon::distance(word, w, k) {
                return (self.synonyms.get(w).map_or(&[], |u| u.as_slice()), d);
            }
        }
        (&[], 0)
    }

    /// The subjects a normalized word names.
    /// Whether every anchor of quote `a` is a word of quote `b` too
    /// (indices into [`Index::quotes`]): whether `b` can explain the words
    /// that distinguish `a`.
    pub(super) fn anchors_in(&self, a: usize, b: usize) -> bool {
        let Some(model) = self.quotes.get(a) else { return false };
        self.vocab.iter().all(|v| {
            let anchored = (v.occurrences.iter())
                .any(|&(q, p)| usize::from(q) == a && model.anchor.get(usize::from(p)).copied().unwrap_or(false));
            !anchored || v.occurrences.iter().any(|&(q, _)| usize::from(q) == b)
        })
    }

    pub(super) fn subjects_of(&self, word: &[char]) -> Subjects {
        let mut found = self.subject_words.get(word).copied().unwrap_or_default();
        for (stem, bits) in &self.subject_prefixes {
            if word.starts_with(stem) {
                found.add(*bits);
            }
        }
        for (inner, bits) in &self.subject_infixes {
            if !inner.is_empty() && word.windows(inner.len()).any(|w| w == inner.as_slice()) {
                found.add(*bits);
            }
        }
        found
    }
}

pub(super) fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| build(catalog()))
}

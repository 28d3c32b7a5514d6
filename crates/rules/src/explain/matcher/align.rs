//! The alignment of the input with every quote: one pass over the input
//! words, a dynamic programme with one state per quote word, and the best
//! alignment of each quote scored as it is found.

use std::borrow::Cow;
use std::collections::HashMap;

use super::index::{index, Class, QuoteModel, Reach, Subjects};
use super::lexicon::{close_hits, merge, run_break, Analysis, Hit};
use super::{Pass, Passes, MAX_EXTRA_INPUT_WORDS, MAX_RELATIVE_CLAUSE_WORDS, MAX_SKIPPED_QUOTE_WORDS};
use crate::explain::normalize::{run_letters, words, BuildWordHasher, Word, MAX_WORD_CHARS};

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

/// The share of a quote's left-out first words that still counts against
/// a match.
const LEFT_OUT_DISCOUNT: f32 = 0.5;

/// The weight of the quote words before the alignment's first.
fn candidate_left_out(model: &QuoteModel, first_j: u16) -> f32 {
    model.prefix(usize::from(first_j))
}

/// A subject named this many words after a `via` word («через портал
/// госуслуги») is the way in, not a subject of the message.
const VIA_WINDOW: usize = 2;

/// At most this many unknown words between a preposition of place and a
/// verb that tells a message is shown («в Золотом яблоке пишет …») name
/// another service.
const PLACE_WORDS: u8 = 2;

/// A subject's `unless` subjects reach this many words after them.
const UNLESS_WINDOW: usize = 3;

/// How many of the latest relative pronouns' positions are kept.
const RECENT_RELATIVE: usize = 4;

/// How many of the latest words with a catalog meaning a pronoun may
/// stand for, and how many input words back they may be.
const ANTECEDENTS: usize = 4;
const PRONOUN_WINDOW: usize = 12;
/// What a pronoun is worth against the word it stands for.
const PRONOUN_FACTOR: f32 = 0.9;

/// How many overlong words of one text are read as words run together
/// (each costs a word-break table over up to
/// [`crate::explain::normalize::MAX_RUN_CHARS`] letters).
const MAX_RUNS: usize = 64;

/// Words a negation reaches past («не было подано»; «t», the rest of an
/// English «wasn't» split at its apostrophe).
const AUXILIARIES: &[&str] = &["был", "была", "было", "были", "будет", "будут", "t"];

/// Quotes of at most this many words also match with their words in
/// another order («Логин или пароль неверный»), all within a window of the
/// quote's length plus [`BAG_SLACK`] input words.
const BAG_MAX_WORDS: usize = 8;
/// Extra input words a `tight` entry's match may have between two words.
const TIGHT_EXTRA_WORDS: usize = 1;
const BAG_SLACK: usize = 2;
/// Such a match must cover this share of the whole quote's weight…
const BAG_MIN_COVERAGE: f32 = 0.85;
/// …and is worth this much of the same words in order.
const BAG_FACTOR: f32 = 0.9;

#[derive(Debug, Clone, Copy)]
struct State {
    /// Matched weight minus skipped weight: what the alignment maximizes.
    objective: f32,
    matched: f32,
    last: usize,
    non_stop: u8,
    /// Input words standing between matched ones.
    extra: u16,
    /// Where the alignment starts: input position and byte, quote word.
    first: usize,
    start: usize,
    first_j: u16,
}

/// Where in the text a match is: input word positions and bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub(super) confidence: f32,
    pub(super) matched: f32,
    pub(super) span: Span,
}

/// The last input word that matched one quote word (for the order-free
/// match): position, first byte, weight gained.
#[derive(Debug, Clone, Copy)]
struct Seen1 {
    pos: usize,
    start: usize,
    gain: f32,
}

/// The alignment state of one text.
struct Run {
    states: Vec<Option<State>>,
    bag: Vec<Option<Seen1>>,
    found: Vec<Option<Found>>,
    /// Per quote, the largest share of its weight any alignment matched
    /// (anchors or not): how close the text came to it.
    loose: Vec<f32>,
    hits: Vec<(u16, u16, Hit)>,
}

/// The input word being fed: position, bytes, whether «не» stands right
/// before it.
#[derive(Debug, Clone, Copy)]
struct At {
    pos: usize,
    start: usize,
    end: usize,
    negated: bool,
    /// Whether a quote word must have the same «не» before it
    /// ([`Pass::Negation`]; off only in an evaluation).
    polarity: bool,
    /// The text's last word.
    last: bool,
    /// Where the latest relative pronouns stand (`usize::MAX`: none).
    relative: [usize; RECENT_RELATIVE],
}

/// Every quote's best alignment with a text, where the text names subjects,
/// and how close it came to each quote.
pub(super) struct Scores {
    pub(super) found: Vec<Option<Found>>,
    pub(super) loose: Vec<f32>,
    /// Input positions that name a subject, in order.
    pub(super) subjects: Vec<(usize, Subjects)>,
    /// Input positions where a phrase says a message is gone, in order,
    /// and which messages it speaks of.
    pub(super) resolved: Vec<(usize, Reach)>,
    /// Input positions of the words that start what the text says now.
    pub(super) now: Vec<usize>,
    /// Input positions of «не», of words that name a message as a thing
    /// shown («ошибки»), and of «нет», in order.
    pub(super) nots: Vec<usize>,
    pub(super) nouns: Vec<usize>,
    pub(super) nos: Vec<usize>,
    /// Input positions of the first word of each line but the first, and
    /// of the words a joke is told at (a `joke` word, a laughing emoji
    /// right after it or right before it on its line), in order.
    pub(super) line_starts: Vec<usize>,
    pub(super) jokes: Vec<usize>,
}

/// What the words of one text stand for, cached: texts repeat words a lot,
/// and a pasted page repeats its pairs of words too. Bounded, so memory
/// stays fixed whatever the input; past the bound a word costs its
/// vocabulary lookups again.
struct Seen {
    /// The passes the words are read with.
    passes: Passes,
    /// Analyses of whole input words.
    words: HashMap<Word, Analysis, BuildWordHasher>,
    /// Two input words joined: the vocabulary words they stand for with at
    /// most one edit (as `whole`; the same map type as `words`, so the wasm
    /// carries one copy of the map's code).
    joined: HashMap<Word, Analysis, BuildWordHasher>,
}

impl Seen {
    /// The analysis of a whole input word. The text's last word is not
    /// cached: it may be cut off, which matches more.
    fn analyse(&mut self, word: &Word, last: bool) -> Cow<'_, Analysis> {
        if last {
            return Cow::Owned(Analysis::of(word, last, self.passes));
        }
        if self.words.len() >= SEEN_WORDS_CACHE {
            return match self.words.get(word) {
                Some(a) => Cow::Borrowed(a),
                None => Cow::Owned(Analysis::of(word, last, self.passes)),
            };
        }
        let passes = self.passes;
        Cow::Borrowed(self.words.entry(*word).or_insert_with(|| Analysis::of(word, last, passes)))
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
            self.joined.insert(*joined, Analysis { whole, ..Analysis::default() });
        }
    }
}

impl Run {
    /// Feeds the matches of the input word `at` to every quote.
    fn feed(&mut self, at: At, matches: &[Hit]) {
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
            let q = usize::from(q);
            let (Some(found), Some(loose)) = (self.found.get_mut(q), self.loose.get_mut(q)) else { continue };
            update(model, usize::from(j), hit, at, &mut self.states, &mut self.bag, found, loose);
        }
    }
}

/// Notes what the text between two words (or after the last) holds: a line
/// break (the word at `pos` starts a line) and laughing emoji (told at the
/// word before them on their line, or at `pos` after a line break).
fn note_gap(gap: &str, pos: usize, line_starts: &mut Vec<usize>, jokes: &mut Vec<usize>) {
    if gap.is_empty() {
        return;
    }
    let laughing = &index().laughing;
    let mut new_line = false;
    for c in gap.chars() {
        if c == '\n' {
            if !new_line && pos > 0 {
                line_starts.push(pos);
            }
            new_line = true;
        } else if laughing.contains(&c) {
            jokes.push(if new_line { pos } else { pos.saturating_sub(1) });
        }
    }
}

/// An input word's place for the alignment.
fn at_word(
    pos: usize,
    span: &std::ops::Range<usize>,
    negated: bool,
    polarity: bool,
    last: bool,
    relative: [usize; RECENT_RELATIVE],
) -> At {
    At { pos, start: span.start, end: span.end, negated, polarity, last, relative }
}

/// Whether the hits hold a negation word.
fn negates(hits: &[Hit]) -> bool {
    let index = index();
    hits.iter().any(|h| h.factor >= 0.9 && index.negations.contains(&h.vocab))
}

/// Whether the token at `span` of `text` is written as a brand or a site
/// is: a capital inside it after a letter and before a small letter
/// («ЯКласс», «СберКидс»), or a site's name («Учи.ру», «Налог.ру»: a dot,
/// then a top-level domain that ends the token).
fn brand_shaped(text: &str, span: &std::ops::Range<usize>) -> bool {
    let token = text.get(span.clone()).unwrap_or("");
    // After a small letter («СберКидс»), or second after a capital in a
    // word of five letters or more whose rest is small («ЯКласс»; a
    // shift held too long, «НЕт», is shorter or a catalog word).
    let mut camel = false;
    let (mut before, mut prev, mut count, mut upper_tail) = (None::<char>, None::<char>, 0usize, false);
    for c in token.chars() {
        if let (Some(p), true) = (prev, c.is_lowercase()) {
            if p.is_uppercase() && before.is_some_and(char::is_lowercase) {
                camel = true;
            }
        }
        if count >= 2 && c.is_uppercase() {
            upper_tail = true;
        }
        before = prev;
        prev = Some(c);
        count += 1;
    }
    let mut chars = token.chars();
    let second_capital =
        matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_uppercase());
    camel |= second_capital && count >= 5 && !upper_tail;
    let rest = text.get(span.end..).unwrap_or("");
    const TLDS: [&str; 7] = ["ру", "рф", "ru", "com", "net", "org", "su"];
    let site = rest.strip_prefix('.').is_some_and(|r| {
        TLDS.iter().any(|tld| r.strip_prefix(tld).is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric)))
    });
    camel || site
}

/// Whether the token at `span` of `text` is written as a name: a capital,
/// then small letters («Стэндоффе»; not «ЕПГУ», not «телефоне»).
fn name_shaped(text: &str, span: &std::ops::Range<usize>) -> bool {
    let mut chars = text.get(span.clone()).unwrap_or("").chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// The best alignment of every quote with `text`, by quote index.
pub(super) fn quote_scores(text: &str, passes: Passes) -> Scores {
    let index = index();
    let mut run = Run {
        states: vec![None; index.states],
        bag: vec![None; index.states],
        found: vec![None; index.quotes.len()],
        loose: vec![0.0; index.quotes.len()],
        hits: Vec::new(),
    };
    let mut subjects: Vec<(usize, Subjects)> = Vec::new();
    let mut resolved: Vec<(usize, Reach)> = Vec::new();
    let mut now: Vec<usize> = Vec::new();
    let (mut nots, mut nouns, mut nos): (Vec<usize>, Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new(), Vec::new());
    // The last four words as read, each with its Latin-typed readings
    // (oldest first), for the phrases that say a message is gone.
    let mut recent: Vec<Vec<Vec<char>>> = Vec::with_capacity(5);
    let mut seen = Seen { passes, words: HashMap::default(), joined: HashMap::default() };
    let negation_on = passes.has(Pass::Negation);
    let joins_on = passes.has(Pass::RunTogether);
    let mut matches: Vec<Hit> = Vec::new();
    let mut extra: Vec<Hit> = Vec::new();
    // The previous word and whether it matched a vocabulary word exactly.
    let mut prev: Option<(Word, bool)> = None;
    // Whether the word fed last was «не», and whether it came after one.
    let mut after_not = false;
    let mut prev_negated = false;
    let mut prev_cyrillic = false;
    // Where a `via` word («через») was last named.
    let mut via_before: Option<usize> = None;
    let relative_on = passes.has(Pass::Relative);
    // The latest words of four letters or more that stand for a catalog
    // word as they are (position, hits; oldest first): what a pronoun
    // after them may stand for («Код привязки ввели, а он не действует»).
    let mut antecedents: Vec<(usize, Vec<Hit>)> = Vec::with_capacity(ANTECEDENTS);
    let mut relative = [usize::MAX; RECENT_RELATIVE];
    // A preposition of place read last, and how many unknown words came
    // after it since.
    let mut place: Option<(usize, u8)> = None;
    // Where the word read before ends (the text between says whether a
    // clause ended there).
    let mut prev_end = 0usize;
    let mut pos = 0usize;
    let (mut line_starts, mut jokes): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    // Overlong words broken into pieces so far.
    let mut runs = 0usize;
    let mut input = words(text);
    let mut next = input.next();
    while let Some(word) = next {
        let span = input.span();
        next = input.next();
        let last = next.is_none();
        let chars = word.chars();
        // A sentence typed without spaces, too long for a word: its pieces
        // are read as words, in place of it (at most [`MAX_RUNS`] a text,
        // so a page of long tokens costs no more than its words).
        if word.overlong() && joins_on && runs < MAX_RUNS {
            runs += 1;
            let broken = run_letters(text.get(span.clone()).unwrap_or("")).and_then(|r| run_break(&r));
            if let Some((parts, named)) = broken {
                if named.any() {
                    subjects.push((pos, named));
                }
                let mut negated = after_not;
                for (k, part) in parts.iter().enumerate() {
                    run.feed(at_word(pos + k, &span, negated, negation_on, last, relative), part);
                    negated = negates(part);
                }
                after_not = negated;
                prev_negated = negated;
                pos += parts.len();
                prev = None;
                place = None;
                continue;
            }
        }
        if chars.is_empty() && word.raw().is_empty() {
            pos += 1;
            prev = None;
            after_not = false;
            place = None;
            continue;
        }
        let analysis = seen.analyse(&word, last);
        if analysis.spoken {
            continue;
        }
        note_gap(text.get(prev_end.min(span.start)..span.start).unwrap_or(""), pos, &mut line_starts, &mut jokes);
        if analysis.subjects.own & index.joke != 0 {
            jokes.push(pos);
        }
        let mut named = analysis.subjects;
        // A name in Latin letters inside a Russian sentence that is no word
        // of the catalog in any reading («Номер уже используется в Lamoda»):
        // another service.
        let beside_russian = prev_cyrillic || next.is_some_and(|n| n.cyrillic());
        if word.latin_name() && beside_russian && !named.any() && analysis.whole.is_empty() && analysis.parts.is_empty()
        {
            named.foreign = true;
        }
        // «Ребёнок в электронном журнале»: the place the child is not
        // found in, not something else in the diary (`unless`).
        for &(bit, unless) in &index.subject_unless {
            if named.own & bit != 0 {
                let from = pos.saturating_sub(UNLESS_WINDOW);
                let start = subjects.partition_point(|(p, _)| *p < from);
                if subjects.get(start..).unwrap_or(&[]).iter().any(|(_, s)| s.own & unless != 0) {
                    named.own &= !bit;
                }
            }
        }
        // «Сим-карта»: a word right after one of a foreign subject's
        // `unless` subjects names no foreign one.
        if named.foreign && named.unless != 0 {
            let before = subjects.last().filter(|(p, _)| *p + 1 == pos);
            if before.is_some_and(|(_, s)| s.own & named.unless != 0) {
                named.foreign = false;
            }
        }
        // A name shaped as a brand or a site, in any script, that is no
        // word of the catalog («ЯКласс пишет …», «Учи.ру: …», «Дом.ру»):
        // another service.
        if !named.any() && analysis.whole.is_empty() && analysis.parts.is_empty() && brand_shaped(text, &span) {
            named.foreign = true;
        }
        // «Войти через портал госуслуги», «входите через Госуслуги.»: a
        // button's label or an instruction of its own, ending its line or
        // sentence, names the way into the diary, not the site a message
        // is from («не может войти через госуслуги, пишет неверный
        // пароль» is Gosuslugi's form).
        let ends_sentence = || {
            let rest = text.get(span.end..).unwrap_or("").trim_start_matches([' ', '\t', '»', '"', '\u{a0}']);
            rest.is_empty() || rest.starts_with(['.', '!', '?', '\n', '\r'])
        };
        if let Some(v) = via_before.filter(|v| pos - v <= VIA_WINDOW && named.own & !index.via != 0 && ends_sentence())
        {
            named.own &= index.via;
            // The words between («через портал госуслуги») too.
            for (_, s) in subjects.iter_mut().rev().take_while(|(p, _)| *p > v) {
                s.own &= index.via;
            }
        }
        if named.own & index.via != 0 {
            via_before = Some(pos);
        }
        // «В Стэндоффе пишет …», «на Литресе выдаёт …»: words no catalog
        // list knows, between a preposition of place and a verb that tells
        // a message is shown, name the place it is shown in: another
        // service (the diary's own places are subjects: «в дневнике», «в
        // приложении», «в карточке»).
        // The place is one phrase («на бумажке, вводим, пишет» is no
        // place); the verb may follow a comma or a colon.
        let known = named.any() || !analysis.parts.is_empty() || analysis.whole.iter().any(|h| !h.weak);
        let gap = text.get(prev_end.min(span.start)..span.start).unwrap_or("");
        let clause_ends = gap.contains(['.', '!', '?', ';', '\n']);
        place = match place {
            Some((p, n)) if named.own & index.shows != 0 && n > 0 && p + usize::from(n) + 1 == pos && !clause_ends => {
                subjects.push((p + 1, Subjects { foreign: true, ..Subjects::default() }));
                None
            }
            _ if named.own & index.place_in != 0 => Some((pos, 0)),
            Some((p, n))
                if !known
                    && n < PLACE_WORDS
                    && (n > 0 || name_shaped(text, &span))
                    && !gap.contains([',', ':', '(', ')'])
                    && !clause_ends =>
            {
                Some((p, n + 1))
            }
            _ => None,
        };
        prev_end = span.end;
        named.own &= !index.place_only;
        // «какой-то код»: no question.
        if named.own & index.indefinite != 0 {
            if let Some((_, s)) = subjects.last_mut().filter(|(p, _)| *p + 1 == pos) {
                s.own &= !index.question;
            }
        }
        if named.any() {
            subjects.push((pos, named));
        }
        let mut slot = if recent.len() == 4 { recent.remove(0) } else { Vec::new() };
        slot.truncate(1);
        match slot.first_mut() {
            Some(first) => {
                first.clear();
                first.extend_from_slice(chars);
            }
            None => slot.push(chars.to_vec()),
        }
        slot.extend(analysis.readings.iter().cloned());
        recent.push(slot);
        if analysis.ends_resolved {
            resolved.extend(index.resolves(&recent).map(|reach| (pos, reach)));
        }
        if analysis.starts_now {
            now.push(pos);
        }
        if negation_on {
            if analysis.negation {
                nots.push(pos);
            }
            if analysis.names_message {
                nouns.push(pos);
            }
            if analysis.no {
                nos.push(pos);
            }
        }
        prev_cyrillic = word.cyrillic();
        if relative_on && analysis.relative {
            relative.rotate_right(1);
            if let Some(latest) = relative.first_mut() {
                *latest = pos;
            }
        }
        let at = |pos: usize, negated: bool| at_word(pos, &span, negated, negation_on, last, relative);
        matches.clear();
        matches.extend_from_slice(&analysis.whole);
        if analysis.pronoun {
            for (_, hits) in antecedents.iter().filter(|(p, _)| pos.saturating_sub(*p) <= PRONOUN_WINDOW) {
                for h in hits {
                    merge(&mut matches, &[Hit { factor: h.factor * PRONOUN_FACTOR, ..*h }]);
                }
            }
        } else if !after_not && chars.len() >= 4 && analysis.whole.iter().any(|h| h.factor >= 0.9) {
            // Not a word after «не»: «не истёк, он ещё действует» says
            // nothing expired.
            // The buffers are reused: no allocation per word once full.
            let mut hits = if antecedents.len() == ANTECEDENTS { antecedents.remove(0).1 } else { Vec::new() };
            hits.clear();
            hits.extend_from_slice(&analysis.whole);
            antecedents.push((pos, hits));
        }
        let exact = matches.iter().any(|h| h.factor >= 1.0);
        if !analysis.parts.is_empty() {
            // Both readings: the first words alone, then the rest or the
            // whole word.
            // The whole word keeps the «не» before it; the parts take theirs
            // from each other («ненайден»: «найден» after «не»).
            let n = analysis.parts.len();
            let mut negated = after_not;
            for (k, part) in analysis.parts.iter().enumerate() {
                run.feed(at(pos + k, negated), part);
                negated = negates(part);
            }
            run.feed(at(pos + n - 1, after_not), &matches);
            after_not = negated || analysis.negation;
            pos += n;
            prev = None;
            continue;
        }
        // «не действует»: one word, no longer a negation.
        let mut negated = after_not;
        if after_not && !analysis.after_not.is_empty() {
            merge(&mut matches, &analysis.after_not);
            negated = false;
        }
        let is_negation = analysis.negation;
        // One word typed as two («днев ник»): this word joined to the one
        // before, when either of them is not a word of the catalog as it is.
        // The pair keeps the «не» before its first word («не иностранное
        // а» is not «иностранное»).
        extra.clear();
        if let Some((p, p_exact)) = prev {
            let joined_len = p.chars().len() + chars.len();
            if joins_on && !(p_exact && exact) && joined_len <= MAX_WORD_CHARS {
                let mut joined = [' '; MAX_WORD_CHARS];
                for (slot, c) in joined.iter_mut().zip(p.chars().iter().chain(chars)) {
                    *slot = *c;
                }
                if let Some(joined) = Word::from_normalized(joined.get(..joined_len).unwrap_or(&[])) {
                    seen.joined(&joined, &mut extra);
                }
            }
        }
        if prev_negated == negated {
            merge(&mut matches, &extra);
        } else if !extra.is_empty() {
            run.feed(at(pos, prev_negated), &extra);
        }
        run.feed(at(pos, negated), &matches);
        prev_negated = negated;
        // «не было подано»: the negation reaches past an auxiliary verb.
        after_not = is_negation || (after_not && AUXILIARIES.iter().any(|a| a.chars().eq(chars.iter().copied())));
        pos += 1;
        prev = Some((word, exact));
    }
    note_gap(text.get(prev_end..).unwrap_or(""), pos, &mut line_starts, &mut jokes);
    Scores { found: run.found, loose: run.loose, subjects, resolved, now, nots, nouns, nos, line_starts, jokes }
}

pub(super) fn better(a: &Found, b: &Found) -> bool {
    a.confidence > b.confidence || (a.confidence == b.confidence && a.matched > b.matched)
}

#[allow(clippy::too_many_arguments)]
fn update(
    model: &QuoteModel,
    j: usize,
    hit: Hit,
    at: At,
    states: &mut [Option<State>],
    bag: &mut [Option<Seen1>],
    found: &mut Option<Found>,
    loose: &mut f32,
) {
    let i = at.pos;
    let is_anchor = model.anchor.get(j).copied().unwrap_or(false);
    if is_anchor && hit.weak {
        return;
    }
    let class = model.classes.get(j).copied().unwrap_or(Class::Stop);
    // «Заявление не подано» is not «Заявление подано», and «Пароль
    // соответствует требованиям» is not «Пароль не соответствует…»: a
    // meaningful word stands for a quote word only with the same «не» (or
    // none) right before it.
    if at.polarity && class != Class::Stop && model.negated.get(j).copied().unwrap_or(false) != at.negated {
        return;
    }
    let gain = model.weight(j) * hit.factor;
    let total = model.total();
    let all_anchors = model.anchors_before(model.classes.len());
    if model.classes.len() <= BAG_MAX_WORDS {
        if let Some(slot) = bag.get_mut(model.offset + j) {
            if slot.is_none_or(|s| s.pos != i || s.gain < gain) {
                *slot = Some(Seen1 { pos: i, start: at.start, gain });
            }
        }
        // Scored when a meaningful word arrives, or at the text's end (a
        // pasted page is mostly «в», «не», «и»: scoring on each of them
        // would cost the most).
        if class != Class::Stop || at.last {
            bag_score(model, at, bag, found, loose);
        }
    }
    let counts = |s: Option<&State>| s.map_or(0, |s| s.non_stop).saturating_add(u8::from(class != Class::Stop));
    // Start a new alignment here: the words before `j` count as left out,
    // at the share the coverage counts them (an anchor may not be): a
    // stop word a few words before («… в личном кабинете? дневник пишет
    // необходимо согласие») is no better start than the meaningful one.
    let mut candidate = (model.anchors_before(j) == 0).then(|| State {
        objective: gain - LEFT_OUT_DISCOUNT * model.prefix(j),
        matched: gain,
        last: i,
        non_stop: counts(None),
        extra: 0,
        first: i,
        start: at.start,
        first_j: j as u16,
    });
    // Or extend one that ended shortly before, at an earlier quote word,
    // skipping no anchor.
    let from = j.saturating_sub(MAX_SKIPPED_QUOTE_WORDS + 1);
    for jp in from..j {
        if model.anchors_before(j) != model.anchors_before(jp + 1) {
            continue;
        }
        let Some(Some(s)) = states.get(model.offset + jp) else { continue };
        if s.last >= i {
            continue;
        }
        // «Дневник, который …, не найден»: a relative clause right after
        // the matched word counts as one extra word.
        let gap = i - s.last - 1;
        let max_extra = if model.tight { TIGHT_EXTRA_WORDS } else { MAX_EXTRA_INPUT_WORDS };
        let clause = gap > max_extra && at.relative.contains(&(s.last + 1));
        if gap > max_extra && !(clause && gap <= MAX_RELATIVE_CLAUSE_WORDS) {
            continue;
        }
        let skipped = model.prefix(j) - model.prefix(jp + 1);
        let between = if clause { 1 } else { gap as u16 };
        let objective = s.objective + gain - skipped - EXTRA_WORD_COST * f32::from(between);
        if candidate.is_none_or(|c| objective > c.objective) {
            let extra = s.extra.saturating_add(between);
            candidate = Some(State {
                objective,
                matched: s.matched + gain,
                last: i,
                non_stop: counts(Some(s)),
                extra,
                first: s.first,
                start: s.start,
                first_j: s.first_j,
            });
        }
    }
    let Some(candidate) = candidate else { return };
    if total > 0.0 {
        *loose = loose.max(candidate.matched / total);
    }
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
    if candidate.non_stop < 2 || (!model.negative && (all_anchors == 0 || model.anchors_before(j + 1) < all_anchors)) {
        return;
    }
    let leading = model.prefix(j + 1);
    if leading <= 0.0 || total <= 0.0 {
        return;
    }
    // A message quoted from its middle (its first words left out, as a
    // cut-off one leaves out its last) counts the words left out at half.
    // (Only with three meaningful words matched: two shared words are no
    // evidence for a message's middle.)
    let left_out = if candidate.non_stop >= 3 { candidate_left_out(model, candidate.first_j) } else { 0.0 };
    let coverage =
        candidate.matched / (leading - LEFT_OUT_DISCOUNT * left_out + EXTRA_WORD_COST * f32::from(candidate.extra));
    if coverage < MIN_COVERAGE {
        return;
    }
    let reached = (leading / total.min(FULL_EVIDENCE)).min(1.0);
    let confidence = coverage * (0.55 + 0.45 * reached);
    let span = Span { first: candidate.first, last: i, start: candidate.start, end: at.end };
    let here = Found { confidence, matched: candidate.matched, span };
    if found.is_none_or(|f| better(&here, &f)) {
        *found = Some(here);
    }
}

/// The order-free match of a short quote: its words' last matches within a
/// window ending at the current word.
fn bag_score(model: &QuoteModel, at: At, bag: &[Option<Seen1>], found: &mut Option<Found>, loose: &mut f32) {
    let n = model.classes.len();
    let window = n + if model.tight { 0 } else { BAG_SLACK };
    let (mut matched, mut anchors, mut non_stop) = (0.0f32, 0u16, 0u8);
    let mut span = Span { first: at.pos, last: at.pos, start: at.start, end: at.end };
    for j in 0..n {
        let Some(Some(seen)) = bag.get(model.offset + j) else { continue };
        if seen.pos > at.pos || at.pos - seen.pos >= window {
            continue;
        }
        matched += seen.gain;
        anchors += u16::from(model.anchor.get(j).copied().unwrap_or(false));
        non_stop += u8::from(model.classes.get(j).is_some_and(|c| *c != Class::Stop));
        if seen.pos < span.first {
            span.first = seen.pos;
            span.start = seen.start;
        }
    }
    let total = model.total();
    if total <= 0.0 {
        return;
    }
    let coverage = matched / total;
    *loose = loose.max(coverage * BAG_FACTOR);
    let all_anchors = model.anchors_before(n);
    if non_stop < 2 || coverage < BAG_MIN_COVERAGE || (!model.negative && (all_anchors == 0 || anchors < all_anchors)) {
        return;
    }
    let here = Found { confidence: coverage * BAG_FACTOR, matched, span };
    if found.is_none_or(|f| better(&here, &f)) {
        *found = Some(here);
    }
}

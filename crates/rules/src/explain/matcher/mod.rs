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
//!    («днев ник»). A word longer than the normalizer keeps (a sentence
//!    typed without spaces, up to [`super::normalize::MAX_RUN_CHARS`]
//!    letters, at most 64 a text) is broken into known words by a
//!    word-break table, unknown runs allowed between them, and its pieces
//!    are read as words.
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
//!    message that explains more of the text). An entry's match that one
//!    of the *other* messages covers in the same words, with at least as
//!    much weight and a confidence at most 0.1 lower, is left out (when it
//!    was the best, and nothing else is left, nothing is returned); not
//!    when the entry matched word for word and the other message lacks one
//!    of its anchors («… кода привязки истёк. Запросите новый код»). When
//!    another group scores within 0.02
//!    of the winner, the winner's confidence is multiplied by 0.8. Below
//!    [`MIN_CONFIDENCE`] nothing is returned. Confidence is rounded to two
//!    decimals. A match near a `[resolved]` phrase is vetoed (not past a
//!    word such as «теперь» after the phrase; a `changed` phrase only
//!    vetoes a match before it; an entry's `over` phrase only its own). A
//!    joke told on the line of a match (a `joke` word, a `[laughing_marks]`
//!    emoji) vetoes it. An
//!    entry whose `inside` subjects are named among its matched words is
//!    vetoed («в дневнике расписание не найдено»); when
//!    the winner's `causes` include another entry that matched, that cause
//!    is the answer and the winner its rival («не могу создать учётку
//!    ребёнку, у меня упрощённая учётная запись»).
//!
//! # Cost
//! One pass over the input with O(1) work per input word, and no cap on the
//! input: a message can be anywhere in a pasted page. Words are capped at
//! [`super::normalize::MAX_WORD_CHARS`] letters; an input word is compared
//! only with the vocabulary words of about its length and the longer or
//! shorter ones sharing its beginning (a length table and a sorted list,
//! built once), a split tries at most one such lookup per split point, and
//! the matches of up to 4096 distinct words and of 4096 distinct joined
//! pairs are cached per text (a pasted page repeats its words). The
//! vocabulary and the number of quote words are fixed by the catalog, and
//! the alignment keeps one state per quote word. A 1 MB paste is about
//! 150 000 words; memory is the fixed state table and the bounded caches,
//! not the input. `examples/explain_bench.rs` prints the time per KB
//! (natively about 40 µs per KB of ordinary prose, about 330 µs per KB when
//! no word repeats, the worst case).
//!
//! # Modules
//! - `index`: the quotes as classed, weighted words and the vocabulary
//!   (steps 1 and 2), built once;
//! - `lexicon`: what one input word stands for (step 3);
//! - `align`: the pass over the input and the alignment (steps 4 and 5);
//! - this module: choosing the answer (step 6).

mod align;
mod index;
mod lexicon;

use crate::id::closed_set;
use align::{better, quote_scores, Found, Scores, Span};
use index::{index, QuoteModel, Reach, Subjects};

#[cfg(test)]
use super::catalog::catalog;
#[cfg(test)]
use crate::texts;
#[cfg(test)]
use index::Class;

closed_set!(
    /// A normalization pass or check of the matcher that an evaluation can
    /// turn off to measure what it is worth (`tests/explain_splits.rs`).
    Pass {
        /// A word typed with the English layout on («lytdybr» is «дневник»).
        Layout => "layout",
        /// A word transliterated into Latin letters («dnevnik»).
        Translit => "translit",
        /// A word in Latin letters that look like Cyrillic ones («HOMEP»).
        Lookalike => "lookalike",
        /// Words run together («дневникненайден») or one word typed as two
        /// («днев ник»).
        RunTogether => "run_together",
        /// Spoken punctuation from dictation («точка», «запятая») read past.
        Spoken => "spoken",
        /// Everyday words and forms that stand for the catalog's words
        /// («учётка», «больше не действует»).
        Lexicon => "lexicon",
        /// A text about another service (a bank, a messenger…) vetoes or
        /// lowers a match; the subjects name the side.
        Subjects => "subjects",
        /// A negated distinguishing word («не найден» in a success
        /// message) vetoes a match.
        Negation => "negation",
        /// A relative clause between a message's subject and its predicate
        /// («Код привязки, который пришёл родителю, истёк») is read past.
        Relative => "relative",
        /// A personal pronoun stands for a word of the message named just
        /// before it («Код привязки ввели, а он не действует»).
        Pronoun => "pronoun",
    }
);

/// The passes a match runs with: all of them in the shipped matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passes(u16);

impl Passes {
    /// Every pass: what [`matches()`] and [`best_match`] run.
    pub const ALL: Passes = Passes(u16::MAX);

    /// These passes less `pass`.
    pub const fn without(self, pass: Pass) -> Passes {
        Passes(self.0 & !(1 << pass as u16))
    }

    /// Whether `pass` runs.
    pub const fn has(self, pass: Pass) -> bool {
        self.0 & (1 << pass as u16) != 0
    }
}

/// How many quote words in a row an alignment may skip.
pub const MAX_SKIPPED_QUOTE_WORDS: usize = 2;
/// How many extra input words may stand between two matched words.
pub const MAX_EXTRA_INPUT_WORDS: usize = 3;
/// How many words a relative clause right after a matched word («…,
/// который …,») may have, read past as one extra word.
pub const MAX_RELATIVE_CLAUSE_WORDS: usize = 24;
/// The lowest confidence reported as a match.
pub const MIN_CONFIDENCE: f32 = 0.6;
/// Competing groups closer than this lower the winner's confidence.
const TIE_MARGIN: f32 = 0.02;
const TIE_FACTOR: f32 = 0.8;
/// An other message that matches as much of the text as the best entry, with
/// a confidence at most this much lower, takes the text away from it.
const OTHER_MARGIN: f32 = 0.1;

/// A foreign subject (another service) named this many input words before
/// or after a match speaks about it.
pub const SUBJECT_WINDOW: usize = 8;
/// A `hedge` subject («может», «возможно») this many input words before a
/// cause's match, after the trouble's, says the cause is only guessed at.
const HEDGE_WINDOW: usize = 8;
/// A foreign subject among a text's first this many words (a page's or a
/// message's heading: «Сбербанк Онлайн», «ВКонтакте:») speaks of all of it.
pub const HEADER_WORDS: usize = 3;
/// A `question` word this many input words before a match, or among its
/// words, asks about the rules.
const QUESTION_WINDOW: usize = 2;
/// An entry's `after` subjects veto it this many words after its match.
const AFTER_WINDOW: usize = 2;
/// An entry's `over` phrase this many input words before or after a match
/// speaks of it («проверка данных у свидетельства прошла»).
const OVER_WINDOW: usize = 3;
/// A match near a foreign subject and one of its own keeps this share of
/// its confidence (below [`MIN_CONFIDENCE`] for all but certain matches: a
/// "maybe", not an answer).
const FOREIGN_FACTOR: f32 = 0.5;
/// Entries within this confidence of each other: the one that explains
/// more of the text wins.
const PREFER_MARGIN: f32 = 0.05;
/// A rival lowers the answer only if it explains this share of what the
/// answer explains (a short message inside a longer one is no rival).
const RIVAL_SHARE: f32 = 0.75;
/// The least share of a quote the text must come to for its entry to be
/// suggested when nothing matched.
pub const NEAREST_MIN: f32 = 0.3;
/// How many entries are suggested when nothing matched.
pub const NEAREST_COUNT: usize = 3;

/// The best quote found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMatch {
    /// Index into the catalog's entries.
    pub entry: usize,
    /// Index into that entry's quotes.
    pub quote: usize,
    /// 0..=1, rounded to two decimals.
    pub confidence: f32,
    /// The bytes of the text that matched (from the first matched word to
    /// the last).
    pub span: std::ops::Range<usize>,
}

/// Everything the matcher found in a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matches {
    /// The answer, if one is sure enough.
    pub best: Option<QuoteMatch>,
    /// Another entry that matched nearly as well as the answer: both may be
    /// meant.
    pub rival: Option<QuoteMatch>,
    /// With no answer: the entries the text came closest to, closest first
    /// (indices into the catalog's entries; at most [`NEAREST_COUNT`]).
    pub nearest: Vec<usize>,
    /// The side the text names (the diary or Gosuslugi), when it names one.
    pub side: Option<super::catalog::Side>,
}

/// Rounds a confidence to two decimals.
fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// The subjects named within [`SUBJECT_WINDOW`] words of a span.
fn subjects_near(subjects: &[(usize, Subjects)], span: &Span) -> Subjects {
    subjects_within(subjects, span.first.saturating_sub(SUBJECT_WINDOW), span.last + SUBJECT_WINDOW)
}

/// The subjects named at input word positions `from..=to`.
fn subjects_within(subjects: &[(usize, Subjects)], from: usize, to: usize) -> Subjects {
    let start = subjects.partition_point(|(p, _)| *p < from);
    let mut near = Subjects::default();
    for (_, s) in subjects.get(start..).unwrap_or(&[]).iter().take_while(|(p, _)| *p <= to) {
        near.add(*s);
    }
    near
}

/// Whether a phrase that says a message is gone stands within
/// [`SUBJECT_WINDOW`] words of a span of `group`'s and speaks of it: a
/// phrase saying the message gave way to another speaks only of one before
/// it; a phrase before a word that starts what the text says now
/// («теперь») does not reach past that word; an entry's own `over` phrase
/// speaks only of it, within [`OVER_WINDOW`] words.
fn resolved_near(scores: &Scores, span: &Span, group: usize) -> bool {
    let from = span.first.saturating_sub(SUBJECT_WINDOW);
    let to = span.last + SUBJECT_WINDOW;
    let start = scores.resolved.partition_point(|(p, _)| *p < from);
    let now_between = |p: usize| {
        let at = scores.now.partition_point(|q| *q <= p);
        scores.now.get(at).is_some_and(|q| *q <= span.first)
    };
    scores.resolved.get(start..).unwrap_or(&[]).iter().take_while(|(p, _)| *p <= to).any(|&(p, reach)| match reach {
        Reach::Near => p >= span.first || !now_between(p),
        Reach::Before => p > span.last,
        Reach::Entry(e) => e == group && p + OVER_WINDOW >= span.first && p <= span.last + OVER_WINDOW,
    })
}

/// Whether the text says a message is not there: «не» twice in a row, the
/// second in the message («СНИЛС уже не «Не найден в СФР»»), or the
/// message between a word naming it as a thing shown and «нет» («Ошибки
/// «Дневник не найден» нет»).
fn denied(scores: &Scores, span: &Span) -> bool {
    let at = |list: &[usize], p: usize| list.binary_search(&p).is_ok();
    let before = span.first.checked_sub(1);
    // «не не»: two in a row, the second inside the match (the alignment
    // may take either of them, or read the first as an extra word).
    let from = scores.nots.partition_point(|p| *p + 1 < span.first);
    let nots = scores.nots.get(from..).unwrap_or(&[]);
    let twice = nots.windows(2).take_while(|w| w.first().is_some_and(|p| *p < span.last)).any(|w| match w {
        [a, b] => a + 1 == *b,
        _ => false,
    });
    twice || before.is_some_and(|b| at(&scores.nouns, b) && at(&scores.nos, span.last + 1))
}

/// Whether a joke is told on a line of a span (its words, a laughing
/// emoji).
fn joked(scores: &Scores, span: &Span) -> bool {
    let line = |p: usize| scores.line_starts.partition_point(|s| *s <= p);
    let (first, last) = (line(span.first), line(span.last));
    // The first joke from the first word of the span's first line on.
    let from = match first.checked_sub(1).and_then(|l| scores.line_starts.get(l)) {
        Some(&start) => start,
        None => 0,
    };
    let at = scores.jokes.partition_point(|j| *j < from);
    scores.jokes.get(at).is_some_and(|j| line(*j) <= last)
}

/// Whether a quote's match stands, and at what share of its confidence
/// (`None`: the text says the message is gone, or it is about something
/// else).
fn screen(model: &QuoteModel, f: &Found, scores: &Scores, subjects_on: bool) -> Option<f32> {
    let index = index();
    // «Раньше писало «Дневник не найден», а сейчас всё открылось»: a
    // message said to be gone is not one to explain.
    if resolved_near(scores, &f.span, model.group) || denied(scores, &f.span) {
        return None;
    }
    if !subjects_on {
        return Some(1.0);
    }
    // «Дневник не найден — мечта любого двоечника 😂»: a joke on the
    // line of the match.
    if joked(scores, &f.span) {
        return None;
    }
    let inside = index.entry_inside.get(model.group).copied().unwrap_or(0);
    if inside != 0 && subjects_within(&scores.subjects, f.span.first, f.span.last).own & inside != 0 {
        return None;
    }
    // «Какие требования к паролю?», «Нужно ли согласие родителей?»: a
    // question about the rules, not a message seen.
    let asks = subjects_within(&scores.subjects, f.span.first.saturating_sub(QUESTION_WINDOW), f.span.last);
    if asks.own & index.question != 0 {
        return None;
    }
    // «Необходимо согласие одного из родителей»: whose consent it is.
    let after = index.entry_after.get(model.group).copied().unwrap_or(0);
    if after != 0 && subjects_within(&scores.subjects, f.span.last + 1, f.span.last + AFTER_WINDOW).own & after != 0 {
        return None;
    }
    let mut near = subjects_near(&scores.subjects, &f.span);
    let others = index.entry_others.get(model.group).copied().unwrap_or(0);
    let own = index.entry_subjects.get(model.group).copied().unwrap_or(0) & !others;
    // A text headed by another service's name («Сбербанк Онлайн / Вход /
    // …», «ВКонтакте: учётная запись …», «Почта Mail.ru») is that
    // service's page or message throughout, unless the heading names the
    // entry's own subject too.
    let head = subjects_within(&scores.subjects, 0, HEADER_WORDS - 1);
    near.foreign |= head.foreign && head.own & own == 0;
    if near.foreign || near.own & others != 0 {
        if near.own & own == 0 {
            return None;
        }
        return Some(FOREIGN_FACTOR);
    }
    Some(1.0)
}

/// A group's best quote: (group, quote, what was found).
type Candidate = (usize, usize, Found);

/// The best of `candidates` by [`better_entry`] (the first of equals).
fn best_entry<'a>(candidates: impl Iterator<Item = &'a Candidate>) -> Option<Candidate> {
    candidates.fold(None, |acc, c| match acc {
        Some(a) if !better_entry(&c.2, &a.2) => Some(a),
        _ => Some(*c),
    })
}

/// Whether two spans share an input word.
fn overlap(a: &Span, b: &Span) -> bool {
    a.first <= b.last && b.first <= a.last
}

fn better_entry(a: &Found, b: &Found) -> bool {
    if (a.confidence - b.confidence).abs() <= PREFER_MARGIN && a.matched != b.matched {
        return a.matched > b.matched;
    }
    better(a, b)
}

/// Finds the catalog quote `text` stands for, if any.
///
/// ```
/// use diary_rules::explain::{catalog::catalog, matcher::best_match};
/// let m = best_match("дневник не найдн").unwrap();
/// assert_eq!(catalog().entry[m.entry].id, "diary_not_found");
/// // Shares «срок действия» and «истёк» with the binding code, but is about a password.
/// assert!(best_match("Срок действия пароля истёк").is_none());
/// // Another service's message.
/// assert!(best_match("Этот номер уже используется в Telegram").is_none());
/// ```
pub fn best_match(text: &str) -> Option<QuoteMatch> {
    matches(text).best
}

/// [`best_match`] with only some passes (an evaluation's ablation).
pub fn best_match_with(text: &str, passes: Passes) -> Option<QuoteMatch> {
    matches_with(text, passes).best
}

/// What `text` stands for: the answer, a close second, or the nearest
/// entries.
///
/// ```
/// use diary_rules::explain::{catalog::catalog, matcher::matches};
/// let m = matches("Пишет, что у ребёнка какая-то проблема с кодом");
/// assert!(m.best.is_none());
/// ```
pub fn matches(text: &str) -> Matches {
    matches_with(text, Passes::ALL)
}

/// [`matches()`] with only some passes (an evaluation's ablation).
pub fn matches_with(text: &str, passes: Passes) -> Matches {
    let subjects_on = passes.has(Pass::Subjects);
    let scores = quote_scores(text, passes);
    let index = index();
    let mut vetoed = vec![false; index.entries];
    // The best quote of each group, then the best group.
    let mut per_group: Vec<Candidate> = Vec::new();
    for (model, f) in index.quotes.iter().zip(&scores.found) {
        let Some(mut f) = *f else { continue };
        if !model.negative {
            let Some(factor) = screen(model, &f, &scores, subjects_on) else {
                if let Some(v) = vetoed.get_mut(model.group) {
                    *v = true;
                }
                continue;
            };
            f.confidence *= factor;
        }
        match per_group.iter_mut().find(|(g, ..)| *g == model.group) {
            Some(slot) if better_entry(&f, &slot.2) => *slot = (model.group, model.quote, f),
            Some(_) => {}
            None => per_group.push((model.group, model.quote, f)),
        }
    }
    let flat = |g: usize, q: usize| index.quotes.iter().position(|m| m.group == g && m.quote == q);
    let mut best_other: Option<(usize, Found)> = None;
    for (g, q, f) in per_group.iter().filter(|(g, ..)| *g >= index.entries) {
        if best_other.is_none_or(|(_, b)| better(f, &b)) {
            best_other = flat(*g, *q).map(|at| (at, *f));
        }
    }
    // An entry's words are one of the messages the catalog knows to be
    // something else when such a message explains as much of them, about
    // as well, in the same words (a message pasted beside the entry's
    // takes nothing: «Проверка данных завершена. Не найден в СФР»), and
    // holds the words that distinguish the entry's message, when that was
    // matched word for word: «Срок действия кода истёк. Запросите новый
    // код» explains more of «Срок действия кода привязки истёк. Запросите
    // новый код», but not its «привязки» (round 8). A typo'd match may
    // have read one of the other's words as the entry's («не приходит»
    // as «не подходит»).
    let takes = |(g, q, f): &Candidate| {
        best_other.is_some_and(|(other, o)| {
            o.matched >= f.matched
                && o.confidence >= f.confidence - OTHER_MARGIN
                && overlap(&o.span, &f.span)
                && (f.confidence < 1.0 || flat(*g, *q).is_some_and(|at| index.anchors_in(at, other)))
        })
    };
    let is_entry = |c: &&Candidate| c.0 < index.entries;
    let taken = best_entry(per_group.iter().filter(is_entry)).is_some_and(|b| takes(&b));
    let kept: Vec<bool> = per_group.iter().map(|c| c.0 >= index.entries || !takes(c)).collect();
    let mut kept = kept.into_iter();
    per_group.retain(|_| kept.next().unwrap_or(true));
    let mut best = best_entry(per_group.iter().filter(is_entry));
    // A trouble told with its cause («не могу создать учётку ребёнку, у
    // меня упрощённая учётная запись»): the cause is the answer, the
    // trouble beside it.
    let mut symptom = None;
    // A cause only guessed at («может из-за того что учётная запись не
    // подтверждена?»): the trouble stays the answer, the cause beside it.
    let mut guessed = None;
    if let Some(b) = best {
        let causes = index.entry_causes.get(b.0).map_or(&[][..], Vec::as_slice);
        let cause = best_entry(per_group.iter().filter(|(g, _, f)| {
            causes.contains(g) && f.confidence >= MIN_CONFIDENCE && !vetoed.get(*g).copied().unwrap_or(true)
        }));
        if let Some(c) = cause {
            // Before the cause and not among the trouble's words.
            let mut from = c.2.span.first.saturating_sub(HEDGE_WINDOW);
            if b.2.span.last < c.2.span.first {
                from = from.max(b.2.span.last + 1);
            }
            let hedged = subjects_on && subjects_within(&scores.subjects, from, c.2.span.first).own & index.hedge != 0;
            if hedged {
                guessed = cause;
            } else {
                symptom = best;
                best = cause;
            }
        }
    }
    let side = if subjects_on { side_named(&scores.subjects) } else { None };
    let as_match = |(group, quote, f): Candidate, confidence: f32| QuoteMatch {
        entry: group,
        quote,
        confidence: round2(confidence.clamp(0.0, 1.0)),
        span: f.span.start..f.span.end,
    };
    let answer = best.and_then(|b| {
        if let Some(s) = symptom.or(guessed) {
            let m = as_match(b, b.2.confidence);
            return (m.confidence >= MIN_CONFIDENCE).then(|| (m, Some(as_match(s, s.2.confidence))));
        }
        // Another entry nearly as good makes the answer less sure (an other
        // message that lost does not: it explains less of the text).
        let rival = best_entry(per_group.iter().filter(|(g, _, other)| {
            *g != b.0
                && *g < index.entries
                && other.confidence >= b.2.confidence - TIE_MARGIN
                && other.matched >= RIVAL_SHARE * b.2.matched
        }));
        let confidence = if rival.is_some() { b.2.confidence * TIE_FACTOR } else { b.2.confidence };
        let m = as_match(b, confidence);
        (m.confidence >= MIN_CONFIDENCE).then(|| (m, rival.map(|r| as_match(r, r.2.confidence * TIE_FACTOR))))
    });
    if let Some((best, rival)) = answer {
        return Matches { best: Some(best), rival, nearest: Vec::new(), side };
    }
    if taken {
        return Matches { side, ..Matches::default() };
    }
    // Nothing sure: the entries the text came closest to, leaving out those
    // about another service.
    let mut closeness = vec![0.0f32; index.entries];
    for (model, loose) in index.quotes.iter().zip(&scores.loose) {
        if let Some(c) = closeness.get_mut(model.group) {
            *c = c.max(*loose);
        }
    }
    for (g, _, f) in &per_group {
        if let Some(c) = closeness.get_mut(*g) {
            *c = c.max(f.confidence);
        }
    }
    let mut all = Subjects::default();
    scores.subjects.iter().for_each(|(_, s)| all.add(*s));
    let mut nearest: Vec<usize> = Vec::new();
    for (e, c) in closeness.iter().enumerate() {
        let others = index.entry_others.get(e).copied().unwrap_or(0);
        let own = index.entry_subjects.get(e).copied().unwrap_or(0) & !others;
        let foreign = subjects_on && (all.foreign || all.own & others != 0) && all.own & own == 0;
        if *c < NEAREST_MIN || vetoed.get(e).copied().unwrap_or(false) || foreign {
            continue;
        }
        let at = nearest.partition_point(|&n| closeness.get(n).copied().unwrap_or(0.0) >= *c);
        nearest.insert(at, e);
    }
    nearest.truncate(NEAREST_COUNT);
    Matches { best: None, rival: None, nearest, side }
}

/// The side (Gosuslugi or the diary) the text's subject words name, when
/// they name only one.
fn side_named(subjects: &[(usize, Subjects)]) -> Option<super::catalog::Side> {
    use super::catalog::{catalog, Side};
    let bit = |id: &str| catalog().subject.iter().position(|s| s.id == id).map_or(0, |i| 1u32 << i.min(31));
    let (gosuslugi, diary) = (bit("gosuslugi"), bit("diary"));
    let own = subjects.iter().fold(0u32, |m, (_, s)| m | s.own);
    match (own & gosuslugi != 0, own & diary != 0) {
        (true, false) => Some(Side::Gosuslugi),
        (false, true) => Some(Side::Diary),
        _ => None,
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
    use super::index::normalized;
    use super::*;

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
    fn a_phrase_that_says_a_message_is_gone_speaks_of_that_message() {
        let id = |t: &str| best_match(t).map(|m| catalog().entry[m.entry].id);
        // Not past «теперь»: the message after it is the one to explain.
        assert_eq!(id("Раньше было «Проверка данных», а теперь «Не найдено в загсе»"), Some("not_found_in_zags"));
        assert_eq!(id("Раньше было «Дневник не найден», а теперь всё открывается"), None);
        // A change: only the message before it is gone.
        assert_eq!(
            id("Статус проверка данных сменился на данные введены вручную"),
            Some("certificate_entered_manually")
        );
        // An entry's own `over` phrase: the check is over, not the other status.
        assert_eq!(
            id("Проверку данных прошли, а у свидетельства статус данные введены вручную"),
            Some("certificate_entered_manually")
        );
    }

    #[test]
    fn a_cause_guessed_at_stays_beside_the_trouble() {
        let m = matches("Не появляется кнопка «Создать» — может из-за того что мне учётная запись не подтверждена?");
        let id = |m: Option<&QuoteMatch>| m.map(|m| catalog().entry[m.entry].id);
        assert_eq!(id(m.best.as_ref()), Some("create_button_missing"));
        assert_eq!(id(m.rival.as_ref()), Some("account_not_confirmed"));
        // Told as the cause, it is the answer.
        let m = matches("Не появляется кнопка «Создать», потому что учётная запись не подтверждена");
        assert_eq!(id(m.best.as_ref()), Some("account_not_confirmed"));
    }

    #[test]
    fn a_brand_or_a_site_is_another_service() {
        let id = |t: &str| best_match(t).map(|m| catalog().entry[m.entry].id);
        assert_eq!(id("ЯКласс пишет пароль слишком короткий"), None);
        assert_eq!(id("Учи.ру: неверный логин или пароль ученика"), None);
        assert_eq!(id("Пароль слишком короткий"), Some("password_rejected"));
        // A catalog word with a capital inside is still the catalog's.
        assert_eq!(id("ГосУслуги: пароль слишком короткий"), Some("password_rejected"));
    }

    #[test]
    fn gosuslugi_as_the_way_in_is_no_other_site() {
        let id = |t: &str| best_match(t).map(|m| catalog().entry[m.entry].id);
        // The diary's login page: its «Войти через Госуслуги» button.
        assert_eq!(
            id("Неверный логин или пароль\nВойти через портал госуслуги\nЗабыли пароль?"),
            Some("diary_login_disabled")
        );
        // Gosuslugi's own form, reached through it: not the diary's login.
        assert_ne!(id("Пытаюсь войти через госуслуги, пишет неверный логин или пароль"), Some("diary_login_disabled"));
    }

    #[test]
    fn another_message_takes_only_its_own_words() {
        let id = |t: &str| best_match(t).map(|m| catalog().entry[m.entry].id);
        assert_eq!(id("Проверка данных завершена"), None);
        assert_eq!(id("Проверка данных завершена. Не найден в СФР"), Some("not_found_in_sfr"));
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

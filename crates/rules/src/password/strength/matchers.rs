//! The patterns other than words: keyboard walks, sequences, repeats and
//! dates, each a single pass over the text.

use super::super::layout::key_position;
use super::automaton::{dictionary, fold, Trie};
use super::guesses::{brute_force_cost, case_variations, log10_sum_binom, log10_walks};
use super::{Kind, Match, KEYBOARD_DEGREE, KEYBOARD_STARTS, MAX_PERIOD, YEAR_SPACE};

/// The password in the three forms the matchers read; all have one entry
/// per character.
pub(super) struct Text<'a> {
    /// As typed.
    pub(super) orig: &'a [char],
    /// Lower case.
    pub(super) lower: &'a [char],
    /// Lower case, Cyrillic letters replaced by their keys' Latin characters.
    pub(super) keys: &'a [char],
}

impl Text<'_> {
    pub(super) fn len(&self) -> usize {
        self.orig.len()
    }
}

/// log10 of the case variations from letter counts: all lower 0; first,
/// last or all upper log10(2); otherwise the binomial sum.
#[inline(always)]
pub(super) fn case_cost(upper: usize, lower: usize, first_upper: bool, last_upper: bool) -> f64 {
    if upper == 0 {
        0.0
    } else if lower == 0 || (upper == 1 && (first_upper || last_upper)) {
        2f64.log10()
    } else {
        log10_sum_binom(upper + lower, upper.min(lower))
    }
}

/// Keyboard walks: runs of 3 or more characters whose keys touch, on the
/// shared QWERTY/ЙЦУКЕН keys. Guesses as in zxcvbn: starting keys × the
/// ways to place the turns × neighbours per turn × shift variations.
pub(super) fn match_walks(text: &Text, out: &mut Vec<Match>) {
    let n = text.len();
    let positions: Vec<Option<_>> = text.orig.iter().map(|&c| key_position(c)).collect();
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        let mut turns = 0usize;
        let mut last_dir = None;
        while j < n {
            let (Some(Some(a)), Some(Some(b))) = (positions.get(j - 1), positions.get(j)) else { break };
            if !a.touches(*b) {
                break;
            }
            let dir = a.direction(*b);
            if last_dir != Some(dir) {
                turns += 1;
                last_dir = Some(dir);
            }
            j += 1;
        }
        let len = j - i;
        if len >= 3 {
            let ways = log10_walks(len, turns.min(len - 1), KEYBOARD_DEGREE);
            let shifted = positions.get(i..j).map_or(0, |p| p.iter().filter(|k| k.is_some_and(|k| k.shifted)).count());
            let shift = if shifted == 0 {
                0.0
            } else if shifted == len {
                2f64.log10()
            } else {
                log10_sum_binom(len, shifted.min(len - shifted))
            };
            out.push(Match::new(i, j, KEYBOARD_STARTS.log10() + ways + shift, Kind::Walk));
        }
        i = j;
    }
}

/// The class a character can form sequences in: 1 Latin, 2 digits,
/// 3 Russian letters, 0 none.
#[inline(always)]
fn sequence_class(c: char) -> u8 {
    match c {
        'a'..='z' => 1,
        '0'..='9' => 2,
        'а'..='я' => 3,
        _ => 0,
    }
}

/// Sequences: 3 or more characters of one class with a constant step of 1
/// to 5 (abc, 2468, zyx, абв).
pub(super) fn match_sequences(text: &Text, out: &mut Vec<Match>) {
    let lower = text.lower;
    let n = lower.len();
    let step = |k: usize| -> Option<i64> {
        let (a, b) = (*lower.get(k - 1)?, *lower.get(k)?);
        let class = sequence_class(a);
        (class != 0 && class == sequence_class(b)).then(|| b as i64 - a as i64)
    };
    let mut emit = |i: usize, j: usize, delta: Option<i64>| {
        // The run is [i, j], inclusive.
        let Some(delta) = delta else { return };
        if j < i + 2 || delta == 0 || delta.abs() > 5 {
            return;
        }
        let first = lower.get(i).copied().unwrap_or('a');
        let base: f64 = if matches!(first, 'a' | 'z' | '0' | '1' | '9' | 'а' | 'я') {
            4.0
        } else if first.is_ascii_digit() {
            10.0
        } else {
            26.0
        };
        let len = (j - i + 1) as f64;
        let mut cost = base.log10() + len.log10() + (delta.unsigned_abs() as f64).log10();
        if delta < 0 {
            cost += 2f64.log10();
        }
        out.push(Match::new(i, j + 1, cost, Kind::Sequence));
    };
    if n < 3 {
        return;
    }
    let mut i = 0;
    let mut last = step(1);
    for k in 2..n {
        let delta = step(k);
        if delta == last && delta.is_some() {
            continue;
        }
        emit(i, k - 1, last);
        i = k - 1;
        last = delta;
    }
    emit(i, n - 1, last);
}

/// Repeats: a block of 1 to [`MAX_PERIOD`] characters said twice or more
/// (aaa, abab, 123123). Guesses: the block's own guesses × the count.
pub(super) fn match_repeats(text: &Text, personal: Option<&Trie>, out: &mut Vec<Match>) {
    let n = text.len();
    let lower = text.lower;
    let periods = MAX_PERIOD.min(n / 2);
    // runs[p - 1]: how many pairs (k - p, k) in a row were equal.
    let mut runs = [0usize; MAX_PERIOD];
    let mut emit = |p: usize, run: usize, k: usize| {
        if run < p {
            return;
        }
        let start = k - run - p;
        let blocks = (run + p) / p;
        let end = start + blocks * p;
        if end - start < 3 {
            return;
        }
        let block = Text {
            orig: text.orig.get(start..start + p).unwrap_or(&[]),
            lower: text.lower.get(start..start + p).unwrap_or(&[]),
            keys: text.keys.get(start..start + p).unwrap_or(&[]),
        };
        let cost = block_cost(&block, personal) + (blocks as f64).log10();
        out.push(Match::new(start, end, cost, Kind::Repeat));
    };
    for k in 1..n {
        let Some(&c) = lower.get(k) else { break };
        for (p, run) in runs.iter_mut().enumerate().take(periods).map(|(i, r)| (i + 1, r)) {
            if k < p {
                break;
            }
            if lower.get(k - p) == Some(&c) {
                *run += 1;
            } else {
                emit(p, *run, k);
                *run = 0;
            }
        }
    }
    for (p, &run) in runs.iter().enumerate().take(periods).map(|(i, r)| (i + 1, r)) {
        emit(p, run, n);
    }
}

/// The guesses (log10) of a repeated block, in O(block): brute force, or
/// the block as one whole dictionary or personal word if that is cheaper.
fn block_cost(block: &Text, personal: Option<&Trie>) -> f64 {
    let mut bf = 0.0;
    let mut prev = None;
    for &c in block.orig {
        bf += brute_force_cost(c, prev);
        prev = Some(c);
    }
    let mut best = bf;
    for trie in [Some(dictionary()), personal].into_iter().flatten() {
        if let Some(cost) = trie.word_cost(block.keys.iter().map(|&c| fold(c))) {
            best = best.min(f64::from(cost) + case_variations(block.orig));
        }
    }
    best.max(1.0)
}

/// Reads a number from digit values.
fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d))
}

fn valid_day_month(d: u32, m: u32) -> bool {
    let max_day = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=max_day).contains(&d)
}

fn valid_year(y: u32, digits: usize) -> bool {
    match digits {
        2 => true,
        4 => (1900..=2039).contains(&y),
        _ => false,
    }
}

/// Dates and years: 1900–2039; ddmmyy, yymmdd, ddmmyyyy, yyyymmdd,
/// mmddyyyy; and d.m.yy(yy), yyyy-m-d with one separator kind.
pub(super) fn match_dates(text: &Text, out: &mut Vec<Match>) {
    const NOT_DIGIT: u8 = 255;
    let s = text.orig;
    let n = s.len();
    let year_cost = YEAR_SPACE.log10();
    let date_cost = (365.0 * YEAR_SPACE).log10();
    let separated_cost = date_cost + 4f64.log10();
    let mut push = |start: usize, len: usize, cost: f64| out.push(Match::new(start, start + len, cost, Kind::Date));
    for i in 0..n {
        if !s.get(i).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        // The next 10 characters as digit values (or NOT_DIGIT).
        let mut w = [NOT_DIGIT; 10];
        let mut chars = [' '; 10];
        for ((slot, ch), &c) in w.iter_mut().zip(chars.iter_mut()).zip(s.iter().skip(i)) {
            *slot = c.to_digit(10).filter(|_| c.is_ascii_digit()).map_or(NOT_DIGIT, |d| d as u8);
            *ch = c;
        }
        let run = w.iter().take_while(|&&d| d != NOT_DIGIT).count();
        let g = |a: usize, b: usize| number(w.get(a..b).unwrap_or(&[]));
        if run >= 4 && valid_year(g(0, 4), 4) {
            push(i, 4, year_cost);
        }
        if run >= 6 && (valid_day_month(g(0, 2), g(2, 4)) || valid_day_month(g(4, 6), g(2, 4))) {
            push(i, 6, date_cost);
        }
        if run >= 8 {
            let dmy = valid_day_month(g(0, 2), g(2, 4)) && valid_year(g(4, 8), 4);
            let ymd = valid_year(g(0, 4), 4) && valid_day_month(g(6, 8), g(4, 6));
            let mdy = valid_day_month(g(2, 4), g(0, 2)) && valid_year(g(4, 8), 4);
            if dmy || ymd || mdy {
                push(i, 8, date_cost);
            }
        }
        // With separators: d.m.yy(yy) or yyyy-m-d, one separator kind.
        let g1 = run;
        if !(1..=4).contains(&g1) {
            continue;
        }
        let Some(&sep) = chars.get(g1) else { continue };
        if !matches!(sep, '.' | '-' | '/' | '_' | ' ' | '\\') {
            continue;
        }
        let from2 = g1 + 1;
        let g2 = w.iter().skip(from2).take_while(|&&d| d != NOT_DIGIT).count();
        if !(1..=2).contains(&g2) || chars.get(from2 + g2) != Some(&sep) {
            continue;
        }
        let from3 = from2 + g2 + 1;
        let g3 = w.iter().skip(from3).take_while(|&&d| d != NOT_DIGIT).count();
        let (a, b, c) = (g(0, g1), g(from2, from2 + g2), g(from3, from3 + g3));
        let ok = if g1 == 4 {
            valid_year(a, 4) && (1..=2).contains(&g3) && valid_day_month(c, b)
        } else {
            g1 <= 2 && (g3 == 2 || g3 == 4) && valid_year(c, g3) && (valid_day_month(a, b) || valid_day_month(b, a))
        };
        // A window cut at 10 characters could hide a longer last group.
        let cut = from3 + g3 >= w.len() && s.get(i + from3 + g3).is_some_and(|c| c.is_ascii_digit());
        if ok && !cut {
            push(i, from3 + g3, separated_cost);
        }
    }
}

//! Counting guesses, as log10: sums of binomials and keyboard walks, case
//! variations, one character by brute force.

use super::super::layout::{is_lower, is_upper};

/// log10 of a_1 + … + a_m where a_{i+1} = a_i · ratio(i), summed in the
/// linear domain and rescaled before it could overflow (so no `powf`: one
/// `log10` at the end). Minus infinity for an empty sum.
pub(super) fn log10_series(first: f64, m: usize, ratio: impl Fn(usize) -> f64) -> f64 {
    const BIG: f64 = 1e200;
    let mut offset = 0.0;
    let (mut term, mut total) = (first, 0.0f64);
    for i in 1..=m {
        total += term;
        if total > BIG {
            term /= BIG;
            total /= BIG;
            offset += 200.0;
        }
        term *= ratio(i);
    }
    if total > 0.0 {
        total.log10() + offset
    } else {
        f64::NEG_INFINITY
    }
}

/// log10 Σ_{i=1..m} C(n, i), in O(m).
pub(super) fn log10_sum_binom(n: usize, m: usize) -> f64 {
    log10_series(n as f64, m.min(n), |i| (n - i) as f64 / (i + 1) as f64)
}

/// log10 Σ_{t=1..m} C(len − 1, t − 1) · degree^t: the keyboard walks of
/// `len` keys with at most `m` turns (m < len), in O(m).
pub(super) fn log10_walks(len: usize, m: usize, degree: f64) -> f64 {
    log10_series(degree, m, |t| (len - t) as f64 / t as f64 * degree)
}

/// How many ways the letters' case could vary, as log10: all lower 0;
/// first, last or all upper log10(2); otherwise the binomial sum.
pub(super) fn case_variations(chars: &[char]) -> f64 {
    let upper = chars.iter().filter(|c| is_upper(**c)).count();
    let lower = chars.iter().filter(|c| is_lower(**c)).count();
    if upper == 0 {
        return 0.0;
    }
    let first_upper = chars.first().is_some_and(|c| is_upper(*c));
    let last_upper = chars.last().is_some_and(|c| is_upper(*c));
    if lower == 0 || (upper == 1 && (first_upper || last_upper)) {
        return 2f64.log10();
    }
    log10_sum_binom(upper + lower, upper.min(lower))
}

/// log10 of the guesses for one character guessed by brute force: its class
/// size, with lower-case letters that follow a lower-case letter counted as
/// pronounceable text (a stand-in for the large word lists we do not ship).
#[inline(always)]
pub(super) fn brute_force_cost(c: char, previous: Option<char>) -> f64 {
    // log10 of 10, 5, 26, 33 and 100.
    const DIGIT: f64 = 1.0;
    const TEXT: f64 = 0.698_97;
    const LETTER: f64 = 1.414_97;
    const SYMBOL: f64 = 1.518_51;
    const OTHER: f64 = 2.0;
    if c.is_ascii_digit() {
        DIGIT
    } else if is_lower(c) {
        if previous.is_some_and(is_lower) {
            TEXT
        } else {
            LETTER
        }
    } else if is_upper(c) {
        LETTER
    } else if c.is_ascii_punctuation() {
        SYMBOL
    } else if c.is_whitespace() {
        TEXT
    } else {
        OTHER
    }
}

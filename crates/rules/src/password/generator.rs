//! Password generator: random passwords that always satisfy a policy.
//!
//! The crate has no randomness of its own: the caller passes a filler of
//! cryptographically secure random bytes (the JS API passes the browser's
//! `crypto.getRandomValues` through `getrandom`). Choices use rejection
//! sampling, so every character of an alphabet is equally likely (no modulo
//! bias); a filler that fails, or that keeps returning bytes the sampler
//! must reject, ends in an error, never in a weaker password.
//!
//! Two modes:
//! - default: `length` characters from Latin letters, digits and the
//!   policy's symbols, without look-alikes (`l I 1 O 0 |`…), at least one of
//!   each required class, shuffled;
//! - memorable: easy consonant-vowel words (`Tamo-pibu-deka47`): one
//!   capital, two digits, a symbol as the separator, at least `length`
//!   characters long.

use super::data::data;
use super::Policy;

/// The random source failed (the JS API turns this into an Error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RandomSourceFailed;

/// A filler of secure random bytes.
pub type RandomFill<'a> = &'a mut dyn FnMut(&mut [u8]) -> Result<(), RandomSourceFailed>;

/// What to generate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GeneratorOptions {
    /// The length (memorable mode: the least length); default
    /// [`default_length`] or the policy's minimum if that is larger.
    pub length: Option<usize>,
    /// Easy words instead of random characters.
    pub memorable: bool,
}

/// Why no password was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenerateError {
    /// `length` outside [`length_range`].
    LengthOutOfRange {
        /// The length asked for.
        got: usize,
        /// The least length the generator accepts.
        min: usize,
        /// The greatest length the generator accepts.
        max: usize,
    },
    /// `length` below the policy's minimum length.
    LengthBelowPolicy {
        /// The length asked for.
        got: usize,
        /// The policy's minimum length.
        min: usize,
    },
    /// The policy itself is invalid.
    Policy(super::PolicyError),
    /// The random source failed or kept giving unusable bytes.
    RandomSource,
    /// A generated password failed the policy: a defect of the generator,
    /// reported instead of handing out a password Gosuslugi would refuse.
    Internal,
}

impl GenerateError {
    /// A stable id of the problem.
    pub fn id(&self) -> &'static str {
        match self {
            GenerateError::LengthOutOfRange { .. } => "length_out_of_range",
            GenerateError::LengthBelowPolicy { .. } => "length_below_policy",
            GenerateError::Policy(e) => e.id(),
            GenerateError::RandomSource => "random_source_failed",
            GenerateError::Internal => "internal",
        }
    }
}

impl std::fmt::Display for GenerateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GenerateError::LengthOutOfRange { min, max, .. } => {
                write!(f, "must be a whole number from {min} to {max}")
            }
            GenerateError::LengthBelowPolicy { min, .. } => {
                write!(f, "must be at least the policy's minLength {min}")
            }
            GenerateError::Policy(e) => write!(f, "{e}"),
            GenerateError::RandomSource => write!(f, "the secure random source failed"),
            GenerateError::Internal => write!(f, "internal error: the generated password missed the policy"),
        }
    }
}

impl std::error::Error for GenerateError {}

/// The lengths the generator accepts (8 to 64).
pub fn length_range() -> (usize, usize) {
    let g = &data().generator;
    (g.min_length, g.max_length)
}

/// The length used when none is given (12).
pub fn default_length() -> usize {
    data().generator.default_length
}

/// Uniform choices from a random byte filler.
struct Chooser<'a, 'f> {
    fill: &'a mut RandomFill<'f>,
    buffer: [u8; 64],
    used: usize,
}

impl Chooser<'_, '_> {
    fn next_u32(&mut self) -> Result<u32, GenerateError> {
        if self.used + 4 > self.buffer.len() {
            (self.fill)(&mut self.buffer).map_err(|_| GenerateError::RandomSource)?;
            self.used = 0;
        }
        let bytes = self.buffer.get(self.used..self.used + 4).ok_or(GenerateError::RandomSource)?;
        self.used += 4;
        let bytes: [u8; 4] = bytes.try_into().map_err(|_| GenerateError::RandomSource)?;
        Ok(u32::from_le_bytes(bytes))
    }

    /// A uniform number in `0..n` by rejection sampling: values at or above
    /// the largest multiple of `n` are drawn again.
    fn below(&mut self, n: usize) -> Result<usize, GenerateError> {
        let n =
            u64::try_from(n).ok().filter(|&n| n > 0 && n <= u64::from(u32::MAX)).ok_or(GenerateError::RandomSource)?;
        let limit = (1u64 << 32) / n * n;
        // A sound source is rejected with probability below n / 2^32; a
        // hundred rejections in a row means the source is broken.
        for _ in 0..100 {
            let x = u64::from(self.next_u32()?);
            if x < limit {
                return Ok((x % n) as usize);
            }
        }
        Err(GenerateError::RandomSource)
    }

    fn pick(&mut self, alphabet: &[char]) -> Result<char, GenerateError> {
        let i = self.below(alphabet.len())?;
        alphabet.get(i).copied().ok_or(GenerateError::RandomSource)
    }

    /// Fisher–Yates.
    fn shuffle(&mut self, items: &mut [char]) -> Result<(), GenerateError> {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1)?;
            items.swap(i, j);
        }
        Ok(())
    }
}

/// Generates a password that satisfies `policy`.
///
/// ```
/// use diary_rules::password::{check_password, generator::{generate_password, GeneratorOptions}, CheckOptions, Policy};
/// // A toy source for the example; real callers pass a secure one.
/// let mut state = 7u32;
/// let mut fill = |buf: &mut [u8]| {
///     for b in buf.iter_mut() {
///         state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
///         *b = (state >> 16) as u8;
///     }
///     Ok(())
/// };
/// let policy = Policy::gosuslugi();
/// let p = generate_password(&GeneratorOptions::default(), &policy, &mut fill).unwrap();
/// assert_eq!(p.chars().count(), 12);
/// assert!(check_password(&p, &CheckOptions::default()).is_valid());
/// let m = generate_password(&GeneratorOptions { length: None, memorable: true }, &policy, &mut fill).unwrap();
/// assert!(check_password(&m, &CheckOptions::default()).is_valid());
/// ```
pub fn generate_password(
    options: &GeneratorOptions,
    policy: &Policy,
    mut fill: RandomFill<'_>,
) -> Result<String, GenerateError> {
    policy.validate().map_err(GenerateError::Policy)?;
    let (min, max) = length_range();
    let length = match options.length {
        Some(got) if got < min || got > max => return Err(GenerateError::LengthOutOfRange { got, min, max }),
        Some(got) if got < policy.min_length => {
            return Err(GenerateError::LengthBelowPolicy { got, min: policy.min_length })
        }
        Some(got) => got,
        None => default_length().max(policy.min_length),
    };
    let mut chooser = Chooser { fill: &mut fill, buffer: [0; 64], used: 64 };
    let password = if options.memorable {
        memorable(length, policy, &mut chooser)?
    } else {
        random_characters(length, policy, &mut chooser)?
    };
    // The construction guarantees the policy; this check makes sure a
    // mistake in it can never hand out a password Gosuslugi would refuse.
    if super::rule_results(&password, policy).iter().all(|r| r.passed) {
        Ok(password)
    } else {
        Err(GenerateError::Internal)
    }
}

fn without_look_alikes(chars: impl Iterator<Item = char>) -> Vec<char> {
    let look_alikes = &data().generator.look_alikes;
    chars.filter(|c| !look_alikes.chars().any(|l| l == *c)).collect()
}

/// The policy's symbols without look-alikes (all of them if that leaves
/// none).
fn usable_symbols(policy: &Policy) -> Vec<char> {
    let clear = without_look_alikes(policy.symbols.chars());
    if clear.is_empty() {
        policy.symbols.chars().collect()
    } else {
        clear
    }
}

fn random_characters(length: usize, policy: &Policy, chooser: &mut Chooser) -> Result<String, GenerateError> {
    let upper = without_look_alikes('A'..='Z');
    let lower = without_look_alikes('a'..='z');
    let digits = without_look_alikes('0'..='9');
    let symbols = usable_symbols(policy);
    let mut out: Vec<char> = Vec::with_capacity(length);
    for (required, class) in [
        (policy.require_uppercase, &upper),
        (policy.require_lowercase, &lower),
        (policy.require_digit, &digits),
        (policy.require_symbol, &symbols),
    ] {
        if required {
            out.push(chooser.pick(class)?);
        }
    }
    let all: Vec<char> = [&upper, &lower, &digits, &symbols].into_iter().flatten().copied().collect();
    while out.len() < length {
        out.push(chooser.pick(&all)?);
    }
    chooser.shuffle(&mut out)?;
    Ok(out.into_iter().collect())
}

fn memorable(length: usize, policy: &Policy, chooser: &mut Chooser) -> Result<String, GenerateError> {
    let g = &data().generator;
    let consonants: Vec<char> = g.consonants.chars().collect();
    let vowels: Vec<char> = g.vowels.chars().collect();
    let digits: Vec<char> = g.digits.chars().collect();
    let blocked: Vec<&str> = g.blocked_words.split_whitespace().collect();
    let friendly: Vec<char> = g.friendly_symbols.chars().filter(|&c| policy.is_symbol(c)).collect();
    let separators = if friendly.is_empty() { usable_symbols(policy) } else { friendly };
    let separator = if separators.is_empty() { None } else { Some(chooser.pick(&separators)?) };

    let mut words: Vec<String> = Vec::new();
    let total = |words: &[String]| -> usize {
        let letters: usize = words.iter().map(String::len).sum();
        let seps = if separator.is_some() { words.len().saturating_sub(1) } else { 0 };
        letters + seps + 2
    };
    while words.len() < 2 || total(&words) < length {
        let mut attempts = 0;
        let word = loop {
            let mut w = String::with_capacity(4);
            for _ in 0..2 {
                w.push(chooser.pick(&consonants)?);
                w.push(chooser.pick(&vowels)?);
            }
            if !blocked.contains(&w.as_str()) {
                break w;
            }
            attempts += 1;
            if attempts > 100 {
                return Err(GenerateError::RandomSource);
            }
        };
        words.push(word);
    }
    let capital = chooser.below(words.len())?;
    if let Some(w) = words.get_mut(capital) {
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            *w = first.to_ascii_uppercase().to_string() + chars.as_str();
        }
    }
    let mut out = match separator {
        Some(s) => words.join(&s.to_string()),
        None => words.concat(),
    };
    for _ in 0..2 {
        out.push(chooser.pick(&digits)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter_source() -> impl FnMut(&mut [u8]) -> Result<(), RandomSourceFailed> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        move |buf: &mut [u8]| {
            for b in buf.iter_mut() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *b = state as u8;
            }
            Ok(())
        }
    }

    #[test]
    fn failing_source_is_an_error() {
        let mut fail = |_: &mut [u8]| Err(RandomSourceFailed);
        let got = generate_password(&GeneratorOptions::default(), &Policy::gosuslugi(), &mut fail);
        assert_eq!(got, Err(GenerateError::RandomSource));
    }

    #[test]
    fn stuck_source_is_an_error_not_a_hang() {
        // All bytes 0xFF: every 32-bit draw is u32::MAX, which rejection
        // sampling refuses for any alphabet whose size is not a power of two.
        let mut stuck = |buf: &mut [u8]| {
            buf.fill(0xff);
            Ok(())
        };
        let got = generate_password(&GeneratorOptions::default(), &Policy::gosuslugi(), &mut stuck);
        assert_eq!(got, Err(GenerateError::RandomSource));
    }

    #[test]
    fn no_modulo_bias_in_below() {
        // With n = 3, the draws 0xFFFFFFFF (and the other values above the
        // largest multiple of 3) must be rejected, not folded.
        let mut values = vec![u32::MAX, 5u32].into_iter();
        let mut fill = move |buf: &mut [u8]| {
            let v = values.next().unwrap_or(0);
            for chunk in buf.chunks_mut(4) {
                chunk.copy_from_slice(&v.to_le_bytes()[..chunk.len()]);
            }
            Ok(())
        };
        let mut f: RandomFill = &mut fill;
        let mut chooser = Chooser { fill: &mut f, buffer: [0; 64], used: 64 };
        // The first buffer is all u32::MAX: 16 rejections; then 5 % 3 = 2.
        assert_eq!(chooser.below(3), Ok(2));
    }

    #[test]
    fn lengths() {
        let mut src = counter_source();
        let policy = Policy::gosuslugi();
        for len in [8, 12, 64] {
            let p = generate_password(&GeneratorOptions { length: Some(len), memorable: false }, &policy, &mut src)
                .unwrap();
            assert_eq!(p.chars().count(), len);
            let m =
                generate_password(&GeneratorOptions { length: Some(len), memorable: true }, &policy, &mut src).unwrap();
            assert!(m.chars().count() >= len, "{m}");
        }
        for len in [0, 7, 65, usize::MAX] {
            let got = generate_password(&GeneratorOptions { length: Some(len), memorable: false }, &policy, &mut src);
            assert!(matches!(got, Err(GenerateError::LengthOutOfRange { .. })), "{len}");
        }
    }

    #[test]
    fn no_look_alikes_by_default() {
        let mut src = counter_source();
        let policy = Policy::gosuslugi();
        for _ in 0..200 {
            let p = generate_password(&GeneratorOptions::default(), &policy, &mut src).unwrap();
            assert!(!p.chars().any(|c| "lI1O0|".contains(c)), "{p}");
        }
    }
}

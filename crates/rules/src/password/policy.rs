//! The password policy as data: Gosuslugi's by default, or a host's own.
//!
//! Gosuslugi's policy (seed 003, «Требования к паролю»): 8 or more
//! characters; upper-case Latin letters; lower-case Latin letters; digits;
//! symbols from a fixed set; nothing else. The symbol set in the seed is
//! garbled by escaping; `data/password.toml` keeps the literal and says how
//! it was read ([`Policy::seed_literal`], [`Policy::symbols_decision`]).

use crate::id::closed_set;

use super::data::data;

/// The smallest and largest minimum length a policy may ask for. The upper
/// bound keeps every valid policy satisfiable by the generator.
pub const MIN_LENGTH_RANGE: (usize, usize) = (1, 64);

/// A password policy.
///
/// ```
/// use diary_rules::password::Policy;
/// let p = Policy::gosuslugi();
/// assert_eq!(p.min_length, 8);
/// assert!(p.allows('!') && p.allows('K') && !p.allows('#') && !p.allows(' '));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The least number of characters.
    pub min_length: usize,
    /// At least one of `A`–`Z`.
    pub require_uppercase: bool,
    /// At least one of `a`–`z`.
    pub require_lowercase: bool,
    /// At least one of `0`–`9`.
    pub require_digit: bool,
    /// At least one character of `symbols`.
    pub require_symbol: bool,
    /// The symbols allowed besides Latin letters and digits: printable ASCII
    /// punctuation, each once.
    pub symbols: String,
}

impl Default for Policy {
    /// Gosuslugi's policy.
    fn default() -> Self {
        Policy::gosuslugi()
    }
}

closed_set!(
    /// The field of a [`Policy`] a [`PolicyError`] is about (ids: the JS API's camelCase names).
    PolicyField { MinLength => "minLength", Symbols => "symbols" }
);

impl PolicyField {
    /// The field's name in the JS API (camelCase): its id.
    pub fn name(self) -> &'static str {
        self.id()
    }
}

/// Why a host's policy cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyError {
    /// `min_length` outside [`MIN_LENGTH_RANGE`].
    MinLengthOutOfRange {
        /// The minimum length the policy gave.
        got: usize,
    },
    /// A symbol that is not printable ASCII punctuation (a letter, a digit,
    /// a space, a control or a non-ASCII character).
    SymbolNotAllowed {
        /// The character that is not allowed.
        symbol: char,
    },
    /// The same symbol twice.
    DuplicateSymbol {
        /// The symbol listed twice.
        symbol: char,
    },
    /// `require_symbol` with an empty symbol set.
    NoSymbols,
}

impl PolicyError {
    /// The field at fault.
    pub fn field(&self) -> PolicyField {
        match self {
            PolicyError::MinLengthOutOfRange { .. } => PolicyField::MinLength,
            _ => PolicyField::Symbols,
        }
    }

    /// A stable id of the problem.
    pub fn id(&self) -> &'static str {
        match self {
            PolicyError::MinLengthOutOfRange { .. } => "min_length_out_of_range",
            PolicyError::SymbolNotAllowed { .. } => "symbol_not_allowed",
            PolicyError::DuplicateSymbol { .. } => "duplicate_symbol",
            PolicyError::NoSymbols => "no_symbols",
        }
    }
}

/// A developer-facing description (the JS API prefixes it with the field).
impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (lo, hi) = MIN_LENGTH_RANGE;
        match self {
            PolicyError::MinLengthOutOfRange { .. } => {
                write!(f, "must be a whole number from {lo} to {hi}")
            }
            // Characters are shown with their code: `{:?}` would pull the
            // Unicode printability tables into the wasm.
            PolicyError::SymbolNotAllowed { symbol } => write!(
                f,
                "may hold only printable ASCII symbols (no letters, digits or spaces), found '{symbol}' (U+{:04X})",
                *symbol as u32
            ),
            PolicyError::DuplicateSymbol { symbol } => write!(f, "lists '{symbol}' (U+{:04X}) twice", *symbol as u32),
            PolicyError::NoSymbols => write!(f, "is empty, but requireSymbol is true"),
        }
    }
}

impl std::error::Error for PolicyError {}

/// A host's changes to a policy: each field set replaces the base's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyOverrides {
    /// Replaces [`Policy::min_length`] when set.
    pub min_length: Option<usize>,
    /// Replaces [`Policy::require_uppercase`] when set.
    pub require_uppercase: Option<bool>,
    /// Replaces [`Policy::require_lowercase`] when set.
    pub require_lowercase: Option<bool>,
    /// Replaces [`Policy::require_digit`] when set.
    pub require_digit: Option<bool>,
    /// Replaces [`Policy::require_symbol`] when set.
    pub require_symbol: Option<bool>,
    /// Replaces [`Policy::symbols`] when set.
    pub symbols: Option<String>,
}

impl PolicyOverrides {
    /// `base` with these changes, validated.
    ///
    /// ```
    /// use diary_rules::password::{Policy, PolicyOverrides};
    /// let host = PolicyOverrides { symbols: Some("#!".into()), ..Default::default() };
    /// let p = host.apply(Policy::gosuslugi()).unwrap();
    /// assert!(p.allows('#') && p.min_length == 8);
    /// ```
    pub fn apply(self, base: Policy) -> Result<Policy, PolicyError> {
        let policy = Policy {
            min_length: self.min_length.unwrap_or(base.min_length),
            require_uppercase: self.require_uppercase.unwrap_or(base.require_uppercase),
            require_lowercase: self.require_lowercase.unwrap_or(base.require_lowercase),
            require_digit: self.require_digit.unwrap_or(base.require_digit),
            require_symbol: self.require_symbol.unwrap_or(base.require_symbol),
            symbols: self.symbols.unwrap_or(base.symbols),
        };
        policy.validate()?;
        Ok(policy)
    }
}

impl Policy {
    /// Gosuslugi's policy from seed 003, as decided in `data/password.toml`.
    pub fn gosuslugi() -> Policy {
        let p = &data().policy;
        Policy {
            min_length: p.min_length,
            require_uppercase: p.require_uppercase,
            require_lowercase: p.require_lowercase,
            require_digit: p.require_digit,
            require_symbol: p.require_symbol,
            symbols: p.symbols.to_owned(),
        }
    }

    /// The symbol list exactly as seed 003 prints it.
    pub fn seed_literal() -> &'static str {
        data().policy.symbols_seed_literal
    }

    /// How the seed's garbled list was read, and why.
    pub fn symbols_decision() -> &'static str {
        super::data::symbols_decision().trim()
    }

    /// Where Gosuslugi's policy comes from.
    pub fn source() -> &'static str {
        data().policy.source
    }

    /// Checks a host's policy.
    ///
    /// ```
    /// use diary_rules::password::{Policy, PolicyField};
    /// let mut p = Policy::gosuslugi();
    /// p.symbols.push('a');
    /// assert_eq!(p.validate().unwrap_err().field(), PolicyField::Symbols);
    /// ```
    pub fn validate(&self) -> Result<(), PolicyError> {
        let (lo, hi) = MIN_LENGTH_RANGE;
        if self.min_length < lo || self.min_length > hi {
            return Err(PolicyError::MinLengthOutOfRange { got: self.min_length });
        }
        let mut seen = 0u128;
        for c in self.symbols.chars() {
            if !c.is_ascii_punctuation() {
                return Err(PolicyError::SymbolNotAllowed { symbol: c });
            }
            let bit = 1u128 << (c as u32);
            if seen & bit != 0 {
                return Err(PolicyError::DuplicateSymbol { symbol: c });
            }
            seen |= bit;
        }
        if self.require_symbol && self.symbols.is_empty() {
            return Err(PolicyError::NoSymbols);
        }
        Ok(())
    }

    /// Whether `c` is one of the policy's symbols.
    pub fn is_symbol(&self, c: char) -> bool {
        c.is_ascii_punctuation() && self.symbols.chars().any(|s| s == c)
    }

    /// Whether `c` may appear in a password: a Latin letter, a digit or one
    /// of the symbols.
    pub fn allows(&self, c: char) -> bool {
        c.is_ascii_alphanumeric() || self.is_symbol(c)
    }

    /// The symbols as a bit set over ASCII, for hot loops.
    pub(crate) fn symbol_mask(&self) -> u128 {
        self.symbols.chars().filter(|c| c.is_ascii()).fold(0u128, |m, c| m | (1u128 << (c as u32)))
    }

    /// The symbols written out with spaces between them, for texts.
    pub fn symbols_for_display(&self) -> String {
        let mut out = String::new();
        for c in self.symbols.chars() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gosuslugi_policy_is_valid_and_matches_the_decision() {
        let p = Policy::gosuslugi();
        assert_eq!(p.validate(), Ok(()));
        assert_eq!(p.symbols, "!\"$%&'()+,-./:;<=>?@[]^_{}~");
        // Every symbol decided on occurs in the seed's literal, and every
        // punctuation character of the literal except the escaping backslash
        // is in the set.
        let literal = Policy::seed_literal();
        for c in p.symbols.chars() {
            assert!(literal.contains(c), "{c}");
        }
        for c in literal.chars().filter(|c| *c != '\\') {
            assert!(p.is_symbol(c), "{c}");
        }
        for c in ['#', '*', '\\', '`', '|', ' '] {
            assert!(!p.allows(c), "{c}");
        }
    }

    #[test]
    fn host_policies_are_validated() {
        let base = Policy::gosuslugi();
        let with = |f: &dyn Fn(&mut Policy)| {
            let mut p = base.clone();
            f(&mut p);
            p.validate()
        };
        assert_eq!(with(&|p| p.min_length = 0), Err(PolicyError::MinLengthOutOfRange { got: 0 }));
        assert_eq!(with(&|p| p.min_length = 65), Err(PolicyError::MinLengthOutOfRange { got: 65 }));
        assert_eq!(with(&|p| p.min_length = 64), Ok(()));
        assert_eq!(with(&|p| p.symbols = "!!".into()), Err(PolicyError::DuplicateSymbol { symbol: '!' }));
        assert_eq!(with(&|p| p.symbols = "! ".into()), Err(PolicyError::SymbolNotAllowed { symbol: ' ' }));
        assert_eq!(with(&|p| p.symbols = "№".into()), Err(PolicyError::SymbolNotAllowed { symbol: '№' }));
        assert_eq!(with(&|p| p.symbols = String::new()), Err(PolicyError::NoSymbols));
        assert_eq!(
            with(&|p| {
                p.symbols = String::new();
                p.require_symbol = false
            }),
            Ok(())
        );
    }
}

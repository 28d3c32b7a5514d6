//! Gosuslugi passwords: the policy checker with per-rule feedback, the
//! mistakes people really make, a strength meter and a generator.
//!
//! Parents set the child's Gosuslugi password on the spot (seed 003, step 7)
//! and get it wrong: the keyboard is left in the Russian layout, a space
//! slips in, a symbol is not in Gosuslugi's set, the child's name and birth
//! year make the password. [`check_password`] reports, while they type, which
//! rules pass, which characters are not allowed, the password as it would
//! read in the English layout, warnings and a strength estimate; all as ids
//! whose words are in `data/password.toml` ([`render_message`]).
//!
//! ```
//! use diary_rules::password::{check_password, CheckOptions, RuleId, Warning};
//! let check = check_password("Пароль 1", &CheckOptions::default());
//! assert!(!check.is_valid());
//! assert_eq!(check.failed_rules(), vec![RuleId::Uppercase, RuleId::Lowercase, RuleId::Symbol, RuleId::AllowedChars]);
//! assert_eq!(check.layout_fix.as_deref(), Some("Gfhjkm 1"));
//! assert!(check.warnings.contains(&Warning::CyrillicLayout));
//! assert!(check.warnings.contains(&Warning::Whitespace));
//! ```

use crate::id::closed_set;

mod data;
pub mod generator;
pub mod layout;
pub mod policy;
pub mod strength;

pub use generator::{generate_password, GenerateError, GeneratorOptions, RandomSourceFailed};
pub use policy::{Policy, PolicyError, PolicyField, PolicyOverrides};
pub use strength::Strength;

use crate::texts::text;
use crate::Lang;

/// The strength is estimated on at most this many characters: nobody types
/// a longer password, and a 100 KB paste must stay instant on an old phone.
/// Characters beyond it add nothing to the estimate (an under-estimate,
/// never an over-estimate); the rules and the typing mistakes are always
/// checked on the whole input. [`strength::estimate`] itself has no cap and
/// is linear too.
pub const MAX_ESTIMATED_CHARS: usize = 4096;

/// At most this many characters of the layout fix are quoted in a message
/// (the whole fix is in [`PasswordCheck::layout_fix`]).
pub const MAX_FIX_IN_MESSAGE: usize = 64;

/// At most this many distinct characters are listed in
/// [`PasswordCheck::invalid_chars`] (a huge paste must not make a huge list).
pub const MAX_INVALID_CHARS: usize = 32;

closed_set!(
    /// A rule of the policy, in the order they are shown.
    RuleId {
        MinLength => "min_length",
        Uppercase => "uppercase",
        Lowercase => "lowercase",
        Digit => "digit",
        Symbol => "symbol",
        AllowedChars => "allowed_chars",
        /// Only when a confirmation was typed.
        ConfirmMatches => "confirm_matches",
    }
);

impl RuleId {
    /// The policy's rules, in order (without [`RuleId::ConfirmMatches`]).
    pub const POLICY: [RuleId; 6] =
        [RuleId::MinLength, RuleId::Uppercase, RuleId::Lowercase, RuleId::Digit, RuleId::Symbol, RuleId::AllowedChars];

    /// The text id of the rule as a checklist item ("At least 8 characters").
    pub fn rule_text_id(self) -> &'static str {
        match self {
            RuleId::MinLength => "password.rule.min_length",
            RuleId::Uppercase => "password.rule.uppercase",
            RuleId::Lowercase => "password.rule.lowercase",
            RuleId::Digit => "password.rule.digit",
            RuleId::Symbol => "password.rule.symbol",
            RuleId::AllowedChars => "password.rule.allowed_chars",
            RuleId::ConfirmMatches => "password.rule.confirm_matches",
        }
    }

    /// The text id of the message shown when the rule fails.
    pub fn problem_text_id(self) -> &'static str {
        match self {
            RuleId::MinLength => "password.problem.min_length",
            RuleId::Uppercase => "password.problem.uppercase",
            RuleId::Lowercase => "password.problem.lowercase",
            RuleId::Digit => "password.problem.digit",
            RuleId::Symbol => "password.problem.symbol",
            RuleId::AllowedChars => "password.problem.allowed_chars",
            RuleId::ConfirmMatches => "password.problem.confirm_matches",
        }
    }
}

closed_set!(
    /// A warning: a typing mistake or a reason the password is weak.
    Warning {
        /// Russian letters (or `№`): the keyboard was in the Russian layout.
        CyrillicLayout => "cyrillic_layout",
        /// A space (or another blank character).
        Whitespace => "whitespace",
        /// A common password or word (also Russian words in Latin letters or
        /// typed in the wrong layout).
        CommonPassword => "common_password",
        /// Keys next to each other (QWERTY or ЙЦУКЕН).
        KeyboardPattern => "keyboard_pattern",
        /// abc, 1234, 9753.
        Sequence => "sequence",
        /// aaa, abcabc.
        Repeats => "repeats",
        /// A year or a date.
        Date => "date",
        /// The person's own name or birth date.
        PersonalInfo => "personal_info",
    }
);

impl Warning {
    /// The text id of the warning.
    pub fn text_id(self) -> &'static str {
        match self {
            Warning::CyrillicLayout => "password.warning.cyrillic_layout",
            Warning::Whitespace => "password.warning.whitespace",
            Warning::CommonPassword => "password.warning.common_password",
            Warning::KeyboardPattern => "password.warning.keyboard_pattern",
            Warning::Sequence => "password.warning.sequence",
            Warning::Repeats => "password.warning.repeats",
            Warning::Date => "password.warning.date",
            Warning::PersonalInfo => "password.warning.personal_info",
        }
    }
}

/// The text id of a strength score's label ("A weak password").
pub fn score_text_id(score: u8) -> &'static str {
    match score {
        0 => "password.strength.0",
        1 => "password.strength.1",
        2 => "password.strength.2",
        3 => "password.strength.3",
        _ => "password.strength.4",
    }
}

/// What to check besides the password itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions<'a> {
    /// The confirmation field («Повторите пароль»), if typed.
    pub confirm: Option<&'a str>,
    /// The person's own data: names (Latin or Cyrillic) and birth dates
    /// (`YYYY-MM-DD` or `DD.MM.YYYY`).
    pub personal: &'a [&'a str],
    /// The policy; Gosuslugi's when `None`. Validate a host's policy first
    /// ([`Policy::validate`]).
    pub policy: Option<&'a Policy>,
}

/// One rule and whether the password passes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleResult {
    /// The rule.
    pub rule: RuleId,
    /// Whether the password passes it.
    pub passed: bool,
}

/// The verdict on a password.
#[derive(Debug, Clone, PartialEq)]
pub struct PasswordCheck {
    /// The policy's rules in order, then [`RuleId::ConfirmMatches`] if a
    /// confirmation was given.
    pub rules: Vec<RuleResult>,
    /// The distinct characters the policy does not allow, in order of first
    /// appearance (at most [`MAX_INVALID_CHARS`]).
    pub invalid_chars: Vec<char>,
    /// Typing mistakes first, then the strength warnings, in
    /// [`Warning::ALL`] order.
    pub warnings: Vec<Warning>,
    /// The password as typed with the English layout, when it has Russian
    /// letters.
    pub layout_fix: Option<String>,
    /// The strength estimate (score, guesses, pattern warnings).
    pub strength: Strength,
    /// The number of characters typed.
    pub length: usize,
    /// The policy checked against (for the texts' placeholders).
    pub policy: Policy,
}

impl PasswordCheck {
    /// Whether every rule passed (the confirmation too, if given).
    pub fn is_valid(&self) -> bool {
        self.rules.iter().all(|r| r.passed)
    }

    /// The rules that failed, in order.
    pub fn failed_rules(&self) -> Vec<RuleId> {
        self.rules.iter().filter(|r| !r.passed).map(|r| r.rule).collect()
    }

    /// The messages to show: one per failed rule, then one per warning; each
    /// as (id, text). Ids are the rule or warning ids (the two sets do not
    /// overlap).
    pub fn messages(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let ctx = MessageContext {
            policy: &self.policy,
            length: self.length,
            invalid_chars: &self.invalid_chars,
            layout_fix: self.layout_fix.as_deref(),
        };
        let rules = self.failed_rules().into_iter().map(|r| (r.id(), render_message(r.problem_text_id(), lang, &ctx)));
        let warnings = self.warnings.iter().map(|w| (w.id(), render_message(w.text_id(), lang, &ctx)));
        rules.chain(warnings).collect()
    }
}

/// What the placeholders of the password texts are filled with.
#[derive(Debug, Clone, Copy)]
pub struct MessageContext<'a> {
    /// The policy: fills `{min}` and `{symbols}`.
    pub policy: &'a Policy,
    /// The number of characters typed: fills `{count}`.
    pub length: usize,
    /// The characters the policy does not allow: fill `{chars}`.
    pub invalid_chars: &'a [char],
    /// The password typed with the English layout: fills `{fix}` (cut when long).
    pub layout_fix: Option<&'a str>,
}

/// How a character is shown in a message: itself, or `␣` for a blank, or
/// `U+XXXX` for an invisible one.
pub fn display_char(c: char) -> String {
    if c.is_whitespace() {
        "␣".to_owned()
    } else if c.is_control()
        || matches!(
            c,
            '\u{ad}' | '\u{34f}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
    {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// The words for a password text id, with `{min}`, `{count}`, `{symbols}`,
/// `{chars}` and `{fix}` filled in.
///
/// ```
/// use diary_rules::password::{render_message, MessageContext, Policy};
/// use diary_rules::Lang;
/// let policy = Policy::gosuslugi();
/// let ctx = MessageContext { policy: &policy, length: 5, invalid_chars: &[], layout_fix: None };
/// assert_eq!(render_message("password.rule.min_length", Lang::En, &ctx), "At least 8 characters");
/// ```
pub fn render_message(id: &str, lang: Lang, ctx: &MessageContext) -> String {
    let template = text(id, lang);
    if !template.as_bytes().contains(&b'{') {
        return template.to_owned();
    }
    let chars: Vec<String> = ctx.invalid_chars.iter().map(|&c| format!("«{}»", display_char(c))).collect();
    // A huge paste should not make a huge message: the fix is cut.
    let fix = ctx.layout_fix.unwrap_or("");
    let fix = match fix.char_indices().nth(MAX_FIX_IN_MESSAGE) {
        Some((cut, _)) => format!("{}…", fix.get(..cut).unwrap_or(fix)),
        None => fix.to_owned(),
    };
    // One pass: a placeholder inside a filled-in value (the user's own
    // text in `{fix}`) stays as typed.
    crate::texts::fill(
        template,
        &[
            ("min", ctx.policy.min_length.to_string()),
            ("count", ctx.length.to_string()),
            ("chars", chars.join(", ")),
            ("fix", fix),
            ("symbols", ctx.policy.symbols_for_display()),
        ],
    )
}

/// What one pass over the password finds.
struct Scan {
    rules: Vec<RuleResult>,
    invalid_chars: Vec<char>,
    cyrillic: bool,
    blank: bool,
    length: usize,
}

/// Reads the password once: the policy's rules, the characters it does not
/// allow, Russian letters and blanks.
fn scan(password: &str, policy: &Policy) -> Scan {
    let mask = policy.symbol_mask();
    let (mut len, mut upper, mut lower, mut digit, mut symbol, mut allowed) =
        (0usize, false, false, false, false, true);
    let (mut cyrillic, mut blank) = (false, false);
    let mut invalid_chars: Vec<char> = Vec::new();
    for c in password.chars() {
        len += 1;
        if c.is_ascii() {
            upper |= c.is_ascii_uppercase();
            lower |= c.is_ascii_lowercase();
            digit |= c.is_ascii_digit();
            let sym = mask & (1u128 << (c as u32)) != 0;
            symbol |= sym;
            if c.is_ascii_alphanumeric() || sym {
                continue;
            }
            blank |= c.is_ascii_whitespace();
        } else {
            cyrillic |= layout::english_key(c).is_some();
            blank |= c.is_whitespace();
        }
        allowed = false;
        if invalid_chars.len() < MAX_INVALID_CHARS && !invalid_chars.contains(&c) {
            invalid_chars.push(c);
        }
    }
    let result = |rule, passed| RuleResult { rule, passed };
    let rules = vec![
        result(RuleId::MinLength, len >= policy.min_length),
        result(RuleId::Uppercase, upper || !policy.require_uppercase),
        result(RuleId::Lowercase, lower || !policy.require_lowercase),
        result(RuleId::Digit, digit || !policy.require_digit),
        result(RuleId::Symbol, symbol || !policy.require_symbol),
        result(RuleId::AllowedChars, allowed),
    ];
    Scan { rules, invalid_chars, cyrillic, blank, length: len }
}

/// The policy's rules for `password`, in order, in one pass.
pub fn rule_results(password: &str, policy: &Policy) -> Vec<RuleResult> {
    scan(password, policy).rules
}

/// Checks a password against the policy, finds typing mistakes and
/// estimates its strength (on the first [`MAX_ESTIMATED_CHARS`]
/// characters). Linear in the length of the password.
///
/// ```
/// use diary_rules::password::{check_password, CheckOptions, RuleId, Warning};
/// let personal = ["Маша", "2012-05-10"];
/// let options = CheckOptions { confirm: Some("Masha2012!"), personal: &personal, policy: None };
/// let check = check_password("Masha2012!", &options);
/// assert!(check.is_valid());
/// assert!(check.warnings.contains(&Warning::PersonalInfo));
/// assert!(check.strength.score <= 1);
/// ```
pub fn check_password(password: &str, options: &CheckOptions) -> PasswordCheck {
    let gosuslugi;
    let policy = match options.policy {
        Some(p) => p,
        None => {
            gosuslugi = Policy::gosuslugi();
            &gosuslugi
        }
    };
    let Scan { mut rules, invalid_chars, cyrillic, blank, length } = scan(password, policy);
    if let Some(confirm) = options.confirm {
        rules.push(RuleResult { rule: RuleId::ConfirmMatches, passed: confirm == password });
    }
    let layout_fix = if cyrillic { layout::to_english_layout(password) } else { None };

    let estimated = match password.char_indices().nth(MAX_ESTIMATED_CHARS) {
        Some((cut, _)) => password.get(..cut).unwrap_or(password),
        None => password,
    };
    let strength = strength::estimate(estimated, options.personal);
    let mut warnings = Vec::new();
    if cyrillic {
        warnings.push(Warning::CyrillicLayout);
    }
    if blank {
        warnings.push(Warning::Whitespace);
    }
    warnings.extend(strength.warnings.iter().copied());

    PasswordCheck { rules, invalid_chars, warnings, layout_fix, strength, length, policy: policy.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_a_text() {
        let ids = RuleId::POLICY
            .iter()
            .chain([RuleId::ConfirmMatches].iter())
            .flat_map(|r| [r.rule_text_id(), r.problem_text_id()])
            .chain(Warning::ALL.iter().map(|w| w.text_id()))
            .chain((0..=4).map(score_text_id));
        for id in ids {
            assert!(crate::texts::entry(id).is_some(), "{id}");
        }
    }

    #[test]
    fn placeholders_are_all_filled() {
        let check = check_password("Пар оль#", &CheckOptions { confirm: Some("x"), ..Default::default() });
        for lang in Lang::ALL {
            for (id, words) in check.messages(lang) {
                assert!(
                    !words.contains('{') && !words.contains('}') || id == "symbol" || id == "allowed_chars",
                    "{id}: {words}"
                );
            }
        }
    }
}

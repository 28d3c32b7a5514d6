//! The languages every user-facing text exists in.

/// A language of the user-facing texts. Russian is the default: the people
/// who use this read Russian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    /// Russian (`ru`).
    Ru,
    /// English (`en`).
    En,
}

impl Lang {
    /// Every language, in the order texts list them.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];
    /// Every language's code, in the order of [`Lang::ALL`] (the JS API's
    /// `Lang` union is built from it).
    pub const CODES: [&'static str; 2] = [Lang::ALL[0].code(), Lang::ALL[1].code()];

    /// Parses a language code (`"ru"`, `"en"`, case-insensitive, with or
    /// without a region such as `"ru-RU"`).
    ///
    /// ```
    /// use diary_rules::Lang;
    /// assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::parse("de"), None);
    /// ```
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("ru") {
            Some(Lang::Ru)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The code of this language: `"ru"` or `"en"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}

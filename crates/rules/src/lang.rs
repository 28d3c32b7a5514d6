//! The languages every user-facing text exists in, declared once in
//! `languages!` below: the enum, [`Lang::ALL`], [`Lang::CODES`],
//! [`Lang::code`], [`Lang::parse`] and the [`Id`](crate::Id) impl come from
//! it, and so do the build script's text columns and language files
//! (`build/texts.rs` includes this file) and the JS API's `Lang` union
//! (from [`Lang::CODES`]).

/// Declares the languages: the first one (Russian) is the default and is
/// compiled into every build; every other one is a language file loaded on
/// demand (`texts::load_language`). Each language is a variant and its
/// code, which is also the key of its column in every `[text.*]` table of
/// `data/*.toml` and the name of its file (`texts.<code>.bin`).
macro_rules! languages {
    (
        $(#[$dmeta:meta])* $default:ident => $dcode:literal,
        $( $(#[$meta:meta])* $variant:ident => $code:literal ),+ $(,)?
    ) => {
        /// A language of the user-facing texts. Russian is the default: the
        /// people who use this read Russian.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum Lang {
            #[default]
            $(#[$dmeta])*
            $default,
            $( $(#[$meta])* $variant, )+
        }

        impl Lang {
            /// Every language, in the order texts list them (the default first).
            pub const ALL: [Lang; 1 + [$($code),+].len()] = [Lang::$default, $(Lang::$variant),+];
            /// Every language's code, in the order of [`Lang::ALL`] (the JS
            /// API's `Lang` union is built from it).
            pub const CODES: [&'static str; 1 + [$($code),+].len()] = [$dcode, $($code),+];
            /// The codes for a message: `"ru" or "en"`.
            pub const CHOICES: &'static str = concat!("\"", $dcode, "\"", $(" or \"", $code, "\""),+);
            /// The languages loaded from a language file: every one but the
            /// default, in the order of [`Lang::ALL`].
            pub const LOADED: [Lang; [$($code),+].len()] = [$(Lang::$variant),+];

            /// The code of this language (`"ru"`, `"en"`, …): its column in
            /// the text data and the name of its file.
            pub const fn code(self) -> &'static str {
                match self {
                    Lang::$default => $dcode,
                    $( Lang::$variant => $code, )+
                }
            }
        }
    };
}

languages! {
    /// Russian (`ru`): compiled in.
    Ru => "ru",
    /// English (`en`).
    En => "en",
}

impl Lang {
    /// Parses a language tag: a code of [`Lang::CODES`], case-insensitive,
    /// with or without a region such as `"ru-RU"`.
    ///
    /// ```
    /// use diary_rules::Lang;
    /// assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::parse("RU"), Some(Lang::Ru));
    /// assert_eq!(Lang::parse("de"), None);
    /// ```
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// The language whose code is exactly `code` (the data's and the
    /// files' spelling; [`Lang::parse`] reads a browser's tag).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl crate::id::Id for Lang {
    const ALL: &'static [Lang] = &Lang::ALL;
    const IDS: &'static [&'static str] = &Lang::CODES;
    fn id(self) -> &'static str {
        self.code()
    }
    fn parse(id: &str) -> Option<Lang> {
        Lang::from_code(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_declaration() {
        assert_eq!(Lang::ALL.map(Lang::code), Lang::CODES);
        // `texts` finds a loaded language's slot by its declaration order.
        assert!(Lang::ALL.iter().enumerate().all(|(i, l)| *l as usize == i));
        assert_eq!(Lang::ALL[0], Lang::default());
        assert_eq!(Lang::ALL[1..], Lang::LOADED);
        assert_eq!(Lang::CHOICES, "\"ru\" or \"en\"");
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
            assert_eq!(Lang::parse(&l.code().to_uppercase()), Some(l));
        }
    }
}

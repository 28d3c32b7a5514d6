//! Reading and writing helpers shared by the build script's tables.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};

/// Reads a data file into its typed form (unknown keys, wrong types and
/// values outside a closed set fail with the file, line and key).
pub fn read<T: DeserializeOwned>(file: &str, raw: &str) -> T {
    toml::from_str(raw).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// A non-empty string (blank is an error).
#[derive(Debug, Clone)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.trim().is_empty() {
            return Err(D::Error::custom("must be a non-empty string"));
        }
        Ok(Text(s))
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// `source`: a string or a non-empty array of non-empty strings. Every datum has one.
#[derive(Debug, Clone)]
pub struct Sources(pub Vec<String>);

impl<'de> Deserialize<'de> for Sources {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        let list = match OneOrMany::deserialize(d)
            .map_err(|_| D::Error::custom("`source` must be a string or an array of strings"))?
        {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(list) => list,
        };
        if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
            return Err(D::Error::custom("`source` must name at least one source, none empty"));
        }
        Ok(Sources(list))
    }
}

/// An integer in `min..=max`, else a panic naming `at`.
pub fn in_range(at: &str, n: i64, min: i64, max: i64) -> i64 {
    if !(min..=max).contains(&n) {
        panic!("{at}: must be an integer from {min} to {max}");
    }
    n
}

/// `"YYYY-MM-DD"` as `YYYYMMDD`, checked to be a real date.
pub fn date_key(at: &str, s: &str) -> u32 {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> u32 {
        let part = s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit()));
        part.and_then(|p| p.parse().ok()).unwrap_or_else(|| panic!("{at}: `{s}` is not a date YYYY-MM-DD"))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        panic!("{at}: `{s}` is not a date YYYY-MM-DD");
    }
    let (y, m, d) = (digits(0..4), digits(5..7), digits(8..10));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d == 0 || d > days[(m - 1) as usize] {
        panic!("{at}: `{s}` is not a real date");
    }
    y * 10000 + m * 100 + d
}

pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

pub fn lit_list(list: &[String]) -> String {
    format!("&{list:?}")
}

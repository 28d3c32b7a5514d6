//! Moving values across the JS boundary with errors that name the field.
//!
//! Inputs are read over `JsValue` and `Reflect` rather than through serde: a
//! generic deserializer per input type costs tens of kilobytes of wasm.
//! Each input DTO derives its reader ([`FromJs`], `#[derive(FromJs)]` in
//! crates/rules-js-derive) from the serde attributes its TypeScript type
//! comes from, over the few small non-generic helpers below. Error
//! messages keep serde's wording without the value (`invalid type: integer, expected a
//! string`, `unknown field …`, `unknown variant …`, `missing field …`), each
//! prefixed with the path of the field at fault.

// Built with or without the `api` feature (the profile reader uses it); what
// only the API uses is unused without it.
#![cfg_attr(not(feature = "api"), allow(dead_code, unused_macros, unused_imports))]

use wasm_bindgen::prelude::*;

/// The longest string any function of the API takes, in UTF-16 code units
/// (JavaScript's `length`): 2 MiB, above any real paste (a whole page
/// copied from a phone is tens of kilobytes). Checked in JS before the
/// string is copied into the module's memory.
pub const MAX_TEXT_LENGTH: u32 = 1 << 21;

// The one place where a host's value is read: a copy into plain data, made
// by JS this module controls, before any Rust reader looks at it.
// - Own enumerable properties only (`Object.keys`), copied into objects
//   with no prototype, and arrays copied index by index with their holes
//   made `undefined`: nothing from a prototype chain (a polluted
//   `Object.prototype.region`) can be read later. A cycle is an error at
//   the field that closes it.
// - Every read that can run host code (a getter, a Proxy trap, `length`,
//   `Array.isArray` on a revoked Proxy) is inside `try`: a throw becomes
//   `{ at, problem }` and never unwinds through the wasm frames.
// - Bounded: strings of at most MAX_TEXT_LENGTH, 8 MiB of strings in all,
//   at most 10,000 keys or items per object, 8 levels, 100,000 values.
// The answer is an object with no prototype: `{ value }` or `{ at, problem }`.
#[wasm_bindgen(inline_js = r#"
export function plain_copy(value, maxText) {
  const MAX_ITEMS = 10000, MAX_DEPTH = 8, MAX_VALUES = 100000;
  const unreadable = "cannot be read (reading it threw an exception)";
  let values = 0, chars = 0;
  const path = new Set();
  const fail = (at, problem) => { throw { __proto__: null, at, problem }; };
  const name = (k) => (k.length > 40 ? k.slice(0, 40) + "…" : k);
  function copy(v, at, depth) {
    if (typeof v === "string") {
      if (v.length > maxText) fail(at, "longer than the limit of " + maxText + " characters");
      if ((chars += v.length) > 4 * maxText) fail(at, "too large (more than " + 4 * maxText + " characters of text in all)");
      return v;
    }
    if (v === null || typeof v !== "object") return v;
    if (path.has(v)) fail(at, "refers back to an object that contains it (a cycle)");
    if (++values > MAX_VALUES) fail(at, "too large (more than " + MAX_VALUES + " values)");
    if (depth > MAX_DEPTH) fail(at, "nested too deeply (more than " + MAX_DEPTH + " levels)");
    let array;
    try { array = Array.isArray(v); } catch { fail(at, unreadable); }
    path.add(v);
    try {
      return array ? copyArray(v, at, depth) : copyObject(v, at, depth);
    } finally {
      path.delete(v);
    }
  }
  function copyArray(v, at, depth) {
    let n;
    try { n = v.length; } catch { fail(at, unreadable); }
    if (typeof n !== "number" || !(n >= 0) || n > MAX_ITEMS) fail(at, "too many items (at most " + MAX_ITEMS + ")");
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const p = at + "[" + i + "]";
      let x;
      try { x = Object.prototype.hasOwnProperty.call(v, i) ? v[i] : undefined; } catch { fail(p, unreadable); }
      out[i] = copy(x, p, depth + 1);
    }
    return out;
  }
  function copyObject(v, at, depth) {
    let keys;
    try { keys = Object.keys(v); } catch { fail(at, unreadable); }
    if (keys.length > MAX_ITEMS) fail(at, "too many fields (at most " + MAX_ITEMS + ")");
    const out = Object.create(null);
    for (const k of keys) {
      const p = at ? at + "." + name(k) : name(k);
      let x;
      try { x = v[k]; } catch { fail(p, unreadable); }
      out[k] = copy(x, p, depth + 1);
    }
    return out;
  }
  try {
    return { __proto__: null, value: copy(value, "", 0) };
  } catch (e) {
    return e !== null && typeof e === "object" && "problem" in e ? e : { __proto__: null, at: "", problem: unreadable };
  }
}
"#)]
extern "C" {
    fn plain_copy(value: &JsValue, max_text: u32) -> JsValue;
}

/// A copy of the host's `value` as plain data (see the snippet above), safe
/// for every reader in this crate; an `Error` naming the field (under
/// `path`) that could not be read, or that is too large. Every function of
/// the API and of the widget passes each argument through this first,
/// except the mount target (an element) and a language file's bytes.
pub fn plain(value: &JsValue, path: &str) -> Result<JsValue, JsError> {
    plain_named(value, path, path)
}

/// A positional argument: [`plain`]'s copy of `value`, read by `read`,
/// with `name` (the argument's name in every error message) written once.
pub fn argument<T>(
    value: &JsValue,
    name: &str,
    read: impl FnOnce(&JsValue, &str) -> Result<T, JsError>,
) -> Result<T, JsError> {
    read(&plain(value, name)?, name)
}

/// [`plain`] for an argument whose fields are named without a prefix
/// (`assessEligibility`'s `birthDate`, not `situation.birthDate`): `root`
/// names the argument itself.
pub fn plain_root(value: &JsValue, root: &str) -> Result<JsValue, JsError> {
    plain_named(value, root, "")
}

fn plain_named(value: &JsValue, root: &str, path: &str) -> Result<JsValue, JsError> {
    // Primitives other than strings cannot run host code: no copy needed.
    if !value.is_object() && !value.is_string() {
        return Ok(value.clone());
    }
    let result = plain_copy(value, MAX_TEXT_LENGTH);
    let own = |key: &str| js_sys::Reflect::get(&result, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    match own("problem").as_string() {
        None => Ok(own("value")),
        Some(problem) => {
            let at = own("at").as_string().unwrap_or_default();
            let field = match (path.is_empty(), at.is_empty(), at.starts_with('[')) {
                (_, true, _) => root.to_owned(),
                (true, false, _) => at,
                (false, false, true) => format!("{path}{at}"),
                (false, false, false) => format!("{path}.{at}"),
            };
            Err(field_error(if field.is_empty() { "input" } else { &field }, problem))
        }
    }
}

/// A JS `Error` whose message is `"<field>: <problem>"`.
pub fn field_error(field: &str, problem: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("{field}: {problem}"))
}

/// Reads an optional language code (`None`: Russian) and checks that its
/// words are loaded: every function that takes a `lang` goes through this.
pub fn lang_at(code: Option<&str>, field: &str) -> Result<diary_rules::Lang, JsError> {
    let lang = match code {
        None => diary_rules::Lang::default(),
        Some(code) => parse_lang(code, field)?,
    };
    ensure_loaded(lang, field)
}

/// An optional `lang` argument (`undefined`/`null`: Russian), checked and
/// loaded as [`lang_at`] does.
pub fn optional_lang(value: &JsValue, field: &str) -> Result<diary_rules::Lang, JsError> {
    if is_nullish(value) {
        return lang_at(None, field);
    }
    let code = required_string(value, field)?;
    lang_at(Some(&code), field)
}

/// A language code, whether or not its words are loaded yet.
pub fn parse_lang(code: &str, field: &str) -> Result<diary_rules::Lang, JsError> {
    diary_rules::Lang::parse(code).ok_or_else(|| field_error(field, with_lang_codes("expected ")))
}

/// `prefix` and the language codes (`Lang::CHOICES`: `"ru" or "en"`), for
/// an error message.
pub fn with_lang_codes(prefix: &str) -> String {
    [prefix, diary_rules::Lang::CHOICES].concat()
}

/// `lang` if its words are available, else an `Error` naming the field and
/// saying how to load them.
pub fn ensure_loaded(lang: diary_rules::Lang, field: &str) -> Result<diary_rules::Lang, JsError> {
    if diary_rules::texts::is_available(lang) {
        Ok(lang)
    } else {
        let code = lang.code();
        Err(field_error(
            field,
            format!("the \"{code}\" texts are not loaded yet; await loadLanguage(\"{code}\") first"),
        ))
    }
}

/// Reads a required string argument.
pub fn required_string(value: &JsValue, field: &str) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| field_error(field, format!("expected a string, got {}", type_name(value))))
}

/// Fails unless `value` is an object that is not an array (what a struct is
/// read from): `"<field>: expected an object, got <type>"`.
pub fn expect_object(value: &JsValue, field: &str) -> Result<(), JsError> {
    if is_plain_object(value) {
        Ok(())
    } else {
        Err(field_error(field, format!("expected an object, got {}", type_name(value))))
    }
}

/// `path.key`, or `key` at the root.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `undefined` or `null`: an omitted optional field.
pub fn is_nullish(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// An object that is not an array (what a struct is read from).
pub fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

/// `object[key]` (`undefined` when it cannot be read).
pub fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The first own key of `object` that is not in `allowed`.
pub fn unknown_key(object: &JsValue, allowed: &[&str]) -> Option<String> {
    // Not `dyn_ref`: the copies `plain` makes have no prototype, so they
    // are not `instanceof Object`.
    if !object.is_object() {
        return None;
    }
    let object: &js_sys::Object = object.unchecked_ref();
    js_sys::Object::keys(object).iter().filter_map(|k| k.as_string()).find(|k| !allowed.contains(&k.as_str()))
}

/// Fails on a field that is not in `allowed`, so a typo such as `confrim`
/// is an error instead of a silently ignored option.
pub fn reject_unknown_fields(value: &JsValue, root: &str, allowed: &[&str]) -> Result<(), JsError> {
    match unknown_key(value, allowed) {
        Some(key) => Err(field_error(
            &format!("{root}.{key}"),
            format!("unknown field, expected one of: {}", allowed.join(", ")),
        )),
        None => Ok(()),
    }
}

/// Fails on a key outside `allowed`, in serde's words, naming the key
/// (region profiles and `assessEligibility`; the older options readers use
/// [`reject_unknown_fields`], whose documented wording differs)
/// (`region.consentvia: unknown field `consentvia`, expected one of …`).
pub fn deny_unknown(object: &JsValue, path: &str, allowed: &[&str]) -> Result<(), JsError> {
    match unknown_key(object, allowed) {
        Some(key) => {
            Err(field_error(&join(path, &key), format!("unknown field `{key}`, expected {}", one_of(allowed))))
        }
        None => Ok(()),
    }
}

/// serde's list of names: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
pub fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => "nothing".to_owned(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        all => format!("one of {}", all.join(", ")),
    }
}

/// serde's words for the type of a value of the wrong type: `integer`,
/// `floating point`, `string`, `boolean`, `sequence`, `map`. Never the value
/// itself: a wrong value may be a person's name, a СНИЛС or a password.
pub fn unexpected(value: &JsValue) -> String {
    if is_nullish(value) {
        "null".to_owned()
    } else if value.as_bool().is_some() {
        "boolean".to_owned()
    } else if value.as_f64().is_some() {
        if js_sys::Number::is_safe_integer(value) {
            "integer".to_owned()
        } else {
            "floating point".to_owned()
        }
    } else if value.is_string() {
        "string".to_owned()
    } else if js_sys::Array::is_array(value) {
        "sequence".to_owned()
    } else if value.is_function() {
        "a function".to_owned()
    } else {
        "map".to_owned()
    }
}

/// `"<path>: invalid type: <value>, expected <expected>"`.
pub fn invalid_type(path: &str, value: &JsValue, expected: &str) -> JsError {
    field_error(path, format!("invalid type: {}, expected {expected}", unexpected(value)))
}

/// Reads a string.
pub fn string_at(value: &JsValue, path: &str) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| invalid_type(path, value, "a string"))
}

/// Reads a boolean.
pub fn bool_at(value: &JsValue, path: &str) -> Result<bool, JsError> {
    value.as_bool().ok_or_else(|| invalid_type(path, value, "a boolean"))
}

/// Reads any number (NaN included: callers range-check it).
pub fn f64_at(value: &JsValue, path: &str) -> Result<f64, JsError> {
    value.as_f64().ok_or_else(|| invalid_type(path, value, "a number"))
}

/// Reads a whole number `0..=max` (`what` names the Rust type, as serde does).
pub fn uint_at(value: &JsValue, path: &str, max: u32, what: &str) -> Result<u32, JsError> {
    match value.as_f64() {
        Some(x) if js_sys::Number::is_safe_integer(value) && x >= 0.0 => {
            let n = x as u64;
            u32::try_from(n)
                .ok()
                .filter(|&n| n <= max)
                .ok_or_else(|| field_error(path, format!("invalid value: an integer out of range, expected {what}")))
        }
        _ => Err(invalid_type(path, value, what)),
    }
}

/// Reads `object[key]` with `read`; `undefined` and `null` give `None`.
pub fn optional<T>(
    object: &JsValue,
    path: &str,
    key: &str,
    read: impl FnOnce(&JsValue, &str) -> Result<T, JsError>,
) -> Result<Option<T>, JsError> {
    let value = get(object, key);
    if is_nullish(&value) {
        Ok(None)
    } else {
        read(&value, &join(path, key)).map(Some)
    }
}

/// A value read from a JS value (a copy [`plain`] made: own properties
/// only, every host exception already caught), with an `Error` that names
/// the field at `path` and never the value. Structs derive it
/// (`#[derive(FromJs)]`, crates/rules-js-derive) from the serde attributes
/// their TypeScript types come from, so each JS field name is written once;
/// closed sets get it from [`crate::ids`]'s `js_ids!`.
pub trait FromJs: Sized {
    fn from_js(value: &JsValue, path: &str) -> Result<Self, JsError>;
}

/// A struct read field by field from an object already known to be one
/// (what `#[derive(FromJs)]` writes; its [`FromJs`] checks the object
/// first). `FIELDS`: its keys, in declaration order.
pub trait FromJsFields: Sized {
    const FIELDS: &'static [&'static str];
    fn from_fields(object: &JsValue, path: &str) -> Result<Self, JsError>;
}

pub use diary_rules_js_derive::FromJs;

/// An optional options object (`undefined` and `null`: the defaults): any
/// other non-object is `"<root>: expected an object, got <type>"`.
pub fn options_at<T: FromJsFields + Default>(value: &JsValue, root: &str) -> Result<T, JsError> {
    if is_nullish(value) {
        return Ok(T::default());
    }
    expect_object(value, root)?;
    T::from_fields(value, root)
}

impl FromJs for String {
    fn from_js(value: &JsValue, path: &str) -> Result<Self, JsError> {
        string_at(value, path)
    }
}

impl FromJs for bool {
    fn from_js(value: &JsValue, path: &str) -> Result<Self, JsError> {
        bool_at(value, path)
    }
}

impl FromJs for f64 {
    fn from_js(value: &JsValue, path: &str) -> Result<Self, JsError> {
        f64_at(value, path)
    }
}

impl FromJs for usize {
    fn from_js(value: &JsValue, path: &str) -> Result<Self, JsError> {
        uint_at(value, path, u32::MAX, "a whole number").map(|n| n as usize)
    }
}

/// A language code whose words are loaded (see [`lang_at`]).
impl FromJs for diary_rules::Lang {
    fn from_js(value: &JsValue, path: &str) -> Result<Self, JsError> {
        lang_at(Some(&string_at(value, path)?), path)
    }
}

/// An array; an element's error names its index (`apps[1]`).
impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(value: &JsValue, path: &str) -> Result<Self, JsError> {
        let Some(array) = value.dyn_ref::<js_sys::Array>() else { return Err(invalid_type(path, value, "a sequence")) };
        array.iter().enumerate().map(|(i, v)| T::from_js(&v, &format!("{path}[{i}]"))).collect()
    }
}

/// A Rust value as a plain JS value. Outputs are built by hand rather than
/// through serde-wasm-bindgen (a serializer per type costs wasm): the DTO
/// types stay (they give the TypeScript types), and `#[derive(ToJs)]`
/// (crates/rules-js-derive) writes each one's impl from the same serde
/// attributes, destructuring it completely, so a field added to a DTO cannot
/// be forgotten here and the object matches its TypeScript type.
pub trait ToJs {
    fn to_js(&self) -> JsValue;
}

pub use diary_rules_js_derive::ToJs;

impl ToJs for str {
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl ToJs for String {
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl ToJs for bool {
    fn to_js(&self) -> JsValue {
        JsValue::from_bool(*self)
    }
}

impl ToJs for f64 {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(*self)
    }
}

impl ToJs for u8 {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(f64::from(*self))
    }
}

impl ToJs for u32 {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(f64::from(*self))
    }
}

impl ToJs for usize {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(*self as f64)
    }
}

/// A JS value as it is (a function or an object passed on).
impl ToJs for JsValue {
    fn to_js(&self) -> JsValue {
        self.clone()
    }
}

/// A language as its code (`"ru"`).
impl ToJs for diary_rules::Lang {
    fn to_js(&self) -> JsValue {
        static_str(self.code())
    }
}

/// `None` is `null`; fields that are left out when `None` use [`skip_none`].
/// Who reads the help, as its id (the panel's `role`).
impl ToJs for diary_rules::Reader {
    fn to_js(&self) -> JsValue {
        static_str(self.id())
    }
}

impl<T: ToJs> ToJs for Option<T> {
    fn to_js(&self) -> JsValue {
        self.as_ref().map_or(JsValue::NULL, ToJs::to_js)
    }
}

impl<T: ToJs> ToJs for Vec<T> {
    fn to_js(&self) -> JsValue {
        self.iter().map(ToJs::to_js).collect::<js_sys::Array>().into()
    }
}

/// A field left out of the object when `None` (`undefined` marks it).
pub fn skip_none<T: ToJs>(value: &Option<T>) -> JsValue {
    value.as_ref().map_or(JsValue::UNDEFINED, ToJs::to_js)
}

#[wasm_bindgen]
extern "C" {
    /// An object written with `object[key] = value`: no `try`/`catch` glue
    /// around each write, as `Reflect.set` (a `catch` binding) has.
    #[wasm_bindgen(extends = js_sys::Object, js_name = Object)]
    type PlainObject;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &PlainObject, key: &JsValue, value: &JsValue);
}

thread_local! {
    /// JS strings of the static strings seen so far (field names, enum ids,
    /// texts from the data), sorted by address and length: each is decoded
    /// from UTF-8 once, not on every call (decoding is the most expensive
    /// part of building an answer).
    static STATIC_STRINGS: std::cell::RefCell<Vec<(usize, usize, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The JS string of a static string, decoded once per page.
pub fn static_str(s: &'static str) -> JsValue {
    let key = (s.as_ptr() as usize, s.len());
    STATIC_STRINGS.with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else { return JsValue::from_str(s) };
        // Where `s` is, or belongs: no index that could be out of range.
        let i = cache.partition_point(|(p, l, _)| (*p, *l) < key);
        match cache.get(i) {
            Some((p, l, v)) if (*p, *l) == key => v.clone(),
            _ => {
                let v = JsValue::from_str(s);
                cache.insert(i, (key.0, key.1, v.clone()));
                v
            }
        }
    })
}

/// A static string (an id), decoded once (see [`static_str`]).
impl ToJs for &'static str {
    fn to_js(&self) -> JsValue {
        static_str(self)
    }
}

/// Words that are usually a static text from the data (decoded once, see
/// [`static_str`]) and sometimes built for the call (a filled template).
impl ToJs for std::borrow::Cow<'static, str> {
    fn to_js(&self) -> JsValue {
        match self {
            std::borrow::Cow::Borrowed(s) => static_str(s),
            std::borrow::Cow::Owned(s) => JsValue::from_str(s),
        }
    }
}

/// The words of text `id` in `lang`, static (decoded once, see
/// [`static_str`]); the id itself if it has none, as `texts::text` does.
pub fn words(id: &str, lang: diary_rules::Lang) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    diary_rules::texts::entry(id).map_or_else(|| Cow::Owned(id.to_owned()), |e| Cow::Borrowed(e.get(lang)))
}

/// A plain object of these fields, in order; `undefined` values are left out.
pub fn object(fields: &[(&'static str, JsValue)]) -> JsValue {
    let object: PlainObject = js_sys::Object::new().unchecked_into();
    for (key, value) in fields {
        if !value.is_undefined() {
            object.set(&static_str(key), value);
        }
    }
    object.into()
}

/// A short name of a JS value's type for error messages.
pub fn type_name(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_null() {
        "null"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.is_string() {
        "a string"
    } else if value.is_function() {
        "a function"
    } else if js_sys::Array::is_array(value) {
        "an array"
    } else {
        "an object"
    }
}

/// `#[derive(ToJs)]`'s objects: keys in field order, serde's renames,
/// skipped fields left out only when empty (the expansion itself is tested
/// against the hand-written impl in crates/rules-js-derive); and
/// `#[derive(FromJs)]`'s readers.
#[cfg(all(test, target_family = "wasm"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[derive(ToJs)]
    #[serde(rename_all = "camelCase")]
    struct Sample {
        first_field: u32,
        #[serde(rename = "match")]
        matches: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        left_out: Option<String>,
        kept_as_null: Option<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        links: Vec<&'static str>,
    }

    fn keys(value: &JsValue) -> Vec<String> {
        js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()).collect()
    }

    #[wasm_bindgen_test]
    fn static_strings_are_decoded_once_and_kept_apart() {
        let (a, b, c): (&'static str, &'static str, &'static str) = ("alpha", "beta", "alphabet");
        let first = static_str(a);
        assert_eq!(first.as_string().as_deref(), Some("alpha"));
        assert_eq!(static_str(b).as_string().as_deref(), Some("beta"));
        // A prefix of another static string at the same address is its own entry.
        assert_eq!(static_str(&c[..5]).as_string().as_deref(), Some("alpha"));
        assert_eq!(static_str(c).as_string().as_deref(), Some("alphabet"));
        assert!(js_sys::Object::is(&static_str(a), &first));
    }

    #[wasm_bindgen_test]
    fn derived_objects_follow_the_serde_attributes() {
        let empty = Sample { first_field: 7, matches: true, left_out: None, kept_as_null: None, links: vec![] }.to_js();
        assert_eq!(keys(&empty), ["firstField", "match", "keptAsNull"]);
        assert_eq!(get(&empty, "firstField").as_f64(), Some(7.0));
        assert_eq!(get(&empty, "match").as_bool(), Some(true));
        assert!(get(&empty, "keptAsNull").is_null());

        let full = Sample {
            first_field: 0,
            matches: false,
            left_out: Some("x".to_owned()),
            kept_as_null: Some("y".to_owned()),
            links: vec!["a"],
        }
        .to_js();
        assert_eq!(keys(&full), ["firstField", "match", "leftOut", "keptAsNull", "links"]);
        assert_eq!(get(&full, "leftOut").as_string().as_deref(), Some("x"));
        let links: js_sys::Array = get(&full, "links").unchecked_into();
        assert_eq!(links.get(0).as_string().as_deref(), Some("a"));
    }

    /// A derived reader's target: keys from the serde attributes.
    #[derive(FromJs, Debug, PartialEq, Default)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Input {
        first_field: String,
        #[serde(rename = "match")]
        matches: Option<bool>,
        #[serde(default)]
        counts: Vec<usize>,
        inner: Option<Inner>,
    }

    #[derive(FromJs, Debug, PartialEq, Default)]
    #[serde(deny_unknown_fields)]
    #[from_js(unknown = "listed")]
    struct Inner {
        #[from_js(missing = "is required")]
        name: String,
    }

    /// A type read through its description (`remote`): no unknown-key check
    /// without `deny_unknown_fields`.
    #[derive(Debug, PartialEq)]
    struct Target {
        value: f64,
    }

    #[derive(FromJs)]
    #[from_js(remote = "Target")]
    #[allow(dead_code)]
    struct TargetJs {
        value: f64,
    }

    fn js(source: &str) -> JsValue {
        let build = js_sys::Function::new_no_args(&format!("return ({source});"));
        build.call0(&JsValue::UNDEFINED).expect("a test value")
    }

    /// Through `plain`, as every function of the API reads its arguments.
    fn read<T: FromJs>(source: &str) -> Result<T, String> {
        plain(&js(source), "input").and_then(|v| T::from_js(&v, "input")).map_err(|e| {
            let e: JsValue = e.into();
            js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default()
        })
    }

    #[wasm_bindgen_test]
    fn derived_readers_follow_the_serde_attributes() {
        assert_eq!(Input::FIELDS, ["firstField", "match", "counts", "inner"]);
        assert_eq!(
            read::<Input>(r#"{ firstField: "a", match: null, counts: [1, 2], inner: { name: "n" } }"#),
            Ok(Input {
                first_field: "a".into(),
                matches: None,
                counts: vec![1, 2],
                inner: Some(Inner { name: "n".into() })
            })
        );
        assert_eq!(read::<Input>(r#"{ firstField: "a" }"#), Ok(Input { first_field: "a".into(), ..Input::default() }));
        for (source, message) in [
            ("7", "input: invalid type: integer, expected struct Input"),
            ("[]", "input: invalid type: sequence, expected struct Input"),
            ("{}", "input: missing field `firstField`"),
            (r#"{ firstField: 1 }"#, "input.firstField: invalid type: integer, expected a string"),
            (
                r#"{ firstField: "a", frist: 1 }"#,
                "input.frist: unknown field `frist`, expected one of `firstField`, `match`, `counts`, `inner`",
            ),
            (
                r#"{ firstField: "a", counts: [1, "x"] }"#,
                "input.counts[1]: invalid type: string, expected a whole number",
            ),
            (r#"{ firstField: "a", inner: {} }"#, "input.inner.name: is required"),
            (
                r#"{ firstField: "a", inner: { name: "n", x: 1 } }"#,
                "input.inner.x: unknown field, expected one of: name",
            ),
        ] {
            assert_eq!(read::<Input>(source).err().as_deref(), Some(message), "{source}");
        }
        assert_eq!(read::<Target>(r#"{ value: 2.5, other: 1 }"#), Ok(Target { value: 2.5 }));
        assert_eq!(<Target as FromJsFields>::FIELDS, ["value"]);
    }

    /// What the security rules ask of the boundary, through a derived reader:
    /// a throwing getter or Proxy is an error at its field, never the
    /// thrown value or the input's value; a prototype's keys are not read.
    #[wasm_bindgen_test]
    fn derived_readers_see_own_properties_only_and_no_exception() {
        let getter = r#"Object.defineProperty({ firstField: "a" }, "inner", { enumerable: true, get() { throw new Error("secret"); } })"#;
        let message = read::<Input>(getter).unwrap_err();
        assert!(message.starts_with("input.inner: cannot be read"), "{message}");
        let proxy = r#"new Proxy({}, { ownKeys() { throw new Error("secret"); } })"#;
        assert!(read::<Input>(proxy).unwrap_err().starts_with("input: cannot be read"));
        let inherited = r#"Object.create({ firstField: "from the prototype" })"#;
        assert_eq!(read::<Input>(inherited).err().as_deref(), Some("input: missing field `firstField`"));
        let wrong = read::<Input>(r#"{ firstField: "a", counts: "Иванова Анна" }"#).unwrap_err();
        assert!(!wrong.contains("Иванова") && !wrong.contains("secret"), "{wrong}");
    }
}

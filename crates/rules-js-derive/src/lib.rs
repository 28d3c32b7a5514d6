//! `#[derive(ToJs)]`: rules-js's output types as plain JS objects.
//!
//! Every output type of the JS API derives `serde::Serialize` and
//! `tsify::Tsify` (which give its TypeScript type) and is written to JS by
//! rules-js's `convert::ToJs` rather than through serde (a serializer per
//! type costs wasm). This derive reads the same serde attributes the
//! TypeScript type is generated from, so the object and its type cannot
//! drift apart, and writes the impl that was written by hand before:
//!
//! ```ignore
//! impl ToJs for Name {
//!     fn to_js(&self) -> JsValue {
//!         let Name { a_field, b } = self;
//!         object(&[("aField", a_field.to_js()), ("b", skip_none(b))])
//!     }
//! }
//! ```
//!
//! The struct is destructured completely; keys follow the field order.
//! Understood: `#[serde(rename_all = "camelCase")]` on the struct,
//! `#[serde(rename = "…")]` and `#[serde(skip_serializing_if = "…")]` on a
//! field (`Option::is_none` is `skip_none(field)`; another predicate `p` is
//! `if p(field) { undefined } else { field.to_js() }`: `object` leaves
//! `undefined` out). Any other serde attribute, an enum, a tuple struct or
//! generics is a compile error, so serde and the derive never disagree
//! silently. The generated code names `crate::convert`: it is for rules-js
//! itself, which re-exports the derive beside the trait; another crate
//! (the widget) says where rules-js is with `#[to_js(crate =
//! "diary_rules_js")]`.
//!
//! `#[derive(FromJs)]` is its reverse for the input types (how it reads:
//! `expand_from_js`); with `#[from_js(crate = "diary_rules_js")]` another crate
//! (the widget, for `mount()`'s options) derives it too.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{spanned::Spanned, Data, DeriveInput, Fields, LitStr};

#[proc_macro_derive(ToJs, attributes(serde, to_js))]
pub fn derive_to_js(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    expand(&input).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// `#[derive(FromJs)]`: the reader of an input type (see `expand_from_js`).
#[proc_macro_derive(FromJs, attributes(serde, from_js))]
pub fn derive_from_js(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    expand_from_js(&input).unwrap_or_else(syn::Error::into_compile_error).into()
}

/// How a field's name becomes its key.
#[derive(Clone, Copy, PartialEq)]
enum RenameAll {
    None,
    CamelCase,
}

/// The serde attributes the derives understand, from `attrs`.
#[derive(Default)]
struct Serde {
    rename_all: Option<(LitStr, RenameAll)>,
    rename: Option<LitStr>,
    skip_serializing_if: Option<LitStr>,
    /// `#[serde(default)]`: a missing field is `Default::default()`.
    default: Option<proc_macro2::Span>,
    /// `#[serde(deny_unknown_fields)]`: an unknown key is an error.
    deny_unknown_fields: Option<proc_macro2::Span>,
}

fn serde_attributes(attrs: &[syn::Attribute]) -> syn::Result<Serde> {
    let mut serde = Serde::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let value = |name: &str| -> syn::Result<LitStr> {
                let lit: LitStr = meta.value()?.parse()?;
                if lit.value().is_empty() {
                    return Err(syn::Error::new(lit.span(), format!("empty `{name}`")));
                }
                Ok(lit)
            };
            if meta.path.is_ident("rename_all") {
                let lit = value("rename_all")?;
                let rule = match lit.value().as_str() {
                    "camelCase" => RenameAll::CamelCase,
                    _ => return Err(syn::Error::new(lit.span(), "only rename_all = \"camelCase\" is supported")),
                };
                serde.rename_all = Some((lit, rule));
            } else if meta.path.is_ident("rename") {
                serde.rename = Some(value("rename")?);
            } else if meta.path.is_ident("skip_serializing_if") {
                serde.skip_serializing_if = Some(value("skip_serializing_if")?);
            } else if meta.path.is_ident("default") && !meta.input.peek(syn::Token![=]) {
                serde.default = Some(meta.path.span());
            } else if meta.path.is_ident("deny_unknown_fields") {
                serde.deny_unknown_fields = Some(meta.path.span());
            } else {
                return Err(meta.error("this serde attribute is not supported"));
            }
            Ok(())
        })?;
    }
    Ok(serde)
}

/// serde's `camelCase` of a field name (`guesses_log10` → `guessesLog10`),
/// by serde's own steps: PascalCase (each letter after `_`, and the first,
/// upper-cased; the `_` dropped), then the first letter lower-cased.
fn camel_case(field: &str) -> String {
    let mut pascal = String::with_capacity(field.len());
    let mut capitalize = true;
    for ch in field.chars() {
        if ch == '_' {
            capitalize = true;
        } else if capitalize {
            pascal.push(ch.to_ascii_uppercase());
            capitalize = false;
        } else {
            pascal.push(ch);
        }
    }
    let mut chars = pascal.chars();
    chars.next().map_or_else(String::new, |first| first.to_ascii_lowercase().to_string() + chars.as_str())
}

/// A field's key: its `rename`, or its name under `rename_all`. A raw
/// identifier (`r#type`) is keyed without its `r#`, as serde does.
fn key_of(ident: &syn::Ident, rename: Option<&LitStr>, rule: RenameAll) -> String {
    let rust_name = ident.to_string();
    let rust_name = rust_name.strip_prefix("r#").unwrap_or(&rust_name);
    match (rename, rule) {
        (Some(lit), _) => lit.value(),
        (None, RenameAll::CamelCase) => camel_case(rust_name),
        (None, RenameAll::None) => rust_name.to_owned(),
    }
}

fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let name = &input.ident;
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(input.generics.span(), "ToJs: generic types are not supported"));
    }
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(input.span(), "ToJs: only structs with named fields are supported"));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new(data.fields.span(), "ToJs: only structs with named fields are supported"));
    };
    let rule = match serde_attributes(&input.attrs)? {
        Serde { rename: Some(lit), .. } | Serde { skip_serializing_if: Some(lit), .. } => {
            return Err(syn::Error::new(lit.span(), "ToJs: a field attribute on the struct"));
        }
        Serde { rename_all, .. } => rename_all.map_or(RenameAll::None, |(_, rule)| rule),
    };
    let convert = convert_path(&input.attrs, "to_js")?;
    let mut bindings = Vec::new();
    let mut entries = Vec::new();
    for field in &fields.named {
        let Some(ident) = &field.ident else { continue };
        let serde = serde_attributes(&field.attrs)?;
        if let Some((lit, _)) = serde.rename_all {
            return Err(syn::Error::new(lit.span(), "ToJs: rename_all on a field"));
        }
        let key = key_of(ident, serde.rename.as_ref(), rule);
        let value = match serde.skip_serializing_if {
            None => quote! { #ident.to_js() },
            Some(lit) if lit.value() == "Option::is_none" => quote! { #convert::skip_none(#ident) },
            Some(lit) => {
                let predicate: syn::ExprPath = lit.parse()?;
                quote! { if #predicate(#ident) { ::wasm_bindgen::JsValue::UNDEFINED } else { #ident.to_js() } }
            }
        };
        bindings.push(ident);
        entries.push(quote! { (#key, #value) });
    }
    Ok(quote! {
        impl #convert::ToJs for #name {
            fn to_js(&self) -> ::wasm_bindgen::JsValue {
                use #convert::ToJs as _;
                let #name { #(#bindings),* } = self;
                #convert::object(&[#(#entries),*])
            }
        }
    })
}

/// `crate::convert`, or `::<path>::convert` with `#[<attr>(crate = "path")]`
/// on the struct (a crate other than rules-js). Only `crate` is read here.
fn convert_path(attrs: &[syn::Attribute], attr: &str) -> syn::Result<TokenStream> {
    let mut krate: Option<syn::Path> = None;
    for a in attrs.iter().filter(|a| a.path().is_ident(attr)) {
        a.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let lit: LitStr = meta.value()?.parse()?;
                krate = Some(lit.parse()?);
                Ok(())
            } else {
                Err(meta.error(format!("{attr}: only `crate = \"path\"` is supported")))
            }
        })?;
    }
    Ok(krate.map_or_else(|| quote! { crate::convert }, |path| quote! { ::#path::convert }))
}

/// The `#[from_js(…)]` attributes: on the struct `remote = "path"` (read
/// into that type, whose fields these are), `unknown = "listed"` (the
/// options readers' wording for an unknown key) and `crate = "path"` (where
/// rules-js is, from another crate); on a field `with = "path"` (its
/// reader) and `missing = "…"` (the problem when it is absent).
#[derive(Default)]
struct FromJsAttrs {
    remote: Option<syn::Path>,
    krate: Option<syn::Path>,
    listed: bool,
    with: Option<syn::ExprPath>,
    missing: Option<LitStr>,
}

fn from_js_attributes(attrs: &[syn::Attribute]) -> syn::Result<FromJsAttrs> {
    let mut out = FromJsAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("from_js")) {
        attr.parse_nested_meta(|meta| {
            let lit: LitStr = meta.value()?.parse()?;
            if meta.path.is_ident("remote") {
                out.remote = Some(lit.parse()?);
            } else if meta.path.is_ident("crate") {
                out.krate = Some(lit.parse()?);
            } else if meta.path.is_ident("unknown") && lit.value() == "listed" {
                out.listed = true;
            } else if meta.path.is_ident("with") {
                out.with = Some(lit.parse()?);
            } else if meta.path.is_ident("missing") {
                out.missing = Some(lit);
            } else {
                return Err(meta.error("FromJs: unknown from_js attribute"));
            }
            Ok(())
        })?;
    }
    Ok(out)
}

/// Whether `ty` is written `Option<…>`.
fn is_option(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else { return false };
    path.qself.is_none() && path.path.segments.last().is_some_and(|s| s.ident == "Option")
}

/// `#[derive(FromJs)]`: the struct read from a JS object (a copy `plain()`
/// made), with the serde attributes its TypeScript type comes from:
///
/// ```ignore
/// impl FromJsFields for Name {
///     const FIELDS: &'static [&'static str] = &["aField", "b"];
///     fn from_fields(object: &JsValue, path: &str) -> Result<Self, JsError> {
///         deny_unknown(object, path, Self::FIELDS)?; // deny_unknown_fields
///         Ok(Name {
///             a_field: optional(object, path, "aField", FromJs::from_js)?
///                 .ok_or_else(|| field_error(path, "missing field `aField`"))?,
///             b: optional(object, path, "b", FromJs::from_js)?, // an Option
///         })
///     }
/// }
/// impl FromJs for Name { /* not an object: "invalid type: …, expected struct Name" */ }
/// ```
///
/// `null` and `undefined` are an absent field. A `#[serde(default)]` field
/// absent is `Default::default()`; another absent field that is not an
/// `Option` is serde's `missing field` at the object's path, or
/// `<path>.<key>: <missing>` with `#[from_js(missing = "…")]`. Unknown keys
/// are rejected only under `deny_unknown_fields`, in serde's words
/// (`deny_unknown`) or, with `#[from_js(unknown = "listed")]`, in the
/// options readers' (`reject_unknown_fields`). Each field's value is read
/// by its type's `FromJs` (inferred from the target field), or by `#[from_js(with
/// = "path")]`. With `#[from_js(remote = "path")]` the reader builds that
/// type (a rules-crate type): this struct is then only its JS description
/// (and TypeScript type), and the struct literal makes the field lists
/// agree.
fn expand_from_js(input: &DeriveInput) -> syn::Result<TokenStream> {
    let name = &input.ident;
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(input.generics.span(), "FromJs: generic types are not supported"));
    }
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(input.span(), "FromJs: only structs with named fields are supported"));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new(data.fields.span(), "FromJs: only structs with named fields are supported"));
    };
    let serde = serde_attributes(&input.attrs)?;
    if let Some(lit) = serde.rename.or(serde.skip_serializing_if) {
        return Err(syn::Error::new(lit.span(), "FromJs: a field attribute on the struct"));
    }
    if let Some(span) = serde.default {
        return Err(syn::Error::new(span, "FromJs: serde(default) on the struct is not supported"));
    }
    let rule = serde.rename_all.map_or(RenameAll::None, |(_, rule)| rule);
    let attrs = from_js_attributes(&input.attrs)?;
    if attrs.with.is_some() || attrs.missing.is_some() {
        return Err(syn::Error::new(input.span(), "FromJs: a field attribute on the struct"));
    }
    let target = attrs.remote.map_or_else(|| quote! { #name }, |path| quote! { #path });
    let convert = attrs.krate.map_or_else(|| quote! { crate::convert }, |path| quote! { ::#path::convert });
    let expected = format!("struct {name}");
    let mut keys = Vec::new();
    let mut reads = Vec::new();
    for field in &fields.named {
        let Some(ident) = &field.ident else { continue };
        let serde = serde_attributes(&field.attrs)?;
        if let Some((lit, _)) = serde.rename_all {
            return Err(syn::Error::new(lit.span(), "FromJs: rename_all on a field"));
        }
        if let Some(span) = serde.deny_unknown_fields {
            return Err(syn::Error::new(span, "FromJs: deny_unknown_fields on a field"));
        }
        let own = from_js_attributes(&field.attrs)?;
        if own.remote.is_some() || own.listed || own.krate.is_some() {
            return Err(syn::Error::new(field.span(), "FromJs: a struct attribute on a field"));
        }
        let key = key_of(ident, serde.rename.as_ref(), rule);
        let reader = own.with.map_or_else(|| quote! { #convert::FromJs::from_js }, |with| quote! { #with });
        let read = quote! { #convert::optional(object, path, #key, #reader)? };
        let read = match (is_option(&field.ty), serde.default, own.missing) {
            (true, _, None) => read,
            (true, _, Some(lit)) => {
                return Err(syn::Error::new(lit.span(), "FromJs: `missing` on an Option (it is never missing)"))
            }
            (false, Some(_), None) => quote! { #read.unwrap_or_default() },
            (false, Some(span), Some(_)) => {
                return Err(syn::Error::new(span, "FromJs: both `default` and `missing`"));
            }
            (false, None, Some(problem)) => quote! {
                #read.ok_or_else(|| #convert::field_error(&#convert::join(path, #key), #problem))?
            },
            (false, None, None) => {
                let problem = format!("missing field `{key}`");
                quote! { #read.ok_or_else(|| #convert::field_error(path, #problem))? }
            }
        };
        keys.push(key);
        reads.push(quote! { #ident: #read });
    }
    let unknown = match (serde.deny_unknown_fields, attrs.listed) {
        (None, false) => quote! {},
        (None, true) => {
            return Err(syn::Error::new(input.span(), "FromJs: `unknown` without serde(deny_unknown_fields)"));
        }
        (Some(_), false) => quote! { #convert::deny_unknown(object, path, Self::FIELDS)?; },
        (Some(_), true) => quote! { #convert::reject_unknown_fields(object, path, Self::FIELDS)?; },
    };
    Ok(quote! {
        impl #convert::FromJsFields for #target {
            const FIELDS: &'static [&'static str] = &[#(#keys),*];
            fn from_fields(
                object: &::wasm_bindgen::JsValue,
                path: &str,
            ) -> ::core::result::Result<Self, ::wasm_bindgen::JsError> {
                #unknown
                ::core::result::Result::Ok(#target { #(#reads),* })
            }
        }
        impl #convert::FromJs for #target {
            fn from_js(
                value: &::wasm_bindgen::JsValue,
                path: &str,
            ) -> ::core::result::Result<Self, ::wasm_bindgen::JsError> {
                if !#convert::is_plain_object(value) {
                    return ::core::result::Result::Err(#convert::invalid_type(path, value, #expected));
                }
                <Self as #convert::FromJsFields>::from_fields(value, path)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expanded(source: &str) -> String {
        let input: DeriveInput = syn::parse_str(source).unwrap();
        match expand(&input) {
            Ok(tokens) => tokens.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn camel_case_is_serdes() {
        for (field, key) in [
            ("id", "id"),
            ("guesses_log10", "guessesLog10"),
            ("symbols_source_literal", "symbolsSourceLiteral"),
            ("requested_at", "requestedAt"),
        ] {
            assert_eq!(camel_case(field), key);
        }
    }

    /// The expansion is the impl that was written by hand (key order, the
    /// renames, `skip_none` for the skipped `Option`, the predicate for
    /// another `skip_serializing_if`).
    #[test]
    fn the_impl_is_the_hand_written_one() {
        let got = expanded(
            r#"
            #[derive(Serialize, Tsify)]
            #[serde(rename_all = "camelCase")]
            pub struct Answer {
                /// A doc comment and a tsify attribute are ignored.
                #[tsify(type = "string")]
                pub first_field: String,
                #[serde(rename = "match")]
                pub matches: bool,
                #[serde(skip_serializing_if = "Option::is_none")]
                #[tsify(optional)]
                pub layout_fix: Option<String>,
                #[serde(skip_serializing_if = "Vec::is_empty")]
                pub links: Vec<Link>,
            }
            "#,
        );
        let want = quote! {
            impl crate::convert::ToJs for Answer {
                fn to_js(&self) -> ::wasm_bindgen::JsValue {
                    use crate::convert::ToJs as _;
                    let Answer { first_field, matches, layout_fix, links } = self;
                    crate::convert::object(&[
                        ("firstField", first_field.to_js()),
                        ("match", matches.to_js()),
                        ("layoutFix", crate::convert::skip_none(layout_fix)),
                        ("links", if Vec::is_empty(links) { ::wasm_bindgen::JsValue::UNDEFINED } else { links.to_js() })
                    ])
                }
            }
        };
        assert_eq!(got, want.to_string());
    }

    /// Another crate names rules-js (`crate = "…"`) for both derives.
    #[test]
    fn another_crate_says_where_rules_js_is() {
        let to_js = expanded(r#"#[to_js(crate = "diary_rules_js")] struct A { a: u8 }"#);
        assert!(to_js.starts_with("impl :: diary_rules_js :: convert :: ToJs for A"), "{to_js}");
        let from_js = expanded_from_js(r#"#[from_js(crate = "diary_rules_js")] struct A { a: u8 }"#);
        assert!(from_js.starts_with("impl :: diary_rules_js :: convert :: FromJsFields for A"), "{from_js}");
        assert!(expanded(r#"#[to_js(remote = "B")] struct A { a: u8 }"#).starts_with("error: "));
    }

    #[test]
    fn without_rename_all_the_keys_are_the_field_names() {
        let got = expanded("struct Plain { snake_name: u8 }");
        assert!(got.contains(r#"("snake_name" , snake_name . to_js ())"#), "{got}");
    }

    #[test]
    fn what_serde_would_write_differently_does_not_compile() {
        for (source, error) in [
            ("#[serde(rename_all = \"snake_case\")] struct A { a: u8 }", "only rename_all = \"camelCase\""),
            ("struct A { #[serde(flatten)] a: B }", "not supported"),
            ("struct A { #[serde(skip)] a: u8 }", "not supported"),
            ("#[serde(tag = \"kind\")] struct A { a: u8 }", "not supported"),
            ("enum A { B }", "only structs with named fields"),
            ("struct A(u8);", "only structs with named fields"),
            ("struct A<T> { a: T }", "generic types"),
        ] {
            let got = expanded(source);
            assert!(got.starts_with("error: ") && got.contains(error), "{source}: {got}");
        }
    }

    fn expanded_from_js(source: &str) -> String {
        let input: DeriveInput = syn::parse_str(source).unwrap();
        match expand_from_js(&input) {
            Ok(tokens) => tokens.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    /// The reader's keys and checks come from the serde attributes.
    #[test]
    fn the_reader_follows_the_serde_attributes() {
        let got = expanded_from_js(
            r#"
            #[serde(rename_all = "camelCase", deny_unknown_fields)]
            struct Options {
                #[serde(rename = "match")]
                matches: Option<bool>,
                #[serde(default)]
                personal_names: Vec<String>,
                birth_date: String,
            }
            "#,
        );
        assert!(
            got.contains(r#"const FIELDS : & 'static [& 'static str] = & ["match" , "personalNames" , "birthDate"]"#),
            "{got}"
        );
        assert!(got.contains("crate :: convert :: deny_unknown (object , path , Self :: FIELDS) ?"), "{got}");
        assert!(got.contains(r#"optional (object , path , "personalNames" , crate :: convert :: FromJs :: from_js) ? . unwrap_or_default ()"#), "{got}");
        assert!(got.contains(r#"field_error (path , "missing field `birthDate`")"#), "{got}");
        assert!(got.contains(r#""struct Options""#), "{got}");

        let listed = expanded_from_js(
            r#"#[serde(deny_unknown_fields)] #[from_js(unknown = "listed", remote = "a::B")] struct B { x: u8 }"#,
        );
        assert!(listed.contains("reject_unknown_fields (object , path , Self :: FIELDS)"), "{listed}");
        assert!(listed.contains("impl crate :: convert :: FromJsFields for a :: B"), "{listed}");
        let open = expanded_from_js("struct C { x: Option<u8> }");
        assert!(!open.contains("unknown"), "{open}");
    }

    #[test]
    fn readers_serde_would_not_agree_with_do_not_compile() {
        for (source, error) in [
            ("#[serde(default)] struct A { a: u8 }", "serde(default) on the struct"),
            ("#[from_js(unknown = \"listed\")] struct A { a: u8 }", "without serde(deny_unknown_fields)"),
            ("struct A { #[from_js(missing = \"x\")] a: Option<u8> }", "it is never missing"),
            ("struct A { #[serde(default)] #[from_js(missing = \"x\")] a: u8 }", "both `default` and `missing`"),
            ("struct A { #[serde(flatten)] a: B }", "not supported"),
            ("struct A { #[from_js(remote = \"B\")] a: u8 }", "a struct attribute on a field"),
            ("enum A { B }", "only structs with named fields"),
        ] {
            let got = expanded_from_js(source);
            assert!(got.starts_with("error: ") && got.contains(error), "{source}: {got}");
        }
    }
}

//! Moving values across the JS boundary with errors that name the field.

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;

/// A JS `Error` whose message is `"<field>: <problem>"`.
pub fn field_error(field: &str, problem: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("{field}: {problem}"))
}

/// Reads a required string argument.
pub fn required_string(value: &JsValue, field: &str) -> Result<String, JsError> {
    value
        .as_string()
        .ok_or_else(|| field_error(field, format!("expected a string, got {}", type_name(value))))
}

/// Reads a JS object into `T`; the error names the path of the bad field
/// (`"situation.birthDate: invalid value ..."`).
#[allow(dead_code)]
pub fn from_js<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsError> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." || path.is_empty() { root.to_owned() } else { format!("{root}.{path}") };
        field_error(&field, e.into_inner())
    })
}

/// Writes `value` as a plain JS object (maps as objects, not `Map`s).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(false);
    value.serialize(&serializer).map_err(|e| JsError::new(&format!("internal: {e}")))
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

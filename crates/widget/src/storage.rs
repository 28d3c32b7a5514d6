//! Progress remembered on this device: the wizard's answers and the time a
//! document check was requested. Never names, СНИЛС, certificate numbers or
//! passwords: the stored type has no field for them. Every storage failure
//! (private mode, a sandboxed frame, a full quota) is ignored: remembering
//! is a convenience, never a reason for the panel to break.

use std::collections::BTreeMap;

use js_sys::{Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

use crate::state::Answers;

/// The key under which the panel keeps its progress.
pub const STORAGE_KEY: &str = "diary-login-help:v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// `{"answers": {question: answer, ...}, "birthDate": "YYYY-MM-DD"}`, empty
/// parts left out. Built with the browser's JSON (no JSON code in the wasm).
fn encode(value: &Answers) -> Option<String> {
    let top = Object::new();
    if !value.answers.is_empty() {
        let answers = Object::new();
        for (k, v) in &value.answers {
            Reflect::set(&answers, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
        }
        Reflect::set(&top, &JsValue::from_str("answers"), &answers).ok()?;
    }
    if let Some(d) = &value.birth_date {
        Reflect::set(&top, &JsValue::from_str("birthDate"), &JsValue::from_str(d)).ok()?;
    }
    JSON::stringify(&top).ok()?.as_string()
}

/// The inverse of [`encode`]; anything else (not JSON, wrong types) is
/// skipped field by field. The caller still runs [`Answers::sanitized`].
fn decode(raw: &str) -> Option<Answers> {
    let top = JSON::parse(raw).ok()?.dyn_into::<Object>().ok()?;
    let birth_date = Reflect::get(&top, &JsValue::from_str("birthDate")).ok().and_then(|v| v.as_string());
    let mut answers = BTreeMap::new();
    if let Ok(obj) = Reflect::get(&top, &JsValue::from_str("answers")).and_then(|v| v.dyn_into::<Object>()) {
        for entry in Object::entries(&obj).iter() {
            let pair = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                answers.insert(k, v);
            }
        }
    }
    Some(Answers { birth_date, answers })
}

/// Reads the remembered answers, if any and if they still parse.
pub fn load() -> Option<Answers> {
    let raw = local_storage()?.get_item(STORAGE_KEY).ok().flatten()?;
    decode(&raw)
}

/// Remembers `value`; failures are ignored.
pub fn save(value: &Answers) {
    if let (Some(storage), Some(raw)) = (local_storage(), encode(value)) {
        let _ = storage.set_item(STORAGE_KEY, &raw);
    }
}

/// Forgets everything the panel remembered on this device.
pub fn forget() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

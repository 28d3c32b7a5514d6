//! Progress remembered on this device: the wizard's answers (with «Не
//! знаю» and «Сделано» ticks), the time a document check was requested, the
//! role and the open section, in `localStorage`. Never names, СНИЛС,
//! certificate numbers or passwords: the stored type has no field for them.
//!
//! The child's birth date identifies the child, and families share phones
//! and use school computers: it is kept for this tab only
//! (`sessionStorage`, gone when the tab closes) unless the person ticks
//! «Запомнить дату рождения на этом устройстве»; then it is kept with the
//! other answers, until «Забыть мои ответы» or the tick is taken off.
//!
//! Every storage failure (private mode, a sandboxed frame, a full quota) is
//! ignored: remembering is a convenience, never a reason for the panel to
//! break.

use js_sys::{Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{Answers, Role, Section};

/// Everything remembered: the answers, who is reading and where.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Saved {
    pub answers: Answers,
    pub role: Option<Role>,
    pub section: Option<Section>,
}

fn set(obj: &Object, key: &str, value: &JsValue) -> Option<()> {
    Reflect::set(obj, &JsValue::from_str(key), value).ok().map(|_| ())
}

fn get(obj: &Object, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The key under which the panel keeps its progress.
pub const STORAGE_KEY: &str = "diary-login-help:v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The saved object's keys, written once for [`encode`] and [`decode`].
mod key {
    pub const REMEMBER_BIRTH: &str = "rememberBirth";
    pub const ANSWERS: &str = "answers";
    pub const BIRTH_DATE: &str = "birthDate";
    pub const BIRTH_CHECKED: &str = "birthChecked";
    pub const UNKNOWN: &str = "unknown";
    pub const ROLE: &str = "role";
    pub const SECTION: &str = "section";
}

/// `{"answers": {question: answer, ...}, "birthDate": "YYYY-MM-DD",
/// "birthChecked": true, "rememberBirth": true, "unknown": [question, ...],
/// "role": "student", "section": "next"}`, empty parts left out; the birth
/// date (and its check) only when `with_birth`. Built with the browser's
/// JSON (no JSON code in the wasm).
fn encode(saved: &Saved, with_birth: bool) -> Option<String> {
    let mut saved = saved.clone();
    if !with_birth {
        saved.answers.birth_date = None;
        saved.answers.birth_checked = false;
    }
    let value = &saved.answers;
    let top = Object::new();
    if value.remember_birth {
        set(&top, key::REMEMBER_BIRTH, &JsValue::TRUE)?;
    }
    if !value.answers.is_empty() {
        let answers = Object::new();
        for (k, v) in &value.answers {
            set(&answers, k, &JsValue::from_str(v))?;
        }
        set(&top, key::ANSWERS, &answers)?;
    }
    if let Some(d) = &value.birth_date {
        set(&top, key::BIRTH_DATE, &JsValue::from_str(d))?;
    }
    if value.birth_checked {
        set(&top, key::BIRTH_CHECKED, &JsValue::TRUE)?;
    }
    if !value.unknown.is_empty() {
        let list = js_sys::Array::new();
        for k in &value.unknown {
            list.push(&JsValue::from_str(k));
        }
        set(&top, key::UNKNOWN, &list)?;
    }
    if let Some(r) = saved.role {
        set(&top, key::ROLE, &JsValue::from_str(r.id()))?;
    }
    if let Some(s) = saved.section {
        set(&top, key::SECTION, &JsValue::from_str(s.id()))?;
    }
    JSON::stringify(&top).ok()?.as_string()
}

/// The inverse of [`encode`]; anything else (not JSON, wrong types) is
/// skipped field by field. The caller still runs [`Answers::sanitized`].
fn decode(raw: &str) -> Option<Saved> {
    let top = JSON::parse(raw).ok()?.dyn_into::<Object>().ok()?;
    let birth_date = get(&top, key::BIRTH_DATE).as_string();
    let birth_checked = get(&top, key::BIRTH_CHECKED).as_bool() == Some(true);
    let remember_birth = get(&top, key::REMEMBER_BIRTH).as_bool() == Some(true);
    let unknown = match get(&top, key::UNKNOWN).dyn_into::<js_sys::Array>() {
        Ok(list) => list.iter().filter_map(|v| v.as_string()).collect(),
        Err(_) => Default::default(),
    };
    let role = get(&top, key::ROLE).as_string().and_then(|r| Role::parse(&r));
    let section = get(&top, key::SECTION).as_string().and_then(|s| Section::parse(&s));
    let mut answers = crate::state::AnswerMap::default();
    if let Ok(obj) = get(&top, key::ANSWERS).dyn_into::<Object>() {
        for entry in Object::entries(&obj).iter() {
            let pair = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                answers.insert(k, v);
            }
        }
    }
    Some(Saved { answers: Answers { birth_date, answers, unknown, birth_checked, remember_birth }, role, section })
}

/// Reads what was remembered, if anything and if it still parses: the
/// device's answers, and the birth date from this tab when it is not kept
/// on the device.
pub fn load() -> Option<Saved> {
    let read = |storage: Option<web_sys::Storage>| decode(&storage?.get_item(STORAGE_KEY).ok().flatten()?);
    let local = read(local_storage());
    let session = read(session_storage());
    let mut saved = local.or_else(|| session.clone())?;
    if !saved.answers.remember_birth {
        let tab = session.map(|s| s.answers).unwrap_or_default();
        saved.answers.birth_date = tab.birth_date;
        saved.answers.birth_checked = tab.birth_checked;
    }
    Some(saved)
}

/// Remembers `value` (the birth date on the device only when the person
/// asked, else in this tab); failures are ignored.
pub fn save(value: &Saved) {
    let write = |storage: Option<web_sys::Storage>, raw: Option<String>| {
        if let (Some(storage), Some(raw)) = (storage, raw) {
            let _ = storage.set_item(STORAGE_KEY, &raw);
        }
    };
    let on_device = value.answers.remember_birth;
    write(local_storage(), encode(value, on_device));
    if on_device {
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(STORAGE_KEY);
        }
    } else {
        let tab = Saved {
            answers: Answers {
                birth_date: value.answers.birth_date.clone(),
                birth_checked: value.answers.birth_checked,
                ..Answers::default()
            },
            ..Saved::default()
        };
        write(session_storage(), encode(&tab, true));
    }
}

/// Forgets everything the panel remembered, on this device and in this tab.
pub fn forget() {
    for storage in [local_storage(), session_storage()].into_iter().flatten() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

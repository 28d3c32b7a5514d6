//! Progress remembered on this device: the wizard's answers and the time a
//! document check was requested. Never names, СНИЛС, certificate numbers or
//! passwords: the stored type has no field for them. Every storage failure
//! (private mode, a sandboxed frame, a full quota) is ignored: remembering
//! is a convenience, never a reason for the panel to break.

use serde::{de::DeserializeOwned, Serialize};

/// The key under which the panel keeps its progress.
pub const STORAGE_KEY: &str = "diary-login-help:v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the remembered value, if any and if it still parses.
pub fn load<T: DeserializeOwned>() -> Option<T> {
    let raw = local_storage()?.get_item(STORAGE_KEY).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

/// Remembers `value`; failures are ignored.
pub fn save<T: Serialize>(value: &T) {
    if let (Some(storage), Ok(raw)) = (local_storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(STORAGE_KEY, &raw);
    }
}

/// Forgets everything the panel remembered on this device.
pub fn forget() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

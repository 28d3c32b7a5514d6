//! The wizard's flow graph (questions → outcomes), from the rules.
use std::collections::BTreeMap;
pub fn files() -> BTreeMap<String, String> {
    BTreeMap::new()
}

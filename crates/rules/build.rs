//! Turns the reviewable TOML data in `data/` into Rust source that the crate
//! `include!`s, so nothing is parsed at run time and no deserializer ends up
//! in the wasm module:
//! - `texts.rs`: every `[text.<id>]` entry of every file, as a static table
//!   sorted by id (build/texts.rs);
//! - `<file>.rs`: the structured tables of each file (calendar years, region
//!   profiles, fixed links, the error catalog, the password data, the
//!   document tables) as `static` values of the types the modules define
//!   (build/tables.rs, build/errors.rs, build/regions.rs).
//!
//! Each data file is read through serde into typed structs with
//! `deny_unknown_fields`, and the closed sets and the region-profile schema
//! are the crate's own types (src/vocab.rs, src/eligibility/schema.rs, with
//! src/id.rs), included here. The build fails loudly on malformed data: a
//! duplicate text id, a text without `ru`, `en` and `source`, an `audience`
//! other than `student`, `parent` or `any`, a table or key the code does not
//! know, a value of the wrong type, a datum without a `source`, an enum value
//! outside its set, a malformed date, years out of order, a table of the
//! wrong shape.

// The build runs over the project's own data: a panic here is a build error
// that names the datum at fault, not a panic on a user's input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "build script: a panic is a build error on the project's own data"
)]

use std::{collections::BTreeMap, env, fs, path::Path};

use toml::{Table, Value};

/// The Russian texts' compact encoding, shared with the crate.
#[path = "src/texts/packed.rs"]
mod packed;

/// SHA-256, shared with the crate (the language file's digest).
#[path = "src/sha256.rs"]
mod sha256;

// The crate's closed sets and region-profile schema, shared with the crate.
#[path = "src/id.rs"]
#[allow(dead_code)]
mod id;
#[path = "src/eligibility/schema.rs"]
#[allow(dead_code)]
mod schema;
#[path = "src/vocab.rs"]
#[allow(dead_code)]
mod vocab;
// The languages: the text columns and the language files.
#[path = "src/lang.rs"]
#[allow(dead_code)]
mod lang;

#[path = "build/common.rs"]
mod common;
#[path = "build/errors.rs"]
mod errors;
#[path = "build/regions.rs"]
mod regions;
#[path = "build/tables.rs"]
mod tables;
#[path = "build/texts.rs"]
mod texts;

fn main() {
    let data_dir = Path::new("data");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build");
    for shared in ["src/id.rs", "src/eligibility/schema.rs", "src/vocab.rs", "src/texts/packed.rs", "src/lang.rs"] {
        println!("cargo:rerun-if-changed={shared}");
    }
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    let mut entries: Vec<_> = fs::read_dir(data_dir)
        .expect("data/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();

    let mut texts = texts::Texts::new();
    let mut generated: BTreeMap<&'static str, String> = BTreeMap::new();
    let mut errors_raw = None;
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let raw = fs::read_to_string(&path).expect("readable data file");
        let mut table: Table = toml::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Some(value) = table.remove("text") {
            let Value::Table(text_table) = value else { panic!("data/{stem}.toml: `text` must be a table") };
            texts::collect_texts(&stem, "", &text_table, &mut texts);
        }
        let file = format!("data/{stem}.toml");
        let (name, code) = match stem.as_str() {
            "calendar" => ("calendar", tables::calendar(&file, &raw)),
            "documents" => ("documents", tables::documents(&file, &raw)),
            "eligibility" => ("eligibility", tables::links(&file, &raw)),
            // After the loop: its text ids are rows of the selected texts.
            "errors" => {
                errors_raw = Some((file, raw));
                continue;
            }
            "password" => ("password", tables::password(&file, &raw)),
            "regions" => ("regions", regions::generate(&file, &raw)),
            _ => {
                if let Some(key) = table.keys().next() {
                    panic!("{file}: unknown key `{key}` (only [text.*] entries)");
                }
                continue;
            }
        };
        generated.insert(name, code);
    }
    // Every text was checked above; the build compiles in the groups its
    // features select.
    let selected = texts::select(&texts);
    if let Some((file, raw)) = errors_raw {
        let rows: BTreeMap<&str, usize> = selected.keys().enumerate().map(|(row, id)| (id.as_str(), row)).collect();
        generated.insert("errors", errors::generate(&file, &raw, &rows));
    }
    for name in ["calendar", "documents", "eligibility", "errors", "password", "regions"] {
        let code = generated.get(name).unwrap_or_else(|| panic!("data/{name}.toml is missing"));
        let header = format!("// Generated by build.rs from data/{name}.toml. Do not edit.\n");
        fs::write(Path::new(&out_dir).join(format!("{name}.rs")), header + code).unwrap();
    }
    texts::write(&selected, &out_dir);
}

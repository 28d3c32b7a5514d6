//! The `[text.<id>]` entries of every data file: collected (ids are dotted
//! table paths, so this walks the TOML tree), checked, and written as the
//! id string, the encoded Russian texts (`texts.ru.bin`), the offset table
//! (`texts.rs`) and one language file per other language
//! (`texts.<code>.bin`: `texts.en.bin`). The languages, their columns and
//! their files come from `Lang` (src/lang.rs), the one declaration.

use std::{collections::BTreeMap, fs, path::Path};

use toml::{Table, Value};

use crate::lang::Lang;
use crate::packed;

/// Per id: (the words in each language of `Lang::ALL`, sources, the data
/// file's stem).
pub type Texts = BTreeMap<String, (Vec<String>, Vec<String>, String)>;

/// Where `lang`'s words are in a text's row.
fn column(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).expect("a declared language")
}

/// FNV-1a, 32 bits (the same function as `texts::file::fnv1a`).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The texts whose English is compiled into every build (`EN_ALWAYS`): the
/// error quotes, which explainError recognises when pasted in English before
/// (and without) the English file being loaded. Language files leave them out.
fn always_english(id: &str) -> bool {
    id.starts_with("explain.quote.")
}

/// Walks `[text.a.b]` tables: a table holding `ru` is a text entry whose id is
/// its dotted path; any other table is a namespace.
pub fn collect_texts(file: &str, prefix: &str, table: &Table, out: &mut Texts) {
    for (key, value) in table {
        let id = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        let Value::Table(inner) = value else {
            panic!("data/{file}.toml: text.{id} must be a table");
        };
        if !inner.contains_key(Lang::default().code()) {
            collect_texts(file, &id, inner, out);
            continue;
        }
        // An entry holds only its words and sources: a nested table here would
        // be another id (`a.b` under `a`) that would silently vanish.
        let known = |k: &str| Lang::CODES.contains(&k) || matches!(k, "source" | "audience");
        if let Some(other) = inner.keys().find(|k| !known(k)) {
            panic!("data/{file}.toml: text.{id} is a text entry; `{other}` is not allowed in it (ids may not nest under an entry: rename one)");
        }
        // Who reads the text (checked by tests/voice.rs; not needed at run time):
        // "student" («ты», never "the child" in the third person), "parent"
        // («вы», never «ты») or "any" (neither form of address).
        match inner.get("audience") {
            None => {}
            Some(Value::String(a)) if matches!(a.as_str(), "student" | "parent" | "any") => {}
            Some(_) => panic!("data/{file}.toml: text.{id}: `audience` must be \"student\", \"parent\" or \"any\""),
        }
        let field = |name: &str| -> String {
            match inner.get(name) {
                Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
                _ => panic!("data/{file}.toml: text.{id} needs a non-empty `{name}`"),
            }
        };
        let sources = match inner.get("source") {
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| {
                    v.as_str()
                        .unwrap_or_else(|| panic!("data/{file}.toml: text.{id}: source entries are strings"))
                        .to_owned()
                })
                .collect(),
            _ => panic!("data/{file}.toml: text.{id} needs a `source`"),
        };
        if sources.is_empty() {
            panic!("data/{file}.toml: text.{id} has an empty `source`");
        }
        let words = Lang::CODES.iter().map(|code| field(code)).collect();
        let previous = out.insert(id.clone(), (words, sources, file.to_owned()));
        if let Some((_, _, other)) = previous {
            panic!("text id {id} is defined twice: data/{other}.toml and data/{file}.toml");
        }
    }
}

/// The text groups a build can compile in, each a cargo feature
/// (`texts-<name>`, all of them with `all-texts`), with the id prefixes its
/// code reads. A module compiles in only the words its code can ask for:
/// the JS API has no panel labels, the panel's first module no error
/// catalog (scripts/build.sh, Cargo.toml of rules-js and the widget).
pub const GROUPS: &[(&str, &[&str])] = &[
    // The panel's own words: its tabs, the guide and its plan, the
    // questions, the crash note.
    (
        "ui",
        &[
            "ui.actor.",
            "ui.crash.",
            "ui.create.",
            "ui.date.",
            "ui.date_time.",
            "ui.guide.",
            "ui.lazy.",
            "ui.link.",
            "ui.next.",
            "ui.panel.",
            "ui.plan.",
            "ui.q.",
            "ui.role.",
            "ui.section.",
            "ui.start.",
            "ui.time.",
        ],
    ),
    // Of those, the few the sections module shows too: the crash note, the
    // date format, the new-tab hint of links, the diary's name in the
    // apology, the note when copying fails. The sections module compiles in
    // these, not the whole `ui` group (the guide, its plan and questions).
    ("common", &["ui.crash.", "ui.date.", "ui.link.", "ui.next.diary", "ui.plan.copy_failed"]),
    // The words of the sections the panel loads later («Ошибка», «Пароль»,
    // «Проверить данные»): in the sections module only, not the first one.
    ("sections", &["ui.cert.", "ui.error.", "ui.kit.", "ui.pw.", "ui.records.", "ui.snils."]),
    ("eligibility", &["elig."]),
    // An explanation names who acts (`elig.actor.*`) and the region's place
    // for problems (`elig.problems.*`).
    ("explain", &["explain.", "elig.actor.", "elig.problems."]),
    ("password", &["password."]),
    ("documents", &["certificate.", "records.", "snils."]),
    // The static guide's own words (crates/guide): in no wasm module.
    ("static", &["static."]),
];

/// The texts of the groups whose features are on. Every id must belong to
/// some group, so a new prefix cannot silently drop out of every build.
pub fn select(texts: &Texts) -> Texts {
    let on: Vec<&[&str]> = GROUPS
        .iter()
        .filter(|(name, _)| std::env::var_os(format!("CARGO_FEATURE_TEXTS_{}", name.to_uppercase())).is_some())
        .map(|&(_, prefixes)| prefixes)
        .collect();
    if on.is_empty() {
        panic!("no text group is on: enable the feature `all-texts` or some `texts-<group>` features of diary-rules");
    }
    let claims = |prefixes: &[&str], id: &str| prefixes.iter().any(|p| id.starts_with(p));
    for (id, (_, _, file)) in texts {
        if !GROUPS.iter().any(|(_, prefixes)| claims(prefixes, id)) {
            panic!("data/{file}.toml: text.{id} belongs to no text group: add its prefix to GROUPS in build/texts.rs");
        }
    }
    texts.iter().filter(|(id, _)| on.iter().any(|p| claims(p, id))).map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// Writes `texts.rs`, `texts.ru.bin` and one `texts.<code>.bin` per
/// loaded language into `out_dir`.
pub fn write(texts: &Texts, out_dir: &str) {
    // Two strings compiled in (every id, every Russian text, each in id
    // order) and small arrays of how long each entry is in them: far less
    // pointer data in the wasm than a table of `&str`s, and one language's
    // words side by side compress better than interleaved ones. English is a
    // language file (`texts.en.bin`, format in src/texts/file.rs) that the
    // crate embeds with the feature `builtin-en` and the JS builds load on
    // demand.
    let (mut ids, mut ru_all) = (String::new(), Vec::new());
    let mut source_sets: Vec<Vec<String>> = Vec::new();
    let (mut id_lens, mut ru_lens, mut source_of) = (Vec::new(), Vec::new(), Vec::new());
    // The ids front-coded: per id, how many leading bytes it shares with
    // the one before (sorted ids share long prefixes) and the rest.
    let (mut shared, mut suffixes, mut previous) = (Vec::new(), String::new(), "");
    for (id, (words, sources, file)) in texts {
        let ru = &words[column(Lang::default())];
        let set = match source_sets.iter().position(|s| s == sources) {
            Some(i) => i,
            None => {
                source_sets.push(sources.clone());
                source_sets.len() - 1
            }
        };
        let set = u8::try_from(set).expect("at most 256 distinct source lists");
        ids.push_str(id);
        assert!(id.is_ascii(), "data/{file}.toml: text.{id}: ids are ASCII");
        let common = id.bytes().zip(previous.bytes()).take_while(|(a, b)| a == b).count();
        shared.push(common.to_string());
        suffixes.push_str(&id[common..]);
        previous = id;
        let start = ru_all.len();
        packed::encode(ru, &mut ru_all);
        let mut back = String::new();
        packed::decode(&ru_all[start..], &mut back);
        assert_eq!(&back, ru, "data/{file}.toml: text.{id}: the Russian text does not survive its encoding");
        u16::try_from(ids.len()).unwrap_or_else(|_| panic!("data/{file}.toml: text ids over 64 KB in all"));
        let id_len =
            u8::try_from(id.len()).unwrap_or_else(|_| panic!("data/{file}.toml: text.{id}: id over 255 bytes"));
        let ru_len = u16::try_from(ru_all.len() - start)
            .unwrap_or_else(|_| panic!("data/{file}.toml: text.{id}: Russian text over 64 KB encoded"));
        id_lens.push(id_len.to_string());
        ru_lens.push(ru_len.to_string());
        source_of.push(set.to_string());
    }
    u32::try_from(ru_all.len()).expect("texts under 4 GB");
    let ids_hash = fnv1a(ids.as_bytes());
    let mut code = String::from("// Generated by build.rs from the [text.*] entries of data/*.toml. Do not edit.\n");
    code.push_str(&format!(
        "/// Every id, in id order, each without the bytes it shares with the one before (`ID_SHARED`).\nstatic ID_SUFFIXES: &str = {suffixes:?};\n"
    ));
    code.push_str(&format!(
        "/// Per text: how many leading bytes its id shares with the one before.\nstatic ID_SHARED: &[u8] = &[{}];\n",
        shared.join(", ")
    ));
    code.push_str(&format!("/// FNV-1a of every id in id order: a language file names the id table it was built for.\nconst IDS_HASH: u32 = {ids_hash};\n"));
    fs::write(Path::new(&out_dir).join("texts.ru.bin"), &ru_all).unwrap();
    // The English of the error quotes is compiled in whatever the language:
    // explainError recognises a message pasted in English before (and
    // without) the English file being loaded.
    // As the Russian: one string and the rows' lengths, not a table of
    // (row, `&str`) pairs (12 bytes of row, pointer and length each).
    let (mut always_rows, mut always_lens, mut always_words) = (Vec::new(), Vec::new(), String::new());
    for (row, (id, (words, _, file))) in texts.iter().enumerate() {
        if always_english(id) {
            let en = &words[column(Lang::En)];
            always_rows.push(u16::try_from(row).expect("under 64 K texts").to_string());
            let len = u16::try_from(en.len())
                .unwrap_or_else(|_| panic!("data/{file}.toml: text.{id}: English text over 64 KB"));
            always_lens.push(len.to_string());
            always_words.push_str(en);
        }
    }
    code.push_str("/// The rows of the texts needed in English in every build (the error quotes), ascending.\n");
    code.push_str(&format!("static EN_ALWAYS: &[u16] = &[{}];\n", always_rows.join(", ")));
    code.push_str("/// Per row of `EN_ALWAYS`: the length of its English words in `EN_ALWAYS_WORDS`.\n");
    code.push_str(&format!("static EN_ALWAYS_LENS: &[u16] = &[{}];\n", always_lens.join(", ")));
    code.push_str("/// The English words of the rows of `EN_ALWAYS`, in that order.\n");
    code.push_str(&format!("static EN_ALWAYS_WORDS: &str = {always_words:?};\n"));
    code.push_str("/// Every Russian text, in id order, encoded (src/texts/packed.rs).\n");
    code.push_str("static RU_PACKED: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/texts.ru.bin\"));\n");
    // Lengths, not offsets, and one array per column: small numbers side by
    // side compress to about half of a table of (u32, u16, u8) rows (the
    // crate sums them up once, on first use).
    code.push_str("/// Per text, sorted by id: the length of its id.\n");
    code.push_str(&format!("static ID_LENS: &[u8] = &[{}];\n", id_lens.join(", ")));
    code.push_str("/// Per text: the length of its encoded Russian words in `RU_PACKED`, likewise.\n");
    code.push_str(&format!("static RU_LENS: &[u16] = &[{}];\n", ru_lens.join(", ")));
    code.push_str("/// Per text: its source list, an index in `SOURCES`.\n");
    code.push_str(&format!("static SOURCE_OF: &[u8] = &[{}];\n", source_of.join(", ")));
    let sets: Vec<String> = source_sets.iter().map(|set| format!("&{set:?}")).collect();
    code.push_str(&format!("/// The distinct source lists.\nstatic SOURCES: &[&[&str]] = &[{}];\n", sets.join(", ")));

    // Each loaded language's file (format version 2, read by
    // src/texts/file.rs): the header (with a checksum of the rest), a table
    // of one varint per row, then the words of the rows that carry new words,
    // in row order. A row's varint is 0 when its words are compiled into
    // every build (`EN_ALWAYS`, the error quotes, in the English file), 2·len
    // for new words, and 2·k + 1 for the same words as the earlier row k;
    // the reader takes at most 32 bits.
    let mut digests = Vec::new();
    for lang in Lang::LOADED {
        let file = language_file(texts, lang, ids_hash);
        // The file this build's module accepts, and no other: its SHA-256.
        digests.push(format!("{:?}", crate::sha256::sha256(&file)));
        fs::write(Path::new(&out_dir).join(format!("texts.{}.bin", lang.code())), file).unwrap();
    }
    code.push_str("/// SHA-256 of each loaded language's file (`Lang::LOADED` order) as this build wrote it: `load_language` accepts exactly those files.\n");
    code.push_str(&format!("const FILE_SHA256: [[u8; 32]; {}] = [{}];\n", digests.len(), digests.join(", ")));
    fs::write(Path::new(&out_dir).join("texts.rs"), code).unwrap();
}

/// The language file of `lang` (format in src/texts/file.rs).
fn language_file(texts: &Texts, lang: Lang, ids_hash: u32) -> Vec<u8> {
    let mut table = Vec::new();
    let mut words = String::new();
    let mut first_row: BTreeMap<&str, usize> = BTreeMap::new();
    for (row, (id, (all, _, file))) in texts.iter().enumerate() {
        let these = all[column(lang)].as_str();
        let code = if lang == Lang::En && always_english(id) {
            0
        } else if let Some(&earlier) = first_row.get(these) {
            2 * earlier + 1
        } else {
            first_row.insert(these, row);
            words.push_str(these);
            2 * these.len()
        };
        let mut code = u32::try_from(code).unwrap_or_else(|_| panic!("data/{file}.toml: text.{id}: over 2 GB"));
        while code >= 0x80 {
            table.push((code as u8 & 0x7f) | 0x80);
            code >>= 7;
        }
        table.push(code as u8);
    }
    let name = lang.code().as_bytes();
    assert!(name.len() == 2, "a language code is two ASCII letters: {}", lang.code());
    let mut file = Vec::with_capacity(24 + table.len() + words.len());
    file.extend_from_slice(b"DHTX");
    file.push(2);
    file.extend_from_slice(name);
    file.push(0);
    file.extend_from_slice(&ids_hash.to_le_bytes());
    file.extend_from_slice(&u32::try_from(texts.len()).expect("rows under 4 G").to_le_bytes());
    file.extend_from_slice(&u32::try_from(table.len()).expect("table under 4 GB").to_le_bytes());
    let body = [table.as_slice(), words.as_bytes()].concat();
    file.extend_from_slice(&fnv1a(&body).to_le_bytes());
    file.extend_from_slice(&body);
    file
}

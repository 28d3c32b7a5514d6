//! Writes a language file that the JS builds load on demand:
//! `cargo run -p diary-rules --example lang_file -- en > pkg/rules/diary-texts.en.bin`
//! (scripts/build.sh). The bytes are the ones `build.rs` made and the crate
//! embeds with the feature `builtin-en`.

use std::io::Write;

fn main() {
    let lang = std::env::args().nth(1).unwrap_or_default();
    if lang != "en" {
        eprintln!("usage: lang_file en > FILE");
        std::process::exit(2);
    }
    std::io::stdout().write_all(diary_rules::texts::BUILTIN_EN_FILE).expect("stdout");
}

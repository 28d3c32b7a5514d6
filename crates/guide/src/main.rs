//! Writes the static guide, and optionally the outcome artefacts and the
//! flow graph:
//!
//! ```sh
//! cargo run -p diary-guide -- --guide pkg/widget/guide [--outcomes tests/outcomes] [--docs docs]
//! ```
//!
//! The guide folder is replaced as a whole (no stale page survives a
//! rename); the outcome and docs files are written in place.

use std::path::Path;

fn write_all<'a>(root: &Path, files: impl IntoIterator<Item = (&'a String, &'a [u8])>) -> std::io::Result<usize> {
    let mut n = 0;
    for (name, bytes) in files {
        let path = root.join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, bytes)?;
        n += 1;
    }
    Ok(n)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    if args.is_empty() {
        eprintln!("usage: diary-guide --guide DIR [--outcomes DIR] [--docs DIR]");
        std::process::exit(2);
    }
    while i < args.len() {
        let (flag, dir) = (args[i].as_str(), args.get(i + 1).map(Path::new));
        let Some(dir) = dir else {
            eprintln!("diary-guide: {flag} needs a folder");
            std::process::exit(2);
        };
        match flag {
            "--guide" => {
                if dir.exists() {
                    std::fs::remove_dir_all(dir)?;
                }
                let files = diary_guide::guide_files();
                let n = write_all(dir, files.iter().map(|(k, v)| (k, v.as_slice())))?;
                eprintln!("diary-guide: {n} files in {}", dir.display());
            }
            "--outcomes" => {
                let files = diary_guide::outcome_files();
                let n = write_all(dir, files.iter().map(|(k, v)| (k, v.as_bytes())))?;
                eprintln!("diary-guide: {n} outcomes in {}", dir.display());
            }
            "--docs" => {
                let files = diary_guide::flow::files();
                let n = write_all(dir, files.iter().map(|(k, v)| (k, v.as_bytes())))?;
                eprintln!("diary-guide: {n} flow files in {}", dir.display());
            }
            other => {
                eprintln!("diary-guide: unknown option {other}");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    Ok(())
}

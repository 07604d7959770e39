//! Replays every committed fuzz corpus file (fuzz/corpus/answers/) through the fuzz target
//! on every `cargo test`, and keeps the fuzzer's findings as regression tests.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/target.rs"]
mod target;

use std::path::Path;
use std::time::{Duration, Instant};

use assurance_check::cli::parse_json;
use assurance_check::rules::{InputErrorKind, MAX_ENTRIES, MAX_FILE_BYTES};

#[test]
fn every_corpus_file_passes_the_fuzz_target() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/answers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    assert!(files.len() >= 50, "corpus too small: {} files", files.len());
    let mut valid = 0;
    for path in &files {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let outcome = std::panic::catch_unwind(|| target::check(&data))
            .unwrap_or_else(|_| panic!("{}: the fuzz target failed", path.display()));
        if outcome.starts_with("ok ") {
            valid += 1;
        }
    }
    // The scenario files converted to JSON are valid; the tricky ones mostly are not.
    assert!(valid >= 35, "only {valid} valid corpus files");
}

/// Finding of the fuzzer: an object with ~180,000 keys (a 2 MiB file) took 34 s to refuse,
/// because duplicate keys were looked for by scanning all earlier keys.
#[test]
fn a_file_of_many_keys_is_refused_quickly() {
    let mut text = String::from("{");
    let mut k = 0;
    while text.len() < MAX_FILE_BYTES - 32 {
        if k > 0 {
            text.push(',');
        }
        text.push_str(&format!("\"k{k}\":0"));
        k += 1;
    }
    text.push('}');
    assert!(k > 150_000, "{k} keys");
    let start = Instant::now();
    let err = parse_json(&text).err().map(|e| e.kind);
    let took = start.elapsed();
    // Over the core's cap (MAX_ENTRIES), refused before any key is looked at.
    assert!(matches!(err, Some(InputErrorKind::Syntax(_))), "{err:?}");
    assert!(took < Duration::from_secs(5), "took {took:?}");

    // Under the cap, the same key again and again is caught at the second.
    let dup = format!("{{{}}}", vec!["\"notes\":{}"; MAX_ENTRIES].join(","));
    let start = Instant::now();
    let err = parse_json(&dup).err().map(|e| (e.field, e.kind));
    assert_eq!(err, Some(("notes".to_owned(), InputErrorKind::Duplicate)));
    assert!(start.elapsed() < Duration::from_secs(5));
}

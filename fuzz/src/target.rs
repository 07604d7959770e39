//! The fuzz target: one input through everything that reads an answers file.
//!
//! Shared by the fuzzer (fuzz/src/main.rs) and by the replay test of the main crate
//! (tests/fuzz_corpus.rs), so every committed corpus file runs on every `cargo test`.
//! It panics when an invariant breaks; a panic anywhere below it is a finding too.

use assurance_check::cli::parse_json;
use assurance_check::i18n::LANGUAGES;
use assurance_check::report::{document, to_markdown, to_text, Meta, Report};
use assurance_check::rules::{answers_to_json, evaluate, Verdict, MAX_FILE_BYTES};

/// What one input did, coarse enough to tell new behaviour from old (the fuzzer keeps an
/// input that produces an outcome it has not seen yet).
pub fn check(data: &[u8]) -> String {
    // The CLI refuses larger files before parsing; so does the widget.
    if data.len() > MAX_FILE_BYTES {
        return "too large".to_owned();
    }
    let text = String::from_utf8_lossy(data);
    let answers = match parse_json(&text) {
        Ok(a) => a,
        Err(e) => {
            for c in LANGUAGES {
                let message = e.message(c);
                assert!(
                    !message.trim().is_empty(),
                    "empty error message in {}",
                    c.lang.code
                );
                assert!(
                    !message.contains('\n'),
                    "error message is not one line: {message}"
                );
            }
            assert!(!e.to_string().is_empty(), "empty Display");
            return format!("error {} {:?}", e.field, std::mem::discriminant(&e.kind));
        }
    };

    // Writing the answers back and reading them again changes nothing.
    let written = answers_to_json(&answers);
    let again = parse_json(&written).unwrap_or_else(|e| panic!("rewritten file refused: {e}"));
    assert_eq!(again, answers, "the answers file does not round-trip");

    let e = evaluate(&answers);
    assert_eq!(e, evaluate(&answers), "evaluate is not deterministic");
    assert_eq!(e.circumstances.len(), 6, "not six circumstances");
    assert!(
        e.open_questions.is_empty() || e.verdict == Verdict::Undetermined,
        "open questions with verdict {:?}",
        e.verdict
    );
    let meta = Meta {
        date: "2026-01-01",
        tool_version: "fuzz",
    };
    for c in LANGUAGES {
        let report = Report::new(&e, c);
        let json = serde_json::to_string(&report).unwrap_or_else(|e| panic!("report JSON: {e}"));
        let value: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("report JSON unreadable: {e}"));
        assert_eq!(
            value.get("verdict").and_then(serde_json::Value::as_str),
            Some(e.verdict.as_str()),
            "report verdict"
        );
        let blocks = document(&answers, &e, c, meta);
        let text = to_text(&blocks, c);
        assert!(!text.trim().is_empty(), "empty text report");
        let markdown = to_markdown(&blocks, c);
        assert_markup_escaped(&markdown);
        for (_, note) in answers.notes() {
            // Every note reaches the text report; its first word at least (lines are
            // indented, so compare a piece without whitespace).
            if let Some(word) = note.split_whitespace().next() {
                assert!(
                    text.contains(word),
                    "note word {word:?} missing from the text report"
                );
            }
        }
    }
    let established = e
        .circumstances
        .iter()
        .filter(|(_, s)| s.as_str() == "established")
        .count();
    format!(
        "ok {} {established} {}",
        e.verdict.as_str(),
        e.open_questions.len()
    )
}

/// Every `<`, `[` and `` ` `` in the Markdown is escaped: preceded by an odd number of
/// backslashes. So no note (and no translation) can become HTML, a link or code.
fn assert_markup_escaped(markdown: &str) {
    let mut backslashes = 0usize;
    for (i, ch) in markdown.char_indices() {
        if matches!(ch, '<' | '[' | '`') && backslashes % 2 == 0 {
            let start = i.saturating_sub(40);
            let around: String = markdown
                .get(start..)
                .unwrap_or_default()
                .chars()
                .take(80)
                .collect();
            panic!("unescaped {ch:?} in the Markdown report near {around:?}");
        }
        backslashes = if ch == '\\' { backslashes + 1 } else { 0 };
    }
}

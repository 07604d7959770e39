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
                assert_no_hidden_characters(&message, "error message");
                assert!(message.ends_with('.'), "no full stop: {message}");
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
        assert_no_hidden_characters(&text, "text report");
        let markdown = to_markdown(&blocks, c);
        assert_no_hidden_characters(&markdown, "Markdown report");
        assert_markup_escaped(&markdown);
        assert_notes_are_plain_markdown(&markdown);
        // A question hidden by its shown-when rule is left out of the report (RULES.md v2).
        for (_, note) in answers.notes().filter(|(q, _)| q.is_shown(&answers)) {
            // Every shown question's note reaches the text report; the visible start of its
            // first word at least (lines are indented, hidden characters shown as escapes).
            let word: String = note
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .chars()
                .take_while(|&ch| !hidden(ch) && !matches!(ch, '\u{2066}'..='\u{2069}'))
                .collect();
            assert!(
                text.contains(&word),
                "note word {word:?} missing from the text report"
            );
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

/// Characters that no report or message may contain raw (issue 16): controls but LF (a
/// lone CR, ESC, BEL, NUL, DEL, C1…), bidi marks, embeddings and overrides, line and
/// paragraph separators, the BOM.
fn hidden(ch: char) -> bool {
    (ch.is_control() && ch != '\n')
        || matches!(
            ch,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'
                ..='\u{202e}' | '\u{2028}' | '\u{2029}' | '\u{feff}'
        )
}

/// No hidden character, and on every line as many bidi isolates closed (U+2069) as opened
/// (U+2066 … U+2068): the report's own isolates around citations, the messages' around
/// quoted values, and none from the user.
fn assert_no_hidden_characters(out: &str, what: &str) {
    if let Some(ch) = out.chars().find(|&ch| hidden(ch)) {
        panic!("{what}: raw U+{:04X} in {out:?}", u32::from(ch));
    }
    for line in out.lines() {
        let opened = line.matches(['\u{2066}', '\u{2067}', '\u{2068}']).count();
        let closed = line.matches('\u{2069}').count();
        assert_eq!(
            opened, closed,
            "{what}: unbalanced bidi isolates in {line:?}"
        );
    }
}

/// A Markdown line without its code spans (from an unescaped run of backticks to the next
/// run of the same length, CommonMark's rule), and whether every span was closed.
fn outside_code_spans(line: &str) -> (String, bool) {
    let mut text = String::new();
    let mut rest = line;
    let mut backslashes = 0usize;
    while let Some(ch) = rest.chars().next() {
        if ch != '`' || backslashes % 2 == 1 {
            backslashes = if ch == '\\' { backslashes + 1 } else { 0 };
            text.push(ch);
            rest = rest.get(ch.len_utf8()..).unwrap_or_default();
            continue;
        }
        let after = rest.trim_start_matches('`');
        let run = rest.len() - after.len();
        let fence = "`".repeat(run);
        let close = after
            .match_indices(fence.as_str())
            .map(|(at, _)| at)
            .find(|&at| {
                !after.get(at + run..).unwrap_or_default().starts_with('`')
                    && !after.get(..at).unwrap_or_default().ends_with('`')
            });
        let Some(close) = close else {
            return (text, false);
        };
        rest = after.get(close + run..).unwrap_or_default();
        backslashes = 0;
    }
    (text, true)
}

/// Every `<`, `[` and `` ` `` outside a code span is escaped: preceded by an odd number of
/// backslashes. So no note (and no translation) can become HTML, a link or code.
fn assert_markup_escaped(markdown: &str) {
    for line in markdown.lines() {
        let (text, closed) = outside_code_spans(line);
        assert!(closed, "an unclosed code span in {line:?}");
        let mut backslashes = 0usize;
        for ch in text.chars() {
            if matches!(ch, '<' | '[' | '`') && backslashes % 2 == 0 {
                panic!("unescaped {ch:?} in the Markdown report in {line:?}");
            }
            backslashes = if ch == '\\' { backslashes + 1 } else { 0 };
        }
    }
}

/// A note's lines (`  > …`) are plain text: no leading space, every ASCII punctuation
/// character escaped, and no link-like text outside a code span (issue 16, item 3).
fn assert_notes_are_plain_markdown(markdown: &str) {
    for line in markdown.lines().filter_map(|l| l.strip_prefix("  > ")) {
        assert!(
            !line.starts_with([' ', '\t']),
            "a leading space in {line:?}"
        );
        let (text, _) = outside_code_spans(line.strip_prefix("&#32;").unwrap_or(line));
        let mut backslashes = 0usize;
        for ch in text.chars() {
            if ch.is_ascii_punctuation() && ch != '\\' && backslashes % 2 == 0 {
                panic!("unescaped {ch:?} in a note line {line:?}");
            }
            backslashes = if ch == '\\' { backslashes + 1 } else { 0 };
        }
        let lower = text.to_ascii_lowercase();
        for link in ["://", "www.", "@", "mailto:", "xmpp:"] {
            assert!(
                !lower.contains(link),
                "{link:?} outside a code span in {line:?}"
            );
        }
    }
}

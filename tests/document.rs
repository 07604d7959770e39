//! The editable report (issue 14, item 9), read back as a word processor would: the CLI's
//! `evaluate --format rtf`, turned into text by `unrtf` (installed by `scripts/setup`), must
//! hold what the printed report holds, in English and in Arabic.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

use assurance_check::cli::parse_json;
use assurance_check::i18n::{catalog, Catalog};
use assurance_check::report::finding_text;
use assurance_check::rules::{evaluate, QuestionId};

const BIN: &str = env!("CARGO_BIN_EXE_assurance-check");

/// 2023-11-14T22:13:20Z.
const EPOCH: &str = "1700000000";

/// Barred on R2(a); two questions left unanswered; a note and a case reference with an
/// escape sequence and a right-to-left override in them, and RTF syntax to try to inject.
const FILE: &str = r#"{
  "format": "assurance-check/answers",
  "version": 1,
  "answers": { "transfer_kind": "expulsion", "assurances_subject": "torture",
               "systematic_torture": "yes", "tribunal_review": "no" },
  "notes": { "systematic_torture": "CAT/C/XXX/CO/1, para 12\n\u001b[2K\u202egnirts}\\par{\\b x}" },
  "case": { "reference": "AB/2026/17\u202e{\\b", "prepared_by": "J. Doe, Legal Aid" }
}"#;

/// A scratch file in the target directory, removed on drop.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn temp(name: &str, bytes: &[u8]) -> TempFile {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!("{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    TempFile(path)
}

/// The document for `lang`, as the CLI writes it.
fn rtf(lang: &str) -> String {
    let input = temp(&format!("answers-{lang}.json"), FILE.as_bytes());
    let out = Command::new(BIN)
        .args(["evaluate", &input.0.to_string_lossy(), "--format", "rtf"])
        .args(["--lang", lang])
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap_or_else(|e| panic!("{BIN}: {e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("not UTF-8: {e}"))
}

/// unrtf's text output prints non-ASCII as `?`; with this line in its configuration it
/// prints `&#N;` (one UTF-16 unit each), which [`decode`] turns back into characters.
const UNICODE_AS_ENTITIES: &str = "\nunisymbol_print\n\t&#%;\n";

/// The document as unrtf reads it: its text, one paragraph a line. `name` keeps the scratch
/// files of tests running at the same time apart.
fn read_back(rtf: &str, name: &str) -> String {
    let conf = [
        "/usr/share/unrtf/text.conf",
        "/usr/local/share/unrtf/text.conf",
    ]
    .iter()
    .find_map(|p| std::fs::read_to_string(p).ok())
    .unwrap_or_else(|| panic!("unrtf's text.conf not found: run scripts/setup"));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("unrtf-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    std::fs::write(dir.join("text.conf"), conf + UNICODE_AS_ENTITIES)
        .unwrap_or_else(|e| panic!("{e}"));
    let file = temp(&format!("report-{name}.rtf"), rtf.as_bytes());
    let out = Command::new("unrtf")
        .arg("-P")
        .arg(&dir)
        .arg("--text")
        .arg(&file.0)
        .output()
        .unwrap_or_else(|e| panic!("unrtf: {e} (scripts/setup installs it)"));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "unrtf: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    decode(&String::from_utf8_lossy(&out.stdout))
}

/// `&#N;` entities back to text, pairing UTF-16 surrogates.
fn decode(text: &str) -> String {
    let mut units = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        units.extend(rest[..at].encode_utf16());
        let after = &rest[at + 2..];
        match after
            .find(';')
            .and_then(|end| Some((end, after[..end].parse::<i32>().ok()?)))
        {
            Some((end, n)) => {
                units.push(u16::try_from(n.rem_euclid(65_536)).unwrap_or(0xfffd));
                rest = &after[end + 1..];
            }
            None => {
                units.extend("&#".encode_utf16());
                rest = after;
            }
        }
    }
    units.extend(rest.encode_utf16());
    String::from_utf16_lossy(&units)
}

/// Each paragraph of the read-back text, trimmed.
fn paragraphs(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// What the printed report holds, checked in the document read back in `c`'s language.
fn holds_the_report(c: &Catalog, date: &str) {
    let raw = rtf(c.lang.code);
    assert!(raw.is_ascii(), "RTF is ASCII text");
    assert!(raw.starts_with("{\\rtf1"), "an RTF document");
    let text = read_back(&raw, c.lang.code);
    let lines = paragraphs(&text);
    let has = |needle: &str, what: &str| {
        assert!(
            text.contains(needle),
            "{}: {what}: {needle:?} not in\n{text}",
            c.lang.code
        );
    };
    let answers = parse_json(FILE).unwrap_or_else(|e| panic!("{e:?}"));
    let e = evaluate(&answers);
    has(c.verdict(Some(e.verdict)).title, "the verdict");
    // Each finding on its own line: its citation, then its text.
    let item = |label: &str, text: &str| {
        assurance_check::i18n::fill(c.report.item, &[("label", label), ("text", text)])
    };
    let isolate = |s: &str| match c.lang.code {
        "ar" => format!("\u{2066}{s}\u{2069}"),
        _ => s.to_owned(),
    };
    for f in &e.findings {
        let line = item(&isolate(f.id.cites()), &finding_text(f, e.verdict, c));
        assert!(
            lines.contains(&line.trim()),
            "{}: finding {:?} as {line:?} in\n{text}",
            c.lang.code,
            f.id
        );
    }
    // Every shown question, answered or "Not answered", on the line after it.
    let mut unanswered = 0;
    for q in QuestionId::ALL.into_iter().filter(|q| q.is_shown(&answers)) {
        let question = format!(
            "{} {}",
            c.question(q).text,
            isolate(&format!("({})", q.cites()))
        );
        let at = lines
            .iter()
            .position(|l| *l == question)
            .unwrap_or_else(|| panic!("{}: {q:?} missing as {question:?} in\n{text}", c.lang.code));
        let shown = answers.get(q).map_or(c.values.unanswered, |a| c.answer(a));
        assert_eq!(
            lines.get(at + 1).copied(),
            Some(item(c.report.answer, shown).trim()),
            "{}: the answer to {q:?}",
            c.lang.code
        );
        unanswered += usize::from(answers.get(q).is_none());
    }
    assert!(
        unanswered >= 5,
        "{}: only {unanswered} unanswered questions",
        c.lang.code
    );
    // The user's words: as typed, hidden characters shown, RTF syntax inert.
    has("CAT/C/XXX/CO/1, para 12", "the note's first line");
    has(
        "<U+001B>[2K<U+202E>gnirts}\\par{\\b x}",
        "the note's second line, escaped",
    );
    has(
        &item(c.report.case_reference, "AB/2026/17<U+202E>{\\b"),
        "the case reference",
    );
    has("J. Doe, Legal Aid", "the preparer");
    has(
        "Call for Action against the Use of Diplomatic Assurances in Transfers to Risk of Torture and Ill-Treatment",
        "the statement's full title",
    );
    has(date, "the date in the language's words");
    assert!(!text.contains("2023-11-14"), "{}: an ISO date", c.lang.code);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "a hidden character came through"
    );
}

#[test]
fn the_english_document_reads_back_as_the_printed_report() {
    let c = catalog("en").unwrap_or_else(|| panic!("en"));
    holds_the_report(c, "14 November 2023");
    let raw = rtf("en");
    assert!(!raw.contains("\\rtlpar"), "English is left to right");
}

#[test]
fn the_arabic_document_reads_back_right_to_left_with_dates_and_citations_isolated() {
    let c = catalog("ar").unwrap_or_else(|| panic!("ar"));
    holds_the_report(c, "\u{2067}14 نوفمبر 2023\u{2069}");
    let raw = rtf("ar");
    let paragraphs = raw.matches("\\pard").count();
    assert!(paragraphs > 30, "only {paragraphs} paragraphs");
    assert_eq!(
        raw.matches("\\pard\\plain\\rtlpar\\qr\\rtlch").count(),
        paragraphs,
        "every paragraph is right to left"
    );
}

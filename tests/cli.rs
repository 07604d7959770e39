//! The built `assurance-check` binary, run as a user would: reports in every format, the
//! questionnaire, help, and bad input of every kind (exit 2, one line, no panic, no hang).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use assurance_check::i18n::{english, fill, Dir, LANGUAGES};
use assurance_check::report::Report;
use assurance_check::rules::{
    Authority, CircumstanceId, FindingId, Forum, QuestionId, Raw, Reason, Verdict, AUTHORITIES,
};

const BIN: &str = env!("CARGO_BIN_EXE_assurance-check");

/// Generous for a debug build on a busy machine; a hang is far longer.
const DEADLINE: Duration = Duration::from_secs(30);

/// 2023-11-14T22:13:20Z.
const EPOCH: &str = "1700000000";
/// That day as the English reports write it (issue 14, item 8).
const DATE: &str = "14 November 2023";

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args` and optional stdin, killing it if it outlives the deadline.
fn run_with(args: &[&str], stdin: Option<Vec<u8>>) -> Out {
    let mut child = Command::new(BIN)
        .args(args)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"));
    let writer = child.stdin.take().map(|mut pipe| {
        let bytes = stdin.unwrap_or_default();
        // The program may stop reading early (a file that is too large): ignore EPIPE.
        thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let read = |pipe: Option<Box<dyn Read + Send>>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = read(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = read(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );

    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > DEADLINE => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{args:?} did not finish within {DEADLINE:?}");
            }
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(e) => panic!("{args:?}: {e}"),
        }
    };
    if let Some(w) = writer {
        let _ = w.join();
    }
    let text = |h: thread::JoinHandle<Vec<u8>>| {
        String::from_utf8_lossy(&h.join().unwrap_or_default()).into_owned()
    };
    Out {
        code: status.code(),
        stdout: text(stdout),
        stderr: text(stderr),
    }
}

fn run(args: &[&str]) -> Out {
    run_with(args, None)
}

/// A file in this test binary's scratch directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("cli-{}-{n}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0
            .to_str()
            .unwrap_or_else(|| panic!("non-UTF-8 temp path"))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

const SAMPLE: &str = r#"{
  "format": "assurance-check/answers",
  "version": 1,
  "answers": {
    "assurances_subject": "torture",
    "systematic_torture": "yes",
    "group_targeted": "unknown",
    "tribunal_review": "no"
  },
  "notes": { "systematic_torture": "CAT concluding observations, para 12." }
}"#;

fn ok(out: &Out, what: &str) {
    assert_eq!(out.code, Some(0), "{what}: stderr {:?}", out.stderr);
    assert!(out.stderr.is_empty(), "{what}: stderr {:?}", out.stderr);
    assert!(!out.stdout.is_empty(), "{what}: no output");
}

/// Exit 2, nothing on stdout, exactly one line on stderr containing each of `needles`.
fn refused(out: &Out, what: &str, needles: &[&str]) {
    assert!(!out.stderr.contains("panicked"), "{what}: {}", out.stderr);
    assert_eq!(out.code, Some(2), "{what}: stderr {:?}", out.stderr);
    assert!(out.stdout.is_empty(), "{what}: stdout {:?}", out.stdout);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{what}: stderr {:?}", out.stderr);
    assert!(out.stderr.ends_with('\n'), "{what}: {:?}", out.stderr);
    // Every message is a sentence (issue 16).
    assert!(
        out.stderr.ends_with(".\n"),
        "{what}: no full stop in {:?}",
        out.stderr
    );
    for n in needles {
        assert!(
            lines[0].contains(n),
            "{what}: {:?} does not name {n:?}",
            lines[0]
        );
    }
}

/// The keys of a JSON object, in the order they were written.
fn keys(raw: &Raw) -> Vec<&str> {
    match raw {
        Raw::Object(entries) => entries.iter().map(|(k, _)| k.as_str()).collect(),
        other => panic!("not an object: {other:?}"),
    }
}

fn field<'a>(raw: &'a Raw, key: &str) -> &'a Raw {
    match raw {
        Raw::Object(entries) => entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("no {key}")),
        other => panic!("not an object: {other:?}"),
    }
}

fn items(raw: &Raw) -> &[Raw] {
    match raw {
        Raw::Array(items) => items,
        other => panic!("not a list: {other:?}"),
    }
}

fn string(raw: &Raw) -> &str {
    match raw {
        Raw::String(s) => s,
        other => panic!("not a string: {other:?}"),
    }
}

#[test]
fn evaluate_prints_the_rules_md_json_report() {
    let file = TempFile::new("sample.json", SAMPLE.as_bytes());
    let default = run(&["evaluate", file.path()]);
    ok(&default, "default format");
    let json = run(&["evaluate", file.path(), "--format", "json"]);
    ok(&json, "--format json");
    assert_eq!(default.stdout, json.stdout, "json is the default");

    let report: Raw = serde_json::from_str(&json.stdout)
        .unwrap_or_else(|e| panic!("not JSON: {e}\n{}", json.stdout));
    assert_eq!(
        keys(&report),
        [
            "verdict",
            "circumstances",
            "open_questions",
            "findings",
            "rules_version"
        ]
    );
    assert_eq!(string(field(&report, "verdict")), "barred");
    assert_eq!(string(field(&report, "rules_version")), "2");
    let circumstances = items(field(&report, "circumstances"));
    let ids: Vec<&str> = circumstances
        .iter()
        .map(|c| string(field(c, "id")))
        .collect();
    assert_eq!(
        ids,
        [
            "systematic_torture",
            "no_effective_control",
            "targeted_group",
            "personal_risk",
            "onward_transfer",
            "other_grounds"
        ]
    );
    for c in circumstances {
        assert_eq!(keys(c), ["id", "status", "cites", "authorities"]);
    }
    assert_eq!(string(field(&circumstances[0], "status")), "established");
    assert_eq!(string(field(&circumstances[0], "cites")), "R2(a)");
    assert_eq!(string(field(&circumstances[2], "status")), "unresolved");
    assert!(items(field(&report, "open_questions")).is_empty(), "barred");
    let findings = items(field(&report, "findings"));
    let missing: Vec<&Raw> = findings
        .iter()
        .filter(|f| string(field(f, "id")) == "safeguard_missing")
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(
        keys(missing[0]),
        ["id", "cites", "text", "question", "authorities"]
    );
    assert_eq!(string(field(missing[0], "question")), "tribunal_review");
    assert_eq!(keys(&findings[0]), ["id", "cites", "text", "authorities"]);
    // Barred: asking for interim measures comes first (rules version 2).
    assert_eq!(string(field(&findings[0], "id")), "interim_measures");
    assert!(string(field(&findings[0], "cites")).contains("Rule 39"));
    assert_eq!(string(field(&findings[1], "id")), "legal_basis");
    // The statement's labels, then the instruments (RULES.md, "Where the reasons come from").
    assert!(string(field(&findings[1], "cites")).starts_with("¶2, FN1; CAT Art. 3; ICCPR Art. 7"));
}

#[test]
fn every_scenario_gives_the_same_json_report_through_the_binary() {
    for s in common::scenarios() {
        let file = TempFile::new(s.file, common::answers_file_json(&s.case).as_bytes());
        let out = run(&["evaluate", file.path(), "--format", "json"]);
        ok(&out, &s.at());
        let expected = common::run(&s.case).unwrap_or_else(|e| panic!("{}: {e}", s.at()));
        let got: serde_json::Value = serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", s.at()));
        let want =
            serde_json::to_value(&expected.report).unwrap_or_else(|e| panic!("{}: {e}", s.at()));
        assert_eq!(got, want, "{}", s.at());
        assert_eq!(got["verdict"], s.case.verdict.as_str(), "{}", s.at());
    }
}

/// Positions of `needles` in `text`, which must all be found, in order.
fn in_order(text: &str, needles: &[&str], what: &str) {
    let mut from = 0;
    for n in needles {
        let at = text[from..]
            .find(n)
            .unwrap_or_else(|| panic!("{what}: {n:?} missing or out of order in\n{text}"));
        from += at + n.len();
    }
}

#[test]
fn text_and_markdown_put_the_verdict_first_and_end_with_date_versions_and_disclaimer() {
    let c = english();
    let r = &c.report;
    let verdict = c.verdict(Some(Verdict::Barred)).title;
    let version = env!("CARGO_PKG_VERSION");
    let file = TempFile::new("sample.json", SAMPLE.as_bytes());
    // Markdown escapes every ASCII punctuation character of a note (issue 16).
    for (format, heading, note) in [
        ("text", "", "CAT concluding observations, para 12."),
        (
            "markdown",
            "## ",
            r"CAT concluding observations\, para 12\.",
        ),
    ] {
        let out = run(&["evaluate", file.path(), "--format", format]);
        ok(&out, format);
        let text = &out.stdout;
        // The first heading after the title is the verdict, and the verdict follows it.
        let body: Vec<&str> = text
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty() && !l.chars().all(|ch| ch == '=' || ch == '-'))
            .collect();
        assert_eq!(
            body.first().copied(),
            Some(format!("{heading}{}", r.verdict).as_str()),
            "{format}:\n{text}"
        );
        assert_eq!(body.get(1).copied(), Some(verdict), "{format}:\n{text}");
        in_order(
            text,
            &[
                r.verdict,
                verdict,
                r.circumstances,
                r.open_questions,
                r.findings,
                r.answers,
                DATE,
                version,
                "Rules version 2",
                "not legal advice",
            ],
            format,
        );
        assert!(text.contains(note), "{format}: the note");
        assert!(text.contains("(R2(a))"), "{format}: citations");
    }
}

#[test]
fn the_date_follows_source_date_epoch() {
    let file = TempFile::new("sample.json", SAMPLE.as_bytes());
    let out = Command::new(BIN)
        .args(["evaluate", file.path(), "--format", "text"])
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 January 1970"));
}

#[test]
fn every_human_report_writes_the_date_in_its_language_and_the_json_has_none() {
    let file = TempFile::new("sample.json", SAMPLE.as_bytes());
    for (lang, date) in [
        ("en", "14 November 2023"),
        ("fr", "14 novembre 2023"),
        ("es", "14 de noviembre de 2023"),
        ("ar", "14 نوفمبر 2023"),
    ] {
        for format in ["text", "markdown"] {
            let out = run(&["evaluate", file.path(), "--format", format, "--lang", lang]);
            ok(&out, format);
            assert!(
                out.stdout.contains(date),
                "{lang} {format}: {date:?} in\n{}",
                out.stdout
            );
            assert!(
                !out.stdout.contains("2023-11-14"),
                "{lang} {format}: an ISO date"
            );
        }
        let json = run(&["evaluate", file.path(), "--lang", lang]);
        ok(&json, "json");
        assert!(
            !json.stdout.contains("2023"),
            "{lang}: the JSON report has a date"
        );
    }
    // French writes the first of the month "1er" (1 March 2024 is 1709251200).
    let out = Command::new(BIN)
        .args(["evaluate", file.path(), "--format", "text", "--lang", "fr"])
        .env("SOURCE_DATE_EPOCH", "1709251200")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1er mars 2024"));
}

#[test]
fn rtf_is_an_ascii_document_in_the_chosen_language_on_stdout() {
    let file = TempFile::new("sample.json", SAMPLE.as_bytes());
    for (lang, direction) in [("en", "\\ltrpar"), ("ar", "\\rtlpar")] {
        let out = run(&["evaluate", file.path(), "--format", "rtf", "--lang", lang]);
        ok(&out, lang);
        assert!(
            out.stdout.starts_with("{\\rtf1\\ansi"),
            "{lang}: {}",
            out.stdout
        );
        assert!(
            out.stdout.trim_end().ends_with('}'),
            "{lang}: the document is closed"
        );
        assert!(
            out.stdout.is_ascii(),
            "{lang}: RTF escapes every other character"
        );
        assert!(out.stdout.contains(direction), "{lang}: {direction}");
    }
    let help = run(&["evaluate", "--help"]);
    assert!(help.stdout.contains("--format rtf"), "{}", help.stdout);
}

#[test]
fn evaluate_reads_standard_input_with_a_dash() {
    let out = run_with(
        &["evaluate", "-", "--format", "markdown"],
        Some(SAMPLE.as_bytes().to_vec()),
    );
    ok(&out, "stdin");
    assert!(out.stdout.starts_with("# "), "{}", out.stdout);
    assert!(out.stdout.contains(DATE));
    let bad = run_with(&["evaluate", "-"], Some(b"{\"format\":".to_vec()));
    refused(&bad, "stdin, malformed", &["not valid JSON"]);
}

#[test]
fn questions_prints_the_questionnaire_in_json_and_text() {
    let json = run(&["questions", "--format", "json"]);
    ok(&json, "questions json");
    assert_eq!(
        run(&["questions"]).stdout,
        json.stdout,
        "json is the default"
    );
    let q: serde_json::Value =
        serde_json::from_str(&json.stdout).unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert_eq!(q["lang"], "en");
    let sections = q["sections"]
        .as_array()
        .unwrap_or_else(|| panic!("no sections"));
    assert_eq!(sections.len(), 5);
    let entries: Vec<&serde_json::Value> = sections
        .iter()
        .flat_map(|s| s["questions"].as_array().into_iter().flatten())
        .collect();
    let ids: Vec<&str> = entries.iter().filter_map(|e| e["id"].as_str()).collect();
    let all: Vec<&str> = QuestionId::ALL.iter().map(|q| q.as_str()).collect();
    assert_eq!(ids, all);
    for e in &entries {
        for key in ["text", "help", "cites"] {
            assert!(
                e[key].as_str().is_some_and(|s| !s.is_empty()),
                "{}: {key}",
                e["id"]
            );
        }
        assert!(e["options"].as_array().is_some_and(|o| !o.is_empty()));
    }
    let by_id = |id: &str| {
        entries
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(
        by_id("person_in_group")["shown_when"],
        serde_json::json!({"question": "group_targeted", "none_of": ["no"]})
    );
    assert_eq!(
        by_id("reported_to_treaty_bodies")["shown_when"],
        serde_json::json!({"question": "assurances_subject", "any_of": ["torture", "both"]})
    );
    assert!(by_id("systematic_torture")["shown_when"].is_null());

    let text = run(&["questions", "--format", "text"]);
    ok(&text, "questions text");
    for id in all {
        assert!(text.stdout.contains(id), "{id} missing from the text");
    }
    assert!(text.stdout.contains("R2(e)"));
    // The evidential standard, beside each of the seven R2 questions only.
    let c = english();
    assert_eq!(text.stdout.matches(c.standard.yes).count(), 7);
    assert_eq!(text.stdout.matches(c.standard.unknown).count(), 7);
}

#[test]
fn help_is_printed_for_every_command() {
    for (args, needle) in [
        (&["--help"][..], "Usage"),
        (&["help"][..], "Usage"),
        (&[][..], "Usage"),
        (&["evaluate", "--help"][..], "assurance-check evaluate"),
        (&["questions", "--help"][..], "assurance-check questions"),
        (&["evaluate", "-h"][..], "--format"),
    ] {
        let out = run(args);
        ok(&out, &format!("{args:?}"));
        assert!(out.stdout.contains(needle), "{args:?}: {}", out.stdout);
    }
    let version = run(&["--version"]);
    ok(&version, "--version");
    assert!(version.stdout.contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    let file = TempFile::new("sample.json", SAMPLE.as_bytes());
    let path = file.path();
    refused(
        &run(&["evaluate", path, "--lang", "xx"]),
        "--lang xx",
        &["--lang"],
    );
    refused(
        &run(&["questions", "--lang", "xx"]),
        "questions --lang xx",
        &["--lang", "en"],
    );
    refused(
        &run(&["evaluate", path, "--format", "yaml"]),
        "--format yaml",
        &["--format", "json, text, markdown, rtf"],
    );
    refused(
        &run(&["questions", "--format", "markdown"]),
        "questions --format markdown",
        &["--format"],
    );
    refused(&run(&["evaluate"]), "no file", &["FILE"]);
    refused(&run(&["frobnicate"]), "unknown command", &["frobnicate"]);
    refused(
        &run(&["evaluate", path, "--colour"]),
        "unknown option",
        &["--colour"],
    );
    ok(&run(&["evaluate", path, "--lang", "en"]), "--lang en");
}

fn file_with(answers: &str) -> String {
    format!(r#"{{"format":"assurance-check/answers","version":1,"answers":{answers}}}"#)
}

#[test]
fn bad_answers_files_exit_2_with_one_line_naming_the_problem() {
    let all_ids: Vec<&str> = QuestionId::ALL.iter().map(|q| q.as_str()).collect();
    let mut unknown_id: Vec<&str> = vec!["answers.colour", "not a recognised field"];
    unknown_id.extend(&all_ids);

    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        (
            "malformed JSON",
            br#"{"format": "assurance-check/answers", "version": 1,"#.to_vec(),
            vec!["not valid JSON"],
        ),
        ("empty file", Vec::new(), vec!["empty"]),
        ("blank file", b"  \n\t\n".to_vec(), vec!["empty"]),
        (
            "wrong version",
            br#"{"format":"assurance-check/answers","version":2,"answers":{}}"#.to_vec(),
            vec!["version", "2", "Allowed: 1"],
        ),
        (
            "version as a string",
            br#"{"format":"assurance-check/answers","version":"1","answers":{}}"#.to_vec(),
            vec!["version", "a number"],
        ),
        (
            "wrong format",
            br#"{"format":"something/else","version":1,"answers":{}}"#.to_vec(),
            vec!["format", "something/else", "assurance-check/answers"],
        ),
        (
            "missing format",
            br#"{"version":1,"answers":{}}"#.to_vec(),
            vec!["format", "missing", "assurance-check/answers"],
        ),
        (
            "unknown top-level field",
            br#"{"format":"assurance-check/answers","version":1,"answers":{},"extra":1}"#
                .to_vec(),
            vec!["extra", "format, version, answers, notes"],
        ),
        (
            "unknown id",
            file_with(r#"{"colour":"yes"}"#).into_bytes(),
            unknown_id,
        ),
        (
            "bad value",
            file_with(r#"{"personal_risk":"maybe"}"#).into_bytes(),
            vec!["answers.personal_risk", "maybe", "yes, no, unknown"],
        ),
        (
            "bad transfer kind",
            file_with(r#"{"transfer_kind":"yes"}"#).into_bytes(),
            vec![
                "answers.transfer_kind",
                "expulsion, return, extradition, rendition, other",
            ],
        ),
        (
            "wrong type of answer",
            file_with(r#"{"personal_risk":true}"#).into_bytes(),
            vec!["answers.personal_risk", "a string", "yes, no, unknown"],
        ),
        (
            "wrong type of answers",
            file_with("[]").into_bytes(),
            vec!["answers", "an object"],
        ),
        (
            "not an object",
            b"[1, 2]".to_vec(),
            vec!["The file", "an object"],
        ),
        (
            "duplicate answer",
            file_with(r#"{"personal_risk":"yes","personal_risk":"no"}"#).into_bytes(),
            vec!["answers.personal_risk", "more than once"],
        ),
        (
            "unknown id in notes",
            br#"{"format":"assurance-check/answers","version":1,"answers":{},"notes":{"colour":"x"}}"#
                .to_vec(),
            vec!["notes.colour"],
        ),
        (
            "a key with a line break",
            file_with(r#"{"a\nb":"yes"}"#).into_bytes(),
            vec!["answers.a\\nb"],
        ),
        (
            "invalid UTF-8",
            vec![b'{', 0xff, 0xfe, b'}'],
            vec!["UTF-8"],
        ),
        (
            "10 MB",
            {
                let mut big = file_with(r#"{"personal_risk":"yes"}"#).into_bytes();
                big.truncate(big.len() - 1);
                big.extend(br#","notes":{"personal_risk":""#);
                big.resize(10 * 1024 * 1024, b'x');
                big.extend(br#""}}"#);
                big
            },
            vec!["too large"],
        ),
        (
            "nested 10,000 levels of lists",
            {
                let mut deep = "[".repeat(10_000);
                deep.push_str(&"]".repeat(10_000));
                deep.into_bytes()
            },
            vec!["not valid JSON", "nesting"],
        ),
        (
            "nested 10,000 levels of objects",
            {
                let mut deep = r#"{"answers":"#.repeat(10_000);
                deep.push_str("{}");
                deep.push_str(&"}".repeat(10_000));
                deep.into_bytes()
            },
            vec!["not valid JSON", "nesting"],
        ),
    ];
    for (what, bytes, needles) in &cases {
        let file = TempFile::new("bad.json", bytes);
        refused(&run(&["evaluate", file.path()]), what, needles);
        refused(
            &run(&["evaluate", file.path(), "--format", "text"]),
            what,
            needles,
        );
    }
    // The same through standard input, including the 10 MB file.
    for (what, bytes, needles) in &cases {
        refused(
            &run_with(&["evaluate", "-"], Some(bytes.clone())),
            &format!("{what} on stdin"),
            needles,
        );
    }
}

#[test]
fn a_missing_file_exits_2_naming_it() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-answers-file.json");
    let path = path.to_str().unwrap_or_else(|| panic!("non-UTF-8 path"));
    refused(
        &run(&["evaluate", path]),
        "missing file",
        &["cannot read", "no-such-answers-file.json"],
    );
}

/// The JSON the CLI prints is the library's report, byte for byte.
#[test]
fn the_json_report_matches_the_library() {
    let file = TempFile::new("sample.json", SAMPLE.as_bytes());
    let out = run(&["evaluate", file.path()]);
    ok(&out, "json");
    let answers =
        assurance_check::cli::parse_json(SAMPLE).unwrap_or_else(|e| panic!("sample: {e}"));
    let want = serde_json::to_string_pretty(&Report::of(&answers, english()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.stdout.trim_end(), want);
}

/// SAMPLE with a case: the reference and preparer as given, Markdown-like text included.
const WITH_CASE: &str = r#"{
  "format": "assurance-check/answers",
  "version": 1,
  "answers": { "assurances_subject": "death_penalty", "systematic_torture": "no" },
  "notes": {},
  "case": { "reference": "AB/2026/17 *urgent*", "prepared_by": "J. Doe, Legal Aid" }
}"#;

#[test]
fn the_case_is_printed_in_every_human_report_and_kept_out_of_the_json() {
    let file = TempFile::new("case.json", WITH_CASE.as_bytes());
    for format in ["text", "markdown"] {
        let out = run(&["evaluate", file.path(), "--format", format]);
        ok(&out, format);
        let r = &english().report;
        in_order(
            &out.stdout,
            &[
                r.case_reference,
                "AB/2026/17",
                r.prepared_by,
                "J. Doe, Legal Aid",
                r.verdict,
            ],
            format,
        );
    }
    let md = run(&["evaluate", file.path(), "--format", "markdown"]);
    assert!(
        md.stdout.contains("AB/2026/17 \\*urgent\\*"),
        "escaped as text:\n{}",
        md.stdout
    );
    let json = run(&["evaluate", file.path()]);
    ok(&json, "json");
    assert!(
        !json.stdout.contains("AB/2026/17"),
        "the JSON report keeps RULES.md's shape"
    );
}

#[test]
fn a_bad_case_is_refused_naming_the_field() {
    let long = "x".repeat(201);
    for (case, field, why) in [
        (
            format!(r#"{{"reference": "{long}"}}"#),
            "case.reference",
            "200",
        ),
        (
            r#"{"prepared_by": 7}"#.to_owned(),
            "case.prepared_by",
            "string",
        ),
        (
            r#"{"judge": "X"}"#.to_owned(),
            "case.judge",
            "reference, prepared_by",
        ),
        (r#""AB/1""#.to_owned(), "case", "object"),
    ] {
        let text = format!(
            r#"{{"format": "assurance-check/answers", "version": 1, "answers": {{}}, "case": {case}}}"#
        );
        let file = TempFile::new("bad-case.json", text.as_bytes());
        let out = run(&["evaluate", file.path(), "--format", "text"]);
        refused(&out, field, &[field, why]);
    }
    let exactly = format!(
        r#"{{"format": "assurance-check/answers", "version": 1, "answers": {{}}, "case": {{"reference": "{}"}}}}"#,
        "é".repeat(200)
    );
    let file = TempFile::new("case-200.json", exactly.as_bytes());
    ok(
        &run(&["evaluate", file.path()]),
        "200 characters are allowed",
    );
}

#[test]
fn every_shown_question_is_listed_in_text_and_markdown_and_a_hidden_one_says_why() {
    let c = english();
    // group_targeted = no hides person_in_group; death_penalty hides the R4 question.
    let file = TempFile::new("case.json", WITH_CASE.as_bytes());
    for format in ["text", "markdown"] {
        let out = run(&["evaluate", file.path(), "--format", format]);
        ok(&out, format);
        let text = &out.stdout;
        let answers_at = text.find(c.report.answers).unwrap_or(0);
        let answers = &text[answers_at..];
        for q in QuestionId::ALL {
            let t = c.question(q);
            if q == QuestionId::ReportedToTreatyBodies {
                assert!(!answers.contains(t.text), "{format}: hidden {q:?} listed");
                assert!(
                    answers.contains(t.short),
                    "{format}: hidden {q:?} not explained"
                );
            } else {
                assert!(answers.contains(t.text), "{format}: {q:?} missing");
            }
        }
        assert!(
            answers.contains(c.values.unanswered),
            "{format}: not answered"
        );
        assert!(
            answers.contains("not asked, because of the answer to"),
            "{format}"
        );
        assert!(
            answers.contains(c.standard.yes),
            "{format}: the evidential standard"
        );
        for needle in [
            "Call for Action against the Use of Diplomatic Assurances in Transfers to Risk of Torture and Ill-Treatment",
            "Amnesty International",
            "OMCT, May 2005",
            "The labels were added by this tool",
        ] {
            assert!(text.contains(needle), "{format}: the source line lacks {needle:?}");
        }
    }
}

#[test]
fn arabic_reports_isolate_the_date_and_every_citation() {
    let file = TempFile::new("sample.json", SAMPLE.as_bytes());
    let out = run(&["evaluate", file.path(), "--format", "text", "--lang", "ar"]);
    ok(&out, "ar");
    let text = &out.stdout;
    assert!(
        text.contains("\u{2067}14 نوفمبر 2023\u{2069}"),
        "the date is in Arabic words, isolated as a right-to-left run:\n{text}"
    );
    // A finding line starts with its citation: isolated, so that the Arabic text after it
    // sets the paragraph's direction.
    assert!(text.contains("- \u{2066}¶4\u{2069}: "), "{text}");
    assert!(
        !text.contains("- ¶"),
        "an unisolated citation starts a line:\n{text}"
    );
}

#[test]
fn the_questionnaire_text_uses_each_language_punctuation() {
    let ar = run(&["questions", "--format", "text", "--lang", "ar"]);
    ok(&ar, "ar");
    assert!(
        ar.stdout.contains("(yes)، "),
        "Arabic comma between options"
    );
    assert!(!ar.stdout.contains("(yes), "), "no ASCII comma in Arabic");
    let fr = run(&["questions", "--format", "text", "--lang", "fr"]);
    ok(&fr, "fr");
    assert!(
        fr.stdout.contains("Réponses possibles\u{a0}: "),
        "French no-break space"
    );
}

/// An answers file with one note, written as a JSON string body (escapes allowed).
fn file_with_note(note_json: &str) -> String {
    format!(
        r#"{{"format":"assurance-check/answers","version":1,"answers":{{"personal_risk":"yes"}},"notes":{{"personal_risk":"{note_json}"}}}}"#
    )
}

/// Every control character but the line feed, and every bidi control, in `text`.
fn hazards(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&ch| {
            (ch.is_control() && ch != '\n')
                || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
        })
        .collect()
}

/// Issue 16, item 2: a note that rewrites the line ("\x1b[2K\r"), writes a false verdict,
/// sets the terminal title (OSC 0), rings the bell and reverses the text is shown with
/// visible escapes; only its real line breaks break it, and each line stays quoted.
#[test]
fn a_note_cannot_forge_the_verdict_in_text_or_markdown() {
    let note = r"see below\u001b[2K\rNo bar indicated\u001b]0;title\u0007\u0000\u007f\u0085\u000b\u202eevil\u2066\u2028x\r\nsecond line\nthird";
    let file = TempFile::new("forge.json", file_with_note(note).as_bytes());
    for (format, quote) in [("text", "    | "), ("markdown", "  > ")] {
        for lang in ["en", "ar"] {
            let out = run(&["evaluate", file.path(), "--format", format, "--lang", lang]);
            ok(&out, format);
            let text = &out.stdout;
            // The Arabic report isolates its own citations (U+2066 … U+2069): only those.
            let own = if lang == "ar" {
                text.matches('\u{2069}').count()
            } else {
                0
            };
            let found = hazards(text);
            assert!(
                found.len() <= 2 * own,
                "{format} {lang}: raw controls {found:?} in\n{text}"
            );
            for code in [
                "001B", "000D", "0007", "0000", "007F", "0085", "000B", "202E", "2066", "2028",
            ] {
                // Markdown escapes the `+` and the brackets too: `\<U\+202E\>` shows `<U+202E>`.
                let escape = if format == "text" {
                    ["<U+", code, ">"].concat()
                } else {
                    ["\\<U\\+", code, "\\>"].concat()
                };
                assert!(
                    text.contains(&escape),
                    "{format} {lang}: no {escape} in\n{text}"
                );
            }
            let lines: Vec<&str> = text.lines().filter(|l| l.starts_with(quote)).collect();
            assert_eq!(
                lines.len(),
                3,
                "{format} {lang}: three quoted lines in\n{text}"
            );
            assert!(lines[1].contains("second"), "{format} {lang}: {lines:?}");
            assert!(lines[2].contains("third"), "{format} {lang}: {lines:?}");
        }
    }
}

/// A Markdown line without its code spans (a run of backticks to the next run of the same
/// length), and the spans' contents.
fn outside_code_spans(line: &str) -> (String, Vec<String>) {
    let (mut text, mut spans, mut rest) = (String::new(), Vec::new(), line);
    while let Some(open) = rest.find('`') {
        text.push_str(&rest[..open]);
        let run = rest[open..].len() - rest[open..].trim_start_matches('`').len();
        let fence = "`".repeat(run);
        let after = &rest[open + run..];
        let close = after
            .match_indices(&fence)
            .find(|(at, _)| !after[at + run..].starts_with('`'))
            .map(|(at, _)| at)
            .unwrap_or_else(|| panic!("unclosed code span in {line:?}"));
        spans.push(after[..close].to_owned());
        rest = &after[close + run..];
    }
    text.push_str(rest);
    (text, spans)
}

/// Issue 16, item 3: in the Markdown report every ASCII punctuation character of a note is
/// backslash-escaped, so no note line can become a heading, a list, a table, a definition or
/// a link; a lone CR is no line break; leading spaces make no code block.
#[test]
fn a_note_adds_no_structure_to_the_markdown_report() {
    let note = r"intro\r=====\n---\n+ plus\n- minus\n1. one\n2) two\nterm\n: definition\n| a | b |\n      indented code\nhttps://example.org/x?y=1 www.example.org a@example.org mailto:a@example.org ~~s~~ $x$ {#id} 'q' \u0022q\u0022";
    let file = TempFile::new("structure.json", file_with_note(note).as_bytes());
    let out = run(&["evaluate", file.path(), "--format", "markdown"]);
    ok(&out, "markdown");
    assert!(!out.stdout.contains('\r'), "a raw CR:\n{}", out.stdout);
    let quoted: Vec<&str> = out
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("  > "))
        .collect();
    assert_eq!(
        quoted.len(),
        11,
        "one quoted line per real line:\n{}",
        out.stdout
    );
    for line in &quoted {
        assert!(!line.starts_with(' '), "a leading space: {line:?}");
        let body = line.strip_prefix("&#32;").unwrap_or(line);
        let (text, spans) = outside_code_spans(body);
        let mut backslashes = 0usize;
        for ch in text.chars() {
            if ch.is_ascii_punctuation() && ch != '\\' && backslashes % 2 == 0 {
                panic!("unescaped {ch:?} in {line:?}");
            }
            backslashes = if ch == '\\' { backslashes + 1 } else { 0 };
        }
        for link in ["://", "www.", "@", "mailto:"] {
            assert!(
                !text.contains(link),
                "{link:?} outside a code span in {line:?}"
            );
        }
        if line.contains("example") {
            assert_eq!(
                spans,
                [
                    "https://example.org/x?y=1",
                    "www.example.org",
                    "a@example.org",
                    "mailto:a@example.org"
                ],
                "each link-like word is a code span"
            );
        }
    }
    assert!(quoted[0].starts_with(r"intro\<U\+000D\>\="), "{quoted:?}");
}

/// Issue 16, item 14: in every language an error message is one sentence with a full stop;
/// a quoted key or value is shortened to 80 characters, keeps no raw bidi control, and is
/// isolated (U+2068 … U+2069); the parser's details are translated; a BOM and a lone
/// surrogate are named as such.
#[test]
fn error_messages_isolate_shorten_translate_and_end_with_a_full_stop() {
    use assurance_check::i18n::{catalog, LANGUAGES};
    let long = "k".repeat(200);
    let texts = [
        r#"{"format": "assurance-check/answers", "version": 1,"#.to_owned(),
        r#"{"a":1,}"#.to_owned(),
        "{}x".to_owned(),
        r#"{"a":"\ud800"}"#.to_owned(),
        r#"{"a":"\udc00"}"#.to_owned(),
        "\u{feff}{}".to_owned(),
        file_with(r#"{"personal_risk":"\u2069\u202eon si yes"}"#),
        file_with(&format!(r#"{{"{long}\u202e":"yes"}}"#)),
        file_with(r#"{"personal_risk":"yes","personal_risk":"no"}"#),
        r#"{"format":"assurance-check/answers","version":1,"answers":{},"extra":1}"#.to_owned(),
    ];
    for text in &texts {
        let e = assurance_check::cli::parse_json(text)
            .err()
            .unwrap_or_else(|| panic!("accepted: {text}"));
        for c in LANGUAGES {
            let m = e.message(c);
            let what = format!("{} {text:?}: {m:?}", c.lang.code);
            assert!(m.ends_with('.'), "no full stop: {what}");
            assert!(
                hazards(&m)
                    .iter()
                    .all(|&ch| matches!(ch, '\u{2066}'..='\u{2069}')),
                "{what}"
            );
            assert_eq!(
                m.matches('\u{2068}').count(),
                m.matches('\u{2069}').count(),
                "{what}"
            );
            assert!(!m.contains(&"k".repeat(81)), "not shortened: {what}");
            if c.lang.code != "en" {
                for english in [
                    "at line",
                    "column ",
                    "expected",
                    "EOF",
                    "trailing",
                    "surrogate",
                ] {
                    assert!(!m.contains(english), "untranslated {english:?}: {what}");
                }
            }
        }
    }
    let bad = parse_or_message(&texts[6], "en");
    assert!(
        bad.contains("“\u{2068}\\u{2069}\\u{202e}on si yes\u{2069}”"),
        "{bad:?}"
    );
    let field = parse_or_message(&texts[7], "en");
    assert!(
        field.starts_with(&format!("\u{2068}answers.{}…\u{2069} ", &long[..72])),
        "{field:?}"
    );

    // The CLI names a BOM and a lone surrogate, and gives the position in words.
    for (text, lang, needles) in [
        (&texts[5], "en", &["byte order mark", "U+FEFF"][..]),
        (
            &texts[3],
            "en",
            &["lone surrogate", "line 1, column 13"][..],
        ),
        (
            &texts[4],
            "en",
            &["lone surrogate", "line 1, column 12"][..],
        ),
        (
            &texts[0],
            "fr",
            &["n’est pas un JSON valide", "à la ligne 1, colonne"][..],
        ),
        (
            &texts[9],
            "fr",
            &["Admis\u{a0}: format, version, answers, notes, case."][..],
        ),
        (
            &texts[9],
            "es",
            &["Se admite: format, version, answers, notes, case."][..],
        ),
        (
            &texts[9],
            "ar",
            &["المسموح به: format، version، answers، notes، case."][..],
        ),
    ] {
        let file = TempFile::new("bad.json", text.as_bytes());
        refused(
            &run(&["evaluate", file.path(), "--lang", lang]),
            text,
            needles,
        );
    }
    // Arabic states the limits as rules, not as facts.
    let ar = &catalog("ar").unwrap_or_else(|| panic!("no ar")).errors;
    assert!(ar.too_large.contains("يجب ألا يتجاوز"), "{}", ar.too_large);
    assert!(
        ar.note_too_long.contains("يجب ألا تتجاوز"),
        "{}",
        ar.note_too_long
    );
}

fn parse_or_message(text: &str, lang: &str) -> String {
    let c = assurance_check::i18n::catalog(lang).unwrap_or_else(|| panic!("no {lang}"));
    assurance_check::cli::parse_json(text)
        .err()
        .unwrap_or_else(|| panic!("accepted: {text}"))
        .message(c)
}

/// The lines of `text` from the first that contains `needle`.
fn from_line<'a>(lines: &[&'a str], needle: &str, what: &str) -> Vec<&'a str> {
    let at = lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{what}: no line with {needle:?}"));
    lines[at..].to_vec()
}

/// RULES.md "Authorities", in every language and both formats: each reason is followed by
/// its authorities (citation with pinpoint, then the point in the report's language; an
/// authority that accepted assurances says so), and the report ends with a table of
/// authorities listing each cited authority once, under its forum. Citations stay in their
/// official form, isolated in Arabic.
#[test]
fn text_and_markdown_list_authorities_under_reasons_and_end_with_their_table() {
    let file = TempFile::new("sample.json", SAMPLE.as_bytes());
    let find = |id: &str| {
        AUTHORITIES
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("{id} is in the table"))
    };
    let saadi = find("saadi-v-italy-2008");
    let othman = find("othman-abu-qatada-v-united-kingdom-2012");
    let r2a = Reason::Circumstance(CircumstanceId::SystematicTorture);
    let unreliable = Reason::Finding(FindingId::AssurancesUnreliable);
    for c in LANGUAGES {
        let code = c.lang.code;
        let iso = |s: &str| match c.lang.dir {
            Dir::Rtl => format!("\u{2066}{s}\u{2069}"),
            Dir::Ltr => s.to_owned(),
        };
        let point = |a: &Authority, r: Reason| {
            a.point_for(r)
                .and_then(|p| p.text(code))
                .unwrap_or_else(|| panic!("{}: no {code} point", a.id))
        };
        for format in ["text", "markdown"] {
            let what = format!("{code} {format}");
            let out = run(&["evaluate", file.path(), "--format", format, "--lang", code]);
            ok(&out, &what);
            let text = out.stdout.replace('\\', ""); // Markdown escapes "[GC]"
            let lines: Vec<&str> = text.lines().collect();

            // Under R2(a), the next line: Saadi, with its pinpoint, and what it held.
            let after = from_line(
                &lines,
                c.circumstance(CircumstanceId::SystematicTorture),
                &what,
            );
            let pinpoint = saadi.point_for(r2a).and_then(|p| p.pinpoint);
            let line = after.get(1).copied().unwrap_or_default();
            assert!(line.starts_with("- "), "{what}: {line:?}");
            assert!(
                line.contains(&iso(&saadi.cite(pinpoint))),
                "{what}: {line:?}"
            );
            assert!(line.contains(point(saadi, r2a)), "{what}: {line:?}");

            // Under ¶5, ¶8, ¶9: Othman, saying that the Court accepted the assurances.
            let accepted = fill(
                c.authorities.accepted,
                &[("point", point(othman, unreliable))],
            );
            let othman_line = from_line(&lines, &iso(&othman.cite(None)), &what)[0];
            assert!(othman_line.contains(&accepted), "{what}: {othman_line:?}");
            let findings = from_line(&lines, c.report.findings, &what);
            assert!(
                findings.contains(&othman_line),
                "{what}: Othman is under a finding"
            );

            // A finding given once per safeguard lists its authorities under the first only:
            // here R3 is missing once and unverified three times.
            let gebremedhin = find("gebremedhin-v-france-2007");
            let under_r3 = findings
                .iter()
                .filter(|l| l.contains(&iso(&gebremedhin.cite(None))))
                .count();
            assert_eq!(under_r3, 2 + 1, "{what}: twice under R3, once in the table");

            // The table comes last, after the disclaimer: every authority cited above, once.
            let table = from_line(&lines, c.authorities.heading, &what);
            assert!(
                text.find(c.ui.disclaimer) < text.rfind(c.authorities.heading),
                "{what}: the table ends the report"
            );
            let ecthr = c.forum(Forum::Ecthr);
            assert!(table.iter().any(|l| l.contains(ecthr)), "{what}: {ecthr:?}");
            let body_len = lines.len() - table.len();
            let item = if format == "text" { "- " } else { "- **" };
            let mut listed = 0;
            for a in AUTHORITIES {
                let cited_above = lines[..body_len].iter().any(|l| {
                    a.points
                        .iter()
                        .any(|p| l.starts_with(&format!("{item}{}", iso(&a.cite(p.pinpoint)))))
                });
                let start = format!("{item}{}", iso(&a.cite(None)));
                let in_table = table.iter().filter(|l| l.starts_with(&start)).count();
                assert_eq!(
                    in_table,
                    usize::from(cited_above),
                    "{what}: {} in the table",
                    a.id
                );
                listed += in_table;
            }
            assert!(
                listed >= 5,
                "{what}: only {listed} authorities in the table"
            );
            let saadi_row = table
                .iter()
                .find(|l| l.contains(&iso(&saadi.cite(None))))
                .copied()
                .unwrap_or_default();
            assert!(saadi_row.contains(&iso("R2(a)")), "{what}: {saadi_row:?}");
            assert!(
                saadi_row.contains(&iso("¶5, ¶8, ¶9")),
                "{what}: {saadi_row:?}"
            );

            if c.lang.dir == Dir::Rtl && format == "text" {
                // No citation starts a line unisolated: it would set the line's direction.
                let bare = lines.iter().find(|l| {
                    l.strip_prefix("- ")
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '¶')
                });
                assert!(bare.is_none(), "{what}: {bare:?}");
            }
        }
    }
}

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(at) = todo.pop() {
        for entry in std::fs::read_dir(&at).expect("the directory is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path.strip_prefix(dir).expect("under dir").to_path_buf());
            }
        }
    }
    out
}

/// SECURITY.md, "terminal and shell history": the CLI answers on standard output and writes
/// no file of its own, neither where it runs nor in the home, cache or temporary directories.
#[test]
fn the_cli_writes_no_file() {
    let root = std::env::temp_dir().join(format!("ac-cli-writes-nothing-{}", std::process::id()));
    let (cwd, home, tmp) = (root.join("cwd"), root.join("home"), root.join("tmp"));
    for dir in [&cwd, &home, &tmp] {
        std::fs::create_dir_all(dir).expect("a scratch directory");
    }
    std::fs::write(cwd.join("answers.json"), file_with_note("a private note"))
        .expect("the answers file is written");
    let mut runs: Vec<Vec<&str>> = ["json", "text", "markdown", "rtf"]
        .iter()
        .map(|f| vec!["evaluate", "answers.json", "--format", f, "--lang", "fr"])
        .collect();
    runs.push(vec!["questions", "--format", "text"]);
    for args in &runs {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(&cwd)
            .env("HOME", &home)
            .env("TMPDIR", &tmp)
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_STATE_HOME", home.join("state"))
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(
            !out.stdout.is_empty(),
            "{args:?} answered on standard output"
        );
    }
    let written = files_under(&root);
    let _ = std::fs::remove_dir_all(&root);
    assert_eq!(written, [PathBuf::from("cwd/answers.json")]);
}

/// Issue 16, item 2: the case reference and the preparer are the user's words too. Their
/// terminal escapes, line breaks and bidi overrides are shown escaped, each field stays on
/// its one line, and the verdict line after it is as the tool wrote it.
#[test]
fn the_case_fields_cannot_forge_a_report_line() {
    let reference = r"AB-17\u001b[2K\rNo bar indicated\u202e\nVerdict: none";
    let prepared_by = r"Counsel\u001b]0;title\u0007\u2066";
    let text = format!(
        r#"{{"format":"assurance-check/answers","version":1,"answers":{{"systematic_torture":"yes"}},"case":{{"reference":"{reference}","prepared_by":"{prepared_by}"}}}}"#
    );
    let file = TempFile::new("forge-case.json", text.as_bytes());
    for format in ["text", "markdown"] {
        let out = run(&["evaluate", file.path(), "--format", format, "--lang", "en"]);
        ok(&out, format);
        let report = &out.stdout;
        assert!(
            hazards(report).is_empty(),
            "{format}: raw controls {:?}",
            hazards(report)
        );
        let plain = report.replace('\\', "");
        let line = plain
            .lines()
            .find(|l| l.contains("AB-17"))
            .unwrap_or_else(|| panic!("{format}: no reference in\n{report}"));
        let escaped = "<U+001B>[2K<U+000D>No bar indicated<U+202E><U+000A>Verdict: none";
        assert!(line.contains(escaped), "{format}: {line:?}");
        assert!(
            !plain
                .lines()
                .any(|l| l.trim_start().starts_with("Verdict: none")),
            "{format}: the reference made a line of its own\n{report}"
        );
        assert!(
            plain.contains("Counsel<U+001B>]0;title<U+0007><U+2066>"),
            "{format}: the preparer\n{report}"
        );
    }
}

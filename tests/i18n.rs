//! The message catalogs of every shipped language: complete, placeholders intact, legal
//! terms as in the glossaries of `src/i18n/glossary/` (official CAT and ICCPR wording), no
//! English left over, and the CLI speaking each language with the same JSON ids.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

use assurance_check::i18n::{self, Catalog, Dir, LANGUAGES};
use assurance_check::rules::{FindingId, QuestionId, Verdict, AUTHORITIES};
use serde_json::Value;

/// The languages issue 7 ships, English first (the fallback).
const SHIPPED: [&str; 4] = ["en", "fr", "es", "ar"];

/// Each glossary, by language code.
const GLOSSARIES: [(&str, &str); 4] = [
    ("en", include_str!("../src/i18n/glossary/en.md")),
    ("fr", include_str!("../src/i18n/glossary/fr.md")),
    ("es", include_str!("../src/i18n/glossary/es.md")),
    ("ar", include_str!("../src/i18n/glossary/ar.md")),
];

/// Messages that are rightly the same word as in English, with the reason. Anything else
/// equal to its English counterpart is an untranslated message.
const SAME_AS_ENGLISH: [(&str, &[&str]); 2] = [
    // The French words are spelt as the English ones.
    (
        "fr",
        &[
            "values.expulsion",
            "values.extradition",
            "ui.notes_toggle",
            "report.note",
            "report.questionnaire",
        ],
    ),
    // Spanish "No" is English "No".
    ("es", &["values.no"]),
];

/// English words that never occur in French or Spanish prose: one of them in a translated
/// message or report is English left over.
const ENGLISH_WORDS: [&str; 16] = [
    "the", "and", "of", "is", "are", "with", "must", "not", "this", "that", "be", "your", "you",
    "which", "answer", "answers",
];

/// Latin-script words allowed in Arabic text: names of formats and of the tool; UTF-8 and the
/// byte order mark (BOM, U+FEFF), which Arabic technical text names in Latin; and the legal
/// Latin "erga omnes (partes)", which stays Latin in the Arabic points of authorities.toml.
const LATIN_IN_ARABIC: [&str; 11] = [
    "JSON",
    "PDF",
    "RTF",
    "assurance",
    "check",
    "UTF",
    "BOM",
    "FEFF",
    "erga",
    "omnes",
    "partes",
];

/// Proper names cited as published, in every language (RULES.md, "Where the reasons come
/// from"): the statement's title, a case's name, organisations' acronyms. Finding citations
/// (`FindingId::cites`) are the same in every language too.
const PROPER_NAMES: [&str; 5] = [
    "Call for Action against the Use of Diplomatic Assurances in Transfers to Risk of Torture and Ill-Treatment",
    "Othman (Abu Qatada) v. the United Kingdom",
    "FIACAT",
    "FIDH",
    "OMCT",
];

fn lang(code: &str) -> &'static Catalog {
    i18n::catalog(code).unwrap_or_else(|| panic!("language {code} is not registered"))
}

fn translations() -> impl Iterator<Item = &'static Catalog> {
    LANGUAGES.iter().copied().filter(|c| c.lang.code != "en")
}

fn entries(c: &Catalog) -> BTreeMap<String, &'static str> {
    c.all_entries().into_iter().collect()
}

fn same_as_english(code: &str) -> &'static [&'static str] {
    SAME_AS_ENGLISH
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(&[], |(_, keys)| keys)
}

fn is_arabic(ch: char) -> bool {
    matches!(ch, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A citation label or code such as "R3", "R2(c)" or "¶4": nothing to translate.
fn is_code(message: &str) -> bool {
    let mut rest = without_placeholders(message);
    for letter in ['a', 'b', 'c', 'd', 'e'] {
        rest = rest.replace(&format!("({letter})"), "");
    }
    rest.chars()
        .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || "()¶.,;: -".contains(ch))
}

/// The words of `text` written in ASCII letters only, in order ("prohíbe" is not "be").
fn latin_words(text: &str) -> Vec<&str> {
    text.split(|ch: char| !ch.is_alphabetic())
        .filter(|w| !w.is_empty() && w.chars().all(|ch| ch.is_ascii_alphabetic()))
        .collect()
}

/// `text` without the authorities' citations, which keep their official form in every
/// language (RULES.md, "Authorities").
fn without_citations(text: &str) -> String {
    let mut text = text.to_owned();
    for a in AUTHORITIES {
        for pin in a.points.iter().map(|p| p.pinpoint).chain([None]) {
            text = text.replace(&a.cite(pin), " ");
        }
    }
    text
}

/// English left over in `text` (a translated message or a rendered report), if any.
fn english_left_over(code: &str, text: &str) -> Vec<String> {
    // Finding citations first: some hold an authority's citation.
    let mut text = text.to_owned();
    for cites in FindingId::ALL.map(FindingId::cites) {
        text = text.replace(cites, " ");
        // The table of authorities names a reason by its first citation.
        if let Some(first) = cites.split(';').next() {
            text = text.replace(first, " ");
        }
    }
    text = without_citations(&text);
    for name in PROPER_NAMES {
        text = text.replace(name, " ");
    }
    while let Some((open, close)) = text.find('{').zip(text.find('}')) {
        if close < open {
            break;
        }
        text.replace_range(open..=close, " "); // a placeholder's name is not prose
    }
    let words = latin_words(&text);
    if code == "ar" {
        words
            .into_iter()
            .filter(|w| w.len() > 2 && !LATIN_IN_ARABIC.contains(w))
            .map(str::to_owned)
            .collect()
    } else {
        words
            .into_iter()
            .filter(|w| ENGLISH_WORDS.contains(&w.to_lowercase().as_str()))
            .map(str::to_owned)
            .collect()
    }
}

/// The `{name}` placeholders of a message; panics on a brace that opens no placeholder.
fn placeholders(key: &str, message: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = message;
    while let Some(open) = rest.find(['{', '}']) {
        let from = &rest[open..];
        assert!(from.starts_with('{'), "{key}: stray '}}' in {message:?}");
        let close = from
            .find('}')
            .unwrap_or_else(|| panic!("{key}: unclosed '{{' in {message:?}"));
        let name = &from[1..close];
        assert!(
            !name.is_empty() && name.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'),
            "{key}: '{{{name}}}' is not a placeholder, in {message:?}"
        );
        out.insert(name.to_owned());
        rest = &from[close + 1..];
    }
    out
}

#[test]
fn the_shipped_languages_are_registered_english_first_with_their_names_and_directions() {
    let codes: Vec<&str> = LANGUAGES.iter().map(|c| c.lang.code).collect();
    assert_eq!(codes, SHIPPED);
    assert_eq!(i18n::english().lang.code, "en");
    let named: Vec<(&str, &str, Dir)> = LANGUAGES
        .iter()
        .map(|c| (c.lang.code, c.lang.name, c.lang.dir))
        .collect();
    assert_eq!(
        named,
        [
            ("en", "English", Dir::Ltr),
            ("fr", "Français", Dir::Ltr),
            ("es", "Español", Dir::Ltr),
            ("ar", "العربية", Dir::Rtl),
        ]
    );
    assert_eq!(lang("ar").lang.dir.as_str(), "rtl");
}

#[test]
fn every_language_has_exactly_the_english_keys_and_no_empty_message() {
    let english: Vec<String> = i18n::english()
        .all_entries()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert!(english.len() > 150, "too few entries: {}", english.len());
    for c in LANGUAGES {
        let all = c.all_entries();
        let keys: Vec<&String> = all.iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            english.iter().collect::<Vec<_>>(),
            "{}: keys differ from English",
            c.lang.code
        );
        for (key, message) in &all {
            assert!(
                !message.trim().is_empty(),
                "{}: {key} is empty",
                c.lang.code
            );
            assert_eq!(
                message.trim(),
                *message,
                "{}: {key} has leading or trailing space",
                c.lang.code
            );
        }
    }
}

#[test]
fn placeholders_match_english_exactly_in_every_message() {
    let english = entries(i18n::english());
    for c in LANGUAGES {
        for (key, message) in c.all_entries() {
            let expected = placeholders(&key, english[&key]);
            assert_eq!(
                placeholders(&key, message),
                expected,
                "{}: {key}: {message:?}",
                c.lang.code
            );
        }
    }
    // The documented placeholders are really there (guards against an English edit).
    let e = i18n::english();
    assert_eq!(
        placeholders("ui.progress", e.ui.progress),
        BTreeSet::from(["answered".to_owned(), "total".to_owned()])
    );
    assert_eq!(
        placeholders("findings.safeguard_missing", e.findings.safeguard_missing),
        BTreeSet::from(["safeguard".to_owned()])
    );
}

#[test]
fn filled_placeholders_leave_no_braces_in_any_language() {
    for c in LANGUAGES {
        let progress = i18n::fill(c.ui.progress, &[("answered", "3"), ("total", "15")]);
        assert!(
            progress.contains('3') && progress.contains("15"),
            "{progress}"
        );
        assert!(
            !progress.contains(['{', '}']),
            "{}: {progress}",
            c.lang.code
        );
        let missing = i18n::fill(
            c.findings.safeguard_missing,
            &[("safeguard", c.question(QuestionId::IndependentLawyer).short)],
        );
        assert!(
            missing.contains(c.question(QuestionId::IndependentLawyer).short),
            "{}: {missing}",
            c.lang.code
        );
    }
}

#[test]
fn labels_quoted_in_other_messages_match_the_labels_themselves() {
    for c in LANGUAGES {
        let code = c.lang.code;
        let help = c.question(QuestionId::AssurancesSubject).help;
        for label in [c.values.torture, c.values.death_penalty, c.values.none] {
            assert!(help.contains(label), "{code}: {label:?} not in {help:?}");
        }
        assert!(
            c.ui.privacy.contains(c.ui.keep_on_device),
            "{code}: privacy"
        );
        assert!(
            c.ui.keep_on_device_help.contains(c.ui.forget),
            "{code}: forget"
        );
    }
    for c in translations() {
        let help = c.question(QuestionId::PostReturnMonitoring).help;
        assert!(help.contains(c.values.yes), "{}: {help:?}", c.lang.code);
    }
}

// ---- Glossaries ----------------------------------------------------------------------

/// One glossary: key -> forms, the official term first.
type Glossary = BTreeMap<String, Vec<String>>;

/// Parses the `| key | term | source |` table of a glossary file.
fn glossary(code: &str) -> Glossary {
    let text = GLOSSARIES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("no glossary for {code}"));
    let mut rows = text.lines().filter(|l| l.trim_start().starts_with('|'));
    let header: Vec<&str> = rows
        .next()
        .unwrap_or_else(|| panic!("{code}.md has no table"))
        .split('|')
        .map(str::trim)
        .collect();
    assert_eq!(
        header,
        ["", "key", "term", "source", ""],
        "{code}.md header"
    );
    let mut out = Glossary::new();
    for row in rows {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        if cells
            .iter()
            .skip(1)
            .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
        {
            continue; // the separator row
        }
        let [_, key, term, source, _] = cells[..] else {
            panic!("{code}.md: a row must have three cells: {row}");
        };
        assert!(
            !key.is_empty() && key.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'),
            "{code}.md: bad key {key:?}"
        );
        assert!(!source.is_empty(), "{code}.md: {key} has no source");
        let forms: Vec<String> = term.split("; ").map(str::trim).map(str::to_owned).collect();
        assert!(
            forms.iter().all(|f| !f.is_empty()),
            "{code}.md: {key} has an empty form"
        );
        assert!(
            out.insert(key.to_owned(), forms).is_none(),
            "{code}.md: {key} twice"
        );
    }
    out
}

fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace('\'', "’")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// Arabic one-letter prefixes (and, so, with, like, for) that attach to the next word.
const ARABIC_PREFIXES: [char; 5] = ['و', 'ف', 'ب', 'ك', 'ل'];

/// Whether `text` uses `form` as a whole word or phrase, ignoring case. Before an Arabic
/// form, up to two one-letter prefixes may be attached.
fn uses(text: &str, form: &str) -> bool {
    let text = normalise(text);
    let form = normalise(form);
    let arabic = form.chars().next().is_some_and(is_arabic);
    text.match_indices(&form).any(|(at, _)| {
        let after_ok = text[at + form.len()..]
            .chars()
            .next()
            .is_none_or(|ch| !ch.is_alphanumeric());
        let mut before = text[..at].chars().rev().peekable();
        if arabic {
            for _ in 0..2 {
                before.next_if(|ch| ARABIC_PREFIXES.contains(ch));
            }
        }
        let before_ok = before.next().is_none_or(|ch| !ch.is_alphanumeric());
        after_ok && before_ok
    })
}

#[test]
fn the_word_matcher_respects_word_boundaries_and_arabic_prefixes() {
    assert!(uses("Post-return monitoring", "return"));
    assert!(!uses("returned", "return"));
    assert!(!uses("indication", "CAT"));
    assert!(uses("(CAT Art. 3)", "cat"));
    assert!(uses("d’état d’exception", "état d'exception"));
    assert!(uses("Réponses\u{a0}: motifs sérieux", "motifs sérieux"));
    assert!(uses("والتعذيب", "التعذيب"));
    assert!(uses("وبالتعذيب", "التعذيب"));
    assert!(!uses("للتعذيب", "التعذيب"));
    assert!(uses("للتعذيب", "للتعذيب"));
    assert!(!uses("تعذيبه", "تعذيب"));
}

#[test]
fn every_glossary_has_the_english_keys_and_every_listed_form_is_used() {
    let english = glossary("en");
    assert!(english.len() >= 12, "too few glossary terms");
    for key in [
        "torture",
        "cidt",
        "non_refoulement",
        "diplomatic_assurances",
        "extradition",
        "expulsion",
        "return",
        "cat",
        "iccpr",
        "committee_against_torture",
        "human_rights_committee",
        "special_rapporteur",
    ] {
        assert!(english.contains_key(key), "en.md lacks {key}");
    }
    for c in LANGUAGES {
        let code = c.lang.code;
        let terms = glossary(code);
        assert_eq!(
            terms.keys().collect::<Vec<_>>(),
            english.keys().collect::<Vec<_>>(),
            "{code}.md: keys differ from en.md"
        );
        let messages: Vec<&str> = c.all_entries().into_iter().map(|(_, m)| m).collect();
        for (key, forms) in &terms {
            // The first form is the official term, shown even if the catalog never uses
            // it whole; every further form is there only because the catalog uses it.
            for form in forms.iter().skip(1) {
                assert!(
                    messages.iter().any(|m| uses(m, form)),
                    "{code}.md: {key}: the form {form:?} is not used in the catalog"
                );
            }
            if code == "ar" {
                assert!(
                    forms.iter().all(|f| f.chars().any(is_arabic)),
                    "ar.md: {key}: {forms:?}"
                );
            }
            if code == "en" {
                assert!(
                    messages.iter().any(|m| forms.iter().any(|f| uses(m, f))),
                    "en.md: {key} is used by no English message, so it checks nothing"
                );
            }
        }
    }
}

#[test]
fn each_translation_uses_the_official_term_wherever_english_uses_the_english_one() {
    let english_terms = glossary("en");
    let english = i18n::english().all_entries();
    let mut checked = 0;
    let mut failures = Vec::new();
    for c in translations() {
        let code = c.lang.code;
        let terms = glossary(code);
        let translated = entries(c);
        for (entry, english_message) in &english {
            let message = translated[entry];
            for (key, english_forms) in &english_terms {
                if !english_forms.iter().any(|f| uses(english_message, f)) {
                    continue;
                }
                checked += 1;
                if !terms[key].iter().any(|f| uses(message, f)) {
                    failures.push(format!(
                        "{code}: {entry} uses English {key:?} but none of {:?}: {message:?}",
                        terms[key]
                    ));
                }
            }
        }
    }
    assert!(
        checked > 200,
        "the glossary check checked only {checked} pairs"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- No English left over ----------------------------------------------------------

#[test]
fn no_translated_message_is_left_in_english() {
    let english = entries(i18n::english());
    for c in translations() {
        let code = c.lang.code;
        let allowed = same_as_english(code);
        for key in allowed {
            assert_eq!(
                entries(c).get(*key),
                english.get(*key),
                "{code}: {key} is listed as the same as English but is not"
            );
        }
        for (key, message) in c.all_entries() {
            if message == english[&key] {
                assert!(
                    allowed.contains(&key.as_str()) || is_code(message),
                    "{code}: {key} is still in English: {message:?}"
                );
            }
            let left = english_left_over(code, message);
            assert!(
                left.is_empty(),
                "{code}: {key}: English words {left:?} in {message:?}"
            );
        }
    }
}

/// The message with every `{placeholder}` removed.
fn without_placeholders(message: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for ch in message.chars() {
        match ch {
            '{' => inside = true,
            '}' => inside = false,
            _ if !inside => out.push(ch),
            _ => {}
        }
    }
    out
}

#[test]
fn every_arabic_message_is_written_in_arabic_script() {
    for (key, message) in lang("ar").all_entries() {
        // A punctuation template ("{a}، {b}") has no words to write in any script.
        let words = without_placeholders(message);
        assert!(
            message.chars().any(is_arabic) || !words.chars().any(char::is_alphabetic),
            "ar: {key} has no Arabic letter: {message:?}"
        );
    }
}

#[test]
fn the_english_left_over_checks_can_fail() {
    assert!(is_code("R2(c)") && is_code("¶4") && !is_code("No"));
    assert_eq!(english_left_over("fr", "Voir the report"), ["the"]);
    assert!(english_left_over("es", "no prohíbe").is_empty());
    assert!(english_left_over("ar", "تمت الإجابة عن {answered} من {total}").is_empty());
    assert_eq!(english_left_over("ar", "التقرير report R2"), ["report"]);
    assert!(english_left_over("ar", "بصيغة JSON (R2(c), FN1)").is_empty());
}

// ---- The CLI in each language ------------------------------------------------------

/// Answers that bar reliance (R2(a)), with a missing safeguard.
const BARRED: &str = r#"{"format":"assurance-check/answers","version":1,
  "answers":{"systematic_torture":"yes","assurances_subject":"torture","tribunal_review":"no"}}"#;
/// Answers that leave R2(c) open.
const UNDETERMINED: &str = r#"{"format":"assurance-check/answers","version":1,
  "answers":{"group_targeted":"yes","transfer_kind":"extradition"}}"#;
/// Answers under which no listed circumstance holds, though torture assurances are sought.
const NOT_INDICATED: &str = r#"{"format":"assurance-check/answers","version":1,
  "answers":{"systematic_torture":"no","no_effective_control":"no","group_targeted":"no",
  "personal_risk":"no","onward_transfer":"no","other_grounds":"no",
  "assurances_subject":"both","post_return_monitoring":"yes"}}"#;

const SAMPLES: [(&str, Verdict); 3] = [
    (BARRED, Verdict::Barred),
    (UNDETERMINED, Verdict::Undetermined),
    (NOT_INDICATED, Verdict::NotIndicated),
];

/// Runs the binary with `args` and `stdin`; returns (exit code, stdout, stderr).
fn cli(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_assurance-check"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1800000000")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let written = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes());
    // A run that fails before reading its input closes the pipe; that is its answer.
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "stdin: {e}");
    }
    let out = child.wait_with_output().expect("the binary finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

fn evaluate(sample: &str, format: &str, code: &str) -> String {
    let (status, out, err) = cli(
        &["evaluate", "-", "--format", format, "--lang", code],
        sample,
    );
    assert_eq!(status, 0, "evaluate --format {format} --lang {code}: {err}");
    if format == "markdown" {
        out.replace('\\', "") // Markdown escapes; the words are what matter here
    } else {
        out
    }
}

#[test]
fn text_and_markdown_reports_give_the_verdict_in_the_chosen_language() {
    let english = i18n::english();
    for c in translations() {
        let code = c.lang.code;
        for (sample, verdict) in SAMPLES {
            let words = c.verdict(Some(verdict));
            for format in ["text", "markdown"] {
                let out = evaluate(sample, format, code);
                let at = format!("{code} {format} {verdict:?}");
                assert!(out.contains(c.report.title), "{at}: no title\n{out}");
                assert!(out.contains(words.title), "{at}: no verdict\n{out}");
                assert!(out.contains(words.meaning), "{at}: no meaning\n{out}");
                assert!(
                    out.contains(c.findings.legal_basis),
                    "{at}: no finding\n{out}"
                );
                let english_title = english.verdict(Some(verdict)).title;
                assert!(!out.contains(english_title), "{at}: English verdict\n{out}");
                let left = english_left_over(code, &out.replace("assurance-check", ""));
                assert!(left.is_empty(), "{at}: English words {left:?}\n{out}");
            }
        }
    }
}

#[test]
fn no_english_message_appears_in_a_translated_report() {
    let english = i18n::english().all_entries();
    for c in translations() {
        let code = c.lang.code;
        let own = entries(c);
        for (sample, _) in SAMPLES {
            let out = without_citations(&evaluate(sample, "text", code));
            for (key, message) in &english {
                let words = message.split_whitespace().count();
                if words >= 2 && !message.contains('{') && own[key] != *message {
                    assert!(
                        !out.contains(message),
                        "{code}: the English {key} {message:?} is in the report\n{out}"
                    );
                }
            }
        }
    }
}

/// The report JSON without the finding texts, which are the only words in it.
fn ids_only(json: &str) -> Value {
    let mut value: Value = serde_json::from_str(json).expect("the report is JSON");
    let findings = value["findings"]
        .as_array_mut()
        .expect("findings is an array");
    assert!(!findings.is_empty());
    for f in findings {
        let text = f
            .as_object_mut()
            .expect("a finding is an object")
            .remove("text");
        assert!(text.is_some_and(|t| t.is_string()), "a finding has a text");
    }
    // The authorities' points are words too.
    for list in ["circumstances", "findings"] {
        for row in value[list].as_array_mut().expect("an array") {
            for a in row["authorities"].as_array_mut().expect("authorities") {
                let point = a.as_object_mut().expect("an object").remove("point");
                assert!(
                    point.is_some_and(|p| p.is_string()),
                    "an authority has a point"
                );
            }
        }
    }
    value
}

#[test]
fn json_reports_have_the_same_ids_in_every_language_and_texts_in_the_chosen_one() {
    for (sample, verdict) in SAMPLES {
        let english = evaluate(sample, "json", "en");
        let expected = ids_only(&english);
        assert_eq!(expected["verdict"], verdict.as_str());
        for c in translations() {
            let code = c.lang.code;
            let json = evaluate(sample, "json", code);
            assert_eq!(ids_only(&json), expected, "{code}: ids differ from English");
            let value: Value = serde_json::from_str(&json).expect("the report is JSON");
            let legal_basis = value["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .find(|f| f["id"] == "legal_basis")
                .expect("legal_basis is always reported");
            assert_eq!(legal_basis["text"], c.findings.legal_basis, "{code}");
        }
    }
}

#[test]
fn the_questionnaire_comes_out_in_the_chosen_language() {
    for c in translations() {
        let code = c.lang.code;
        let (status, out, err) = cli(&["questions", "--format", "text", "--lang", code], "");
        assert_eq!(status, 0, "{code}: {err}");
        assert!(out.contains(c.report.questionnaire), "{code}");
        for q in QuestionId::ALL {
            assert!(out.contains(c.question(q).text), "{code}: {}", q.as_str());
            assert!(out.contains(c.question(q).help), "{code}: {}", q.as_str());
        }
        let (_, json, _) = cli(&["questions", "--lang", code], "");
        let value: Value = serde_json::from_str(&json).expect("the questionnaire is JSON");
        assert_eq!(value["lang"], code);
        assert_eq!(value["dir"], c.lang.dir.as_str());
    }
}

#[test]
fn an_unknown_language_is_refused_naming_the_shipped_ones() {
    let (status, out, err) = cli(&["evaluate", "-", "--lang", "de"], BARRED);
    assert_eq!(status, 2);
    assert!(out.is_empty());
    assert!(err.contains("en, fr, es, ar"), "{err}");
    let (status, out, _) = cli(
        &["evaluate", "-", "--format", "text", "--lang", "fr-CA"],
        BARRED,
    );
    assert_eq!(status, 0);
    assert!(out.contains(lang("fr").verdict(Some(Verdict::Barred)).title));
}

// ---- Choosing the language ---------------------------------------------------------

#[test]
fn negotiate_picks_the_first_supported_language_else_english() {
    let code = |tags: &[&str]| i18n::negotiate(tags.iter().copied()).lang.code;
    assert_eq!(code(&["fr-CA", "en"]), "fr");
    assert_eq!(code(&["de"]), "en");
    assert_eq!(code(&[]), "en");
    assert_eq!(code(&["de-DE", "es-419", "fr"]), "es");
    assert_eq!(code(&["AR"]), "ar");
    assert_eq!(code(&["ar_EG"]), "ar");
    assert_eq!(code(&["en-GB", "fr"]), "en");
    assert!(
        i18n::catalog("frr").is_none(),
        "a longer subtag is not French"
    );
}

// ---- Issue 18: the defects the glossary and the catalogs must not bring back ---------

/// Whether any of the forms of `key` in `code`'s glossary is used in `text`.
fn glossary_uses(code: &str, key: &str, text: &str) -> bool {
    glossary(code)[key].iter().any(|f| uses(text, f))
}

#[test]
fn the_glossary_check_catches_the_defects_found_on_review() {
    // Spanish: «devolución» is refoulement, not an ordinary return; the treaty bodies'
    // official name; rendition is one concept (extrajudicial) in every language.
    assert!(!glossary_uses(
        "es",
        "post_return_monitoring",
        "la supervisión posterior a la devolución"
    ));
    assert!(glossary_uses(
        "es",
        "post_return_monitoring",
        "la supervisión posterior al retorno"
    ));
    assert!(!glossary_uses(
        "es",
        "treaty_bodies",
        "los órganos de tratados"
    ));
    assert!(glossary_uses(
        "es",
        "treaty_bodies",
        "los órganos creados en virtud de tratados"
    ));
    assert!(!glossary_uses("ar", "rendition", "التسليم الاستثنائي"));
    assert!(glossary_uses(
        "ar",
        "rendition",
        "أو التسليم خارج نطاق القضاء"
    ));
    assert!(!glossary_uses("fr", "rendition", "remise extraordinaire"));
    assert!(glossary_uses("fr", "rendition", "Remise extrajudiciaire"));
    // And the catalogs as shipped use the right forms.
    for (code, key, entry) in [
        (
            "es",
            "post_return_monitoring",
            "questions.post_return_monitoring.text",
        ),
        (
            "es",
            "treaty_bodies",
            "questions.reported_to_treaty_bodies.short",
        ),
        ("ar", "rendition", "values.rendition"),
        ("fr", "rendition", "values.rendition"),
        ("es", "rendition", "values.rendition"),
    ] {
        let message = entries(lang(code))[entry];
        assert!(
            glossary_uses(code, key, message),
            "{code}: {entry}: {message:?}"
        );
    }
}

#[test]
fn the_r2_questions_ask_for_substantial_grounds_in_every_language() {
    for c in LANGUAGES {
        let code = c.lang.code;
        for q in QuestionId::ALL.into_iter().filter(|q| q.under_r2()) {
            let text = c.question(q).text;
            // R2(e) keeps its own, lower threshold: "any indication".
            if q == QuestionId::OnwardTransfer {
                assert!(
                    !glossary_uses(code, "substantial_grounds", text),
                    "{code}: {q:?}"
                );
            } else {
                assert!(
                    glossary_uses(code, "substantial_grounds", text),
                    "{code}: {q:?}: {text:?}"
                );
            }
        }
        let s = &c.standard;
        for meaning in [s.heading, s.yes, s.no, s.unknown] {
            assert!(
                !meaning.trim().is_empty(),
                "{code}: the evidential standard"
            );
        }
        if code != "en" {
            assert_ne!(s.yes, i18n::english().standard.yes, "{code}: untranslated");
        }
    }
}

/// Byte offsets of the statement labels (¶n, Rn, In, FNn) in `text` that are not inside a
/// left-to-right isolate (U+2066 … U+2069).
fn unisolated_labels(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut out = Vec::new();
    for (i, &(at, ch)) in chars.iter().enumerate() {
        let after_latin = i > 0 && chars[i - 1].1.is_ascii_alphanumeric();
        let label = match ch {
            '¶' | 'R' | 'I' => digit(i + 1),
            'F' => chars.get(i + 1).is_some_and(|(_, c)| *c == 'N') && digit(i + 2),
            _ => false,
        };
        let before = &text[..at];
        let isolated = before
            .rfind('\u{2066}')
            .is_some_and(|open| before.rfind('\u{2069}').is_none_or(|close| close < open));
        if label && !after_latin && !isolated {
            out.push(at);
        }
    }
    out
}

#[test]
fn every_citation_label_in_an_arabic_message_is_isolated_left_to_right() {
    assert_eq!(unisolated_labels("انظر (R2، ¶4)").len(), 2);
    assert!(unisolated_labels("انظر \u{2066}(R2، ¶4)\u{2069} وPDF").is_empty());
    let mut checked = 0;
    for (key, message) in lang("ar").all_entries() {
        let bad = unisolated_labels(message);
        assert!(
            bad.is_empty(),
            "ar: {key}: citations at {bad:?} are not isolated: {message:?}"
        );
        checked += message.matches('\u{2066}').count();
    }
    assert!(checked >= 20, "only {checked} Arabic isolates");
}

#[test]
fn french_uses_the_no_break_space_and_never_the_narrow_one() {
    for (key, message) in lang("fr").all_entries() {
        assert!(
            !message.contains('\u{202f}'),
            "fr: {key}: U+202F in {message:?}"
        );
        for mark in [":", ";", "?", "!", "»"] {
            assert!(
                !message.contains(&format!(" {mark}")),
                "fr: {key}: a plain space before {mark:?} in {message:?}"
            );
        }
    }
}

/// An error message without the field it names (isolated, U+2068 … U+2069) and without the
/// list of allowed values and fields after `errors.allowed`: the rest is the catalog's own
/// words and the value quoted from the file, which the inputs below keep free of words.
fn message_words(c: &Catalog, field: &str, message: &str) -> String {
    let rest = match message.find(c.errors.allowed) {
        Some(at) => &message[..at],
        None => message,
    };
    rest.replace(&format!("\u{2068}{field}\u{2069}"), " ")
}

/// Issue 16, item 14: no part of an error message is English in another language, the
/// description of a value (once "a number", "a list", "an object") and the parser's syntax
/// details included.
#[test]
fn a_translated_error_message_holds_no_english_fragment() {
    const ENGLISH_IN_ERRORS: [&str; 12] = [
        "number", "list", "object", "line", "column", "expected", "file", "value", "cannot", "an",
        "at", "null",
    ];
    let file = |version: &str, answers: &str| {
        format!(r#"{{"format":"assurance-check/answers","version":{version},"answers":{answers}}}"#)
    };
    let texts = [
        file("1.5", "{}"),
        file("-0.25", "{}"),
        file("1e300", "{}"),
        file("2", "{}"),
        file(r#""1""#, "{}"),
        file("1", "[]"),
        file("1", r#"{"personal_risk":5}"#),
        file("1", r#"{"personal_risk":"x"}"#),
        file("1", r#"{"personal_risk":"yes","personal_risk":"no"}"#),
        r#"{"format":5,"version":1,"answers":{}}"#.to_owned(),
        r#"{"format":"x","version":1,"answers":{}}"#.to_owned(),
        r#"{"version":1,"answers":{}}"#.to_owned(),
        r#"{"a":1,}"#.to_owned(),
        "{}x".to_owned(),
        "{".to_owned(),
        "[1e999]".to_owned(),
        r#"{"a":"\x"}"#.to_owned(),
        "\u{feff}{}".to_owned(),
    ];
    for text in &texts {
        let e = assurance_check::cli::parse_json(text)
            .err()
            .unwrap_or_else(|| panic!("accepted: {text}"));
        for c in translations() {
            let code = c.lang.code;
            let message = e.message(c);
            let words = message_words(c, &e.field, &message);
            let mut left = english_left_over(code, &words);
            if code != "ar" {
                left.extend(
                    latin_words(&words)
                        .into_iter()
                        .filter(|w| ENGLISH_IN_ERRORS.contains(&w.to_lowercase().as_str()))
                        .map(str::to_owned),
                );
            }
            assert!(
                left.is_empty(),
                "{code} {text:?}: English {left:?} in {message:?}"
            );
        }
    }
}

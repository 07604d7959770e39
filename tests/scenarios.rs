//! The scenario files of tests/cases, each run through the strict parser, the rules and the
//! JSON report; then what the files cover, computed from the files themselves; then the
//! authorities each report carries.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use assurance_check::i18n::{english, LANGUAGES};
use assurance_check::report::{document, to_markdown, to_text, AuthorityRow, Meta, Report};
use assurance_check::rules::{
    supporting, AnswerKind, FindingId, QuestionId, Reason, Verdict, AUTHORITIES,
};
use common::{run, scenarios, Case, Scenario, CASES};

/// RULES.md: the findings whose condition is "always"; they can never be absent.
const ALWAYS: [&str; 2] = ["legal_basis", "minimum_standards_rejected"];

/// The inputs of the six circumstances (RULES.md "The five circumstances and the verdict").
const CIRCUMSTANCE_INPUTS: [&str; 7] = [
    "systematic_torture",
    "no_effective_control",
    "group_targeted",
    "person_in_group",
    "personal_risk",
    "onward_transfer",
    "other_grounds",
];

const CIRCUMSTANCES: [&str; 6] = [
    "systematic_torture",
    "no_effective_control",
    "targeted_group",
    "personal_risk",
    "onward_transfer",
    "other_grounds",
];

const VERDICTS: [&str; 3] = ["barred", "undetermined", "not_indicated"];

fn set_of(items: &[String]) -> BTreeSet<String> {
    items.iter().cloned().collect()
}

/// The `question` of every finding of kind `id`.
fn finding_questions(report: &Report, id: &str) -> BTreeSet<String> {
    report
        .findings
        .iter()
        .filter(|f| f.id == id)
        .filter_map(|f| f.question.map(str::to_owned))
        .collect()
}

/// Every way in which the scenario's report differs from what its file expects.
fn problems(s: &Scenario) -> Vec<String> {
    let case = &s.case;
    let mut out = Vec::new();
    let outcome = match run(case) {
        Ok(o) => o,
        Err(e) => return vec![e],
    };
    let report = &outcome.report;
    let mut expect = |what: &str, ok: bool, detail: String| {
        if !ok {
            out.push(format!("{what}: {detail}"));
        }
    };

    expect(
        "verdict",
        report.verdict == case.verdict,
        format!("expected {}, got {}", case.verdict, report.verdict),
    );
    let ids: Vec<&str> = report.circumstances.iter().map(|c| c.id).collect();
    expect(
        "circumstances",
        ids == CIRCUMSTANCES,
        format!("all six in order, got {ids:?}"),
    );
    let with_status = |status: &str| -> BTreeSet<String> {
        report
            .circumstances
            .iter()
            .filter(|c| c.status == status)
            .map(|c| c.id.to_owned())
            .collect()
    };
    let established = with_status("established");
    expect(
        "established",
        established == set_of(&case.established),
        format!("expected {:?}, got {established:?}", case.established),
    );
    if let Some(unresolved) = &case.unresolved {
        let got = with_status("unresolved");
        expect(
            "unresolved",
            got == set_of(unresolved),
            format!("expected {unresolved:?}, got {got:?}"),
        );
    }

    let present: BTreeSet<&str> = report.findings.iter().map(|f| f.id).collect();
    for f in &case.findings {
        expect(
            "finding",
            present.contains(f.as_str()),
            format!("{f} missing"),
        );
    }
    for f in &case.absent_findings {
        expect(
            "absent finding",
            !present.contains(f.as_str()),
            format!("{f} present"),
        );
    }
    for (id, needle) in &case.finding_text {
        let texts: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.id == id)
            .map(|f| f.text.as_str())
            .collect();
        expect(
            "finding text",
            !texts.is_empty() && texts.iter().all(|t| t.contains(needle.as_str())),
            format!("{id} should contain {needle:?}, got {texts:?}"),
        );
    }
    for (field, id) in [
        (&case.safeguards_missing, "safeguard_missing"),
        (&case.safeguards_unverified, "safeguard_unverified"),
    ] {
        if let Some(expected) = field {
            let got = finding_questions(report, id);
            expect(
                id,
                got == set_of(expected),
                format!("expected questions {expected:?}, got {got:?}"),
            );
        }
    }

    let open: BTreeSet<String> = report
        .open_questions
        .iter()
        .map(|o| o.question.to_owned())
        .collect();
    expect(
        "open questions",
        open.is_empty() == (report.verdict != "undetermined"),
        format!("non-empty exactly when undetermined, got {open:?}"),
    );
    if let Some(expected) = &case.open_questions {
        expect(
            "open questions",
            open == set_of(expected),
            format!("expected {expected:?}, got {open:?}"),
        );
    }
    for (q, with) in case.together_with.iter().flatten() {
        let row = report.open_questions.iter().find(|o| o.question == q);
        let got: Option<BTreeSet<String>> =
            row.map(|o| o.together_with.iter().map(|t| (*t).to_owned()).collect());
        expect(
            "together_with",
            got.as_ref() == Some(&set_of(with)),
            format!("{q}: expected {with:?}, got {got:?}"),
        );
    }

    if let Some(hidden) = &case.hidden {
        let got: BTreeSet<String> = QuestionId::ALL
            .into_iter()
            .filter(|q| !q.is_shown(&outcome.answers))
            .map(|q| q.as_str().to_owned())
            .collect();
        expect(
            "hidden",
            got == set_of(hidden),
            format!("expected {hidden:?}, got {got:?}"),
        );
    }

    for (id, value) in &case.answers {
        let got = QuestionId::from_id(id)
            .and_then(|q| outcome.answers.get(q))
            .map(|a| a.as_str());
        expect(
            "answer",
            got == Some(value.as_str()),
            format!("{id}: expected {value}, read {got:?}"),
        );
    }
    let answered = outcome.answers.answered().count();
    expect(
        "answers",
        answered == case.answers.len(),
        format!("{} in the file, {answered} read", case.answers.len()),
    );
    let notes: BTreeMap<String, String> = outcome
        .answers
        .notes()
        .map(|(q, n)| (q.as_str().to_owned(), n.to_owned()))
        .collect();
    expect(
        "notes",
        notes == case.notes,
        format!("expected {:?}, read {notes:?}", case.notes),
    );
    out
}

#[test]
fn every_scenario_gives_its_expected_report() {
    let all = scenarios();
    let failures: Vec<String> = all
        .iter()
        .filter_map(|s| {
            let p = problems(s);
            (!p.is_empty()).then(|| format!("{}:\n    {}", s.at(), p.join("\n    ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

/// A label of sources/joint-statement.md: ¶1–¶14, R0–R4, R2(a)–R2(e), I0–I3, FN1.
fn is_label(s: &str) -> bool {
    let number = |rest: &str, max: u32| rest.parse::<u32>().is_ok_and(|n| n <= max);
    if let Some(rest) = s.strip_prefix('¶') {
        return number(rest, 14) && rest != "0";
    }
    if let Some(rest) = s.strip_prefix("R2(") {
        return matches!(rest, "a)" | "b)" | "c)" | "d)" | "e)");
    }
    if let Some(rest) = s.strip_prefix('R') {
        return number(rest, 4);
    }
    if let Some(rest) = s.strip_prefix('I') {
        return number(rest, 3);
    }
    s == "FN1"
}

/// "Name v. Name, FORUM, YYYY".
fn is_decided_case(s: &str) -> bool {
    let parts: Vec<&str> = s.split(", ").collect();
    let year_ok = parts
        .last()
        .is_some_and(|y| y.len() == 4 && y.parse::<u32>().is_ok_and(|y| (1950..2100).contains(&y)));
    parts.len() >= 3 && year_ok && parts.first().is_some_and(|p| p.contains(" v. "))
}

#[test]
fn scenario_files_are_complete_well_named_and_well_sourced() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let listed: Vec<String> = CASES.iter().map(|(f, _)| (*f).to_owned()).collect();
    assert_eq!(listed, on_disk, "build.rs's list is stale");
    assert!(listed.len() >= 28, "only {} scenario files", listed.len());

    let mut names = BTreeSet::new();
    for s in scenarios() {
        let c = &s.case;
        let stem = s.file.trim_end_matches(".toml");
        assert!(
            !stem.is_empty()
                && stem
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_'),
            "{}: file names are lower-case snake_case",
            s.at()
        );
        assert!(
            c.name.starts_with(|ch: char| ch.is_uppercase()) && c.name.ends_with('.'),
            "{}: name must be a sentence",
            s.at()
        );
        assert!(names.insert(c.name.clone()), "{}: duplicate name", s.at());
        assert!(
            c.source.split(", ").all(is_label) || is_decided_case(&c.source),
            "{}: source {:?} is neither statement labels nor a decided case",
            s.at(),
            c.source
        );
        assert!(
            VERDICTS.contains(&c.verdict.as_str()),
            "{}: verdict",
            s.at()
        );
        let known_finding = |f: &String| FindingId::ALL.iter().any(|id| id.as_str() == f);
        let known_question = |q: &String| QuestionId::from_id(q).is_some();
        let known_circumstance = |x: &String| CIRCUMSTANCES.contains(&x.as_str());
        assert!(
            c.findings
                .iter()
                .chain(&c.absent_findings)
                .all(known_finding)
                && c.finding_text.keys().all(known_finding),
            "{}: unknown finding id",
            s.at()
        );
        assert!(
            c.findings.iter().all(|f| !c.absent_findings.contains(f)),
            "{}: a finding both required and absent",
            s.at()
        );
        assert!(
            c.established
                .iter()
                .chain(c.unresolved.iter().flatten())
                .all(known_circumstance),
            "{}: unknown circumstance id",
            s.at()
        );
        let question_lists = c
            .open_questions
            .iter()
            .chain(&c.hidden)
            .chain(&c.safeguards_missing)
            .chain(&c.safeguards_unverified)
            .flatten()
            .chain(
                c.together_with
                    .iter()
                    .flat_map(|m| m.keys().chain(m.values().flatten())),
            );
        assert!(
            question_lists.clone().all(known_question),
            "{}: unknown question id in {:?}",
            s.at(),
            question_lists.collect::<Vec<_>>()
        );
    }
}

/// The answer a scenario gives to `q`, or "unanswered".
fn value<'a>(c: &'a Case, q: &str) -> &'a str {
    c.answers.get(q).map_or("unanswered", String::as_str)
}

#[test]
fn scenarios_cover_every_question_value_finding_and_verdict() {
    let all = scenarios();
    let cases: Vec<&Case> = all.iter().map(|s| &s.case).collect();
    let mut gaps: Vec<String> = Vec::new();
    let mut need = |ok: bool, what: String| {
        if !ok {
            gaps.push(what);
        }
    };

    // Every question, with every value it takes and also unanswered.
    for q in QuestionId::ALL {
        let id = q.as_str();
        need(
            cases.iter().any(|c| c.answers.contains_key(id)),
            format!("question {id} is never answered"),
        );
        let values: Vec<&str> = match q.kind() {
            AnswerKind::Tri => vec!["yes", "no", "unknown"],
            kind => kind.values().to_vec(),
        };
        for v in values.into_iter().chain(["unanswered"]) {
            need(
                cases.iter().any(|c| value(c, id) == v),
                format!("question {id} is never {v}"),
            );
        }
    }

    // Every finding present somewhere and, unless RULES.md shows it always, absent somewhere;
    // the always-shown ones are checked to be in every report.
    for f in FindingId::ALL {
        let id = f.as_str();
        need(
            cases.iter().any(|c| c.findings.iter().any(|x| x == id)),
            format!("finding {id} is never required"),
        );
        if ALWAYS.contains(&id) {
            continue;
        }
        need(
            cases
                .iter()
                .any(|c| c.absent_findings.iter().any(|x| x == id)),
            format!("finding {id} is never required to be absent"),
        );
    }
    for s in &all {
        let report = run(&s.case).unwrap_or_else(|e| panic!("{}: {e}", s.at()));
        for id in ALWAYS {
            need(
                report.report.findings.iter().any(|f| f.id == id),
                format!("{}: always-shown finding {id} missing", s.at()),
            );
        }
    }

    // Every verdict, every circumstance established, every input an open question.
    for v in VERDICTS {
        need(
            cases.iter().any(|c| c.verdict == v),
            format!("verdict {v} never expected"),
        );
    }
    for x in CIRCUMSTANCES {
        need(
            cases.iter().any(|c| c.established.iter().any(|e| e == x)),
            format!("circumstance {x} never established"),
        );
    }
    for q in CIRCUMSTANCE_INPUTS {
        need(
            cases
                .iter()
                .any(|c| c.open_questions.iter().flatten().any(|o| o == q)),
            format!("{q} is never an open question"),
        );
    }

    // The R2(c) conjunction.
    let pairs: BTreeSet<(&str, &str)> = cases
        .iter()
        .map(|c| (value(c, "group_targeted"), value(c, "person_in_group")))
        .collect();
    for pair in [
        ("no", "yes"),
        ("yes", "no"),
        ("yes", "unknown"),
        ("unknown", "unknown"),
        ("yes", "yes"),
        ("yes", "unanswered"),
        ("unanswered", "no"),
    ] {
        need(
            pairs.contains(&pair),
            format!("group_targeted/person_in_group {pair:?} not covered"),
        );
    }

    // Shown-when, both ways, checked by scenarios that list `hidden`.
    let hides = |c: &Case, q: &str| c.hidden.as_ref().map(|h| h.iter().any(|x| x == q));
    need(
        cases.iter().any(|c| {
            value(c, "group_targeted") == "no" && hides(c, "person_in_group") == Some(true)
        }),
        "person_in_group never checked hidden when group_targeted=no".to_owned(),
    );
    for group in ["yes", "unknown", "unanswered"] {
        need(
            cases.iter().any(|c| {
                value(c, "group_targeted") == group && hides(c, "person_in_group") == Some(false)
            }),
            format!("person_in_group never checked shown when group_targeted={group}"),
        );
    }
    for subject in ["death_penalty", "none", "unanswered"] {
        need(
            cases.iter().any(|c| {
                value(c, "assurances_subject") == subject
                    && hides(c, "reported_to_treaty_bodies") == Some(true)
            }),
            format!("reported_to_treaty_bodies never checked hidden for {subject}"),
        );
    }
    for subject in ["torture", "both"] {
        need(
            cases.iter().any(|c| {
                value(c, "assurances_subject") == subject
                    && hides(c, "reported_to_treaty_bodies") == Some(false)
            }),
            format!("reported_to_treaty_bodies never checked shown for {subject}"),
        );
    }

    // ¶4: the conflict wording is asserted where no bar is indicated.
    need(
        cases.iter().any(|c| {
            c.verdict == "not_indicated"
                && c.findings.iter().any(|f| f == "need_acknowledges_risk")
                && c.finding_text.contains_key("need_acknowledges_risk")
        }),
        "¶4 conflict wording never asserted".to_owned(),
    );

    // R3: each safeguard both missing and to be verified, with its question.
    for q in QuestionId::SAFEGUARDS {
        let id = q.as_str();
        for (field, name) in [
            (
                cases
                    .iter()
                    .any(|c| c.safeguards_missing.iter().flatten().any(|x| x == id)),
                "missing",
            ),
            (
                cases
                    .iter()
                    .any(|c| c.safeguards_unverified.iter().flatten().any(|x| x == id)),
                "unverified",
            ),
        ] {
            need(field, format!("safeguard {id} never asserted {name}"));
        }
    }

    // Real decided cases.
    let decided = cases.iter().filter(|c| is_decided_case(&c.source)).count();
    need(decided >= 4, format!("only {decided} decided cases"));

    assert!(gaps.is_empty(), "coverage gaps:\n{}", gaps.join("\n"));
}

/// ¶4: with a `not_indicated` verdict the finding says the answers conflict with the need
/// for assurances; otherwise it does not.
#[test]
fn need_acknowledges_risk_uses_the_conflict_wording_only_when_no_bar_is_indicated() {
    let mut conflict = BTreeSet::new();
    let mut normal = BTreeSet::new();
    for s in scenarios() {
        let o = run(&s.case).unwrap_or_else(|e| panic!("{}: {e}", s.at()));
        for f in o
            .report
            .findings
            .iter()
            .filter(|f| f.id == "need_acknowledges_risk")
        {
            if o.evaluation.verdict == Verdict::NotIndicated {
                conflict.insert(f.text.clone());
            } else {
                normal.insert(f.text.clone());
            }
        }
    }
    assert_eq!(conflict.len(), 1, "one conflict wording: {conflict:?}");
    assert_eq!(normal.len(), 1, "one normal wording: {normal:?}");
    assert!(conflict.is_disjoint(&normal), "the wordings must differ");
    assert!(
        conflict.iter().all(|t| t.contains("conflicts")),
        "{conflict:?}"
    );
}

/// The "Answers and notes" part of the text report.
fn answers_section(text: &str) -> &str {
    let heading = english().report.answers;
    text.rfind(heading).map_or("", |i| &text[i..])
}

fn text_report(o: &common::Outcome) -> String {
    let meta = Meta {
        date: "2024-01-02",
        tool_version: "test",
    };
    to_text(
        &document(&o.answers, &o.evaluation, english(), meta),
        english(),
    )
}

/// Unanswered counts as "unknown" in the logic (the whole JSON report is the same), but the
/// human report tells them apart: "Don't know" or "Not answered", beside the question.
#[test]
fn unanswered_gives_the_same_report_as_unknown_but_is_listed_as_not_answered() {
    let mut checked = 0;
    for s in scenarios() {
        let unknown: Vec<String> = s
            .case
            .answers
            .iter()
            .filter(|(_, v)| *v == "unknown")
            .map(|(k, _)| k.clone())
            .collect();
        for q in unknown {
            let base = run(&s.case).unwrap_or_else(|e| panic!("{}: {e}", s.at()));
            let mut without: Case = toml::from_str(
                CASES
                    .iter()
                    .find(|(f, _)| *f == s.file)
                    .map_or("", |(_, t)| t),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", s.at()));
            without.answers.remove(&q);
            without.notes.remove(&q);
            let other = run(&without).unwrap_or_else(|e| panic!("{}: {e}", s.at()));
            assert_eq!(
                base.report,
                other.report,
                "{}: {q} unanswered differs from unknown",
                s.at()
            );
            let text = english().question(QuestionId::from_id(&q).unwrap_or_else(|| panic!("{q}")));
            let v = &english().values;
            for (report, label) in [(&base, v.unknown), (&other, v.unanswered)] {
                let section = answers_section(&text_report(report)).to_owned();
                let answer = section
                    .find(text.text)
                    .and_then(|at| section[at..].lines().nth(1))
                    .unwrap_or_else(|| panic!("{}: {q} is not listed:\n{section}", s.at()));
                assert!(
                    answer.ends_with(label),
                    "{}: {q} should be listed as {label:?}, not {answer:?}",
                    s.at()
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} unknown answers checked");
}

/// Notes are shown in the human reports as the user's text, escaped in Markdown.
#[test]
fn notes_appear_in_the_human_reports_as_text() {
    let mut checked = 0;
    for s in scenarios().into_iter().filter(|s| !s.case.notes.is_empty()) {
        let o = run(&s.case).unwrap_or_else(|e| panic!("{}: {e}", s.at()));
        let text = text_report(&o);
        let meta = Meta {
            date: "2024-01-02",
            tool_version: "test",
        };
        let markdown = to_markdown(
            &document(&o.answers, &o.evaluation, english(), meta),
            english(),
        );
        for note in s.case.notes.values() {
            for line in note.lines() {
                assert!(
                    answers_section(&text).contains(line),
                    "{}: note line {line:?} missing from the text report",
                    s.at()
                );
                if line.contains('<') {
                    assert!(
                        !markdown.contains(line),
                        "{}: note line {line:?} reached Markdown unescaped",
                        s.at()
                    );
                    assert!(markdown.contains("\\<b\\>"), "{}: not escaped", s.at());
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} notes checked");
}

/// An authority under a reason: its id, pinpoint and point.
type Cited = Vec<(&'static str, Option<&'static str>, &'static str)>;

/// The authorities a report row must carry: the table's, for that reason, in `lang`.
fn expected_authorities(reason: Reason, lang: &str) -> Cited {
    supporting(reason)
        .map(|(a, p)| (a.id, p.pinpoint, p.text(lang).unwrap_or_default()))
        .collect()
}

fn rows(authorities: &[AuthorityRow]) -> Cited {
    authorities
        .iter()
        .map(|a| (a.id, a.pinpoint, a.point))
        .collect()
}

/// RULES.md "Authorities": in every scenario and language, each established circumstance
/// carries at least one authority, and every circumstance and finding carries exactly the
/// table's authorities for it, with the point in the report's language.
#[test]
fn every_established_circumstance_carries_authorities_in_every_scenario_and_language() {
    let mut established = 0;
    for s in scenarios() {
        let o = run(&s.case).unwrap_or_else(|e| panic!("{}: {e}", s.at()));
        for c in LANGUAGES {
            let code = c.lang.code;
            let report = Report::new(&o.evaluation, c);
            for (row, (id, _)) in report.circumstances.iter().zip(&o.evaluation.circumstances) {
                if row.status == "established" {
                    established += 1;
                    assert!(
                        !row.authorities.is_empty(),
                        "{} {code}: {} has none",
                        s.at(),
                        row.id
                    );
                }
                let want = expected_authorities(Reason::Circumstance(*id), code);
                assert_eq!(
                    rows(&row.authorities),
                    want,
                    "{} {code}: {}",
                    s.at(),
                    row.id
                );
            }
            for (row, f) in report.findings.iter().zip(&o.evaluation.findings) {
                let want = expected_authorities(Reason::Finding(f.id), code);
                assert_eq!(
                    rows(&row.authorities),
                    want,
                    "{} {code}: {}",
                    s.at(),
                    row.id
                );
            }
            for a in report.circumstances.iter().flat_map(|r| &r.authorities) {
                let core = AUTHORITIES.iter().find(|t| t.id == a.id);
                let fields = core.map(|t| [t.name, t.body, t.number, t.date]);
                assert_eq!(fields, Some([a.name, a.body, a.number, a.date]), "{}", a.id);
            }
        }
    }
    assert!(established > 0, "some scenario establishes a circumstance");
}

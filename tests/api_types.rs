//! The JS API's TypeScript types (src/wasm/api.d.ts, emitted into pkg/assurance_check.d.ts)
//! kept in step with what the API returns: every report of every scenario in every language,
//! every questionnaire and each scenario's answers file are checked against their declared
//! types, field by field; and every declared field and literal must be seen in them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use assurance_check::i18n::LANGUAGES;
use assurance_check::report::{questionnaire, Report};
use assurance_check::rules::answers_to_json;
use serde_json::Value;

const TYPES: &str = include_str!("../src/wasm/api.d.ts");

#[derive(Clone, Debug)]
enum Ty {
    String,
    Number,
    Boolean,
    Null,
    Literal(Value),
    Array(Box<Ty>),
    Record(Box<Ty>),
    Named(String),
    Union(Vec<Ty>),
}

/// A field of an interface: name, optional, type.
type Field = (String, bool, Ty);

#[derive(Default)]
struct Types {
    interfaces: BTreeMap<String, Vec<Field>>,
    aliases: BTreeMap<String, Ty>,
}

fn parse_type(text: &str) -> Ty {
    let text = text.trim();
    let parts: Vec<&str> = text.split(" | ").collect();
    if parts.len() > 1 {
        return Ty::Union(parts.into_iter().map(parse_type).collect());
    }
    if let Some(inner) = text.strip_suffix("[]") {
        return Ty::Array(Box::new(parse_type(inner)));
    }
    if let Some(inner) = text
        .strip_prefix("Record<string, ")
        .and_then(|t| t.strip_suffix('>'))
    {
        return Ty::Record(Box::new(parse_type(inner)));
    }
    match text {
        "string" => Ty::String,
        "number" => Ty::Number,
        "boolean" => Ty::Boolean,
        "null" => Ty::Null,
        t if t.starts_with('"') || t.parse::<f64>().is_ok() => {
            Ty::Literal(serde_json::from_str(t).unwrap_or_else(|e| panic!("literal {t}: {e}")))
        }
        t => {
            assert!(
                t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "api.d.ts: a type this test cannot read: {t}"
            );
            Ty::Named(t.to_owned())
        }
    }
}

/// Reads the declarations: `export type A = …;` on one line, `export interface A {` with one
/// `field?: type;` per line and `}`; doc comments are skipped.
fn types() -> Types {
    let mut out = Types::default();
    let mut current: Option<(String, Vec<Field>)> = None;
    for line in TYPES.lines().map(str::trim) {
        if line.is_empty() || line.starts_with("/**") || line.starts_with('*') {
            continue;
        }
        if let Some((name, fields)) = current.as_mut() {
            if line == "}" {
                out.interfaces.insert(name.clone(), std::mem::take(fields));
                current = None;
                continue;
            }
            let (field, ty) = line
                .strip_suffix(';')
                .and_then(|l| l.split_once(": "))
                .unwrap_or_else(|| panic!("api.d.ts: cannot read the field {line:?}"));
            let (field, optional) = match field.strip_suffix('?') {
                Some(f) => (f, true),
                None => (field, false),
            };
            fields.push((field.to_owned(), optional, parse_type(ty)));
        } else if let Some(rest) = line.strip_prefix("export interface ") {
            let name = rest.strip_suffix(" {").expect("`export interface A {`");
            current = Some((name.to_owned(), Vec::new()));
        } else if let Some(rest) = line.strip_prefix("export type ") {
            let (name, ty) = rest
                .strip_suffix(';')
                .and_then(|r| r.split_once(" = "))
                .unwrap_or_else(|| panic!("api.d.ts: cannot read {line:?}"));
            out.aliases.insert(name.to_owned(), parse_type(ty));
        } else {
            panic!("api.d.ts: a line this test cannot read: {line:?}");
        }
    }
    assert!(current.is_none(), "api.d.ts: an interface is not closed");
    out
}

/// What the checked values used: `Interface.field` and `Type="literal"`.
type Seen = BTreeSet<String>;

fn check(types: &Types, v: &Value, ty: &Ty, at: &str, seen: &mut Seen) -> Result<(), String> {
    let fail = |what: &str| Err(format!("{at}: {v} is not {what}"));
    match ty {
        Ty::String if v.is_string() => Ok(()),
        Ty::Number if v.is_number() => Ok(()),
        Ty::Boolean if v.is_boolean() => Ok(()),
        Ty::Null if v.is_null() => Ok(()),
        Ty::Literal(l) if l == v => {
            seen.insert(format!("{at}={l}"));
            Ok(())
        }
        Ty::Array(item) => match v.as_array() {
            Some(items) => items
                .iter()
                .try_for_each(|i| check(types, i, item, at, seen)),
            None => fail("an array"),
        },
        Ty::Record(item) => match v.as_object() {
            Some(map) => map
                .values()
                .try_for_each(|i| check(types, i, item, at, seen)),
            None => fail("an object"),
        },
        Ty::Union(options) => {
            for option in options {
                let mut tried = seen.clone();
                if check(types, v, option, at, &mut tried).is_ok() {
                    *seen = tried;
                    return Ok(());
                }
            }
            fail(&format!("any of {options:?}"))
        }
        Ty::Named(name) => {
            if let Some(alias) = types.aliases.get(name) {
                return check(types, v, alias, name, seen);
            }
            let Some(fields) = types.interfaces.get(name) else {
                return Err(format!("api.d.ts: {name} is not declared"));
            };
            let Some(map) = v.as_object() else {
                return fail(&format!("a {name} object"));
            };
            for key in map.keys() {
                if !fields.iter().any(|(f, _, _)| f == key) {
                    return Err(format!("{at}: {name} does not declare the field {key}"));
                }
            }
            for (field, optional, ty) in fields {
                let path = format!("{name}.{field}");
                match map.get(field) {
                    Some(value) => {
                        seen.insert(path.clone());
                        check(types, value, ty, &path, seen)?;
                    }
                    None if *optional => {}
                    None => return Err(format!("{at}: {path} is missing")),
                }
            }
            Ok(())
        }
        _ => fail(&format!("{ty:?}")),
    }
}

/// Every field and every literal that api.d.ts declares.
fn declared(types: &Types) -> Seen {
    fn literals(ty: &Ty, at: &str, out: &mut Seen) {
        match ty {
            Ty::Literal(l) => {
                out.insert(format!("{at}={l}"));
            }
            Ty::Array(t) | Ty::Record(t) => literals(t, at, out),
            Ty::Union(ts) => ts.iter().for_each(|t| literals(t, at, out)),
            _ => {}
        }
    }
    let mut out = Seen::new();
    for (name, ty) in &types.aliases {
        literals(ty, name, &mut out);
    }
    for (name, fields) in &types.interfaces {
        for (field, _, ty) in fields {
            let path = format!("{name}.{field}");
            literals(ty, &path, &mut out);
            out.insert(path);
        }
    }
    out
}

fn named(name: &str) -> Ty {
    Ty::Named(name.to_owned())
}

#[test]
fn the_declared_types_match_every_report_questionnaire_and_answers_file() {
    let types = types();
    let mut seen = Seen::new();
    let mut checked = 0;
    for scenario in common::scenarios() {
        let text = common::answers_file_json(&scenario.case);
        let answers = assurance_check::cli::parse_json(&text)
            .unwrap_or_else(|e| panic!("{}: {e:?}", scenario.at()));
        let file: Value = serde_json::from_str(&answers_to_json(&answers)).expect("JSON");
        check(&types, &file, &named("AnswersFile"), "file", &mut seen)
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.at()));
        for lang in LANGUAGES {
            let report = serde_json::to_value(Report::of(&answers, lang)).expect("JSON");
            check(&types, &report, &named("Report"), "report", &mut seen)
                .unwrap_or_else(|e| panic!("{} ({}): {e}", scenario.at(), lang.lang.code));
            checked += 1;
        }
    }
    // No scenario has a case (RULES.md v2): a written file with one.
    let with_case = assurance_check::cli::parse_json(
        r#"{"format":"assurance-check/answers","version":1,"answers":{},
            "case":{"reference":"AB/17","prepared_by":"J. Doe"}}"#,
    )
    .expect("a file with a case");
    let file: Value = serde_json::from_str(&answers_to_json(&with_case)).expect("JSON");
    check(&types, &file, &named("AnswersFile"), "file", &mut seen)
        .unwrap_or_else(|e| panic!("file with a case: {e}"));
    for lang in LANGUAGES {
        let q = serde_json::to_value(questionnaire(lang)).expect("JSON");
        check(
            &types,
            &q,
            &named("Questionnaire"),
            "questionnaire",
            &mut seen,
        )
        .unwrap_or_else(|e| panic!("questionnaire ({}): {e}", lang.lang.code));
    }
    assert!(checked > 100, "only {checked} reports");
    let all = declared(&types);
    let unseen: Vec<&String> = all.difference(&seen).collect();
    assert!(
        unseen.is_empty(),
        "api.d.ts declares what no report, questionnaire or answers file has: {unseen:?}"
    );
}

#[test]
fn the_checker_refuses_what_the_types_do_not_allow() {
    let types = types();
    let report = |v: &Value| check(&types, v, &named("Report"), "r", &mut Seen::new());
    let ok = serde_json::json!({"verdict": "barred", "circumstances": [], "open_questions": [],
        "findings": [], "rules_version": "1"});
    assert!(report(&ok).is_ok());
    for (field, bad) in [
        ("verdict", serde_json::json!("maybe")),
        ("circumstances", serde_json::json!({})),
        ("findings", serde_json::json!([{"id": "x"}])),
        ("extra", serde_json::json!(1)),
    ] {
        let mut v = ok.clone();
        v[field] = bad;
        assert!(report(&v).is_err(), "{field}");
    }
    let mut missing = ok;
    if let Some(m) = missing.as_object_mut() {
        m.remove("rules_version");
    }
    assert!(report(&missing).is_err());
}

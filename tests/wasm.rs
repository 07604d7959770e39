//! The wasm boundary in a real browser (wasm-bindgen-test): every scenario of tests/cases
//! through `evaluate()`, and malformed input thrown as an `Error` with the CLI's message.
#![cfg(target_arch = "wasm32")]

use assurance_check::wasm::{evaluate, questions};
use serde::Deserialize;
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

#[derive(Deserialize)]
struct Case {
    name: String,
    verdict: String,
    #[serde(default)]
    established: Vec<String>,
    #[serde(default)]
    findings: Vec<String>,
    #[serde(default)]
    absent_findings: Vec<String>,
    #[serde(default)]
    answers: BTreeMap<String, String>,
    #[serde(default)]
    notes: BTreeMap<String, String>,
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or_else(|_| panic!("test input is not JSON: {text}"))
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn strings(list: &JsValue, key: &str) -> Vec<String> {
    js_sys::Array::from(list)
        .iter()
        .filter_map(|item| get(&item, key).as_string())
        .collect()
}

/// The answers file of RULES.md for a scenario, built as text and parsed by the browser.
fn answers_file(case: &Case) -> JsValue {
    let quote = |s: &String| {
        JsValue::from(js_sys::JSON::stringify(&JsValue::from_str(s)).unwrap_or_default())
    };
    let object = |m: &BTreeMap<String, String>| {
        let fields: Vec<String> = m
            .iter()
            .map(|(k, v)| {
                format!(
                    "{}:{}",
                    quote(k).as_string().unwrap_or_default(),
                    quote(v).as_string().unwrap_or_default()
                )
            })
            .collect();
        format!("{{{}}}", fields.join(","))
    };
    json(&format!(
        r#"{{"format":"assurance-check/answers","version":1,"answers":{},"notes":{}}}"#,
        object(&case.answers),
        object(&case.notes)
    ))
}

#[wasm_bindgen_test]
fn every_scenario_gives_its_expected_report_through_evaluate() {
    assert!(
        CASES.len() >= 25,
        "expected the scenario files, found {}",
        CASES.len()
    );
    for (file, text) in CASES {
        let case: Case = toml::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let report = evaluate(answers_file(&case), None)
            .unwrap_or_else(|_| panic!("{file}: evaluate threw"));
        let at = format!("{file} ({})", case.name);
        assert_eq!(
            get(&report, "verdict").as_string().as_deref(),
            Some(case.verdict.as_str()),
            "{at}"
        );
        let circumstances = get(&report, "circumstances");
        let established: Vec<String> = js_sys::Array::from(&circumstances)
            .iter()
            .filter(|c| get(c, "status").as_string().as_deref() == Some("established"))
            .filter_map(|c| get(&c, "id").as_string())
            .collect();
        let mut expected = case.established.clone();
        expected.sort();
        let mut got = established;
        got.sort();
        assert_eq!(got, expected, "{at}: established");
        let findings = strings(&get(&report, "findings"), "id");
        for f in &case.findings {
            assert!(findings.contains(f), "{at}: finding {f} missing");
        }
        for f in &case.absent_findings {
            assert!(!findings.contains(f), "{at}: finding {f} present");
        }
        // Plain objects and null, never Map or undefined.
        assert!(get(&report, "open_questions").is_array(), "{at}");
        assert!(
            report.is_object() && !report.has_type::<js_sys::Map>(),
            "{at}"
        );
    }
}

/// The thrown value is an `Error` with exactly this message.
fn assert_throws(input: JsValue, message: &str) {
    let err: JsValue = match evaluate(input, None) {
        Ok(_) => panic!("expected an error: {message}"),
        Err(e) => e.into(),
    };
    let err = err
        .dyn_into::<js_sys::Error>()
        .unwrap_or_else(|_| panic!("not an Error: {message}"));
    assert_eq!(String::from(err.message()), message);
}

#[wasm_bindgen_test]
fn malformed_inputs_throw_errors_with_the_cli_messages() {
    assert_throws(JsValue::NULL, "The file must be an object.");
    assert_throws(JsValue::UNDEFINED, "The file must be an object.");
    assert_throws(JsValue::from_f64(3.0), "The file must be an object.");
    assert_throws(json("[1,2]"), "The file must be an object.");
    assert_throws(
        json(r#"{"format":"assurance-check/answers","version":1,"answers":{"colour":"yes"}}"#),
        "answers.colour is not a recognised field. Allowed: transfer_kind, assurances_subject, \
         systematic_torture, no_effective_control, group_targeted, person_in_group, personal_risk, \
         onward_transfer, other_grounds, tribunal_review, full_review, independent_lawyer, \
         suspensive_appeal, post_return_monitoring, reported_to_treaty_bodies.",
    );
    assert_throws(
        json(
            r#"{"format":"assurance-check/answers","version":1,"answers":{"personal_risk":"maybe"}}"#,
        ),
        "answers.personal_risk cannot be “maybe”. Allowed: yes, no, unknown.",
    );
    assert_throws(
        json(r#"{"format":"assurance-check/answers","version":2,"answers":{}}"#),
        "version cannot be “2”. Allowed: 1.",
    );
}

#[wasm_bindgen_test]
fn questions_are_plain_objects_in_the_asked_language() {
    let q = questions(Some("en".into())).unwrap_or_else(|_| panic!("questions threw"));
    assert_eq!(get(&q, "lang").as_string().as_deref(), Some("en"));
    let sections = js_sys::Array::from(&get(&q, "sections"));
    assert_eq!(sections.length(), 5);
    let ids: Vec<String> = sections
        .iter()
        .flat_map(|s| strings(&get(&s, "questions"), "id"))
        .collect();
    assert_eq!(ids.len(), 15);
    assert!(get(
        &js_sys::Array::from(&get(&sections.get(0), "questions")).get(0),
        "shown_when"
    )
    .is_null());
}

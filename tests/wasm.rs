//! The wasm boundary in a real browser (wasm-bindgen-test): every scenario of tests/cases
//! through `evaluate()`, and malformed input thrown as an `Error` with the CLI's message.
//! The JS API is pkg/'s: `wasm-pack test … -- --features js-api --test wasm` (scripts/test).
#![cfg(all(target_arch = "wasm32", feature = "js-api"))]

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

/// Quoted keys and values are isolated (U+2068 … U+2069, issue 16).
#[wasm_bindgen_test]
fn malformed_inputs_throw_errors_with_the_cli_messages() {
    assert_throws(JsValue::NULL, "The file must be an object.");
    assert_throws(JsValue::UNDEFINED, "The file must be an object.");
    assert_throws(JsValue::from_f64(3.0), "The file must be an object.");
    assert_throws(json("[1,2]"), "The file must be an object.");
    assert_throws(
        json(r#"{"format":"assurance-check/answers","version":1,"answers":{"colour":"yes"}}"#),
        "\u{2068}answers.colour\u{2069} is not a recognised field. Allowed: transfer_kind, assurances_subject, \
         systematic_torture, no_effective_control, group_targeted, person_in_group, personal_risk, \
         onward_transfer, other_grounds, tribunal_review, full_review, independent_lawyer, \
         suspensive_appeal, post_return_monitoring, reported_to_treaty_bodies.",
    );
    assert_throws(
        json(
            r#"{"format":"assurance-check/answers","version":1,"answers":{"personal_risk":"maybe"}}"#,
        ),
        "\u{2068}answers.personal_risk\u{2069} cannot be “\u{2068}maybe\u{2069}”. Allowed: yes, no, unknown.",
    );
    assert_throws(
        json(r#"{"format":"assurance-check/answers","version":2,"answers":{}}"#),
        "\u{2068}version\u{2069} cannot be “\u{2068}2\u{2069}”. Allowed: 1.",
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

// ---------------------------------------------------------------------------------------
// Issue 9: the boundary holds. Any JS value gives a thrown `Error` with a message, never a
// trap, and the module still works afterwards.
// ---------------------------------------------------------------------------------------

const VALID: &str =
    r#"{"format":"assurance-check/answers","version":1,"answers":{"systematic_torture":"yes"}}"#;

/// `evaluate` on a valid file still gives its verdict (the instance did not trap).
fn assert_still_works(after: &str) {
    let report = evaluate(json(VALID), None)
        .unwrap_or_else(|_| panic!("evaluate threw on a valid file after {after}"));
    assert_eq!(
        get(&report, "verdict").as_string().as_deref(),
        Some("barred"),
        "after {after}"
    );
}

/// The input is refused with an `Error` whose message is a non-empty line, and the module
/// still works; returns the message.
fn refused(input: JsValue, what: &str) -> String {
    let err: JsValue = match evaluate(input, Some("en".into())) {
        Ok(_) => panic!("{what}: accepted"),
        Err(e) => e.into(),
    };
    let err = err
        .dyn_into::<js_sys::Error>()
        .unwrap_or_else(|_| panic!("{what}: the thrown value is not an Error"));
    let message = String::from(err.message());
    assert!(!message.trim().is_empty(), "{what}: empty message");
    assert!(
        message.chars().count() < 2000,
        "{what}: message of {} characters",
        message.chars().count()
    );
    assert_still_works(what);
    message
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    js_sys::Reflect::set(target, &JsValue::from_str(key), value)
        .unwrap_or_else(|_| panic!("cannot set {key}"));
}

/// A valid file whose `field` is replaced by `value`.
fn file_with(field: &str, value: &JsValue) -> JsValue {
    let file = json(VALID);
    set(&file, field, value);
    file
}

/// A valid file with `value` as the answer to (or note on) `personal_risk`.
fn file_with_inner(part: &str, value: &JsValue) -> JsValue {
    let file = json(VALID);
    let inner = js_sys::Object::new();
    set(&inner, "personal_risk", value);
    set(&file, part, &inner);
    file
}

fn eval_js(source: &str) -> JsValue {
    // Built by the test itself (no `eval` anywhere in the shipped code).
    js_sys::Function::new_no_args(&format!("return ({source});"))
        .call0(&JsValue::NULL)
        .unwrap_or_else(|_| panic!("test value {source} threw"))
}

#[wasm_bindgen_test]
fn primitives_and_exotic_values_are_refused_with_an_error() {
    let values: Vec<(&str, JsValue)> = vec![
        ("null", JsValue::NULL),
        ("undefined", JsValue::UNDEFINED),
        ("0", JsValue::from_f64(0.0)),
        ("-0", JsValue::from_f64(-0.0)),
        ("NaN", JsValue::from_f64(f64::NAN)),
        ("Infinity", JsValue::from_f64(f64::INFINITY)),
        ("1e308", JsValue::from_f64(1e308)),
        ("true", JsValue::TRUE),
        ("false", JsValue::FALSE),
        ("empty string", JsValue::from_str("")),
        ("a JSON string", JsValue::from_str(VALID)),
        ("[]", js_sys::Array::new().into()),
        ("[1,2]", json("[1,2]")),
        ("[valid file]", json(&format!("[{VALID}]"))),
        ("{}", js_sys::Object::new().into()),
        (
            "a Map",
            eval_js("new Map([['format', 'assurance-check/answers']])"),
        ),
        ("a Set", eval_js("new Set([1])")),
        ("a function", eval_js("function () { return 1; }")),
        ("an arrow function", eval_js("() => 1")),
        ("a Symbol", eval_js("Symbol('x')")),
        ("a BigInt", eval_js("10n ** 30n")),
        ("a Date", eval_js("new Date(0)")),
        ("a RegExp", eval_js("/x/g")),
        ("an Error", eval_js("new Error('x')")),
        ("a Promise", eval_js("Promise.resolve(1)")),
        ("a typed array", eval_js("new Uint8Array(16)")),
        ("an ArrayBuffer", eval_js("new ArrayBuffer(16)")),
        ("Object.create(null)", eval_js("Object.create(null)")),
        (
            "a valid file as a prototype",
            eval_js(&format!("Object.create({VALID})")),
        ),
        ("a boxed string", eval_js("new String('x')")),
        ("globalThis.Math", eval_js("Math")),
    ];
    for (what, value) in values {
        refused(value, what);
    }
    // Exact messages where the CLI has the same case.
    for (what, value) in [
        ("null", JsValue::NULL),
        ("undefined", JsValue::UNDEFINED),
        ("NaN", JsValue::from_f64(f64::NAN)),
        ("true", JsValue::TRUE),
        ("[]", js_sys::Array::new().into()),
    ] {
        assert_eq!(
            refused(value, what),
            "The file must be an object.",
            "{what}"
        );
    }
}

#[wasm_bindgen_test]
fn exotic_values_inside_a_file_are_refused_with_the_field_named() {
    let values: Vec<(&str, JsValue)> = vec![
        ("NaN", JsValue::from_f64(f64::NAN)),
        ("undefined", JsValue::UNDEFINED),
        ("a Symbol", eval_js("Symbol('x')")),
        ("a BigInt", eval_js("1n")),
        ("a function", eval_js("() => 'yes'")),
        ("a Date", eval_js("new Date(0)")),
        ("a Map", eval_js("new Map()")),
        ("a boxed string", eval_js("new String('yes')")),
        ("a list", json(r#"["yes"]"#)),
    ];
    for (what, value) in &values {
        for part in ["answers", "notes"] {
            refused(
                file_with_inner(part, value),
                &format!("{part}.personal_risk = {what}"),
            );
        }
        for field in ["format", "version"] {
            refused(file_with(field, value), &format!("{field} = {what}"));
        }
        // A Date or a Map has no own properties, so as `answers` or `notes` it reads as
        // the empty object `{}` (as JSON.stringify would write it); anything else is refused.
        for field in ["answers", "notes"] {
            let input = file_with(field, value);
            if matches!(*what, "a Date" | "a Map") {
                let report =
                    evaluate(input, None).unwrap_or_else(|_| panic!("{field} = {what}: threw"));
                assert!(get(&report, "verdict").is_string(), "{field} = {what}");
                assert_still_works(what);
            } else {
                refused(input, &format!("{field} = {what}"));
            }
        }
    }
    assert_eq!(
        refused(
            file_with("version", &JsValue::from_f64(f64::NAN)),
            "version NaN"
        ),
        "\u{2068}version\u{2069} cannot be “a number”. Allowed: 1."
    );
}

#[wasm_bindgen_test]
fn a_ten_megabyte_string_is_refused() {
    let huge = JsValue::from_str(&"a".repeat(10 * 1024 * 1024));
    assert_eq!(
        refused(huge.clone(), "a 10 MB string"),
        "The file must be an object."
    );
    let message = refused(file_with("format", &huge), "a 10 MB format");
    assert!(
        message.starts_with("\u{2068}format\u{2069} cannot be"),
        "{message}"
    );
    assert!(
        message.chars().count() < 200,
        "the value is quoted in full: {message}"
    );
    let message = refused(file_with_inner("answers", &huge), "a 10 MB answer");
    assert!(
        message.starts_with("\u{2068}answers.personal_risk\u{2069} cannot be"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn a_ten_megabyte_note_is_too_long() {
    let note = JsValue::from_str(&"é".repeat(10 * 1024 * 1024));
    let message = refused(file_with_inner("notes", &note), "a 10 MB note");
    assert!(message.contains("too long"), "{message}");
    assert!(
        message.starts_with("\u{2068}notes.personal_risk\u{2069}"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn nesting_ten_thousand_levels_deep_is_refused() {
    let mut object: JsValue = js_sys::Object::new().into();
    let mut array: JsValue = js_sys::Array::new().into();
    for _ in 0..10_000 {
        let o: JsValue = js_sys::Object::new().into();
        set(&o, "a", &object);
        object = o;
        array = js_sys::Array::of1(&array).into();
    }
    refused(object.clone(), "10,000 nested objects");
    refused(array.clone(), "10,000 nested arrays");
    for part in ["answers", "notes", "format", "version"] {
        refused(file_with(part, &object), &format!("{part}: nested objects"));
        refused(file_with(part, &array), &format!("{part}: nested arrays"));
        refused(
            file_with_inner(part, &object),
            &format!("{part}.personal_risk: nested"),
        );
    }
    // Also through JSON.parse, as a file opened in the widget would be.
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    refused(json(&text), "10,000 nested arrays from JSON");
}

#[wasm_bindgen_test]
fn proto_and_constructor_keys_are_unknown_fields_and_pollute_nothing() {
    // JSON.parse makes "__proto__" an own property, unlike an object literal.
    let top = json(
        r#"{"__proto__":{"systematic_torture":"yes"},"format":"assurance-check/answers","version":1,"answers":{}}"#,
    );
    let message = refused(top, "__proto__ at the top");
    assert!(
        message.starts_with("\u{2068}__proto__\u{2069} is not a recognised field"),
        "{message}"
    );
    for key in [
        "__proto__",
        "constructor",
        "prototype",
        "toString",
        "hasOwnProperty",
    ] {
        for part in ["answers", "notes"] {
            let file = json(&format!(
                r#"{{"format":"assurance-check/answers","version":1,"answers":{{}},"{part}":{{"{key}":"yes"}}}}"#
            ));
            let message = refused(file, &format!("{part}.{key}"));
            assert!(
                message.starts_with(&format!(
                    "\u{2068}{part}.{key}\u{2069} is not a recognised field"
                )),
                "{message}"
            );
        }
    }
    let constructor = json(
        r#"{"format":"assurance-check/answers","version":1,"answers":{},"constructor":{"prototype":{"x":1}}}"#,
    );
    refused(constructor, "constructor at the top");
    // Nothing reached Object.prototype.
    let probe = js_sys::Object::new();
    for key in ["systematic_torture", "x", "format"] {
        assert!(
            get(&probe, key).is_undefined(),
            "Object.prototype.{key} was set"
        );
    }
    // Inherited fields are not read: only own properties count.
    let inherited = eval_js(&format!("Object.create({VALID})"));
    let message = refused(inherited, "inherited fields");
    assert!(message.starts_with("\u{2068}format\u{2069}"), "{message}");
}

#[wasm_bindgen_test]
fn many_keys_are_refused_quickly() {
    let file = json(VALID);
    let answers = js_sys::Object::new();
    for k in 0..100_000 {
        set(&answers, &format!("k{k}"), &JsValue::from_str("yes"));
    }
    set(&file, "answers", &answers);
    let start = js_sys::Date::now();
    let message = refused(file, "100,000 keys");
    assert!(
        message.contains("more fields than an answers file"),
        "{message}"
    );
    assert!(js_sys::Date::now() - start < 5000.0, "took too long");

    // Under the cap, the first unknown key is named.
    let file = json(VALID);
    let answers = js_sys::Object::new();
    for k in 0..1000 {
        set(&answers, &format!("k{k}"), &JsValue::from_str("yes"));
    }
    set(&file, "answers", &answers);
    let message = refused(file, "1,000 keys");
    assert!(
        message.starts_with("\u{2068}answers.k0\u{2069} is not a recognised field"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn odd_language_tags_fall_back_to_english_or_match_the_primary_subtag() {
    let long = "x".repeat(100_000);
    let cases: Vec<(&str, &str)> = vec![
        ("", "en"),
        ("EN", "en"),
        ("en-GB", "en"),
        ("fr-CA", "fr"),
        ("FR_fr", "fr"),
        ("es-419", "es"),
        ("ar-u-nu-latn", "ar"),
        ("zz", "en"),
        ("-", "en"),
        ("--fr", "en"),
        ("\u{0}", "en"),
        ("__proto__", "en"),
        ("constructor", "en"),
        ("fr\u{0}", "en"),
        ("ﬀr", "en"),
        (&long, "en"),
    ];
    for (tag, expected) in cases {
        let shown: String = tag.chars().take(20).collect();
        let q = questions(Some(tag.to_owned()))
            .unwrap_or_else(|_| panic!("questions({shown:?}) threw"));
        assert_eq!(
            get(&q, "lang").as_string().as_deref(),
            Some(expected),
            "{shown:?}"
        );
        let report = evaluate(json(VALID), Some(tag.to_owned()))
            .unwrap_or_else(|_| panic!("evaluate(_, {shown:?}) threw"));
        assert_eq!(
            get(&report, "verdict").as_string().as_deref(),
            Some("barred")
        );
    }
    let q = questions(None).unwrap_or_else(|_| panic!("questions() threw"));
    assert_eq!(get(&q, "lang").as_string().as_deref(), Some("en"));
}

#[wasm_bindgen_test]
fn huge_sparse_arrays_are_refused_without_reading_every_slot() {
    for length in [100_000u32, 50_000_000, u32::MAX] {
        let array: JsValue = js_sys::Array::new_with_length(length).into();
        let start = js_sys::Date::now();
        refused(array.clone(), &format!("an empty array of length {length}"));
        for field in ["answers", "notes", "format", "version"] {
            refused(
                file_with(field, &array),
                &format!("{field}: array of length {length}"),
            );
        }
        refused(
            file_with_inner("notes", &array),
            &format!("notes.personal_risk: array of length {length}"),
        );
        assert!(
            js_sys::Date::now() - start < 5000.0,
            "length {length}: too slow"
        );
    }
}

// The global allocator (talc, src/lib.rs) serves every test above; these check it directly.

/// Blocks of many sizes, freed and taken again in between, never overlap: each keeps the
/// bytes written into it.
#[wasm_bindgen_test]
fn allocator_blocks_keep_their_bytes() {
    let mut live: Vec<Vec<u8>> = Vec::new();
    for round in 0..2000usize {
        let size = (round * 7919) % 5000 + 1;
        let fill = (round % 251) as u8;
        live.push(vec![fill; size]);
        if round % 3 == 0 {
            live.swap_remove((round * 31) % live.len());
        }
    }
    for block in &live {
        let first = block[0];
        assert!(block.iter().all(|b| *b == first), "a block was overwritten");
    }
}

/// Over-aligned types get their alignment; growing a vector far past a page keeps its contents.
#[wasm_bindgen_test]
fn allocator_alignment_and_growth() {
    #[repr(align(4096))]
    struct Page([u8; 4096]);
    for _ in 0..4 {
        let small = Box::new(1u8);
        let page = Box::new(Page([7; 4096]));
        assert_eq!(&*page as *const Page as usize % 4096, 0);
        assert_eq!(page.0[4095], 7);
        assert_eq!(*small, 1);
    }
    let mut grown: Vec<u32> = Vec::new();
    for i in 0..3_000_000u32 {
        grown.push(i);
    }
    assert!(grown.iter().enumerate().all(|(i, v)| *v as usize == i));
}

/// A freed block is reused for the next request of its size, so a redraw that frees and
/// allocates the same strings does not grow memory.
#[wasm_bindgen_test]
fn allocator_reuses_freed_blocks() {
    let before = core::arch::wasm32::memory_size(0);
    for _ in 0..10_000 {
        let text = String::from_utf8(vec![b'x'; 3000]).unwrap_or_default();
        assert_eq!(text.len(), 3000);
    }
    assert!(core::arch::wasm32::memory_size(0) <= before + 1);
}

//! The answers file of RULES.md: strict reading and faithful writing.
//!
//! Reading validates everything before it builds anything, so a bad file changes nothing.

use super::answers::Answers;
use super::question::QuestionId;
use super::raw::Raw;
use super::{ANSWERS_FORMAT, ANSWERS_VERSION};

/// A larger file is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// A longer note is refused: no real note needs more, and it keeps reports printable.
pub const MAX_NOTE_CHARS: usize = 100_000;

/// A longer case reference or preparer's name is refused (RULES.md, "the case").
pub const MAX_CASE_CHARS: usize = 200;

/// The top-level fields, in the order RULES.md writes them.
const TOP_FIELDS: &[&str] = &["format", "version", "answers", "notes", "case"];

/// The fields of `case`, in the order RULES.md writes them.
const CASE_FIELDS: &[&str] = &["reference", "prepared_by"];

/// A found value is quoted in an error up to this many characters.
const QUOTE_CHARS: usize = 40;

/// `n` in decimal digits. Not `to_string`: integer `Display` links `core::fmt`'s padding
/// machinery into the wasm (some 1.5 KB before compression).
#[must_use]
pub fn decimal(mut n: u64) -> String {
    let mut digits = Vec::with_capacity(20);
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

/// Why an answers file was refused, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The field, as a path: `answers.systematic_torture`, `version`; empty for the file.
    pub field: String,
    pub kind: InputErrorKind,
}

/// What is wrong with the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputErrorKind {
    /// Not JSON at all; the parser's own words.
    Syntax(String),
    /// More than [`MAX_FILE_BYTES`].
    TooLarge,
    /// A value of the wrong JSON type; `expected` is "object", "string" or "number".
    WrongType {
        expected: &'static str,
        allowed: Vec<&'static str>,
    },
    /// A required field is absent.
    Missing { allowed: Vec<&'static str> },
    /// A field or question id that does not exist.
    UnknownField { allowed: Vec<&'static str> },
    /// A value outside the allowed set; `found` is quoted and shortened.
    BadValue {
        found: String,
        allowed: Vec<&'static str>,
    },
    /// A number outside the allowed set that is not an integer, so not quoted: the core
    /// writes no floats (no `core::fmt` in the wasm). The message names it in the catalog's
    /// words ("un nombre"), never in English (issue 16, item 14).
    BadNumber { allowed: Vec<&'static str> },
    /// The same key twice in one object.
    Duplicate,
    /// A note longer than [`MAX_NOTE_CHARS`].
    NoteTooLong,
    /// A text longer than `max` characters (the case's fields, [`MAX_CASE_CHARS`]).
    TooLong { max: usize },
}

impl InputError {
    fn new(field: impl Into<String>, kind: InputErrorKind) -> InputError {
        InputError {
            field: field.into(),
            kind,
        }
    }

    /// Input that no parser could read.
    #[must_use]
    pub fn syntax(detail: impl Into<String>) -> InputError {
        InputError::new("", InputErrorKind::Syntax(detail.into()))
    }

    /// Input larger than [`MAX_FILE_BYTES`].
    #[must_use]
    pub fn too_large() -> InputError {
        InputError::new("", InputErrorKind::TooLarge)
    }
}

fn quote(s: &str) -> String {
    let mut out: String = s.chars().take(QUOTE_CHARS).collect();
    if s.chars().nth(QUOTE_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// An integer as the file wrote it, if it is one that `f64` holds exactly; else `None`.
fn integer(n: f64) -> Option<String> {
    (n.fract() == 0.0 && n.abs() < 1e15).then(|| {
        #[allow(clippy::cast_possible_truncation)]
        let i = n as i64;
        let sign = if i < 0 { "-" } else { "" };
        [sign, &decimal(i.unsigned_abs())].concat()
    })
}

/// More entries in one object or list than any answers file has (a handful of fields, one
/// answer and one note per question), by far. The CLI and the widget both refuse a larger
/// one before reading it (the widget before it even walks the JS value).
pub const MAX_ENTRIES: usize = 1024;

/// The checks on an answers file's text that come before its JSON, made by every reader
/// (the CLI and the widget, issue 16 item 8): not empty, and no byte order mark, which JSON
/// forbids (RFC 8259, 8.1): said so, rather than "not JSON".
///
/// # Errors
/// An empty text, or one that begins with a byte order mark.
pub fn check_text(text: &str) -> Result<(), InputError> {
    if text.trim().is_empty() {
        return Err(InputError::syntax("the file is empty"));
    }
    if text.starts_with('\u{feff}') {
        return Err(InputError::syntax(
            "the file begins with a byte order mark (U+FEFF)",
        ));
    }
    Ok(())
}

/// The entries of an object, or a type error naming `field`. Every key must be one of
/// `allowed` (the key sets are closed), and none may come twice: the first problem in input
/// order is reported, an unknown key or the second occurrence of a key.
fn object<'a>(
    v: &'a Raw,
    field: &str,
    allowed: &[&'static str],
) -> Result<&'a [(String, Raw)], InputError> {
    let Raw::Object(entries) = v else {
        return Err(InputError::new(
            field,
            InputErrorKind::WrongType {
                expected: "object",
                allowed: Vec::new(),
            },
        ));
    };
    if entries.len() > MAX_ENTRIES {
        return Err(InputError::syntax(
            "an object with more fields than an answers file can hold",
        ));
    }
    // One flag per allowed key: linear, with no sort (a hostile 2 MiB file holds some
    // 200,000 keys, and a quadratic check took half a minute; tests/fuzz_corpus.rs).
    let mut seen = vec![false; allowed.len()];
    for (key, _) in entries {
        let flag = allowed
            .iter()
            .position(|a| a == key)
            .and_then(|i| seen.get_mut(i));
        match flag {
            None => {
                return Err(InputError::new(
                    join(field, key),
                    InputErrorKind::UnknownField {
                        allowed: allowed.to_vec(),
                    },
                ))
            }
            Some(true) => return Err(InputError::new(join(field, key), InputErrorKind::Duplicate)),
            Some(flag) => *flag = true,
        }
    }
    Ok(entries)
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        [parent, ".", key].concat()
    }
}

fn string<'a>(v: &'a Raw, field: &str, allowed: &[&'static str]) -> Result<&'a str, InputError> {
    match v {
        Raw::String(s) => Ok(s),
        _ => Err(InputError::new(
            field,
            InputErrorKind::WrongType {
                expected: "string",
                allowed: allowed.to_vec(),
            },
        )),
    }
}

fn question_ids() -> Vec<&'static str> {
    QuestionId::ALL.iter().map(|q| q.as_str()).collect()
}

fn question(key: &str, field: &str) -> Result<QuestionId, InputError> {
    QuestionId::from_id(key).ok_or_else(|| {
        InputError::new(
            join(field, key),
            InputErrorKind::UnknownField {
                allowed: question_ids(),
            },
        )
    })
}

/// Reads an answers file strictly, as RULES.md "Files and formats" says.
///
/// # Errors
/// The first problem found, naming the field and the allowed values. Nothing is built
/// until the whole file is valid.
pub fn parse_answers_file(raw: &Raw) -> Result<Answers, InputError> {
    let top = object(raw, "", TOP_FIELDS)?;
    let field = |name: &'static str| top.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    let missing = |name: &'static str, allowed: Vec<&'static str>| {
        InputError::new(name, InputErrorKind::Missing { allowed })
    };

    let format = field("format").ok_or_else(|| missing("format", vec![ANSWERS_FORMAT]))?;
    let format = string(format, "format", &[ANSWERS_FORMAT])?;
    if format != ANSWERS_FORMAT {
        return Err(InputError::new(
            "format",
            InputErrorKind::BadValue {
                found: quote(format),
                allowed: vec![ANSWERS_FORMAT],
            },
        ));
    }

    let version = field("version").ok_or_else(|| missing("version", vec!["1"]))?;
    match version {
        Raw::Number(n) if *n == f64::from(ANSWERS_VERSION) => {}
        Raw::Number(n) => {
            let allowed = vec!["1"];
            return Err(InputError::new(
                "version",
                match integer(*n) {
                    Some(found) => InputErrorKind::BadValue { found, allowed },
                    None => InputErrorKind::BadNumber { allowed },
                },
            ));
        }
        _ => {
            return Err(InputError::new(
                "version",
                InputErrorKind::WrongType {
                    expected: "number",
                    allowed: vec!["1"],
                },
            ))
        }
    }

    let mut answers = Answers::new();
    let given = field("answers").ok_or_else(|| missing("answers", question_ids()))?;
    for (key, value) in object(given, "answers", &question_ids())? {
        let q = question(key, "answers")?;
        let path = join("answers", key);
        let text = string(value, &path, q.kind().values())?;
        if answers.set(q, text).is_err() {
            return Err(InputError::new(
                path,
                InputErrorKind::BadValue {
                    found: quote(text),
                    allowed: q.kind().values().to_vec(),
                },
            ));
        }
    }

    if let Some(notes) = field("notes") {
        for (key, value) in object(notes, "notes", &question_ids())? {
            let q = question(key, "notes")?;
            let path = join("notes", key);
            let text = string(value, &path, &[])?;
            if text.chars().nth(MAX_NOTE_CHARS).is_some() {
                return Err(InputError::new(path, InputErrorKind::NoteTooLong));
            }
            answers.set_note(q, text);
        }
    }

    if let Some(case) = field("case") {
        let (reference, prepared_by) = case_fields(case)?;
        answers.set_case(reference, prepared_by);
    }
    Ok(answers)
}

/// RULES.md "the case": an object with two optional strings of at most
/// [`MAX_CASE_CHARS`] characters each.
fn case_fields(case: &Raw) -> Result<(&str, &str), InputError> {
    let mut out = ["", ""];
    for (key, value) in object(case, "case", CASE_FIELDS)? {
        let path = join("case", key);
        // `object` refused any other key, so the position is always found.
        let Some(slot) = CASE_FIELDS
            .iter()
            .position(|f| f == key)
            .and_then(|i| out.get_mut(i))
        else {
            continue;
        };
        let text = string(value, &path, &[])?;
        if text.chars().nth(MAX_CASE_CHARS).is_some() {
            return Err(InputError::new(
                path,
                InputErrorKind::TooLong {
                    max: MAX_CASE_CHARS,
                },
            ));
        }
        *slot = text;
    }
    let [reference, prepared_by] = out;
    Ok((reference, prepared_by))
}

/// The answers file of RULES.md as JSON text, indented by two spaces, exactly as
/// `JSON.stringify(file, null, 2)` and serde_json's pretty printer write it (RULES.md,
/// "Answers file"): what "Save answers" downloads and what the reader accepts back.
///
/// Written by hand, not through serde: in the wasm, the serializer and its glue cost more
/// than this function (issue 8).
#[must_use]
pub fn answers_to_json(answers: &Answers) -> String {
    let mut out = String::from("{\n  \"format\": ");
    push_json_string(&mut out, ANSWERS_FORMAT);
    out.push_str(",\n  \"version\": ");
    out.push_str(&decimal(ANSWERS_VERSION.into()));
    out.push_str(",\n  \"answers\": ");
    push_json_object(
        &mut out,
        answers.answered().map(|(q, a)| (q.as_str(), a.as_str())),
    );
    out.push_str(",\n  \"notes\": ");
    push_json_object(&mut out, answers.notes().map(|(q, n)| (q.as_str(), n)));
    let case = answers.case();
    let fields = CASE_FIELDS
        .iter()
        .zip([&case.reference, &case.prepared_by])
        .filter_map(|(k, v)| Some((*k, v.as_deref()?)));
    if case.reference.is_some() || case.prepared_by.is_some() {
        out.push_str(",\n  \"case\": ");
        push_json_object(&mut out, fields);
    }
    out.push_str("\n}");
    out
}

/// `{}` when empty, else one `"key": "text"` entry per line at the second level.
fn push_json_object<'a>(out: &mut String, entries: impl Iterator<Item = (&'a str, &'a str)>) {
    let mut first = true;
    for (key, text) in entries {
        out.push_str(if first { "{\n    " } else { ",\n    " });
        first = false;
        push_json_string(out, key);
        out.push_str(": ");
        push_json_string(out, text);
    }
    out.push_str(if first { "{}" } else { "\n  }" });
}

/// A JSON string literal: quotes, backslashes and control characters escaped, as
/// `JSON.stringify` does; everything else, including non-ASCII, as it is.
fn push_json_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let code = c as usize;
                out.push_str("\\u00");
                for digit in [code >> 4, code & 15] {
                    out.push(HEX.get(digit).map_or('0', |d| char::from(*d)));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::{
        answers_to_json, decimal, object, Answers, InputErrorKind, QuestionId, Raw, MAX_ENTRIES,
    };

    #[test]
    fn decimal_writes_what_to_string_writes() {
        for n in [0, 7, 10, 99, 100_000, 4_294_967_296, u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }

    #[test]
    fn the_answers_file_is_written_as_json_stringify_indents_it() {
        assert_eq!(
            answers_to_json(&Answers::new()),
            "{\n  \"format\": \"assurance-check/answers\",\n  \"version\": 1,\n  \"answers\": {},\n  \"notes\": {}\n}"
        );
        let mut a = Answers::new();
        assert!(a.set(QuestionId::SystematicTorture, "yes").is_ok());
        assert!(a.set(QuestionId::TransferKind, "extradition").is_ok());
        a.set_note(
            QuestionId::SystematicTorture,
            "\"UN\"\\ CAT\n\u{1}\t\u{7f} é",
        );
        assert_eq!(
            answers_to_json(&a),
            "{\n  \"format\": \"assurance-check/answers\",\n  \"version\": 1,\n  \"answers\": {\n    \
             \"transfer_kind\": \"extradition\",\n    \"systematic_torture\": \"yes\"\n  },\n  \
             \"notes\": {\n    \"systematic_torture\": \"\\\"UN\\\"\\\\ CAT\\n\\u0001\\t\u{7f} é\"\n  }\n}"
        );
    }

    fn obj(keys: &[&str]) -> Raw {
        Raw::Object(keys.iter().map(|k| ((*k).to_owned(), Raw::Null)).collect())
    }

    #[test]
    fn the_first_problem_in_input_order_is_named() {
        let allowed = &["a", "b", "c"];
        for (keys, named, duplicate) in [
            (&["b", "a", "a", "b"][..], "x.a", true),
            (&["a", "b", "b", "a"][..], "x.b", true),
            (&["c", "a", "b", "c", "a"][..], "x.c", true),
            (&["a", "a", "a"][..], "x.a", true),
            (&["a", "z", "a"][..], "x.z", false),
            (&["z", "z"][..], "x.z", false),
        ] {
            let err = object(&obj(keys), "x", allowed)
                .err()
                .map(|e| (e.field, e.kind == InputErrorKind::Duplicate));
            assert_eq!(err, Some((named.to_owned(), duplicate)), "{keys:?}");
        }
        assert!(object(&obj(&["a", "b", "c"]), "x", allowed).is_ok());
        assert!(object(&obj(&[]), "x", allowed).is_ok());
    }

    #[test]
    fn an_object_over_the_cap_is_refused_before_its_keys_are_read() {
        let keys: Vec<String> = (0..=MAX_ENTRIES).map(|i| i.to_string()).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let err = object(&obj(&keys), "x", &[]).err().map(|e| e.kind);
        assert!(matches!(err, Some(InputErrorKind::Syntax(_))), "{err:?}");
        let under = vec!["a"; MAX_ENTRIES];
        let err = object(&obj(&under), "x", &["a"]).err().map(|e| e.kind);
        assert_eq!(err, Some(InputErrorKind::Duplicate));
    }
}

//! The answers file of RULES.md: strict reading and faithful writing.
//!
//! Reading validates everything before it builds anything, so a bad file changes nothing.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::answers::Answers;
use super::heapsort::heapsort;
use super::question::QuestionId;
use super::raw::Raw;
use super::{ANSWERS_FORMAT, ANSWERS_VERSION};

/// A larger file is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// A longer note is refused: no real note needs more, and it keeps reports printable.
pub const MAX_NOTE_CHARS: usize = 100_000;

/// The top-level fields, in the order RULES.md writes them.
const TOP_FIELDS: &[&str] = &["format", "version", "answers", "notes"];

/// A found value is quoted in an error up to this many characters.
const QUOTE_CHARS: usize = 40;

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
    /// The same key twice in one object.
    Duplicate,
    /// A note longer than [`MAX_NOTE_CHARS`].
    NoteTooLong,
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

/// A short, type-named rendering of a value for error messages (no float formatting).
fn describe(v: &Raw) -> String {
    match v {
        Raw::Null => "null".to_owned(),
        Raw::Bool(b) => if *b { "true" } else { "false" }.to_owned(),
        Raw::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
            #[allow(clippy::cast_possible_truncation)]
            let i = *n as i64;
            crate::decimal::signed(i)
        }
        Raw::Number(_) => "a number".to_owned(),
        Raw::String(s) => quote(s),
        Raw::Array(_) => "a list".to_owned(),
        Raw::Object(_) => "an object".to_owned(),
    }
}

/// The entries of an object, or a type error naming `field`; duplicates are refused.
fn object<'a>(v: &'a Raw, field: &str) -> Result<&'a [(String, Raw)], InputError> {
    let Raw::Object(entries) = v else {
        return Err(InputError::new(
            field,
            InputErrorKind::WrongType {
                expected: "object",
                allowed: Vec::new(),
            },
        ));
    };
    // Sorted, not a scan of the earlier keys: a hostile file of 2 MiB holds some 200,000
    // keys, and a quadratic check took half a minute (found by fuzzing; tests/fuzz_corpus.rs).
    // Not a BTreeSet or the slice sort either: each is some 4 KB more wasm than a heapsort.
    // Sorting (key, position) puts each key's occurrences side by side in input order; the
    // error names the key whose second occurrence comes first in the file, as a scan would.
    let mut keys: Vec<(&str, usize)> = entries
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.as_str(), i))
        .collect();
    heapsort(&mut keys);
    let first_repeat = keys
        .windows(2)
        .filter_map(|pair| match pair {
            [(a, _), (b, at)] if a == b => Some((*at, *b)),
            _ => None,
        })
        .min();
    if let Some((_, key)) = first_repeat {
        return Err(InputError::new(join(field, key), InputErrorKind::Duplicate));
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
    let top = object(raw, "")?;
    if let Some((key, _)) = top.iter().find(|(k, _)| !TOP_FIELDS.contains(&k.as_str())) {
        return Err(InputError::new(
            key.as_str(),
            InputErrorKind::UnknownField {
                allowed: TOP_FIELDS.to_vec(),
            },
        ));
    }
    let field = |name: &'static str| top.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    let missing = |name: &'static str, allowed: Vec<&'static str>| {
        InputError::new(name, InputErrorKind::Missing { allowed })
    };

    let format = field("format").ok_or_else(|| missing("format", vec![ANSWERS_FORMAT]))?;
    if string(format, "format", &[ANSWERS_FORMAT])? != ANSWERS_FORMAT {
        return Err(InputError::new(
            "format",
            InputErrorKind::BadValue {
                found: describe(format),
                allowed: vec![ANSWERS_FORMAT],
            },
        ));
    }

    let version = field("version").ok_or_else(|| missing("version", vec!["1"]))?;
    match version {
        Raw::Number(n) if *n == f64::from(ANSWERS_VERSION) => {}
        Raw::Number(_) => {
            return Err(InputError::new(
                "version",
                InputErrorKind::BadValue {
                    found: describe(version),
                    allowed: vec!["1"],
                },
            ))
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
    for (key, value) in object(given, "answers")? {
        let q = question(key, "answers")?;
        let path = join("answers", key);
        let text = string(value, &path, q.kind().values())?;
        if answers.set(q, text).is_err() {
            return Err(InputError::new(
                path,
                InputErrorKind::BadValue {
                    found: describe(value),
                    allowed: q.kind().values().to_vec(),
                },
            ));
        }
    }

    if let Some(notes) = field("notes") {
        for (key, value) in object(notes, "notes")? {
            let q = question(key, "notes")?;
            let path = join("notes", key);
            let text = string(value, &path, &[])?;
            if text.chars().nth(MAX_NOTE_CHARS).is_some() {
                return Err(InputError::new(path, InputErrorKind::NoteTooLong));
            }
            answers.set_note(q, text);
        }
    }
    Ok(answers)
}

/// The answers as an answers file, ready for any serde serializer.
pub struct AnswersFile<'a>(pub &'a Answers);

impl Serialize for AnswersFile<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut file = s.serialize_struct("AnswersFile", 4)?;
        file.serialize_field("format", ANSWERS_FORMAT)?;
        file.serialize_field("version", &ANSWERS_VERSION)?;
        file.serialize_field("answers", &Values(self.0))?;
        file.serialize_field("notes", &Notes(self.0))?;
        file.end()
    }
}

struct Values<'a>(&'a Answers);

impl Serialize for Values<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (q, a) in self.0.answered() {
            map.serialize_entry(q.as_str(), a.as_str())?;
        }
        map.end()
    }
}

struct Notes<'a>(&'a Answers);

impl Serialize for Notes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (q, n) in self.0.notes() {
            map.serialize_entry(q.as_str(), n)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{object, InputErrorKind, Raw};

    fn obj(keys: &[&str]) -> Raw {
        Raw::Object(keys.iter().map(|k| ((*k).to_owned(), Raw::Null)).collect())
    }

    #[test]
    fn the_duplicate_named_is_the_first_key_repeated_in_input_order() {
        for (keys, named) in [
            (&["b", "a", "a", "b"][..], "x.a"),
            (&["a", "b", "b", "a"][..], "x.b"),
            (&["c", "a", "b", "c", "a"][..], "x.c"),
            (&["a", "a", "a"][..], "x.a"),
        ] {
            let err = object(&obj(keys), "x").err().map(|e| (e.field, e.kind));
            assert_eq!(
                err,
                Some((named.to_owned(), InputErrorKind::Duplicate)),
                "{keys:?}"
            );
        }
        assert!(object(&obj(&["a", "b", "c"]), "x").is_ok());
        assert!(object(&obj(&[]), "x").is_ok());
    }
}

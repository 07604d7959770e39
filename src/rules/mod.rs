//! The rulebook of `shared/RULES.md`, as pure functions: no I/O, no wasm, no panics.
//!
//! Modules follow the order of the joint statement: the questions and answers, the
//! circumstances of R2 in three-valued logic, the verdict, then the findings.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

#[macro_use]
mod wire;

mod answer;
mod answers;
pub mod assumptions;
mod authority;
mod circumstance;
mod evaluation;
mod file;
mod file_name;
mod finding;
mod kleene;
mod progress;
mod question;
mod raw;
mod verdict;

pub use answer::{Answer, AnswerKind, AssurancesSubject, TransferKind, Tri};
pub use answers::{Answers, Case};
pub use authority::{supporting, Authority, Forum, Point, Reason, AUTHORITIES, BY_FORUM};
pub use circumstance::{CircumstanceId, Status};
pub use evaluation::{evaluate, Evaluation, OpenQuestion};
pub use file::{
    answers_to_json, check_text, decimal, parse_answers_file, InputError, InputErrorKind,
    MAX_CASE_CHARS, MAX_ENTRIES, MAX_FILE_BYTES, MAX_NOTE_CHARS,
};
pub use file_name::{answers_file_name, file_reference, MAX_FILE_REFERENCE};
pub use finding::{Finding, FindingId};
pub use kleene::Truth;
pub use progress::{progress, Progress};
pub use question::{QuestionId, Section, ShownWhen};
pub use raw::{Raw, MAX_DEPTH};
pub use verdict::Verdict;

/// The version of this rulebook, reported as `rules_version`.
pub const RULES_VERSION: &str = "2";

/// The `format` tag of an answers file.
pub const ANSWERS_FORMAT: &str = "assurance-check/answers";

/// The only answers-file `version` this build reads and writes.
pub const ANSWERS_VERSION: u32 = 1;

//! Every combination of the seven circumstance inputs (yes, no, unknown, unanswered: 4^7 =
//! 16,384) against a truth table written here from RULES.md, independently of the crate's
//! own Kleene logic.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use assurance_check::i18n::english;
use assurance_check::report::Report;
use assurance_check::rules::{evaluate, Answers, QuestionId, Status, Verdict};

/// An input as the user gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Input {
    Yes,
    No,
    Unknown,
    Unanswered,
}

const INPUTS: [Input; 4] = [Input::Yes, Input::No, Input::Unknown, Input::Unanswered];

/// A truth value of RULES.md: yes is true, no is false, unknown or unanswered is unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    T,
    F,
    U,
}

fn truth(i: Input) -> K {
    match i {
        Input::Yes => K::T,
        Input::No => K::F,
        Input::Unknown | Input::Unanswered => K::U,
    }
}

/// "False as soon as either answer is no, true only if both are yes, and unknown otherwise."
fn and(a: K, b: K) -> K {
    match (a, b) {
        (K::F, _) | (_, K::F) => K::F,
        (K::T, K::T) => K::T,
        _ => K::U,
    }
}

/// Kleene OR: true as soon as one is true, false only if all are false.
fn or(a: K, b: K) -> K {
    match (a, b) {
        (K::T, _) | (_, K::T) => K::T,
        (K::F, K::F) => K::F,
        _ => K::U,
    }
}

/// The seven inputs, in this order.
const QUESTIONS: [&str; 7] = [
    "systematic_torture",
    "no_effective_control",
    "group_targeted",
    "person_in_group",
    "personal_risk",
    "onward_transfer",
    "other_grounds",
];

/// The six circumstances with the indices (into `QUESTIONS`) of their inputs.
const CIRCUMSTANCES: [(&str, &[usize]); 6] = [
    ("systematic_torture", &[0]),
    ("no_effective_control", &[1]),
    ("targeted_group", &[2, 3]),
    ("personal_risk", &[4]),
    ("onward_transfer", &[5]),
    ("other_grounds", &[6]),
];

fn status_name(k: K) -> &'static str {
    match k {
        K::T => "established",
        K::F => "not_established",
        K::U => "unresolved",
    }
}

/// What RULES.md says for one combination: the six statuses, the verdict, and the open
/// questions as (question, would_establish, together_with).
struct Expected {
    circumstances: [K; 6],
    verdict: &'static str,
    open: BTreeSet<(String, String, BTreeSet<String>)>,
}

fn expected(row: &[Input; 7]) -> Expected {
    let t: Vec<K> = row.iter().copied().map(truth).collect();
    let circumstances = [t[0], t[1], and(t[2], t[3]), t[4], t[5], t[6]];
    let any = circumstances.iter().fold(K::F, |acc, c| or(acc, *c));
    let verdict = match any {
        K::T => "barred",
        K::U => "undetermined",
        K::F => "not_indicated",
    };
    let mut open = BTreeSet::new();
    if verdict == "undetermined" {
        for (i, (id, inputs)) in CIRCUMSTANCES.iter().enumerate() {
            if circumstances[i] != K::U {
                continue;
            }
            let unknown: Vec<usize> = inputs.iter().copied().filter(|q| t[*q] == K::U).collect();
            for q in &unknown {
                let others = unknown
                    .iter()
                    .filter(|o| *o != q)
                    .map(|o| QUESTIONS[*o].to_owned())
                    .collect();
                open.insert((QUESTIONS[*q].to_owned(), (*id).to_owned(), others));
            }
        }
    }
    Expected {
        circumstances,
        verdict,
        open,
    }
}

/// Answers outside the circumstances, varied with the row so that they are exercised too.
const SUBJECTS: [Option<&str>; 5] = [
    None,
    Some("torture"),
    Some("death_penalty"),
    Some("both"),
    Some("none"),
];

fn answers(row: &[Input; 7], n: usize) -> Answers {
    let mut a = Answers::new();
    for (q, input) in QUESTIONS.iter().zip(row) {
        let q = QuestionId::from_id(q).unwrap_or_else(|| panic!("no question {q}"));
        let value = match input {
            Input::Yes => "yes",
            Input::No => "no",
            Input::Unknown => "unknown",
            Input::Unanswered => continue,
        };
        a.set(q, value)
            .unwrap_or_else(|_| panic!("{value} refused"));
    }
    if let Some(subject) = SUBJECTS[n % SUBJECTS.len()] {
        a.set(QuestionId::AssurancesSubject, subject)
            .unwrap_or_else(|_| panic!("{subject} refused"));
    }
    a
}

fn rows() -> impl Iterator<Item = (usize, [Input; 7])> {
    (0..INPUTS.len().pow(7)).map(|n| {
        let mut row = [Input::Yes; 7];
        let mut rest = n;
        for slot in &mut row {
            *slot = INPUTS[rest % 4];
            rest /= 4;
        }
        (n, row)
    })
}

#[test]
fn every_combination_of_the_seven_inputs_matches_the_truth_table() {
    let mut seen = [0usize; 3];
    let mut count = 0;
    let mut established = 0;
    for (n, row) in rows() {
        let a = answers(&row, n);
        let want = expected(&row);
        let e = evaluate(&a);
        let report = Report::of(&a, english());
        let at = format!("row {n}: {row:?}");

        assert_eq!(report.verdict, want.verdict, "{at}: verdict");
        assert_eq!(e.verdict.as_str(), want.verdict, "{at}: verdict");
        assert_eq!(report.circumstances.len(), 6, "{at}");
        for (i, ((id, _), k)) in CIRCUMSTANCES.iter().zip(want.circumstances).enumerate() {
            let row = &report.circumstances[i];
            assert_eq!(row.id, *id, "{at}: circumstance order");
            assert_eq!(row.status, status_name(k), "{at}: {id}");
            let (cid, status) = e.circumstances[i];
            assert_eq!(cid.as_str(), *id, "{at}");
            assert_eq!(status.as_str(), status_name(k), "{at}: {id}");
            // RULES.md "Authorities": every established circumstance carries one at least.
            if status == Status::Established {
                established += 1;
                assert!(!row.authorities.is_empty(), "{at}: {id} has no authority");
            }
        }
        if e.verdict != Verdict::Undetermined {
            assert!(e.open_questions.is_empty(), "{at}: open questions");
            assert!(report.open_questions.is_empty(), "{at}: open questions");
        }
        let open: BTreeSet<(String, String, BTreeSet<String>)> = report
            .open_questions
            .iter()
            .map(|o| {
                (
                    o.question.to_owned(),
                    o.would_establish.to_owned(),
                    o.together_with.iter().map(|t| (*t).to_owned()).collect(),
                )
            })
            .collect();
        assert_eq!(open.len(), report.open_questions.len(), "{at}: duplicates");
        assert_eq!(open, want.open, "{at}: open questions");

        seen[match want.verdict {
            "barred" => 0,
            "undetermined" => 1,
            _ => 2,
        }] += 1;
        count += 1;
    }
    assert_eq!(count, 16_384);
    assert!(
        established > 16_384,
        "circumstances established: {established}"
    );
    // Counted by hand: no circumstance is true when each of the five single inputs is one
    // of no/unknown/unanswered (3^5) and the R2(c) pair is any of its 16 values but
    // yes/yes (15): 3,645 rows. All six are false when the five are "no" and the pair is
    // false (group "no": 4 ways; person "no" with group not "no": 3 ways): 7 rows.
    assert_eq!(seen[2], 7, "not_indicated rows");
    assert_eq!(seen[1], 3_645 - 7, "undetermined rows");
    assert_eq!(seen[0], 16_384 - 3_645, "barred rows");
}

/// The R2(c) conjunction spelled out row by row, as RULES.md words it.
#[test]
fn targeted_group_is_the_conjunction_of_its_two_limbs() {
    use Input::{No, Unanswered, Unknown, Yes};
    let table: [(Input, Input, Status); 16] = [
        (Yes, Yes, Status::Established),
        (Yes, No, Status::NotEstablished),
        (Yes, Unknown, Status::Unresolved),
        (Yes, Unanswered, Status::Unresolved),
        (No, Yes, Status::NotEstablished),
        (No, No, Status::NotEstablished),
        (No, Unknown, Status::NotEstablished),
        (No, Unanswered, Status::NotEstablished),
        (Unknown, Yes, Status::Unresolved),
        (Unknown, No, Status::NotEstablished),
        (Unknown, Unknown, Status::Unresolved),
        (Unknown, Unanswered, Status::Unresolved),
        (Unanswered, Yes, Status::Unresolved),
        (Unanswered, No, Status::NotEstablished),
        (Unanswered, Unknown, Status::Unresolved),
        (Unanswered, Unanswered, Status::Unresolved),
    ];
    for (group, person, status) in table {
        let row = [No, No, group, person, No, No, No];
        let e = evaluate(&answers(&row, 0));
        assert_eq!(e.circumstances[2].1, status, "{group:?} AND {person:?}");
        let verdict = match status {
            Status::Established => Verdict::Barred,
            Status::Unresolved => Verdict::Undetermined,
            Status::NotEstablished => Verdict::NotIndicated,
        };
        assert_eq!(e.verdict, verdict, "{group:?} AND {person:?}");
    }
}

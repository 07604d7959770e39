//! The values a question can take. Each has a stable wire name (RULES.md "Answers").

use super::kleene::Truth;

wire_enum! {
    /// `yes`, `no` or `unknown` ("I don't know"), in display order. Unanswered is the
    /// absence of a value.
    pub enum Tri {
        Yes = "yes",
        No = "no",
        Unknown = "unknown",
    }
}

wire_enum! {
    /// R1: "expel, return, extradite, render, or otherwise transfer". Every kind is covered.
    pub enum TransferKind {
        Expulsion = "expulsion",
        Return = "return",
        Extradition = "extradition",
        Rendition = "rendition",
        Other = "other",
    }
}

wire_enum! {
    /// ¶4, ¶10: what the assurances promise, which decides the findings that follow.
    pub enum AssurancesSubject {
        Torture = "torture",
        DeathPenalty = "death_penalty",
        Both = "both",
        None = "none",
    }
}

/// One answer, of whichever kind its question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Tri(Tri),
    Transfer(TransferKind),
    Subject(AssurancesSubject),
}

impl Tri {
    /// `yes` is true, `no` is false, `unknown` is unknown.
    #[must_use]
    pub fn truth(self) -> Truth {
        match self {
            Tri::Yes => Truth::True,
            Tri::No => Truth::False,
            Tri::Unknown => Truth::Unknown,
        }
    }
}

impl AssurancesSubject {
    /// ¶4, R4: assurances against torture were sought, offered or given.
    #[must_use]
    pub fn covers_torture(self) -> bool {
        matches!(self, AssurancesSubject::Torture | AssurancesSubject::Both)
    }

    /// ¶10: assurances about the death penalty were sought, offered or given.
    #[must_use]
    pub fn covers_death_penalty(self) -> bool {
        matches!(
            self,
            AssurancesSubject::DeathPenalty | AssurancesSubject::Both
        )
    }
}

/// Which set of values a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    Tri,
    Transfer,
    Subject,
}

impl AnswerKind {
    /// The allowed wire values, in display order.
    #[must_use]
    pub fn values(self) -> &'static [&'static str] {
        match self {
            AnswerKind::Tri => Tri::NAMES,
            AnswerKind::Transfer => TransferKind::NAMES,
            AnswerKind::Subject => AssurancesSubject::NAMES,
        }
    }

    /// Parses a wire value of this kind.
    #[must_use]
    pub fn parse(self, s: &str) -> Option<Answer> {
        match self {
            AnswerKind::Tri => Tri::parse(s).map(Answer::Tri),
            AnswerKind::Transfer => TransferKind::parse(s).map(Answer::Transfer),
            AnswerKind::Subject => AssurancesSubject::parse(s).map(Answer::Subject),
        }
    }
}

impl Answer {
    /// The wire name of the value.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Tri(t) => t.as_str(),
            Answer::Transfer(k) => k.as_str(),
            Answer::Subject(s) => s.as_str(),
        }
    }
}

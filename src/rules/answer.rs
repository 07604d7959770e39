//! The values a question can take. Each has a stable wire name (RULES.md "Answers").

use super::kleene::Truth;

/// `yes`, `no` or `unknown` ("I don't know"). Unanswered is the absence of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tri {
    No,
    Unknown,
    Yes,
}

/// R1: "expel, return, extradite, render, or otherwise transfer". Every kind is covered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TransferKind {
    Expulsion,
    Return,
    Extradition,
    Rendition,
    Other,
}

/// ¶4, ¶10: what the assurances promise, which decides the findings that follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssurancesSubject {
    Torture,
    DeathPenalty,
    Both,
    None,
}

/// One answer, of whichever kind its question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Tri(Tri),
    Transfer(TransferKind),
    Subject(AssurancesSubject),
}

/// How the values of a kind of question are named on the wire.
pub(crate) const TRI_VALUES: &[&str] = &["yes", "no", "unknown"];
pub(crate) const TRANSFER_VALUES: &[&str] =
    &["expulsion", "return", "extradition", "rendition", "other"];
pub(crate) const SUBJECT_VALUES: &[&str] = &["torture", "death_penalty", "both", "none"];

impl Tri {
    /// The wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Tri::Yes => "yes",
            Tri::No => "no",
            Tri::Unknown => "unknown",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Tri> {
        match s {
            "yes" => Some(Tri::Yes),
            "no" => Some(Tri::No),
            "unknown" => Some(Tri::Unknown),
            _ => None,
        }
    }

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

impl TransferKind {
    /// The wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TransferKind::Expulsion => "expulsion",
            TransferKind::Return => "return",
            TransferKind::Extradition => "extradition",
            TransferKind::Rendition => "rendition",
            TransferKind::Other => "other",
        }
    }

    fn parse(s: &str) -> Option<TransferKind> {
        match s {
            "expulsion" => Some(TransferKind::Expulsion),
            "return" => Some(TransferKind::Return),
            "extradition" => Some(TransferKind::Extradition),
            "rendition" => Some(TransferKind::Rendition),
            "other" => Some(TransferKind::Other),
            _ => None,
        }
    }
}

impl AssurancesSubject {
    /// The wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            AssurancesSubject::Torture => "torture",
            AssurancesSubject::DeathPenalty => "death_penalty",
            AssurancesSubject::Both => "both",
            AssurancesSubject::None => "none",
        }
    }

    fn parse(s: &str) -> Option<AssurancesSubject> {
        match s {
            "torture" => Some(AssurancesSubject::Torture),
            "death_penalty" => Some(AssurancesSubject::DeathPenalty),
            "both" => Some(AssurancesSubject::Both),
            "none" => Some(AssurancesSubject::None),
            _ => None,
        }
    }

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
            AnswerKind::Tri => TRI_VALUES,
            AnswerKind::Transfer => TRANSFER_VALUES,
            AnswerKind::Subject => SUBJECT_VALUES,
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

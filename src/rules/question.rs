//! The questionnaire: ids, sections, citations and when each question is shown.

use super::answer::AnswerKind;
use super::answers::Answers;
use super::Answer;

/// Every question, in the order the statement reads. The ids are public API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuestionId {
    TransferKind,
    AssurancesSubject,
    SystematicTorture,
    NoEffectiveControl,
    GroupTargeted,
    PersonInGroup,
    PersonalRisk,
    OnwardTransfer,
    OtherGrounds,
    TribunalReview,
    FullReview,
    IndependentLawyer,
    SuspensiveAppeal,
    PostReturnMonitoring,
    ReportedToTreatyBodies,
}

/// The parts of the questionnaire, in the order the statement reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// R1, ¶4, ¶10: the transfer and the assurances.
    Transfer,
    /// R2(a)–(c): the receiving country.
    Country,
    /// R2(d), R2(e), R2: the person.
    Person,
    /// R3: procedure before transfer.
    Procedure,
    /// ¶7, R4: monitoring and reporting.
    Monitoring,
}

/// When a question is shown (RULES.md, "shown when").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShownWhen {
    Always,
    /// Shown unless `question` has one of these values (unanswered counts as shown).
    NoneOf(QuestionId, &'static [&'static str]),
    /// Shown only when `question` has one of these values.
    AnyOf(QuestionId, &'static [&'static str]),
}

impl QuestionId {
    /// All questions, in statement order.
    pub const ALL: [QuestionId; 15] = [
        QuestionId::TransferKind,
        QuestionId::AssurancesSubject,
        QuestionId::SystematicTorture,
        QuestionId::NoEffectiveControl,
        QuestionId::GroupTargeted,
        QuestionId::PersonInGroup,
        QuestionId::PersonalRisk,
        QuestionId::OnwardTransfer,
        QuestionId::OtherGrounds,
        QuestionId::TribunalReview,
        QuestionId::FullReview,
        QuestionId::IndependentLawyer,
        QuestionId::SuspensiveAppeal,
        QuestionId::PostReturnMonitoring,
        QuestionId::ReportedToTreatyBodies,
    ];

    /// The four safeguards of R3, in the order the recommendation lists them.
    pub const SAFEGUARDS: [QuestionId; 4] = [
        QuestionId::TribunalReview,
        QuestionId::FullReview,
        QuestionId::IndependentLawyer,
        QuestionId::SuspensiveAppeal,
    ];

    /// The stable id used in files, reports and the DOM.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionId::TransferKind => "transfer_kind",
            QuestionId::AssurancesSubject => "assurances_subject",
            QuestionId::SystematicTorture => "systematic_torture",
            QuestionId::NoEffectiveControl => "no_effective_control",
            QuestionId::GroupTargeted => "group_targeted",
            QuestionId::PersonInGroup => "person_in_group",
            QuestionId::PersonalRisk => "personal_risk",
            QuestionId::OnwardTransfer => "onward_transfer",
            QuestionId::OtherGrounds => "other_grounds",
            QuestionId::TribunalReview => "tribunal_review",
            QuestionId::FullReview => "full_review",
            QuestionId::IndependentLawyer => "independent_lawyer",
            QuestionId::SuspensiveAppeal => "suspensive_appeal",
            QuestionId::PostReturnMonitoring => "post_return_monitoring",
            QuestionId::ReportedToTreatyBodies => "reported_to_treaty_bodies",
        }
    }

    /// Looks a question up by its stable id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<QuestionId> {
        QuestionId::ALL.into_iter().find(|q| q.as_str() == id)
    }

    /// Which values the question takes.
    #[must_use]
    pub fn kind(self) -> AnswerKind {
        match self {
            QuestionId::TransferKind => AnswerKind::Transfer,
            QuestionId::AssurancesSubject => AnswerKind::Subject,
            _ => AnswerKind::Tri,
        }
    }

    /// The statement label the question implements.
    #[must_use]
    pub fn cites(self) -> &'static str {
        match self {
            QuestionId::TransferKind => "R1",
            QuestionId::AssurancesSubject => "¶4, ¶10",
            QuestionId::SystematicTorture => "R2(a)",
            QuestionId::NoEffectiveControl => "R2(b)",
            QuestionId::GroupTargeted | QuestionId::PersonInGroup => "R2(c)",
            QuestionId::PersonalRisk => "R2(d)",
            QuestionId::OnwardTransfer => "R2(e)",
            QuestionId::OtherGrounds => "R2",
            QuestionId::TribunalReview
            | QuestionId::FullReview
            | QuestionId::IndependentLawyer
            | QuestionId::SuspensiveAppeal => "R3",
            QuestionId::PostReturnMonitoring => "¶7",
            QuestionId::ReportedToTreatyBodies => "R4",
        }
    }

    /// The section the question belongs to.
    #[must_use]
    pub fn section(self) -> Section {
        match self {
            QuestionId::TransferKind | QuestionId::AssurancesSubject => Section::Transfer,
            QuestionId::SystematicTorture
            | QuestionId::NoEffectiveControl
            | QuestionId::GroupTargeted
            | QuestionId::PersonInGroup => Section::Country,
            QuestionId::PersonalRisk | QuestionId::OnwardTransfer | QuestionId::OtherGrounds => {
                Section::Person
            }
            QuestionId::TribunalReview
            | QuestionId::FullReview
            | QuestionId::IndependentLawyer
            | QuestionId::SuspensiveAppeal => Section::Procedure,
            QuestionId::PostReturnMonitoring | QuestionId::ReportedToTreatyBodies => {
                Section::Monitoring
            }
        }
    }

    /// RULES.md "shown when": `person_in_group` while `group_targeted` is not `no`, and
    /// `reported_to_treaty_bodies` when the assurances cover torture (R4 asks only then).
    #[must_use]
    pub fn shown_when(self) -> ShownWhen {
        match self {
            QuestionId::PersonInGroup => ShownWhen::NoneOf(QuestionId::GroupTargeted, &["no"]),
            QuestionId::ReportedToTreatyBodies => {
                ShownWhen::AnyOf(QuestionId::AssurancesSubject, &["torture", "both"])
            }
            _ => ShownWhen::Always,
        }
    }

    /// Whether the question is shown, given the answers so far.
    #[must_use]
    pub fn is_shown(self, answers: &Answers) -> bool {
        let value = |q: QuestionId| answers.get(q).map(Answer::as_str);
        match self.shown_when() {
            ShownWhen::Always => true,
            ShownWhen::NoneOf(q, values) => value(q).is_none_or(|v| !values.contains(&v)),
            ShownWhen::AnyOf(q, values) => value(q).is_some_and(|v| values.contains(&v)),
        }
    }
}

impl Section {
    /// All sections, in statement order.
    pub const ALL: [Section; 5] = [
        Section::Transfer,
        Section::Country,
        Section::Person,
        Section::Procedure,
        Section::Monitoring,
    ];

    /// A stable id for the section.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Transfer => "transfer",
            Section::Country => "country",
            Section::Person => "person",
            Section::Procedure => "procedure",
            Section::Monitoring => "monitoring",
        }
    }

    /// The questions of this section, in order.
    pub fn questions(self) -> impl Iterator<Item = QuestionId> {
        QuestionId::ALL
            .into_iter()
            .filter(move |q| q.section() == self)
    }
}

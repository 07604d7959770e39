//! The questionnaire: ids, sections, citations and when each question is shown.

use super::answer::AnswerKind;
use super::answers::Answers;
use super::Answer;

wire_enum! {
    /// Every question, in the order the statement reads. The ids are public API.
    pub enum QuestionId {
        TransferKind = "transfer_kind",
        AssurancesSubject = "assurances_subject",
        SystematicTorture = "systematic_torture",
        NoEffectiveControl = "no_effective_control",
        GroupTargeted = "group_targeted",
        PersonInGroup = "person_in_group",
        PersonalRisk = "personal_risk",
        OnwardTransfer = "onward_transfer",
        OtherGrounds = "other_grounds",
        TribunalReview = "tribunal_review",
        FullReview = "full_review",
        IndependentLawyer = "independent_lawyer",
        SuspensiveAppeal = "suspensive_appeal",
        PostReturnMonitoring = "post_return_monitoring",
        ReportedToTreatyBodies = "reported_to_treaty_bodies",
    }
}

wire_enum! {
    /// The parts of the questionnaire, in the order the statement reads.
    pub enum Section {
        /// R1, ¶4, ¶10: the transfer and the assurances.
        Transfer = "transfer",
        /// R2(a)–(c): the receiving country.
        Country = "country",
        /// R2(d), R2(e), R2: the person.
        Person = "person",
        /// R3: procedure before transfer.
        Procedure = "procedure",
        /// ¶7, R4: monitoring and reporting.
        Monitoring = "monitoring",
    }
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
    /// The questions the six circumstances of R2 read, and so the verdict.
    pub const VERDICT_INPUTS: [QuestionId; 7] = [
        QuestionId::SystematicTorture,
        QuestionId::NoEffectiveControl,
        QuestionId::GroupTargeted,
        QuestionId::PersonInGroup,
        QuestionId::PersonalRisk,
        QuestionId::OnwardTransfer,
        QuestionId::OtherGrounds,
    ];

    /// The four safeguards of R3, in the order the recommendation lists them.
    pub const SAFEGUARDS: [QuestionId; 4] = [
        QuestionId::TribunalReview,
        QuestionId::FullReview,
        QuestionId::IndependentLawyer,
        QuestionId::SuspensiveAppeal,
    ];

    /// Looks a question up by its stable id (the name the DOM and files use).
    #[must_use]
    pub fn from_id(id: &str) -> Option<QuestionId> {
        QuestionId::parse(id)
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

    /// R2's chapeau, "substantial grounds for believing": the questions whose answers carry
    /// the evidential standard (RULES.md, "What an answer means").
    #[must_use]
    pub fn under_r2(self) -> bool {
        self.cites().starts_with("R2")
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
    /// The questions of this section, in order.
    pub fn questions(self) -> impl Iterator<Item = QuestionId> {
        QuestionId::ALL
            .into_iter()
            .filter(move |q| q.section() == self)
    }
}

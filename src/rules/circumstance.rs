//! R2: the circumstances in which reliance on diplomatic assurances must be prohibited.
//!
//! Each is a function of the answers in Kleene logic: established (true), not established
//! (false) or unresolved (unknown).

use super::answers::Answers;
use super::kleene::Truth;
use super::question::QuestionId;

wire_enum! {
    /// The six circumstances, in the order of RULES.md. The ids are public API.
    pub enum CircumstanceId {
        SystematicTorture = "systematic_torture",
        NoEffectiveControl = "no_effective_control",
        TargetedGroup = "targeted_group",
        PersonalRisk = "personal_risk",
        OnwardTransfer = "onward_transfer",
        OtherGrounds = "other_grounds",
    }
}

wire_enum! {
    /// How far a circumstance is shown by the answers.
    pub enum Status {
        Established = "established",
        NotEstablished = "not_established",
        Unresolved = "unresolved",
    }
}

impl Status {
    /// True is established, false is not established, unknown is unresolved.
    #[must_use]
    pub fn from_truth(t: Truth) -> Status {
        match t {
            Truth::True => Status::Established,
            Truth::False => Status::NotEstablished,
            Truth::Unknown => Status::Unresolved,
        }
    }
}

/// R2(a): "torture and other ill-treatment in the receiving country are systematic,
/// widespread, endemic, or recalcitrant or persistent problems".
#[must_use]
pub fn systematic_torture(a: &Answers) -> Truth {
    a.truth(QuestionId::SystematicTorture)
}

/// R2(b): "governmental authorities do not have effective control over the forces in their
/// country that perpetrate acts of torture".
#[must_use]
pub fn no_effective_control(a: &Answers) -> Truth {
    a.truth(QuestionId::NoEffectiveControl)
}

/// R2(c): authorities "consistently target members of a particular … group, including
/// terrorism suspects" *and* "the person subject to transfer is associated with that group".
/// Both limbs are needed, so this is a Kleene AND.
#[must_use]
pub fn targeted_group(a: &Answers) -> Truth {
    a.truth(QuestionId::GroupTargeted)
        .and(a.truth(QuestionId::PersonInGroup))
}

/// R2(d): "a risk of torture and other ill-treatment upon return directly related to a
/// person's particular circumstances".
#[must_use]
pub fn personal_risk(a: &Answers) -> Truth {
    a.truth(QuestionId::PersonalRisk)
}

/// R2(e): "any indication that the receiving government would subsequently transfer the
/// individual to a third state" where they would be at risk.
#[must_use]
pub fn onward_transfer(a: &Answers) -> Truth {
    a.truth(QuestionId::OnwardTransfer)
}

/// R2: "including but not limited to" the listed cases: any other substantial grounds.
#[must_use]
pub fn other_grounds(a: &Answers) -> Truth {
    a.truth(QuestionId::OtherGrounds)
}

impl CircumstanceId {
    /// The statement label.
    #[must_use]
    pub fn cites(self) -> &'static str {
        match self {
            CircumstanceId::SystematicTorture => "R2(a)",
            CircumstanceId::NoEffectiveControl => "R2(b)",
            CircumstanceId::TargetedGroup => "R2(c)",
            CircumstanceId::PersonalRisk => "R2(d)",
            CircumstanceId::OnwardTransfer => "R2(e)",
            CircumstanceId::OtherGrounds => "R2",
        }
    }

    /// The questions the circumstance is made of; all must be yes to establish it.
    #[must_use]
    pub fn inputs(self) -> &'static [QuestionId] {
        match self {
            CircumstanceId::SystematicTorture => &[QuestionId::SystematicTorture],
            CircumstanceId::NoEffectiveControl => &[QuestionId::NoEffectiveControl],
            CircumstanceId::TargetedGroup => {
                &[QuestionId::GroupTargeted, QuestionId::PersonInGroup]
            }
            CircumstanceId::PersonalRisk => &[QuestionId::PersonalRisk],
            CircumstanceId::OnwardTransfer => &[QuestionId::OnwardTransfer],
            CircumstanceId::OtherGrounds => &[QuestionId::OtherGrounds],
        }
    }

    /// The circumstance's truth under the answers.
    #[must_use]
    pub fn truth(self, a: &Answers) -> Truth {
        match self {
            CircumstanceId::SystematicTorture => systematic_torture(a),
            CircumstanceId::NoEffectiveControl => no_effective_control(a),
            CircumstanceId::TargetedGroup => targeted_group(a),
            CircumstanceId::PersonalRisk => personal_risk(a),
            CircumstanceId::OnwardTransfer => onward_transfer(a),
            CircumstanceId::OtherGrounds => other_grounds(a),
        }
    }
}

//! The findings: what the report says besides the verdict (RULES.md "Findings").
//!
//! Written in the order the statement reads. None of them changes the verdict.

use super::answer::{Answer, Tri};
use super::answers::Answers;
use super::question::QuestionId;

/// Every kind of finding. The ids are public API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingId {
    LegalBasis,
    NeedAcknowledgesRisk,
    AssurancesUnreliable,
    DeathPenaltyDistinct,
    MonitoringNoCure,
    SafeguardMissing,
    SafeguardUnverified,
    ReportToTreatyBodies,
    MinimumStandardsRejected,
}

/// One finding; those that recur name the question they are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    pub id: FindingId,
    pub question: Option<QuestionId>,
}

impl FindingId {
    /// All kinds, in report order.
    pub const ALL: [FindingId; 9] = [
        FindingId::LegalBasis,
        FindingId::NeedAcknowledgesRisk,
        FindingId::AssurancesUnreliable,
        FindingId::DeathPenaltyDistinct,
        FindingId::MonitoringNoCure,
        FindingId::SafeguardMissing,
        FindingId::SafeguardUnverified,
        FindingId::ReportToTreatyBodies,
        FindingId::MinimumStandardsRejected,
    ];

    /// The stable id.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            FindingId::LegalBasis => "legal_basis",
            FindingId::NeedAcknowledgesRisk => "need_acknowledges_risk",
            FindingId::AssurancesUnreliable => "assurances_unreliable",
            FindingId::DeathPenaltyDistinct => "death_penalty_distinct",
            FindingId::MonitoringNoCure => "monitoring_no_cure",
            FindingId::SafeguardMissing => "safeguard_missing",
            FindingId::SafeguardUnverified => "safeguard_unverified",
            FindingId::ReportToTreatyBodies => "report_to_treaty_bodies",
            FindingId::MinimumStandardsRejected => "minimum_standards_rejected",
        }
    }

    /// The statement labels the finding rests on.
    #[must_use]
    pub fn cites(self) -> &'static str {
        match self {
            FindingId::LegalBasis => "¶2, FN1",
            FindingId::NeedAcknowledgesRisk => "¶4",
            FindingId::AssurancesUnreliable => "¶5, ¶8, ¶9",
            FindingId::DeathPenaltyDistinct => "¶10, ¶11",
            FindingId::MonitoringNoCure => "¶7",
            FindingId::SafeguardMissing | FindingId::SafeguardUnverified => "R3",
            FindingId::ReportToTreatyBodies => "R4",
            FindingId::MinimumStandardsRejected => "¶13, I3",
        }
    }
}

impl Finding {
    fn general(id: FindingId) -> Finding {
        Finding { id, question: None }
    }
}

/// ¶2, FN1: the ban on transfer to a risk of torture "is absolute"; "No exceptions are
/// allowed, even in time of war or national emergency". Always shown.
fn legal_basis() -> Option<Finding> {
    Some(Finding::general(FindingId::LegalBasis))
}

/// ¶4: "the perceived need for such guarantees in itself is an acknowledgement that a risk
/// … exists". Shown when the assurances cover torture.
fn need_acknowledges_risk(a: &Answers) -> Option<Finding> {
    a.subject()
        .filter(|s| s.covers_torture())
        .map(|_| Finding::general(FindingId::NeedAcknowledgesRisk))
}

/// ¶5, ¶8, ¶9: assurances rest on trust with "no basis", "have no legal effect", and neither
/// government has an "incentive to find that torture … has occurred".
fn assurances_unreliable(a: &Answers) -> Option<Finding> {
    a.subject()
        .filter(|s| s.covers_torture())
        .map(|_| Finding::general(FindingId::AssurancesUnreliable))
}

/// ¶10, ¶11: it is "important to distinguish diplomatic assurances against the death
/// penalty"; a breach "can usually be identified and addressed" in time.
fn death_penalty_distinct(a: &Answers) -> Option<Finding> {
    a.subject()
        .filter(|s| s.covers_death_penalty())
        .map(|_| Finding::general(FindingId::DeathPenaltyDistinct))
}

/// ¶7: "Post-return monitoring schemes often lack many basic safeguards". Shown when
/// monitoring is offered as a reason to trust the assurances.
fn monitoring_no_cure(a: &Answers) -> Option<Finding> {
    (a.get(QuestionId::PostReturnMonitoring) == Some(Answer::Tri(Tri::Yes)))
        .then(|| Finding::general(FindingId::MonitoringNoCure))
}

/// R3: "any person subject to transfer has the right, prior to transfer," to an independent
/// tribunal, full review, "an independent lawyer and a right of appeal with suspensive
/// effect". One finding per safeguard: missing when answered no, to verify otherwise.
fn safeguard(a: &Answers, q: QuestionId) -> Option<Finding> {
    let id = match a.get(q) {
        Some(Answer::Tri(Tri::Yes)) => return None,
        Some(Answer::Tri(Tri::No)) => FindingId::SafeguardMissing,
        _ => FindingId::SafeguardUnverified,
    };
    Some(Finding {
        id,
        question: Some(q),
    })
}

/// R4: report "all cases in which diplomatic assurances against the risk of torture … have
/// been sought or secured" to CAT and the Human Rights Committee.
fn report_to_treaty_bodies(a: &Answers) -> Option<Finding> {
    let torture = a.subject().is_some_and(|s| s.covers_torture());
    let reported = a.get(QuestionId::ReportedToTreatyBodies) == Some(Answer::Tri(Tri::Yes));
    (torture && !reported).then(|| Finding::general(FindingId::ReportToTreatyBodies))
}

/// ¶13, I3: "minimum standards" for assurances are "misguided and dangerous". Always shown.
fn minimum_standards_rejected() -> Option<Finding> {
    Some(Finding::general(FindingId::MinimumStandardsRejected))
}

/// Every finding whose condition holds, in report order.
#[must_use]
pub fn findings(a: &Answers) -> Vec<Finding> {
    let general = [
        legal_basis(),
        need_acknowledges_risk(a),
        assurances_unreliable(a),
        death_penalty_distinct(a),
        monitoring_no_cure(a),
    ];
    let safeguards = QuestionId::SAFEGUARDS.map(|q| safeguard(a, q));
    let closing = [report_to_treaty_bodies(a), minimum_standards_rejected()];
    // Missing safeguards before unverified ones, each in R3's order: an insertion by id,
    // stable, because a dozen findings do not need the slice sort (some 5 KB of wasm).
    let mut out: Vec<Finding> = Vec::new();
    for f in general
        .into_iter()
        .chain(safeguards)
        .chain(closing)
        .flatten()
    {
        let at = out.iter().position(|g| g.id > f.id).unwrap_or(out.len());
        out.insert(at, f);
    }
    out
}

impl FindingId {
    /// The questions whose answers decide whether a finding of this kind is reported, and
    /// about which question; no other answer does (tests/static_page.rs). For generators
    /// that enumerate their states, such as the static page's stylesheet.
    #[must_use]
    pub fn inputs(self) -> &'static [QuestionId] {
        match self {
            FindingId::LegalBasis | FindingId::MinimumStandardsRejected => &[],
            FindingId::NeedAcknowledgesRisk
            | FindingId::AssurancesUnreliable
            | FindingId::DeathPenaltyDistinct => &[QuestionId::AssurancesSubject],
            FindingId::MonitoringNoCure => &[QuestionId::PostReturnMonitoring],
            FindingId::SafeguardMissing | FindingId::SafeguardUnverified => &QuestionId::SAFEGUARDS,
            FindingId::ReportToTreatyBodies => &[
                QuestionId::AssurancesSubject,
                QuestionId::ReportedToTreatyBodies,
            ],
        }
    }
}

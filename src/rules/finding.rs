//! The findings: what the report says besides the verdict (RULES.md "Findings", and
//! "New findings" of rules version 2).
//!
//! Written in the order the statement reads. None of them changes the verdict, though one
//! (`interim_measures`) depends on it. Facts from outside the statement (rule numbers,
//! cases) are recorded with their sources in `SOURCES.md` beside this file.

use super::answer::{Answer, Tri};
use super::answers::Answers;
use super::question::QuestionId;
use super::verdict::Verdict;

wire_enum! {
    /// Every kind of finding, in report order. The ids are public API.
    pub enum FindingId {
        InterimMeasures = "interim_measures",
        LegalBasis = "legal_basis",
        NeedAcknowledgesRisk = "need_acknowledges_risk",
        AssurancesUnreliable = "assurances_unreliable",
        ErgaOmnes = "erga_omnes",
        DeathPenaltyDistinct = "death_penalty_distinct",
        DeathPenaltyRegional = "death_penalty_regional",
        MonitoringNoCure = "monitoring_no_cure",
        SafeguardMissing = "safeguard_missing",
        SafeguardUnverified = "safeguard_unverified",
        ReportToTreatyBodies = "report_to_treaty_bodies",
        MinimumStandardsRejected = "minimum_standards_rejected",
    }
}

/// One finding; those that recur name the question they are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    pub id: FindingId,
    pub question: Option<QuestionId>,
}

impl FindingId {
    /// What the finding rests on: the statement's labels, then the instruments and decided
    /// cases where the text states the law (RULES.md, "Where the reasons come from").
    #[must_use]
    pub fn cites(self) -> &'static str {
        match self {
            FindingId::InterimMeasures => {
                "ECtHR Rules of Court, Rule 39; Al-Saadoon and Mufdhi v. the United Kingdom, \
                 no. 61498/08, 2 March 2010"
            }
            FindingId::LegalBasis => {
                "¶2, FN1; CAT Art. 3; ICCPR Art. 7; ECHR Art. 3; Refugee Convention Art. 33(2)"
            }
            FindingId::NeedAcknowledgesRisk => "¶4",
            FindingId::AssurancesUnreliable => "¶5, ¶8, ¶9",
            FindingId::ErgaOmnes => "¶6",
            FindingId::DeathPenaltyDistinct => "¶10, ¶11",
            FindingId::DeathPenaltyRegional => {
                "¶10; ECHR Protocols No. 6 and No. 13; ICCPR Second Optional Protocol; \
                 EU Charter Art. 19(2); Al-Saadoon and Mufdhi v. the United Kingdom, \
                 no. 61498/08, 2 March 2010"
            }
            FindingId::MonitoringNoCure => "¶7",
            FindingId::SafeguardMissing | FindingId::SafeguardUnverified => "R3",
            FindingId::ReportToTreatyBodies => "R4",
            FindingId::MinimumStandardsRejected => {
                "¶13, I3; Othman (Abu Qatada) v. the United Kingdom, no. 8139/09, 17 January 2012"
            }
        }
    }
}

impl Finding {
    fn general(id: FindingId) -> Finding {
        Finding { id, question: None }
    }
}

/// Interim measures (not in the statement: the procedural law of the ECtHR, CAT and the
/// Human Rights Committee). Shown while a bar is established or still possible, since a
/// transfer carried out first would make any later finding moot.
fn interim_measures(verdict: Verdict) -> Option<Finding> {
    (verdict != Verdict::NotIndicated).then(|| Finding::general(FindingId::InterimMeasures))
}

/// ¶2, FN1: the ban on transfer to a risk of torture "is absolute"; "No exceptions are
/// allowed, even in time of war or national emergency". Always shown.
fn legal_basis() -> Option<Finding> {
    Some(Finding::general(FindingId::LegalBasis))
}

/// ¶4: "the perceived need for such guarantees in itself is an acknowledgement that a risk
/// … exists". Shown when the assurances cover torture.
fn need_acknowledges_risk(a: &Answers) -> Option<Finding> {
    torture_assurances(a).then(|| Finding::general(FindingId::NeedAcknowledgesRisk))
}

/// ¶5, ¶8, ¶9: assurances rest on trust with "no basis", "have no legal effect", and neither
/// government has an "incentive to find that torture … has occurred".
fn assurances_unreliable(a: &Answers) -> Option<Finding> {
    torture_assurances(a).then(|| Finding::general(FindingId::AssurancesUnreliable))
}

/// ¶6: the "erga omnes nature of the prohibition"; to seek assurances for one person
/// "amounts to acquiescing tacitly in the torture of others similarly situated".
fn erga_omnes(a: &Answers) -> Option<Finding> {
    torture_assurances(a).then(|| Finding::general(FindingId::ErgaOmnes))
}

/// ¶10, ¶11: it is "important to distinguish diplomatic assurances against the death
/// penalty"; a breach "can usually be identified and addressed" in time.
fn death_penalty_distinct(a: &Answers) -> Option<Finding> {
    death_penalty_assurances(a).then(|| Finding::general(FindingId::DeathPenaltyDistinct))
}

/// ¶10: the death penalty "is not prohibited per se under international law", which is
/// general international law only: regional and optional instruments go further.
fn death_penalty_regional(a: &Answers) -> Option<Finding> {
    death_penalty_assurances(a).then(|| Finding::general(FindingId::DeathPenaltyRegional))
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
/// been sought or secured" to CAT, the Human Rights Committee "and other relevant
/// international and regional monitoring bodies".
fn report_to_treaty_bodies(a: &Answers) -> Option<Finding> {
    let reported = a.get(QuestionId::ReportedToTreatyBodies) == Some(Answer::Tri(Tri::Yes));
    (torture_assurances(a) && !reported).then(|| Finding::general(FindingId::ReportToTreatyBodies))
}

/// ¶13, I3: "minimum standards" for assurances are "misguided and dangerous". Always shown.
fn minimum_standards_rejected() -> Option<Finding> {
    Some(Finding::general(FindingId::MinimumStandardsRejected))
}

/// ¶4, R4: assurances against torture were sought, offered or given.
fn torture_assurances(a: &Answers) -> bool {
    a.subject().is_some_and(|s| s.covers_torture())
}

/// ¶10: assurances about the death penalty were sought, offered or given.
fn death_penalty_assurances(a: &Answers) -> bool {
    a.subject().is_some_and(|s| s.covers_death_penalty())
}

/// Every finding whose condition holds under the answers and their verdict, in report order.
#[must_use]
pub fn findings(a: &Answers, verdict: Verdict) -> Vec<Finding> {
    let general = [
        interim_measures(verdict),
        legal_basis(),
        need_acknowledges_risk(a),
        assurances_unreliable(a),
        erga_omnes(a),
        death_penalty_distinct(a),
        death_penalty_regional(a),
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
            | FindingId::DeathPenaltyDistinct
            | FindingId::ErgaOmnes
            | FindingId::DeathPenaltyRegional => &[QuestionId::AssurancesSubject],
            // It follows the verdict, which reads the six circumstances' questions (R2).
            FindingId::InterimMeasures => &QuestionId::VERDICT_INPUTS,
            FindingId::MonitoringNoCure => &[QuestionId::PostReturnMonitoring],
            FindingId::SafeguardMissing | FindingId::SafeguardUnverified => &QuestionId::SAFEGUARDS,
            FindingId::ReportToTreatyBodies => &[
                QuestionId::AssurancesSubject,
                QuestionId::ReportedToTreatyBodies,
            ],
        }
    }
}

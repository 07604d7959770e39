//! The shape of a message catalog. Every field is required, so a catalog that misses a
//! message does not compile.

use crate::rules::{
    Answer, AssurancesSubject, CircumstanceId, FindingId, QuestionId, Section, Status,
    TransferKind, Tri, Verdict,
};

/// Lists every message of a catalog part with its dotted key (for tests and tooling).
pub trait Entries {
    /// Appends `(key, message)` for every message below `prefix`.
    fn entries(&self, prefix: &str, out: &mut Vec<(String, &'static str)>);
}

impl Entries for &'static str {
    fn entries(&self, prefix: &str, out: &mut Vec<(String, &'static str)>) {
        out.push((prefix.to_owned(), self));
    }
}

/// Declares a catalog part whose fields are messages or other parts.
macro_rules! part {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$m])*
        #[derive(Debug)]
        pub struct $name { $($(#[$fm])* pub $field: $ty,)* }

        impl Entries for $name {
            // A field's attributes go on its statement too, so that a `cfg` drops both; its
            // doc comment there documents nothing.
            #[allow(unused_doc_comments)]
            fn entries(&self, prefix: &str, out: &mut Vec<(String, &'static str)>) {
                $(
                    $(#[$fm])*
                    {
                        let key = if prefix.is_empty() {
                            stringify!($field).to_owned()
                        } else {
                            format!("{}.{}", prefix, stringify!($field))
                        };
                        self.$field.entries(&key, out);
                    }
                )*
            }
        }
    };
}

/// Writing direction of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    /// The value of the HTML `dir` attribute.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// Who a language is and how it is written.
#[derive(Debug)]
pub struct Lang {
    /// BCP 47 primary subtag.
    pub code: &'static str,
    /// The language's name in itself, for the picker.
    pub name: &'static str,
    pub dir: Dir,
}

impl Entries for Lang {
    fn entries(&self, prefix: &str, out: &mut Vec<(String, &'static str)>) {
        out.push((format!("{prefix}.name"), self.name));
    }
}

part!(
    /// One message of the catalog.
    Catalog {
        lang: Lang,
        ui: Ui,
        sections: Sections,
        questions: Questions,
        values: Values,
        standard: Standard,
        circumstances: Circumstances,
        statuses: Statuses,
        verdicts: Verdicts,
        findings: Findings,
        report: ReportText,
        /// Only with the table of authorities (the widget's build has none, for its size).
        #[cfg(feature = "authorities")]
        authorities: AuthorityText,
        /// Only in the one-file pages' widget (issue 14): reviewing the answers.
        #[cfg(feature = "page")]
        review: Review,
        errors: Errors,
        dates: Dates,
        keep: KeepText,
        /// Only in the one-file pages' widget (the custom element's script has no room).
        #[cfg(feature = "page")]
        casework: Casework,
    }
);

part!(
    /// "Keep my answers on this device" beyond its switch (issue 16, items 1, 7 and 9); the
    /// passphrase forms are the one-file pages' only (their Keep is sealed).
    KeepText {
        /// Keeping stopped: a write was not read back as written, or another tab's Forget
        /// removed the kept copy.
        stopped: &'static str,
        /// The custom element opened from `file://`, which offers no Keep.
        file_origin: &'static str,
        #[cfg(feature = "page")]
        seal_help: &'static str,
        #[cfg(feature = "page")]
        passphrase: &'static str,
        #[cfg(feature = "page")]
        passphrase_again: &'static str,
        #[cfg(feature = "page")]
        seal: &'static str,
        #[cfg(feature = "page")]
        mismatch: &'static str,
        #[cfg(feature = "page")]
        sealed: &'static str,
        /// The unlock form's legend and button.
        #[cfg(feature = "page")]
        unlock: &'static str,
        #[cfg(feature = "page")]
        unlock_failed: &'static str,
        /// `{count}`. Worded so that no language needs a plural form.
        #[cfg(feature = "page")]
        unlocked: &'static str,
    }
);

part!(
    /// The case work of the one-file pages (issue 14, items 1, 3, 7 and 9).
    Casework {
        /// Under the case reference: it goes into file names, so keep it client-neutral.
        reference_advice: &'static str,
        /// `{file}`: the saved file's name.
        saved: &'static str,
        /// After a file replaced answers or notes, beside the Undo button.
        replaced: &'static str,
        undo: &'static str,
        undone: &'static str,
        download_rtf: &'static str,
    }
);

part!(
    /// The one-file pages' review of the answers (issue 14, items 5, 6, 11): the count with
    /// the questions still to come, "Check your answers" and the way through what is open.
    Review {
        /// `{answered}`, `{total}`, `{more}`. Worded so that no language needs a plural form.
        progress_more: &'static str,
        results_link: &'static str,
        check_heading: &'static str,
        change: &'static str,
        next_unanswered: &'static str,
        all_answered: &'static str,
    }
);

part!(
    /// The widget's own words.
    Ui {
        title: &'static str,
        intro: &'static str,
        disclaimer: &'static str,
        privacy: &'static str,
        /// `{answered}`, `{total}`. Worded so that no language needs a plural form.
        progress: &'static str,
        start_over: &'static str,
        start_over_confirm: &'static str,
        cleared: &'static str,
        verdict_heading: &'static str,
        circumstances_heading: &'static str,
        open_questions_heading: &'static str,
        open_questions_none: &'static str,
        /// Instead of `open_questions_none` when the verdict is barred: why nothing is open.
        open_questions_barred: &'static str,
        findings_heading: &'static str,
        /// `{circumstance}`.
        would_establish: &'static str,
        /// `{questions}`.
        together_with: &'static str,
        help_toggle: &'static str,
        notes_toggle: &'static str,
        notes_label: &'static str,
        /// `{cites}`.
        source: &'static str,
        /// `{verdict}`.
        announce_verdict: &'static str,
        language: &'static str,
        save_answers: &'static str,
        open_answers: &'static str,
        drop_hint: &'static str,
        print_report: &'static str,
        download_report: &'static str,
        /// `{count}`. Worded so that no language needs a plural form.
        loaded: &'static str,
        open_failed: &'static str,
        unchanged: &'static str,
        keep_on_device: &'static str,
        keep_on_device_help: &'static str,
        forget: &'static str,
        forgotten: &'static str,
        unsaved_changes: &'static str,
        crash_title: &'static str,
        crash_body: &'static str,
        download_my_answers: &'static str,
        skip_to_verdict: &'static str,
        statement_link: &'static str,
    }
);

part!(
    /// Section titles, in statement order.
    Sections {
        transfer: &'static str,
        country: &'static str,
        person: &'static str,
        procedure: &'static str,
        monitoring: &'static str,
    }
);

part!(
    /// One question: the question itself, a short label, and what evidence counts.
    QuestionText {
        text: &'static str,
        short: &'static str,
        help: &'static str,
    }
);

part!(
    /// Every question, by id.
    Questions {
        transfer_kind: QuestionText,
        assurances_subject: QuestionText,
        systematic_torture: QuestionText,
        no_effective_control: QuestionText,
        group_targeted: QuestionText,
        person_in_group: QuestionText,
        personal_risk: QuestionText,
        onward_transfer: QuestionText,
        other_grounds: QuestionText,
        tribunal_review: QuestionText,
        full_review: QuestionText,
        independent_lawyer: QuestionText,
        suspensive_appeal: QuestionText,
        post_return_monitoring: QuestionText,
        reported_to_treaty_bodies: QuestionText,
    }
);

part!(
    /// Labels of answer values.
    Values {
        yes: &'static str,
        no: &'static str,
        unknown: &'static str,
        unanswered: &'static str,
        expulsion: &'static str,
        return_: &'static str,
        extradition: &'static str,
        rendition: &'static str,
        other: &'static str,
        torture: &'static str,
        death_penalty: &'static str,
        both: &'static str,
        none: &'static str,
    }
);

part!(
    /// What each answer to an R2 question means: the evidential standard of R2's chapeau,
    /// "substantial grounds for believing" (RULES.md, rules version 2).
    Standard {
        heading: &'static str,
        yes: &'static str,
        no: &'static str,
        unknown: &'static str,
    }
);

part!(
    /// Names of the six circumstances.
    Circumstances {
        systematic_torture: &'static str,
        no_effective_control: &'static str,
        targeted_group: &'static str,
        personal_risk: &'static str,
        onward_transfer: &'static str,
        other_grounds: &'static str,
    }
);

part!(
    /// Labels of circumstance statuses.
    Statuses {
        established: &'static str,
        not_established: &'static str,
        unresolved: &'static str,
    }
);

part!(
    /// A verdict in plain words, and what it means.
    VerdictText {
        title: &'static str,
        meaning: &'static str,
    }
);

part!(
    /// Every verdict, plus the state before any answer.
    Verdicts {
        barred: VerdictText,
        undetermined: VerdictText,
        not_indicated: VerdictText,
        none: VerdictText,
    }
);

part!(
    /// The text of every finding.
    Findings {
        interim_measures: &'static str,
        legal_basis: &'static str,
        need_acknowledges_risk: &'static str,
        /// Shown instead when the verdict is `not_indicated` (¶4 conflicts with the answers).
        need_acknowledges_risk_conflict: &'static str,
        assurances_unreliable: &'static str,
        erga_omnes: &'static str,
        death_penalty_distinct: &'static str,
        death_penalty_regional: &'static str,
        monitoring_no_cure: &'static str,
        /// `{safeguard}`.
        safeguard_missing: &'static str,
        /// `{safeguard}`.
        safeguard_unverified: &'static str,
        report_to_treaty_bodies: &'static str,
        minimum_standards_rejected: &'static str,
    }
);

part!(
    /// Headings and labels of the text, Markdown and printed reports.
    ReportText {
        title: &'static str,
        /// `{date}`.
        date: &'static str,
        /// `{version}`.
        tool_version: &'static str,
        /// `{version}`.
        rules_version: &'static str,
        verdict: &'static str,
        circumstances: &'static str,
        open_questions: &'static str,
        findings: &'static str,
        answers: &'static str,
        answer: &'static str,
        note: &'static str,
        /// The statement's full title, authors and date (RULES.md, "Where the reasons come from").
        source: &'static str,
        /// Says that the ¶, R, I and FN labels are the tool's, and what each kind means.
        labels: &'static str,
        case_reference: &'static str,
        prepared_by: &'static str,
        /// `{on}`, `{answer}`: why a question hidden by its shown-when rule is not listed.
        not_asked: &'static str,
        questionnaire: &'static str,
        shown_when: &'static str,
        options: &'static str,
        /// `{label}`, `{text}`: a labelled line, with the language's own punctuation.
        item: &'static str,
        /// `{a}`, `{b}`: joins two items of a list (applied pairwise for longer lists).
        list: &'static str,
        /// `{a}`, `{b}`: joins two clauses of one sentence.
        clauses: &'static str,
    }
);

part!(
    /// The authorities in the human reports (RULES.md, "Authorities"). Case names and
    /// citations are never translated; these are the words around them.
    AuthorityText {
        /// The closing table's heading.
        heading: &'static str,
        /// `{reasons}`: the citations of the reasons an authority supports, in the table.
        supports: &'static str,
        /// `{point}`: the point of an authority whose body accepted diplomatic assurances.
        accepted: &'static str,
        forums: Forums,
    }
);

part!(
    /// The deciding bodies, as the table of authorities groups them, by their official names.
    Forums {
        icj: &'static str,
        ecthr: &'static str,
        cat: &'static str,
        hrc: &'static str,
        cpt: &'static str,
        special_rapporteur: &'static str,
    }
);

part!(
    /// Why an answers file was refused. `{field}` is the field's path. Every message is a
    /// sentence that ends with a full stop.
    Errors {
        /// `{detail}`: one of the `syntax_*` problems.
        syntax: &'static str,
        /// `{problem}`, `{line}`, `{column}`: where the parser stopped.
        syntax_at: &'static str,
        syntax_eof: &'static str,
        syntax_trailing: &'static str,
        syntax_escape: &'static str,
        /// A `\u` escape for half of a UTF-16 surrogate pair, without the other half.
        syntax_surrogate: &'static str,
        syntax_control: &'static str,
        syntax_number: &'static str,
        syntax_nesting: &'static str,
        /// A JS array or object given to `evaluate` with more entries than a file can hold.
        syntax_long_list: &'static str,
        syntax_many_fields: &'static str,
        /// A JS value given to `evaluate` that JSON has no form for.
        syntax_value: &'static str,
        syntax_other: &'static str,
        empty: &'static str,
        not_utf8: &'static str,
        /// A file that starts with U+FEFF.
        bom: &'static str,
        unreadable: &'static str,
        too_large: &'static str,
        /// `{expected}`.
        wrong_type: &'static str,
        type_object: &'static str,
        type_string: &'static str,
        type_number: &'static str,
        missing: &'static str,
        unknown_field: &'static str,
        /// `{found}`.
        bad_value: &'static str,
        duplicate: &'static str,
        note_too_long: &'static str,
        /// `{max}`: a case field longer than its limit.
        too_long: &'static str,
        /// The label before a list of allowed values or field names, joined to it by
        /// `report.item`; neutral, since it stands before either.
        allowed: &'static str,
        the_file: &'static str,
    }
);

part!(
    /// The date in the human reports, written as the language writes it (issue 14, item 8).
    Dates {
        /// `{day}`, `{month}`, `{year}`: the day without a leading zero, the month's name.
        long: &'static str,
        /// The first day of a month, where the language writes it apart ("1er" in French).
        first_day: &'static str,
        months: Months,
    }
);

part!(
    /// The months' names as they stand in a date ("2 December 2026").
    Months {
        january: &'static str,
        february: &'static str,
        march: &'static str,
        april: &'static str,
        may: &'static str,
        june: &'static str,
        july: &'static str,
        august: &'static str,
        september: &'static str,
        october: &'static str,
        november: &'static str,
        december: &'static str,
    }
);

impl Catalog {
    /// An ISO 8601 date (`YYYY-MM-DD`) in the language's words, or the text unchanged if it
    /// is not such a date. Works on the digits as text: no number parsing in the wasm.
    #[must_use]
    pub fn long_date(&self, iso: &str) -> String {
        let b = iso.as_bytes();
        let two = |i: usize| match (b.get(i), b.get(i + 1)) {
            (Some(t @ b'0'..=b'9'), Some(u @ b'0'..=b'9')) => {
                Some(usize::from((t - b'0') * 10 + (u - b'0')))
            }
            _ => None,
        };
        let m = &self.dates.months;
        let months = [
            m.january,
            m.february,
            m.march,
            m.april,
            m.may,
            m.june,
            m.july,
            m.august,
            m.september,
            m.october,
            m.november,
            m.december,
        ];
        let shaped = b.len() == 10
            && b.get(4) == Some(&b'-')
            && b.get(7) == Some(&b'-')
            && two(0).is_some()
            && two(2).is_some();
        let month = two(5).and_then(|n| months.get(n.wrapping_sub(1)));
        match (month, two(8), iso.get(0..4), iso.get(8..10)) {
            (Some(month), Some(1..=31), Some(year), Some(day)) if shaped => {
                let day = match day.trim_start_matches('0') {
                    "1" => self.dates.first_day,
                    d => d,
                };
                super::fill(
                    self.dates.long,
                    &[("day", day), ("month", month), ("year", year)],
                )
            }
            _ => iso.to_owned(),
        }
    }

    /// Joins items with the language's list punctuation.
    #[must_use]
    pub fn join_list(&self, items: &[&str]) -> String {
        let mut iter = items.iter();
        let first = iter.next().map_or_else(String::new, |s| (*s).to_owned());
        iter.fold(first, |acc, next| {
            super::fill(self.report.list, &[("a", &acc), ("b", next)])
        })
    }

    /// Every message with its dotted key, for completeness and glossary checks.
    #[must_use]
    pub fn all_entries(&self) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        self.entries("", &mut out);
        out
    }

    /// The texts of a question.
    #[must_use]
    pub fn question(&self, q: QuestionId) -> &QuestionText {
        let t = &self.questions;
        match q {
            QuestionId::TransferKind => &t.transfer_kind,
            QuestionId::AssurancesSubject => &t.assurances_subject,
            QuestionId::SystematicTorture => &t.systematic_torture,
            QuestionId::NoEffectiveControl => &t.no_effective_control,
            QuestionId::GroupTargeted => &t.group_targeted,
            QuestionId::PersonInGroup => &t.person_in_group,
            QuestionId::PersonalRisk => &t.personal_risk,
            QuestionId::OnwardTransfer => &t.onward_transfer,
            QuestionId::OtherGrounds => &t.other_grounds,
            QuestionId::TribunalReview => &t.tribunal_review,
            QuestionId::FullReview => &t.full_review,
            QuestionId::IndependentLawyer => &t.independent_lawyer,
            QuestionId::SuspensiveAppeal => &t.suspensive_appeal,
            QuestionId::PostReturnMonitoring => &t.post_return_monitoring,
            QuestionId::ReportedToTreatyBodies => &t.reported_to_treaty_bodies,
        }
    }

    /// The title of a section.
    #[must_use]
    pub fn section(&self, s: Section) -> &'static str {
        let t = &self.sections;
        match s {
            Section::Transfer => t.transfer,
            Section::Country => t.country,
            Section::Person => t.person,
            Section::Procedure => t.procedure,
            Section::Monitoring => t.monitoring,
        }
    }

    /// The label of an answer value.
    #[must_use]
    pub fn answer(&self, a: Answer) -> &'static str {
        let v = &self.values;
        match a {
            Answer::Tri(Tri::Yes) => v.yes,
            Answer::Tri(Tri::No) => v.no,
            Answer::Tri(Tri::Unknown) => v.unknown,
            Answer::Transfer(TransferKind::Expulsion) => v.expulsion,
            Answer::Transfer(TransferKind::Return) => v.return_,
            Answer::Transfer(TransferKind::Extradition) => v.extradition,
            Answer::Transfer(TransferKind::Rendition) => v.rendition,
            Answer::Transfer(TransferKind::Other) => v.other,
            Answer::Subject(AssurancesSubject::Torture) => v.torture,
            Answer::Subject(AssurancesSubject::DeathPenalty) => v.death_penalty,
            Answer::Subject(AssurancesSubject::Both) => v.both,
            Answer::Subject(AssurancesSubject::None) => v.none,
        }
    }

    /// The name of a circumstance.
    #[must_use]
    pub fn circumstance(&self, c: CircumstanceId) -> &'static str {
        let t = &self.circumstances;
        match c {
            CircumstanceId::SystematicTorture => t.systematic_torture,
            CircumstanceId::NoEffectiveControl => t.no_effective_control,
            CircumstanceId::TargetedGroup => t.targeted_group,
            CircumstanceId::PersonalRisk => t.personal_risk,
            CircumstanceId::OnwardTransfer => t.onward_transfer,
            CircumstanceId::OtherGrounds => t.other_grounds,
        }
    }

    /// The label of a status.
    #[must_use]
    pub fn status(&self, s: Status) -> &'static str {
        let t = &self.statuses;
        match s {
            Status::Established => t.established,
            Status::NotEstablished => t.not_established,
            Status::Unresolved => t.unresolved,
        }
    }

    /// A verdict in words; `None` is the state before any answer.
    #[must_use]
    pub fn verdict(&self, v: Option<Verdict>) -> &VerdictText {
        let t = &self.verdicts;
        match v {
            Some(Verdict::Barred) => &t.barred,
            Some(Verdict::Undetermined) => &t.undetermined,
            Some(Verdict::NotIndicated) => &t.not_indicated,
            None => &t.none,
        }
    }

    /// The text template of a finding; `not_indicated` selects ¶4's conflict wording.
    #[must_use]
    pub fn finding(&self, f: FindingId, not_indicated: bool) -> &'static str {
        let t = &self.findings;
        match f {
            FindingId::InterimMeasures => t.interim_measures,
            FindingId::LegalBasis => t.legal_basis,
            FindingId::NeedAcknowledgesRisk if not_indicated => t.need_acknowledges_risk_conflict,
            FindingId::NeedAcknowledgesRisk => t.need_acknowledges_risk,
            FindingId::AssurancesUnreliable => t.assurances_unreliable,
            FindingId::ErgaOmnes => t.erga_omnes,
            FindingId::DeathPenaltyDistinct => t.death_penalty_distinct,
            FindingId::DeathPenaltyRegional => t.death_penalty_regional,
            FindingId::MonitoringNoCure => t.monitoring_no_cure,
            FindingId::SafeguardMissing => t.safeguard_missing,
            FindingId::SafeguardUnverified => t.safeguard_unverified,
            FindingId::ReportToTreatyBodies => t.report_to_treaty_bodies,
            FindingId::MinimumStandardsRejected => t.minimum_standards_rejected,
        }
    }

    /// The official name of a forum of the table of authorities.
    #[cfg(feature = "authorities")]
    #[must_use]
    pub fn forum(&self, f: crate::rules::Forum) -> &'static str {
        use crate::rules::Forum;
        let t = &self.authorities.forums;
        match f {
            Forum::Icj => t.icj,
            Forum::Ecthr => t.ecthr,
            Forum::Cat => t.cat,
            Forum::Hrc => t.hrc,
            Forum::Cpt => t.cpt,
            Forum::SpecialRapporteur => t.special_rapporteur,
        }
    }
}

//! The table of authorities (src/rules/authorities.toml): its shape, checked rule by rule.
//! Each rule is a function that lists what is wrong; the table must give none, and each
//! rule is shown to catch a table broken on purpose. Then the table as the core carries it
//! (build.rs): the same data, every language's sentences, every id cited by some report.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use assurance_check::i18n::LANGUAGES;
use assurance_check::report::Report;
use assurance_check::rules::{
    supporting, Authority as Cited, CircumstanceId, FindingId, Forum, Reason, AUTHORITIES, BY_FORUM,
};
use serde::Deserialize;

const TABLE: &str = include_str!("../src/rules/authorities.toml");

/// RULES.md: the six circumstances, in order.
const CIRCUMSTANCES: [&str; 6] = [
    "systematic_torture",
    "no_effective_control",
    "targeted_group",
    "personal_risk",
    "onward_transfer",
    "other_grounds",
];

/// RULES.md: the findings of rules version 1, then those added in version 2.
const FINDINGS: [&str; 12] = [
    "legal_basis",
    "need_acknowledges_risk",
    "assurances_unreliable",
    "death_penalty_distinct",
    "monitoring_no_cure",
    "safeguard_missing",
    "safeguard_unverified",
    "report_to_treaty_bodies",
    "minimum_standards_rejected",
    "erga_omnes",
    "interim_measures",
    "death_penalty_regional",
];

/// The facts a source can confirm (AUTHORITIES.md).
const FACTS: [&str; 4] = ["number", "date", "pinpoint", "holding"];

/// Hosts of secondary accounts (NGO briefings, case summaries, blogs, news, a party's
/// summary): AUTHORITIES.md, "Not a source for a holding". They may sit beside a primary
/// source, never alone.
const SECONDARY_HOSTS: [&str; 18] = [
    "hrw.org",
    "asylumlawdatabase.eu",
    "khrp.org",
    "khpg.org",
    "statewatch.org",
    "hrcr.org",
    "swarb.co.uk",
    "echrblog.com",
    "thelocal.se",
    "hdhod.com",
    "ijrcenter.org",
    "manskligarattigheter",
    "airecentre.org",
    "lawpluralism",
    "larassegna",
    "beltramiandcompany",
    "vlex.com",
    "wikipedia.org",
];

/// The marker a report replaces with the point's pinpoint.
const PINPOINT_MARKER: &str = "{pinpoint}";

/// How a checked pinpoint may begin: the Court's paragraphs, a treaty body's paragraphs.
const PINPOINT_FORMS: [&str; 4] = ["§ ", "§§ ", "para. ", "paras. "];

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Table {
    authority: Vec<Authority>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Authority {
    id: String,
    name: String,
    body: String,
    number: String,
    date: String,
    citation: String,
    accepted_assurances: bool,
    #[serde(default)]
    point: Vec<Point>,
    #[serde(default)]
    source: Vec<Source>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Point {
    supports: Vec<String>,
    pinpoint: Option<String>,
    en: String,
    fr: String,
    es: String,
    ar: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Source {
    checks: Vec<String>,
    title: String,
    url: String,
    note: Option<String>,
}

impl Point {
    fn texts(&self) -> [(&'static str, &str); 4] {
        [
            ("en", &self.en),
            ("fr", &self.fr),
            ("es", &self.es),
            ("ar", &self.ar),
        ]
    }
}

fn table() -> Table {
    toml::from_str(TABLE).unwrap_or_else(|e| panic!("authorities.toml: {e}"))
}

/// A rule: everything it finds wrong, one line each.
type Rule = fn(&Table) -> Vec<String>;

const RULES: [(&str, Rule); 10] = [
    ("fields are present and non-empty", fields_present),
    (
        "each point is one translated sentence",
        one_translated_sentence,
    ),
    ("dates are valid ISO 8601 dates", dates_valid),
    ("ids are unique and kebab-case", ids_unique_kebab),
    ("supports ids are known, once per authority", supports_known),
    ("every authority supports something", supports_something),
    ("every circumstance has an authority", circumstances_covered),
    (
        "sources cover number, date, holding and pinpoints",
        sources_cover_facts,
    ),
    ("citations carry the pinpoint marker once", citation_marker),
    (
        "every holding has a source that is not a secondary account",
        holding_not_only_secondary,
    ),
];

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn fields_present(t: &Table) -> Vec<String> {
    let mut out = Vec::new();
    if t.authority.is_empty() {
        out.push("the table has no authority".to_owned());
    }
    for a in &t.authority {
        let fields = [
            ("id", &a.id),
            ("name", &a.name),
            ("body", &a.body),
            ("number", &a.number),
            ("date", &a.date),
            ("citation", &a.citation),
        ];
        for (field, value) in fields {
            if blank(value) {
                out.push(format!("{}: empty {field}", a.id));
            }
        }
        if a.point.is_empty() {
            out.push(format!("{}: no point", a.id));
        }
        if a.source.is_empty() {
            out.push(format!("{}: no source", a.id));
        }
        for p in &a.point {
            for (lang, text) in p.texts() {
                if blank(text) {
                    out.push(format!("{}: empty point.{lang}", a.id));
                }
            }
            if let Some(pin) = &p.pinpoint {
                let well_formed = PINPOINT_FORMS
                    .iter()
                    .any(|f| pin.starts_with(f) && pin.len() > f.len());
                if !well_formed {
                    out.push(format!("{}: pinpoint {pin:?} is not § or para.", a.id));
                }
            }
        }
        for s in &a.source {
            if blank(&s.title) || blank(&s.url) || s.note.as_deref().is_some_and(blank) {
                out.push(format!(
                    "{}: a source has an empty title, url or note",
                    a.id
                ));
            }
            if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
                out.push(format!(
                    "{}: source url {:?} is not a web address",
                    a.id, s.url
                ));
            }
        }
    }
    out
}

/// One sentence: ends with a full stop and holds no other sentence end (a full stop, space
/// and capital letter; abbreviations such as "no. 2440/07" or "par. 1" are not followed by
/// a capital). Translated: no other language repeats the English.
fn one_translated_sentence(t: &Table) -> Vec<String> {
    let mut out = Vec::new();
    for a in &t.authority {
        for p in &a.point {
            for (lang, text) in p.texts() {
                let text = text.trim();
                if !text.ends_with('.') {
                    out.push(format!(
                        "{}: point.{lang} does not end with a full stop",
                        a.id
                    ));
                }
                let chars: Vec<char> = text.chars().collect();
                let breaks = chars
                    .windows(3)
                    .filter(|w| matches!(w, ['.', ' ', c] if c.is_uppercase()))
                    .count();
                if breaks > 0 {
                    out.push(format!("{}: point.{lang} has more than one sentence", a.id));
                }
                if lang != "en" && text == p.en.trim() {
                    out.push(format!("{}: point.{lang} is the English text", a.id));
                }
            }
        }
    }
    out
}

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// A calendar date written YYYY-MM-DD, in the years these bodies have existed.
fn iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    (1945..=2100).contains(&y) && (1..=days).contains(&d)
}

fn dates_valid(t: &Table) -> Vec<String> {
    t.authority
        .iter()
        .filter(|a| !iso_date(&a.date))
        .map(|a| format!("{}: date {:?} is not a valid ISO 8601 date", a.id, a.date))
        .collect()
}

fn kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn ids_unique_kebab(t: &Table) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for a in &t.authority {
        if !kebab(&a.id) {
            out.push(format!("{:?}: id is not kebab-case", a.id));
        }
        if !seen.insert(a.id.as_str()) {
            out.push(format!("{:?}: id used twice", a.id));
        }
    }
    out
}

fn known_reason(id: &str) -> bool {
    match id.split_once(':') {
        Some(("circumstance", c)) => CIRCUMSTANCES.contains(&c),
        Some(("finding", f)) => FINDINGS.contains(&f),
        _ => false,
    }
}

fn supports_known(t: &Table) -> Vec<String> {
    let mut out = Vec::new();
    for a in &t.authority {
        let mut seen = BTreeSet::new();
        for id in a.point.iter().flat_map(|p| &p.supports) {
            if !known_reason(id) {
                out.push(format!("{}: supports unknown reason {id:?}", a.id));
            }
            // One point per reason: a report shows one sentence under each reason.
            if !seen.insert(id.as_str()) {
                out.push(format!("{}: reason {id:?} in two points", a.id));
            }
        }
    }
    out
}

fn supports_something(t: &Table) -> Vec<String> {
    let mut out = Vec::new();
    for a in &t.authority {
        if a.point.is_empty() {
            out.push(format!("{}: supports no reason", a.id));
        }
        for (i, p) in a.point.iter().enumerate() {
            if p.supports.is_empty() {
                out.push(format!("{}: point {} supports no reason", a.id, i + 1));
            }
        }
    }
    out
}

fn circumstances_covered(t: &Table) -> Vec<String> {
    let supported: BTreeSet<&str> = t
        .authority
        .iter()
        .flat_map(|a| &a.point)
        .flat_map(|p| &p.supports)
        .filter_map(|id| id.strip_prefix("circumstance:"))
        .collect();
    CIRCUMSTANCES
        .iter()
        .filter(|c| !supported.contains(*c))
        .map(|c| format!("circumstance {c} has no authority"))
        .collect()
}

fn sources_cover_facts(t: &Table) -> Vec<String> {
    let mut out = Vec::new();
    for a in &t.authority {
        let checked: BTreeSet<&str> = a
            .source
            .iter()
            .flat_map(|s| &s.checks)
            .map(String::as_str)
            .collect();
        for fact in &checked {
            if !FACTS.contains(fact) {
                out.push(format!("{}: a source checks unknown fact {fact:?}", a.id));
            }
        }
        let mut needed = vec!["number", "date", "holding"];
        if a.point.iter().any(|p| p.pinpoint.is_some()) {
            needed.push("pinpoint");
        }
        for fact in needed {
            if !checked.contains(fact) {
                out.push(format!("{}: no source checks the {fact}", a.id));
            }
        }
        if a.source.iter().any(|s| s.checks.is_empty()) {
            out.push(format!("{}: a source checks nothing", a.id));
        }
    }
    out
}

fn secondary(url: &str) -> bool {
    SECONDARY_HOSTS.iter().any(|host| url.contains(host))
}

fn holding_not_only_secondary(t: &Table) -> Vec<String> {
    t.authority
        .iter()
        .filter(|a| {
            !a.source
                .iter()
                .any(|s| s.checks.iter().any(|c| c == "holding") && !secondary(&s.url))
        })
        .map(|a| format!("{}: the holding rests only on secondary accounts", a.id))
        .collect()
}

fn citation_marker(t: &Table) -> Vec<String> {
    t.authority
        .iter()
        .filter(|a| a.citation.matches(PINPOINT_MARKER).count() != 1)
        .map(|a| {
            format!(
                "{}: citation must hold {PINPOINT_MARKER} exactly once",
                a.id
            )
        })
        .collect()
}

#[test]
fn the_table_parses_with_every_field_known() {
    assert!(!table().authority.is_empty());
    let with_typo = TABLE.replacen("\naccepted_assurances =", "\naccepted_assurance =", 1);
    assert!(
        toml::from_str::<Table>(&with_typo).is_err(),
        "an unknown field must not parse"
    );
}

#[test]
fn the_table_follows_every_rule() {
    let t = table();
    let problems: Vec<String> = RULES
        .iter()
        .flat_map(|(name, rule)| rule(&t).into_iter().map(move |p| format!("{name}: {p}")))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The table with one change, and the rule that must now object.
fn objects(rule: Rule, change: impl FnOnce(&mut Table)) {
    let mut t = table();
    assert!(rule(&t).is_empty(), "the unchanged table must pass");
    change(&mut t);
    assert!(!rule(&t).is_empty(), "the broken table must fail");
}

fn first(t: &mut Table) -> &mut Authority {
    t.authority.first_mut().expect("the table has authorities")
}

/// The first authority with a pinpointed point: its sources must check the pinpoint.
fn pinpointed(t: &mut Table) -> &mut Authority {
    t.authority
        .iter_mut()
        .find(|a| a.point.iter().any(|p| p.pinpoint.is_some()))
        .expect("some point has a pinpoint")
}

fn first_point(t: &mut Table) -> &mut Point {
    first(t).point.first_mut().expect("an authority has points")
}

#[test]
fn each_rule_catches_its_fault() {
    objects(fields_present, |t| first(t).body = " ".to_owned());
    objects(fields_present, |t| first_point(t).ar.clear());
    objects(fields_present, |t| first(t).source.clear());
    objects(fields_present, |t| {
        first_point(t).pinpoint = Some("p. 3".to_owned())
    });
    objects(fields_present, |t| {
        if let Some(s) = first(t).source.first_mut() {
            s.url = "hudoc".to_owned();
        }
    });
    objects(one_translated_sentence, |t| {
        let p = first_point(t);
        p.fr = p.en.clone();
    });
    objects(one_translated_sentence, |t| {
        first_point(t).es.push_str(" Otra frase.")
    });
    objects(one_translated_sentence, |t| {
        first_point(t).en.pop();
    });
    objects(dates_valid, |t| first(t).date = "2008-02-30".to_owned());
    objects(dates_valid, |t| {
        first(t).date = "28 February 2008".to_owned()
    });
    objects(ids_unique_kebab, |t| {
        first(t).id = "Saadi_v_Italy".to_owned()
    });
    objects(ids_unique_kebab, |t| {
        let id = t.authority.get(1).map(|a| a.id.clone()).unwrap_or_default();
        first(t).id = id;
    });
    objects(supports_known, |t| {
        first_point(t).supports.push("finding:no_such".to_owned())
    });
    objects(supports_known, |t| {
        first_point(t).supports.push("legal_basis".to_owned())
    });
    objects(supports_known, |t| {
        let a = first(t);
        let again = a.point.first().cloned().expect("a point");
        a.point.push(again);
    });
    objects(supports_something, |t| first_point(t).supports.clear());
    objects(supports_something, |t| first(t).point.clear());
    objects(circumstances_covered, |t| {
        for p in t.authority.iter_mut().flat_map(|a| &mut a.point) {
            p.supports.retain(|s| s != "circumstance:onward_transfer");
        }
    });
    objects(sources_cover_facts, |t| {
        for s in &mut first(t).source {
            s.checks.retain(|c| c != "date");
        }
    });
    objects(sources_cover_facts, |t| {
        for s in &mut pinpointed(t).source {
            s.checks.retain(|c| c != "pinpoint");
        }
    });
    objects(sources_cover_facts, |t| {
        if let Some(s) = first(t).source.first_mut() {
            s.checks.push("judges".to_owned());
        }
    });
    objects(citation_marker, |t| {
        first(t).citation = "Chahal v. the United Kingdom".to_owned()
    });
    objects(holding_not_only_secondary, |t| {
        for s in &mut first(t).source {
            s.url = "https://www.hrw.org/legacy/backgrounder/eca/ivanovo0707/6.htm".to_owned();
        }
    });
}

#[test]
fn the_date_rule_knows_the_calendar() {
    assert!(iso_date("2008-02-29") && iso_date("2000-02-29") && iso_date("1996-11-15"));
    assert!(!iso_date("1900-02-29") && !iso_date("2007-02-29") && !iso_date("2010-04-31"));
    assert!(!iso_date("2010-4-1") && !iso_date("2010-13-01") && !iso_date("2010-00-10"));
}

/// RULES.md: where a body relied on assurances, the authority says so. The list is the
/// table's, checked both ways: a flag cannot be dropped or added without updating it.
#[test]
fn the_authorities_that_accepted_assurances_say_so() {
    let accepted: BTreeSet<String> = table()
        .authority
        .into_iter()
        .filter(|a| a.accepted_assurances)
        .map(|a| a.id)
        .collect();
    let relied_on_assurances =
        BTreeSet::from(["othman-abu-qatada-v-united-kingdom-2012".to_owned()]);
    assert_eq!(accepted, relied_on_assurances);
}

/// The issue: each circumstance a scenario file establishes can carry an authority.
#[test]
fn every_circumstance_the_scenarios_establish_has_an_authority() {
    let t = table();
    let supported: BTreeSet<&str> = t
        .authority
        .iter()
        .flat_map(|a| &a.point)
        .flat_map(|p| &p.supports)
        .filter_map(|id| id.strip_prefix("circumstance:"))
        .collect();
    let scenarios = common::scenarios();
    let established: Vec<(String, &String)> = scenarios
        .iter()
        .flat_map(|s| s.case.established.iter().map(move |c| (s.at(), c)))
        .collect();
    assert!(
        !established.is_empty(),
        "some scenario establishes a circumstance"
    );
    for (at, c) in established {
        assert!(supported.contains(c.as_str()), "{at}: {c} has no authority");
    }
}

/// A reason as authorities.toml writes it.
fn reason_id(r: Reason) -> String {
    match r {
        Reason::Circumstance(c) => format!("circumstance:{}", c.as_str()),
        Reason::Finding(f) => format!("finding:{}", f.as_str()),
    }
}

/// build.rs: the core's statics are the table, field for field, in the file's order.
#[test]
fn the_core_carries_the_table_exactly() {
    let t = table();
    let ids: Vec<&str> = AUTHORITIES.iter().map(|a| a.id).collect();
    let want: Vec<&str> = t.authority.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, want);
    for (core, a) in AUTHORITIES.iter().zip(&t.authority) {
        let citation = core.citation.join(PINPOINT_MARKER);
        let fields = [core.name, core.body, core.number, core.date, &citation];
        assert_eq!(
            fields,
            [&a.name, &a.body, &a.number, &a.date, &a.citation].map(String::as_str)
        );
        assert_eq!(core.accepted_assurances, a.accepted_assurances, "{}", a.id);
        assert_eq!(core.points.len(), a.point.len(), "{}", a.id);
        for (cp, p) in core.points.iter().zip(&a.point) {
            let supports: Vec<String> = cp.supports.iter().copied().map(reason_id).collect();
            assert_eq!(supports, p.supports, "{}", a.id);
            assert_eq!(cp.pinpoint, p.pinpoint.as_deref(), "{}", a.id);
            for (lang, text) in p.texts() {
                assert_eq!(cp.text(lang), Some(text), "{}: {lang}", a.id);
            }
        }
    }
}

/// A table of authorities' order, sorted at build time: by forum, then by citation.
#[test]
fn by_forum_is_every_authority_in_the_order_of_a_table() {
    let mut sorted: Vec<&Cited> = AUTHORITIES.to_vec();
    sorted.sort_by_key(|a| (a.forum, a.cite(None)));
    let ids = |list: &[&Cited]| list.iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(ids(BY_FORUM), ids(&sorted));
    assert!(BY_FORUM.first().is_some_and(|a| a.forum == Forum::Icj));
}

/// Every registered language (src/i18n `languages!`) has every point's sentence, so a
/// language added without them fails here.
#[test]
fn every_registered_language_has_every_point() {
    for c in LANGUAGES {
        for a in AUTHORITIES {
            for p in a.points {
                let text = p.text(c.lang.code).unwrap_or_default();
                assert!(
                    !text.trim().is_empty(),
                    "{}: no {} point",
                    a.id,
                    c.lang.code
                );
            }
        }
    }
    // The check can fail: a language the table lacks has no sentence.
    assert!(AUTHORITIES
        .iter()
        .flat_map(|a| a.points)
        .all(|p| p.text("xx").is_none()));
}

/// The ids of the authorities a report carries, under circumstances and findings.
fn cited(report: &Report) -> BTreeSet<&'static str> {
    let under_circumstances = report.circumstances.iter().flat_map(|c| &c.authorities);
    let under_findings = report.findings.iter().flat_map(|f| &f.authorities);
    under_circumstances
        .chain(under_findings)
        .map(|a| a.id)
        .collect()
}

/// The issue: every id is used somewhere, and no id is unused. Every authority reaches the
/// report of some scenario, and a report cites nothing that is not in the table.
#[test]
fn every_authority_is_cited_by_some_scenario_and_none_is_unused() {
    let table: BTreeSet<String> = table().authority.into_iter().map(|a| a.id).collect();
    let mut used = BTreeSet::new();
    for s in common::scenarios() {
        let outcome = common::run(&s.case).unwrap_or_else(|e| panic!("{}: {e}", s.at()));
        used.extend(cited(&outcome.report).into_iter().map(str::to_owned));
    }
    let unused: Vec<&String> = table.difference(&used).collect();
    assert!(unused.is_empty(), "no scenario cites {unused:?}");
    let unknown: Vec<&String> = used.difference(&table).collect();
    assert!(
        unknown.is_empty(),
        "reports cite {unknown:?}, not in the table"
    );
    // And through the lookup itself: each authority supports a reason the rules can give.
    let reasons = CircumstanceId::ALL
        .map(Reason::Circumstance)
        .into_iter()
        .chain(FindingId::ALL.map(Reason::Finding));
    let reached: BTreeSet<&str> = reasons
        .flat_map(|r| supporting(r).map(|(a, _)| a.id))
        .collect();
    assert_eq!(reached.len(), AUTHORITIES.len());
}

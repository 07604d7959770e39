//! The table of authorities (RULES.md, "Authorities"): the decided cases and treaty-body
//! texts behind each reason. The data is src/rules/authorities.toml, checked fact by fact
//! (src/rules/AUTHORITIES.md); build.rs turns it into the statics below: `AUTHORITIES` in
//! the file's order, `BY_FORUM` in a table of authorities' order (sorted at build time, so
//! that no sort reaches the wasm).

use super::circumstance::CircumstanceId;
use super::finding::FindingId;

/// A reason the report gives: a circumstance of R2 or a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    Circumstance(CircumstanceId),
    Finding(FindingId),
}

impl Reason {
    /// The reason's citation of the statement (and of the law), as the report shows it.
    #[must_use]
    pub fn cites(self) -> &'static str {
        match self {
            Reason::Circumstance(c) => c.cites(),
            Reason::Finding(f) => f.cites(),
        }
    }
}

/// The deciding body's forum: the groups of a table of authorities, in its order (`Ord`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Forum {
    Icj,
    Ecthr,
    Cat,
    Hrc,
    Cpt,
    SpecialRapporteur,
}

/// One thing an authority holds, for the reasons it bears on.
#[derive(Debug, PartialEq, Eq)]
pub struct Point {
    pub supports: &'static [Reason],
    /// Only where checked: "§ 120", "para. 12".
    pub pinpoint: Option<&'static str>,
    /// (language code, one sentence): what the body held, in each language.
    pub texts: &'static [(&'static str, &'static str)],
}

impl Point {
    /// The sentence in the language whose code is `lang`, if the table has it.
    #[must_use]
    pub fn text(&self, lang: &str) -> Option<&'static str> {
        self.texts
            .iter()
            .find(|(code, _)| *code == lang)
            .map(|(_, text)| *text)
    }
}

/// A decided case, general comment or report, as authorities.toml records it.
#[derive(Debug, PartialEq, Eq)]
pub struct Authority {
    /// Stable and public, like the finding ids.
    pub id: &'static str,
    /// The official form, the same in every language.
    pub name: &'static str,
    pub body: &'static str,
    pub forum: Forum,
    /// The application number, communication symbol or document symbol.
    pub number: &'static str,
    /// ISO 8601.
    pub date: &'static str,
    /// The body's conventional citation form, before and after the place of the pinpoint
    /// (the `{pinpoint}` marker of authorities.toml, split at build time).
    pub citation: [&'static str; 2],
    /// The body relied on assurances: a lawyer must meet it.
    pub accepted_assurances: bool,
    pub points: &'static [Point],
}

impl Authority {
    /// The citation with `pinpoint` put in its place, or without one.
    #[must_use]
    pub fn cite(&self, pinpoint: Option<&str>) -> String {
        let [before, after] = self.citation;
        match pinpoint {
            Some(p) => [before, ", ", p, after].concat(),
            None => [before, after].concat(),
        }
    }

    /// The point of this authority that bears on `reason`, if any.
    #[must_use]
    pub fn point_for(&self, reason: Reason) -> Option<&'static Point> {
        self.points.iter().find(|p| p.supports.contains(&reason))
    }
}

include!(concat!(env!("OUT_DIR"), "/authorities.rs"));

/// The authorities that support `reason`, each with its point, in the table's order.
pub fn supporting(reason: Reason) -> impl Iterator<Item = (&'static Authority, &'static Point)> {
    AUTHORITIES
        .iter()
        .filter_map(move |a| a.point_for(reason).map(|p| (*a, p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saadi() -> Option<&'static Authority> {
        AUTHORITIES
            .iter()
            .copied()
            .find(|a| a.id == "saadi-v-italy-2008")
    }

    #[test]
    fn a_citation_takes_the_pinpoint_in_its_place_or_none() {
        let a = saadi();
        assert_eq!(
            a.map(|a| a.cite(Some("§ 147"))).as_deref(),
            Some("Saadi v. Italy [GC], no. 37201/06, § 147, 28 February 2008")
        );
        assert_eq!(
            a.map(|a| a.cite(None)).as_deref(),
            Some("Saadi v. Italy [GC], no. 37201/06, 28 February 2008")
        );
    }

    #[test]
    fn the_lookup_finds_an_authority_through_each_reason_it_supports() {
        let r2a = Reason::Circumstance(CircumstanceId::SystematicTorture);
        let found: Vec<&str> = supporting(r2a).map(|(a, _)| a.id).collect();
        assert!(found.contains(&"saadi-v-italy-2008"), "{found:?}");
        let unreliable = Reason::Finding(FindingId::AssurancesUnreliable);
        let point = saadi().and_then(|a| a.point_for(unreliable));
        assert_eq!(point.and_then(|p| p.pinpoint), Some("§§ 147–148"));
        assert_eq!(point, saadi().and_then(|a| a.point_for(r2a)));
        assert!(saadi()
            .and_then(|a| a.point_for(Reason::Finding(FindingId::LegalBasis)))
            .is_none());
    }
}

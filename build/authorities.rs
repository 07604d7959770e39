//! src/rules/authorities.toml as Rust statics (OUT_DIR/authorities.rs), included by
//! src/rules/authority.rs. The TOML is read here, at build time, so that neither the wasm
//! nor the CLI carries a TOML parser. A table this cannot read fails the build; its shape
//! is checked in full by tests/authorities.rs.
//!
//! A reason id becomes an enum variant (`finding:legal_basis` is
//! `Reason::Finding(FindingId::LegalBasis)`) and a body a `Forum`, so an unknown reason or
//! body fails to compile or to build, rather than show nothing.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

use toml::{Table, Value};

/// Writes OUT_DIR/authorities.rs from src/rules/authorities.toml.
pub fn generate() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let source = manifest.join("src/rules/authorities.toml");
    let text = fs::read_to_string(&source)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
    let table: Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let mut out = rust(&table).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    // The widget's build leaves the table out for now: its 35 KB of text in four languages
    // would take the custom-element script over its size budget (README, Authorities). The
    // table is still checked above, so a broken one fails every build.
    if env::var_os("CARGO_FEATURE_AUTHORITIES").is_none() {
        out = "/// Empty: built without the feature `authorities`.\n\
               pub static AUTHORITIES: &[&Authority] = &[];\n\
               /// Empty: built without the feature `authorities`.\n\
               pub static BY_FORUM: &[&Authority] = &[];\n"
            .to_owned();
    }
    let target = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join("authorities.rs");
    fs::write(&target, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

/// The `Forum` of src/rules/authority.rs, in its order, with the bodies it groups.
const FORUMS: [(&str, &[&str]); 6] = [
    ("Icj", &["International Court of Justice"]),
    ("Ecthr", &["ECtHR", "ECtHR (Grand Chamber)"]),
    ("Cat", &["Committee against Torture"]),
    ("Hrc", &["Human Rights Committee"]),
    (
        "Cpt",
        &["European Committee for the Prevention of Torture (CPT)"],
    ),
    ("SpecialRapporteur", &["UN Special Rapporteur on torture"]),
];

/// The forum of a body, with its rank in the table of authorities.
fn forum(body: &str) -> Result<(usize, &'static str), String> {
    FORUMS
        .iter()
        .enumerate()
        .find(|(_, (_, bodies))| bodies.contains(&body))
        .map(|(rank, (name, _))| (rank, *name))
        .ok_or_else(|| format!("body {body:?} has no forum (build/authorities.rs)"))
}

/// The citation's text before and after its `{pinpoint}` marker.
fn citation_parts<'a>(citation: &'a str, id: &str) -> Result<(&'a str, &'a str), String> {
    citation
        .split_once("{pinpoint}")
        .ok_or_else(|| format!("{id}: the citation has no {{pinpoint}} marker"))
}
/// `snake_case` to `CamelCase`: a wire id to its enum variant.
fn camel(id: &str) -> String {
    id.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn reason(id: &str) -> Result<String, String> {
    match id.split_once(':') {
        Some(("circumstance", c)) => Ok(format!(
            "Reason::Circumstance(CircumstanceId::{})",
            camel(c)
        )),
        Some(("finding", f)) => Ok(format!("Reason::Finding(FindingId::{})", camel(f))),
        _ => Err(format!("{id:?} is not circumstance:<id> or finding:<id>")),
    }
}

fn string<'a>(t: &'a Table, key: &str, at: &str) -> Result<&'a str, String> {
    t.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{at}: {key} is missing or not a string"))
}

fn tables<'a>(t: &'a Table, key: &str, at: &str) -> Result<Vec<&'a Table>, String> {
    match t.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_table()
                    .ok_or_else(|| format!("{at}: {key} is not a table"))
            })
            .collect(),
        _ => Err(format!("{at}: no [[{key}]]")),
    }
}

/// The language sentences of a point: every key that is a language code (two or three
/// lowercase letters), in the file's order.
fn sentences(point: &Table) -> Vec<(&str, &str)> {
    point
        .iter()
        .filter(|(k, _)| (2..=3).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_lowercase()))
        .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)))
        .collect()
}

fn point(p: &Table, at: &str) -> Result<String, String> {
    let supports = match p.get("supports") {
        Some(Value::Array(ids)) => ids
            .iter()
            .map(|v| {
                v.as_str()
                    .ok_or_else(|| format!("{at}: supports holds a non-string"))
            })
            .map(|id| reason(id?))
            .collect::<Result<Vec<_>, _>>()?,
        _ => return Err(format!("{at}: a point has no supports")),
    };
    let pinpoint = match p.get("pinpoint") {
        None => "None".to_owned(),
        Some(v) => format!(
            "Some({:?})",
            v.as_str()
                .ok_or_else(|| format!("{at}: pinpoint is not a string"))?
        ),
    };
    let mut texts = String::new();
    for (lang, text) in sentences(p) {
        let _ = write!(texts, "({lang:?}, {text:?}), ");
    }
    Ok(format!(
        "Point {{ supports: &[{}], pinpoint: {pinpoint}, texts: &[{texts}] }}",
        supports.join(", ")
    ))
}

fn rust(table: &Table) -> Result<String, String> {
    let mut out = String::new();
    // (forum rank, citation without pinpoint, static name): the table of authorities' order.
    let mut by_forum = Vec::new();
    for (n, a) in tables(table, "authority", "the table")?
        .into_iter()
        .enumerate()
    {
        let id = string(a, "id", "an authority")?;
        let field = |key: &str| string(a, key, id).map(|s| format!("{s:?}"));
        let accepted = a
            .get("accepted_assurances")
            .and_then(Value::as_bool)
            .ok_or_else(|| format!("{id}: accepted_assurances is missing or not a boolean"))?;
        let points = tables(a, "point", id)?
            .into_iter()
            .map(|p| point(p, id))
            .collect::<Result<Vec<_>, _>>()?;
        let (rank, forum) = forum(string(a, "body", id)?)?;
        let (before, after) = citation_parts(string(a, "citation", id)?, id)?;
        let name = format!("A{n}");
        by_forum.push((rank, [before, after].concat(), name.clone()));
        let _ = writeln!(
            out,
            "static {name}: Authority = Authority {{ id: {id:?}, name: {}, body: {}, \
             forum: Forum::{forum}, number: {}, date: {}, citation: [{before:?}, {after:?}], \
             accepted_assurances: {accepted}, points: &[{}] }};",
            field("name")?,
            field("body")?,
            field("number")?,
            field("date")?,
            points.join(", ")
        );
    }
    let names: Vec<&str> = by_forum.iter().map(|(_, _, n)| n.as_str()).collect();
    let _ = writeln!(
        out,
        "/// Every authority of src/rules/authorities.toml, in the file's order.\n\
         pub static AUTHORITIES: &[&Authority] = &[&{}];",
        names.join(", &")
    );
    by_forum.sort();
    let names: Vec<&str> = by_forum.iter().map(|(_, _, n)| n.as_str()).collect();
    let _ = writeln!(
        out,
        "/// The same, as a table of authorities lists them: by forum, then by citation.\n\
         pub static BY_FORUM: &[&Authority] = &[&{}];",
        names.join(", &")
    );
    Ok(out)
}

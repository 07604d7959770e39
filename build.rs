//! Lists the scenario files of tests/cases so that native and wasm tests embed the same
//! files with `include_str!` (wasm tests cannot read the file system), and writes the widget's
//! stylesheets, without comments and spare whitespace, to OUT_DIR/{widget,casework,review}.css
//! for src/ui/style.rs, and the table of authorities (build/authorities.rs) as Rust statics for
//! src/rules/authority.rs, so that no TOML parser reaches the wasm or the runtime.

#[path = "build/authorities.rs"]
mod authorities;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=tests/cases");
    println!("cargo:rerun-if-changed=www/widget.css");
    println!("cargo:rerun-if-changed=www/casework.css");
    println!("cargo:rerun-if-changed=www/review.css");
    println!("cargo:rerun-if-changed=build/authorities.rs");
    println!("cargo:rerun-if-changed=src/rules/authorities.toml");
    stylesheet("widget.css");
    stylesheet("casework.css");
    stylesheet("review.css");
    authorities::generate();
    let dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default()).join("tests/cases");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("/// Every scenario file: (file name, contents).\n");
    out.push_str("pub const CASES: &[(&str, &str)] = &[\n");
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let target = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join("cases.rs");
    if let Err(e) = fs::write(&target, out) {
        println!("cargo:warning=cannot write {}: {e}", target.display());
    }
}

/// www/`name` without comments and spare whitespace, as OUT_DIR/`name` (widget.css, and
/// casework.css and review.css, which only the pages' widget adds). (A full minifier saved 34
/// bytes gzipped over this, for 390 lines and their tests: README.)
fn stylesheet(name: &str) {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let source = manifest.join("www").join(name);
    let css = fs::read_to_string(&source)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
    let target = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join(name);
    fs::write(&target, strip_css(&css))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

/// Drops comments, collapses whitespace, and removes the spaces next to `{`, `}` and `;`,
/// which never change a rule's meaning (the stylesheet has no `;` or brace inside a string).
fn strip_css(css: &str) -> String {
    let mut code = String::new();
    for (i, part) in css.split("/*").enumerate() {
        code.push_str(if i == 0 {
            part
        } else {
            part.split_once("*/").map_or("", |p| p.1)
        });
    }
    let mut out = code.split_whitespace().collect::<Vec<_>>().join(" ");
    for (from, to) in [
        (" {", "{"),
        ("{ ", "{"),
        ("; ", ";"),
        (" }", "}"),
        ("} ", "}"),
        (";}", "}"),
    ] {
        out = out.replace(from, to);
    }
    out
}

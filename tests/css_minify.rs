//! The build-time CSS minifier (build/css_minify.rs, run by build.rs on www/widget.css).

#[path = "../build/css_minify.rs"]
mod css_minify;

use css_minify::minify;

fn min(css: &str) -> String {
    match minify(css) {
        Ok(out) => out,
        Err(e) => panic!("minify({css:?}) failed: {e}"),
    }
}

#[test]
fn table() {
    let cases: &[(&str, &str, &str)] = &[
        ("comments go", "/* a */ .a { /* b */ color: red; /* c */ }", ".a{color:red}"),
        ("whitespace around braces, colons and semicolons", ".a  {\n  color :  red ;\n  margin: 0;\n}\n", ".a{color:red;margin:0}"),
        ("descendant combinator kept", ".a .b { x: y }", ".a .b{x:y}"),
        ("a space before a pseudo-class is a descendant", ".a :hover { x: y }", ".a :hover{x:y}"),
        ("no space before a pseudo-class stays none", ".a:hover { x: y }", ".a:hover{x:y}"),
        ("selector list", ".a ,\n.b, .c { x: y }", ".a,.b,.c{x:y}"),
        ("child, next and later sibling combinators", ".a > .b + .c ~ .d { x: y }", ".a>.b+.c~.d{x:y}"),
        ("combinator before a pseudo-class", ".ac > :not(.p) { x: y }", ".ac>:not(.p){x:y}"),
        ("inside :is() only commas lose their space", ".l :is(input, .c > d) { x: y }", ".l :is(input,.c > d){x:y}"),
        ("An+B in parentheses untouched", "li:nth-child(2n + 1) { x: y }", "li:nth-child(2n + 1){x:y}"),
        (":host with an argument", ":host([hidden]),\n[hidden] { display: none !important; }", ":host([hidden]),[hidden]{display:none !important}"),
        ("attribute selector with a string", "[data-x=\"a  , b\"] .s { x: y }", "[data-x=\"a  , b\"] .s{x:y}"),
        ("calc keeps its operators' spaces", ".a { max-block-size: calc(100vh - 2rem); w: calc(1px + 2px * 3); }", ".a{max-block-size:calc(100vh - 2rem);w:calc(1px + 2px * 3)}"),
        ("commas in values", ".a { transition: color 1s , border-color 2s; }", ".a{transition:color 1s,border-color 2s}"),
        ("var() with a fallback", ".a { color: var(--x, #fff); }", ".a{color:var(--x,#fff)}"),
        ("custom property values keep their commas' spaces", ".a { --f: var(--g, a,  b); }", ".a{--f:var(--g, a, b)}"),
        ("slash in a colour", ".a { c: rgb(0 0 0 / 0.08); }", ".a{c:rgb(0 0 0 / 0.08)}"),
        ("strings untouched", ".a::before { content: \"  /* not a comment */ { ; } : , \"; }", ".a::before{content:\"  /* not a comment */ { ; } : , \"}"),
        ("single-quoted string with an escaped quote", ".a { content: 'it\\'s  ;' }", ".a{content:'it\\'s  ;'}"),
        ("media query prelude intact", "@media (min-width: 50rem) and (max-width: 60rem) {\n  .a { x: y; }\n  .b .c { z: w; }\n}", "@media (min-width: 50rem) and (max-width: 60rem){.a{x:y}.b .c{z:w}}"),
        ("container query", "@container (max-width: 30rem) { .c { display: grid; } }", "@container (max-width: 30rem){.c{display:grid}}"),
        ("at-rule statement", "@import url(a.css)  screen ;\n.a { x: y }", "@import url(a.css) screen;.a{x:y}"),
        ("unquoted url untouched", ".a { b: url(x/*y*/z.png) , url( \"q r\" ); }", ".a{b:url(x/*y*/z.png),url( \"q r\" )}"),
        ("font-face holds declarations", "@font-face { font-family: \"A B\"; src: local(x) ; }", "@font-face{font-family:\"A B\";src:local(x)}"),
        ("keyframes hold rules", "@keyframes k { from { o: 0; } 50% { o: 1 } }", "@keyframes k{from{o:0}50%{o:1}}"),
        ("unknown at-rule: whitespace collapsed only", "@foo  bar {  a : b ;  c { d : e } }", "@foo bar{a : b ; c { d : e }}"),
        ("nested style rule: block copied with whitespace collapsed", ".a { color: red; & .b { x : y } }", ".a{color: red; & .b { x : y }}"),
        ("a comment between two words keeps them apart", ".a { margin: 1px/**/2px; }", ".a{margin:1px/**/2px}"),
        ("a comment beside a space goes", ".a { margin: 1px /* x */ 2px; }", ".a{margin:1px 2px}"),
        ("the space after a hex escape belongs to it", ".\\31 0 .b { x: y }", ".\\31 0 .b{x:y}"),
        ("hex escape then a descendant combinator", ".\\31  .b { x: y }", ".\\31  .b{x:y}"),
        ("a non-breaking space is not whitespace", ".a\u{a0}b { x: y }", ".a\u{a0}b{x:y}"),
        ("empty declarations dropped", ".a { ; x: y;; }", ".a{x:y}"),
        ("empty rule kept", ".a { }", ".a{}"),
        ("empty stylesheet", " \n /* only a comment */ \n", ""),
    ];
    for (name, input, expected) in cases {
        assert_eq!(min(input), *expected, "{name}: {input:?}");
    }
}

#[test]
fn malformed_input_is_an_error() {
    for bad in [
        ".a { color: red;",
        ".a { color: red; } }",
        ".a { content: \"open; }",
        "/* open",
        ".a { w: calc(1px + 2px; }",
        ".a[x { }",
        ".a",
        ".a { b: url(x }",
    ] {
        assert!(
            minify(bad).is_err(),
            "{bad:?} should fail, gave {:?}",
            minify(bad)
        );
    }
}

#[test]
fn minifying_twice_changes_nothing() {
    let once = min(&widget_css());
    assert_eq!(min(&once), once);
}

fn widget_css() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/widget.css");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What the stylesheet says, in order: each rule's prelude (selector or at-rule) and each
/// declaration `name:value`, read by a reader independent of the minifier. Whitespace is
/// normalised: runs become one space; none next to `{ } ; ,` or after a declaration's colon;
/// in style-rule selectors none next to `>`, `+`, `~`.
#[derive(Debug, PartialEq)]
enum Item {
    Prelude(String),
    Decl(String, String),
    End,
}

fn items(css: &str) -> Vec<Item> {
    // Comments out (the widget's stylesheet has none inside strings).
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        text.push(' ');
        let end = rest[start + 2..].find("*/").expect("closed comment") + start + 4;
        rest = &rest[end..];
    }
    text.push_str(rest);

    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let tighten = |s: String, around: &[char]| {
        let mut out = s;
        for c in around {
            out = out.replace(&format!(" {c}"), &c.to_string());
            out = out.replace(&format!("{c} "), &c.to_string());
        }
        out
    };
    let mut out = Vec::new();
    let mut piece = String::new();
    let mut in_string: Option<char> = None;
    for c in text.chars() {
        if let Some(q) = in_string {
            piece.push(c);
            if c == q {
                in_string = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => {
                in_string = Some(c);
                piece.push(c);
            }
            '{' => {
                let prelude = squash(&piece);
                let prelude = if prelude.starts_with('@') {
                    prelude
                } else {
                    tighten(prelude, &[',', '>', '+', '~'])
                };
                out.push(Item::Prelude(prelude));
                piece.clear();
            }
            ';' | '}' => {
                let decl = squash(&piece);
                if !decl.is_empty() {
                    let (name, value) = decl.split_once(':').expect("a declaration has a colon");
                    let value = value.trim().to_string();
                    let value = if name.trim().starts_with("--") {
                        value
                    } else {
                        tighten(value, &[','])
                    };
                    out.push(Item::Decl(name.trim().to_string(), value));
                }
                if c == '}' {
                    out.push(Item::End);
                }
                piece.clear();
            }
            _ => piece.push(c),
        }
    }
    assert!(squash(&piece).is_empty(), "trailing text: {piece:?}");
    out
}

#[test]
fn the_real_stylesheet_keeps_every_selector_and_declaration_in_order() {
    let css = widget_css();
    let small = min(&css);
    let before = items(&css);
    let after = items(&small);
    assert!(
        before.len() > 400,
        "the reader found {} items only",
        before.len()
    );
    assert_eq!(before.len(), after.len());
    for (i, (b, a)) in before.iter().zip(&after).enumerate() {
        assert_eq!(b, a, "item {i}");
    }
    assert!(
        small.len() * 10 < css.len() * 7,
        "{} of {} bytes",
        small.len(),
        css.len()
    );
    assert!(!small.contains('\n') && !small.contains("/*"));
    // Spaces that matter, literally.
    for kept in [
        ".layout :is(input,.choice,summary,textarea,button){",
        "max-block-size:calc(100vh - 2rem)",
        "@media (prefers-reduced-motion: no-preference){",
        "@container (min-width: 50rem){",
        ":host([hidden]),[hidden]{display:none !important}",
        ".ac>:not(.print-report){",
        "content:\"\"",
        "box-shadow:0 0.25rem 0.75rem rgb(0 0 0 / 0.08)",
        "--_font:var(--ac-font, system-ui, -apple-system, \"Segoe UI\", Roboto,",
        ".verdict[data-verdict=\"barred\"],.bar[data-shown-verdict=\"barred\"]{",
    ] {
        assert!(
            small.contains(kept),
            "{kept:?} not in the minified stylesheet"
        );
    }
}

//! A small, conservative CSS minifier for the widget's stylesheet (www/widget.css), run by
//! build.rs; tests/css_minify.rs tests it natively. Both pull this file in with `#[path]`.
//!
//! What it does, and only where it cannot change the meaning:
//! - drops comments (an empty `/**/` stays where dropping one would glue two tokens);
//! - collapses every run of whitespace to one space, and drops it next to `{`, `}`, `;`;
//! - in declarations: drops the space around the `:` after the property name and the
//!   last `;` of a block; in values (not custom properties) drops spaces next to `,`;
//! - in selectors: drops spaces next to `,`, and next to the combinators `>`, `+`, `~`
//!   outside brackets and parentheses.
//!
//! It never touches the inside of strings or of `url(…)`, keeps every other space (so
//! `calc(a + b)`, `.a .b`, `.a :hover` and `@media (a) and (b)` stay as they are), keeps a
//! whitespace that ends a hex escape, and copies any block it does not understand (unknown
//! at-rules, nested style rules) with whitespace collapsed only.

/// One lexical piece of the stylesheet.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A run of whitespace (or comments next to whitespace or punctuation).
    Space,
    /// Copied verbatim: a string with its quotes, `url(…)`, an escape, a kept `/**/`.
    Raw(String),
    /// Any other single character.
    Ch(char),
}

impl Tok {
    fn is(&self, c: char) -> bool {
        *self == Tok::Ch(c)
    }
}

/// Minifies `css`. Fails on an unterminated string or comment and on unbalanced braces,
/// brackets or parentheses, so that a broken stylesheet breaks the build.
pub fn minify(css: &str) -> Result<String, String> {
    let toks = tokenize(css)?;
    let mut p = Parser { toks, at: 0 };
    let out = p.rules(false)?;
    if p.at < p.toks.len() {
        return Err("unbalanced `}`".into());
    }
    Ok(out)
}

fn tokenize(css: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = css.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let glue_safe = |c: Option<&char>| match c {
        None => true,
        Some(&c) => is_space(c) || matches!(c, '{' | '}' | ';' | ','),
    };
    while let Some(&c) = chars.get(i) {
        if is_space(c) {
            while chars.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            push_space(&mut toks);
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            let start = i;
            i += 2;
            loop {
                match (chars.get(i), chars.get(i + 1)) {
                    (Some('*'), Some('/')) => break,
                    (Some(_), _) => i += 1,
                    (None, _) => return Err("unterminated comment".into()),
                }
            }
            i += 2;
            let before = start.checked_sub(1).and_then(|b| chars.get(b));
            // Where whitespace or punctuation already separates the two sides, the comment
            // goes; elsewhere an empty one keeps them apart (`a/**/b` is not `ab`).
            if !(glue_safe(before) || glue_safe(chars.get(i))) {
                toks.push(Tok::Raw("/**/".into()));
            }
        } else if c == '"' || c == '\'' {
            let start = i;
            i += 1;
            loop {
                match chars.get(i) {
                    Some('\\') => i += 2,
                    Some(&q) if q == c => break,
                    Some('\n' | '\r' | '\x0C') | None => return Err("unterminated string".into()),
                    Some(_) => i += 1,
                }
            }
            i += 1;
            toks.push(Tok::Raw(collect(&chars, start, i)));
        } else if c == '\\' {
            let start = i;
            i += 1;
            let hex = chars
                .get(i..)
                .unwrap_or_default()
                .iter()
                .take(6)
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            if hex > 0 {
                i += hex;
                // One whitespace after a hex escape belongs to the escape (CR LF counts as one).
                if chars.get(i) == Some(&'\r') && chars.get(i + 1) == Some(&'\n') {
                    i += 2;
                } else if chars.get(i).is_some_and(|&c| is_space(c)) {
                    i += 1;
                }
            } else {
                i += 1;
            }
            toks.push(Tok::Raw(collect(&chars, start, i.min(chars.len()))));
        } else if starts_url(&chars, i) {
            // `url(` unquoted: no comments or escapes of ours inside, copied as it is.
            let start = i;
            i += 4;
            let quoted = chars
                .get(i..)
                .unwrap_or_default()
                .iter()
                .find(|&&c| !is_space(c))
                .is_some_and(|c| *c == '"' || *c == '\'');
            if quoted {
                // `url("…")` is an ordinary function with a string in it.
                toks.extend("url(".chars().map(Tok::Ch));
                continue;
            }
            loop {
                match chars.get(i) {
                    Some(')') => break,
                    Some('\\') => i += 2,
                    Some(_) => i += 1,
                    None => return Err("unterminated url(".into()),
                }
            }
            i += 1;
            toks.push(Tok::Raw(collect(&chars, start, i)));
        } else {
            toks.push(Tok::Ch(c));
            i += 1;
        }
    }
    Ok(toks)
}

/// CSS whitespace: not every Unicode space (U+00A0 is a name character in CSS).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

fn push_space(toks: &mut Vec<Tok>) {
    if toks.last() != Some(&Tok::Space) {
        toks.push(Tok::Space);
    }
}

fn collect(chars: &[char], from: usize, to: usize) -> String {
    chars.get(from..to).unwrap_or_default().iter().collect()
}

/// `url(` (any case) not preceded by a name character (so not `myurl(`).
fn starts_url(chars: &[char], i: usize) -> bool {
    let word = chars.get(i..i + 4).unwrap_or_default();
    let is_url = word.len() == 4
        && word
            .iter()
            .take(3)
            .collect::<String>()
            .eq_ignore_ascii_case("url")
        && word.get(3) == Some(&'(');
    let after_name = i
        .checked_sub(1)
        .and_then(|b| chars.get(b))
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '\\'));
    is_url && !after_name
}

/// Whether the block of an at-rule holds rules (true) or declarations (false); None when the
/// at-rule is unknown, whose block is then copied with whitespace collapsed only.
fn at_rule_holds_rules(name: &str) -> Option<bool> {
    let name = name.to_ascii_lowercase();
    let name = name.strip_prefix("-webkit-").unwrap_or(&name);
    match name {
        "media" | "container" | "supports" | "layer" | "scope" | "starting-style" | "document"
        | "keyframes" => Some(true),
        "font-face"
        | "page"
        | "property"
        | "counter-style"
        | "font-palette-values"
        | "font-feature-values" => Some(false),
        _ => None,
    }
}

struct Parser {
    toks: Vec<Tok>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }

    fn skip_space(&mut self) {
        while self.peek() == Some(&Tok::Space) {
            self.at += 1;
        }
    }

    /// Tokens up to (not including) the first of `stops` outside brackets and parentheses.
    fn until(&mut self, stops: &[char]) -> Result<Vec<Tok>, String> {
        let start = self.at;
        let mut depth = 0usize;
        while let Some(t) = self.peek() {
            match t {
                Tok::Ch(c) if depth == 0 && stops.contains(c) => break,
                Tok::Ch('(' | '[') => depth += 1,
                Tok::Ch(')' | ']') => {
                    depth = depth.checked_sub(1).ok_or("unbalanced `)` or `]`")?;
                }
                _ => {}
            }
            self.at += 1;
        }
        if depth != 0 {
            return Err("unbalanced `(` or `[`".into());
        }
        Ok(self.toks.get(start..self.at).unwrap_or_default().to_vec())
    }

    /// A list of rules, up to the `}` that closes it (`nested`) or the end.
    fn rules(&mut self, nested: bool) -> Result<String, String> {
        let mut out = String::new();
        loop {
            self.skip_space();
            match self.peek() {
                None if nested => return Err("unclosed `{`".into()),
                None => return Ok(out),
                Some(t) if t.is('}') => {
                    return if nested {
                        Ok(out)
                    } else {
                        Err("unbalanced `}`".into())
                    };
                }
                Some(_) => {}
            }
            let prelude = self.until(&['{', ';', '}'])?;
            let at_name = at_rule_name(&prelude);
            match self.peek() {
                Some(t) if t.is(';') => {
                    self.at += 1;
                    out.push_str(&collapse(&prelude));
                    out.push(';');
                    continue;
                }
                Some(t) if t.is('{') => self.at += 1,
                _ => return Err(format!("`{}` has no block", collapse(&prelude))),
            }
            let body = match at_name.as_deref().map(at_rule_holds_rules) {
                Some(Some(true)) => {
                    out.push_str(&collapse(&prelude));
                    self.rules(true)?
                }
                Some(Some(false)) => {
                    out.push_str(&collapse(&prelude));
                    let start = self.at;
                    match self.declarations()? {
                        Some(body) => body,
                        None => {
                            self.at = start;
                            self.verbatim()?
                        }
                    }
                }
                Some(None) => {
                    out.push_str(&collapse(&prelude));
                    self.verbatim()?
                }
                None => {
                    out.push_str(&selector(&prelude));
                    let start = self.at;
                    match self.declarations()? {
                        Some(body) => body,
                        None => {
                            // A nested rule: not ours to shorten.
                            self.at = start;
                            self.verbatim()?
                        }
                    }
                }
            };
            // The closing `}` is next: each body stops there.
            self.at += 1;
            out.push('{');
            out.push_str(&body);
            out.push('}');
        }
    }

    /// Declarations up to the closing `}`: `name:value` joined by `;`. None (for the caller
    /// to fall back) on a `{` inside, that is a nested rule.
    fn declarations(&mut self) -> Result<Option<String>, String> {
        let mut decls = Vec::new();
        loop {
            let decl = self.until(&[';', '}', '{'])?;
            match self.peek() {
                Some(t) if t.is('{') => return Ok(None),
                None => return Err("unclosed `{`".into()),
                _ => {}
            }
            let colon = decl.iter().position(|t| t.is(':'));
            let text = match colon {
                Some(colon) => {
                    let name = collapse(decl.get(..colon).unwrap_or_default());
                    let raw = decl.get(colon + 1..).unwrap_or_default();
                    let value = if name.starts_with("--") {
                        collapse(raw)
                    } else {
                        value(raw)
                    };
                    format!("{name}:{value}")
                }
                None => collapse(&decl),
            };
            if !text.is_empty() {
                decls.push(text);
            }
            if self.peek().is_some_and(|t| t.is('}')) {
                return Ok(Some(decls.join(";")));
            }
            self.at += 1;
        }
    }

    /// The block as it is, whitespace collapsed, up to its closing `}`.
    fn verbatim(&mut self) -> Result<String, String> {
        let start = self.at;
        let mut depth = 0usize;
        loop {
            match self.peek() {
                None => return Err("unclosed `{`".into()),
                Some(t) if t.is('{') => depth += 1,
                Some(t) if t.is('}') => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                Some(_) => {}
            }
            self.at += 1;
        }
        Ok(collapse(self.toks.get(start..self.at).unwrap_or_default()))
    }
}

/// `Some(name)` if the prelude is an at-rule's.
fn at_rule_name(prelude: &[Tok]) -> Option<String> {
    let mut it = prelude.iter().skip_while(|t| **t == Tok::Space);
    if !it.next()?.is('@') {
        return None;
    }
    let name: String = it
        .map_while(|t| match t {
            Tok::Ch(c) if c.is_alphanumeric() || matches!(c, '-' | '_') => Some(*c),
            _ => None,
        })
        .collect();
    Some(name)
}

fn text(t: &Tok) -> String {
    match t {
        Tok::Space => " ".into(),
        Tok::Raw(s) => s.clone(),
        Tok::Ch(c) => c.to_string(),
    }
}

/// Whitespace collapsed to single spaces, trimmed; nothing else changed.
fn collapse(toks: &[Tok]) -> String {
    join(toks, |_, _, _| false)
}

/// Tokens as text, each inner space kept unless `drop(before, after, depth)` says otherwise,
/// where `before` and `after` are the tokens on either side and `depth` counts the brackets
/// and parentheses around it. Leading and trailing spaces always go.
fn join(toks: &[Tok], drop: impl Fn(&Tok, &Tok, usize) -> bool) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Space => {
                let before = i.checked_sub(1).and_then(|b| toks.get(b));
                let after = toks.get(i + 1);
                if let (Some(b), Some(a)) = (before, after) {
                    if !drop(b, a, depth) {
                        out.push(' ');
                    }
                }
            }
            Tok::Ch('(' | '[') => {
                depth += 1;
                out.push_str(&text(t));
            }
            Tok::Ch(')' | ']') => {
                depth = depth.saturating_sub(1);
                out.push_str(&text(t));
            }
            _ => out.push_str(&text(t)),
        }
    }
    out
}

/// A selector list: no space next to `,`, nor next to a combinator at the top level.
fn selector(toks: &[Tok]) -> String {
    join(toks, |b, a, depth| {
        let combinator = |t: &Tok| depth == 0 && (t.is('>') || t.is('+') || t.is('~'));
        b.is(',') || a.is(',') || combinator(b) || combinator(a)
    })
}

/// A property's value: no space next to `,`.
fn value(toks: &[Tok]) -> String {
    join(toks, |b, a, _| b.is(',') || a.is(','))
}

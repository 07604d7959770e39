//! The native command line: `evaluate` prints the report, `questions` the questionnaire.
//!
//! Exit codes: 0 on success, 2 on invalid input or usage, with one line on stderr.

use std::io::{Read, Write};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::i18n::{self, Catalog};
use crate::report::{
    document, questionnaire, rtf_document, to_markdown, to_text, Block, Meta, Report,
};
use crate::rules::{
    check_text, evaluate, parse_answers_file, Answer, Answers, InputError, QuestionId, Raw, Tri,
    MAX_FILE_BYTES,
};

const HELP: &str = "\
assurance-check: is reliance on diplomatic assurances against torture barred?

Usage:
  assurance-check evaluate <FILE|-> [--format json|text|markdown|rtf] [--lang LANG]
  assurance-check questions [--format json|text] [--lang LANG]
  assurance-check page [--part css|results|harness|page] [--lang LANG]
  assurance-check --help | --version

Run `assurance-check <command> --help` for details. Exit status: 0 on success,
2 on invalid input or usage. Decision support, not legal advice.
";

const EVALUATE_HELP: &str = "\
assurance-check evaluate <FILE|-> [--format json|text|markdown|rtf] [--lang LANG]

Reads an answers file (RULES.md format \"assurance-check/answers\", version 1) from FILE,
or from standard input with `-`, and prints the report: the verdict, the six
circumstances, the open questions, the findings with their citations and every answer.

  --format json      the report object (default); ids are the same in every language
  --format text      plain text, verdict first
  --format markdown  Markdown, verdict first
  --format rtf       an editable document for Word or LibreOffice, the printed
                     report's content (write it to a file: `> report.rtf`)
  --lang LANG        en, fr, es or ar (default en)

The date printed is today's, or SOURCE_DATE_EPOCH's when that is set.
Invalid input exits with status 2 and one line naming the field and the allowed values.
";

const QUESTIONS_HELP: &str = "\
assurance-check questions [--format json|text] [--lang LANG]

Prints every question with its help text, citation, answers and when it is shown.

  --format json  the questionnaire object (default)
  --format text  plain text
  --lang LANG    en, fr, es or ar (default en)
";

const PAGE_HELP: &str = "\
assurance-check page [--part css|results|harness|page] [--lang LANG]

Prints the static page's parts, derived from the rules: the results as HTML blocks in
LANG, the stylesheet that shows the blocks the rules would report for the radios' state
(the same in every language), a standalone test page with both and no script, or the
one-file page in LANG with the whole questionnaire inside (scripts/bundle.mjs adds the
script and the CSP).

  --part css      the stylesheet
  --part results  the results markup
  --part harness  the test page (default)
  --part page     the one-file page, before bundling
  --lang LANG     en, fr, es or ar (default en)
";

/// `page`: the static page's parts (issue 19). `--part` is taken out here; the rest are
/// the shared options.
#[cfg(feature = "page")]
fn page_command(args: &[String]) -> Result<String, Failure> {
    let at = args.iter().position(|a| a == "--part");
    let part = at.map_or(Some("harness"), |i| args.get(i + 1).map(String::as_str));
    let rest: Vec<String> = args
        .iter()
        .enumerate()
        .filter(|(i, _)| at.is_none_or(|p| *i != p && *i != p + 1))
        .map(|(_, a)| a.clone())
        .collect();
    let o = parse_options(&rest, &[])?;
    if o.help {
        return Ok(PAGE_HELP.to_owned());
    }
    if let Some(extra) = o.file {
        return Err(Failure(format!("unexpected argument {extra}; see --help")));
    }
    let page = crate::static_page::StaticPage::new();
    match part {
        Some("css") => Ok(page.css()),
        Some("results") => Ok(page.results(o.lang) + "\n"),
        Some("harness") => Ok(page.harness(o.lang)),
        Some("page") => page.page(o.lang).map_err(Failure),
        _ => Err(Failure(
            "--part must be one of css, results, harness, page".to_owned(),
        )),
    }
}

/// A failed run: the message for stderr.
struct Failure(String);

impl Failure {
    /// An input error, in the language the user asked for.
    fn input(e: &InputError, c: &Catalog) -> Failure {
        Failure(e.message(c))
    }
}

/// Parsed options shared by both commands.
struct Options<'a> {
    file: Option<&'a str>,
    format: &'a str,
    lang: &'static Catalog,
    help: bool,
}

fn parse_options<'a>(args: &'a [String], formats: &[&str]) -> Result<Options<'a>, Failure> {
    let mut o = Options {
        file: None,
        format: "json",
        lang: i18n::english(),
        help: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => o.help = true,
            "--format" => {
                let v = it.next().map_or("", String::as_str);
                if !formats.contains(&v) {
                    return Err(Failure(format!(
                        "--format must be one of {}.",
                        formats.join(", ")
                    )));
                }
                o.format = v;
            }
            "--lang" => {
                let v = it.next().map_or("", String::as_str);
                o.lang = i18n::catalog(v).ok_or_else(|| {
                    let codes: Vec<&str> = i18n::LANGUAGES.iter().map(|c| c.lang.code).collect();
                    Failure(format!("--lang must be one of {}.", codes.join(", ")))
                })?;
            }
            other if other.starts_with("--") => {
                return Err(Failure(format!("unknown option {other}; see --help.")));
            }
            file if o.file.is_none() => o.file = Some(file),
            extra => return Err(Failure(format!("unexpected argument {extra}; see --help."))),
        }
    }
    Ok(o)
}

/// Reads at most `MAX_FILE_BYTES` (plus one, to detect more) from `FILE` or stdin.
fn read_input(file: &str, stdin: &mut dyn Read, c: &Catalog) -> Result<String, Failure> {
    let limit = u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX) + 1;
    let mut bytes = Vec::new();
    let result = if file == "-" {
        stdin.take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| Failure(format!("cannot read {file}: {e}.")))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Failure::input(&InputError::too_large(), c));
    }
    String::from_utf8(bytes)
        .map_err(|_| Failure::input(&InputError::syntax("the file is not UTF-8 text"), c))
}

/// Parses JSON text into an answers set, strictly.
///
/// # Errors
/// The input error, naming the field and the allowed values.
pub fn parse_json(text: &str) -> Result<Answers, InputError> {
    // The checks the widget makes too (`rules::check_text`).
    check_text(text)?;
    let raw: Raw = serde_json::from_str(text).map_err(|e| InputError::syntax(e.to_string()))?;
    parse_answers_file(&raw)
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm, proleptic Gregorian).
fn civil_date(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Today's date, or `SOURCE_DATE_EPOCH`'s for reproducible output.
fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    let (y, m, d) = civil_date(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Failure(e.to_string()))
}

fn evaluate_command(args: &[String], stdin: &mut dyn Read) -> Result<String, Failure> {
    let o = parse_options(args, &["json", "text", "markdown", "rtf"])?;
    if o.help {
        return Ok(EVALUATE_HELP.to_owned());
    }
    let file = o
        .file
        .ok_or_else(|| Failure("evaluate needs a FILE, or - for standard input.".to_owned()))?;
    let answers =
        parse_json(&read_input(file, stdin, o.lang)?).map_err(|e| Failure::input(&e, o.lang))?;
    let evaluation = evaluate(&answers);
    let date = today();
    let meta = Meta {
        date: &date,
        tool_version: env!("CARGO_PKG_VERSION"),
    };
    let blocks = || document(&answers, &evaluation, o.lang, meta);
    match o.format {
        "text" => Ok(to_text(&blocks(), o.lang)),
        "markdown" => Ok(to_markdown(&blocks(), o.lang)),
        "rtf" => Ok(rtf_document(&answers, &evaluation, o.lang, meta)),
        _ => json(&Report::new(&evaluation, o.lang)),
    }
}

fn questions_text(c: &Catalog) -> String {
    let q = questionnaire(c);
    // Every separator comes from the catalog: Arabic has its own comma, French a no-break
    // space before the colon (issue 18).
    let item =
        |label: &str, text: &str| i18n::fill(c.report.item, &[("label", label), ("text", text)]);
    let mut blocks = vec![Block::Title(c.report.questionnaire.to_owned())];
    for s in q.sections {
        blocks.push(Block::Heading(s.title.to_owned()));
        for e in s.questions {
            let options: Vec<String> = e
                .options
                .iter()
                .map(|o| [o.label, " (", o.value, ")"].concat())
                .collect();
            let options: Vec<&str> = options.iter().map(String::as_str).collect();
            let mut text = [
                e.text,
                " [",
                e.cites,
                "]\n  ",
                &item(c.report.options, &c.join_list(&options)),
                "\n  ",
                e.help,
            ]
            .concat();
            if QuestionId::parse(e.id).is_some_and(QuestionId::under_r2) {
                let s = &c.standard;
                for (value, meaning) in [
                    (Tri::Yes, s.yes),
                    (Tri::No, s.no),
                    (Tri::Unknown, s.unknown),
                ] {
                    text.push_str("\n  ");
                    text.push_str(&item(c.answer(Answer::Tri(value)), meaning));
                }
            }
            if let Some(cond) = e.shown_when {
                let values = c.join_list(cond.any_of.or(cond.none_of).unwrap_or(&[]));
                let op = if cond.any_of.is_some() { "=" } else { "≠" };
                let rule = [cond.question, " ", op, " ", &values].concat();
                text.push_str("\n  ");
                text.push_str(&item(c.report.shown_when, &rule));
            }
            blocks.push(Block::Item {
                label: e.id.to_owned(),
                text,
            });
        }
    }
    to_text(&blocks, c)
}

fn questions_command(args: &[String]) -> Result<String, Failure> {
    let o = parse_options(args, &["json", "text"])?;
    if o.help {
        return Ok(QUESTIONS_HELP.to_owned());
    }
    if let Some(extra) = o.file {
        return Err(Failure(format!("unexpected argument {extra}; see --help.")));
    }
    match o.format {
        "text" => Ok(questions_text(o.lang)),
        _ => json(&questionnaire(o.lang)),
    }
}

/// Runs the CLI with `args` (without the program name) and returns the exit code.
pub fn run(
    args: &[String],
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => ("--help", &[][..]),
    };
    let result = match command {
        "evaluate" => evaluate_command(rest, stdin),
        "questions" => questions_command(rest),
        #[cfg(feature = "page")]
        "page" => page_command(rest),
        "-h" | "--help" | "help" => Ok(HELP.to_owned()),
        "-V" | "--version" => Ok(format!("assurance-check {}\n", env!("CARGO_PKG_VERSION"))),
        other => Err(Failure(format!("unknown command {other}; see --help."))),
    };
    match result {
        Ok(out) => match stdout.write_all(out.as_bytes()) {
            Ok(()) => 0,
            Err(_) => 1,
        },
        Err(Failure(message)) => {
            let _ = writeln!(stderr, "assurance-check: {message}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn civil_date_matches_known_days() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(20_784), (2026, 11, 27));
    }
}

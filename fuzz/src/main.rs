//! `fuzz_answers`: a bounded-time mutation fuzzer that runs on stable Rust.
//!
//! It starts from the committed corpus (fuzz/corpus/answers/) and from generated answers
//! files, mutates them (bit flips, JSON tokens, splices, deep nesting, huge strings, odd
//! notes), and runs each through `target::check`: parsing, `evaluate`, and the report in
//! every format and language. A panic, a broken invariant or a slow input is a finding: the
//! input is written to fuzz/artifacts/answers/ and the run exits with status 1.
//!
//! Usage: fuzz_answers [--seconds N] [--seed N] [--corpus DIR] [--replay FILE...]

mod target;

use std::collections::HashSet;
use std::fs;
use std::panic;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assurance_check::rules::QuestionId;

/// An input slower than this is a finding (a hostile file must not freeze the page).
const SLOW: Duration = Duration::from_secs(5);
/// Inputs kept in memory, besides the corpus.
const POOL_MAX: usize = 4096;

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces of notes chosen to break renderers: markup, bidi controls, line ends, NUL,
/// combining marks, astral characters, lone surrogates as JSON escapes.
const NASTY: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "![i](http://x/)",
    "`code`",
    "\\",
    "\\\\<",
    "# heading",
    "\n## h\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{202e}",
    "\u{200f}",
    "\u{0}",
    "e\u{301}",
    "\u{1F600}",
    "نص عربي",
    "&amp;",
    "| a | b |",
    "---",
    "> quote",
    "    indented",
    "*_~",
    "{placeholder}",
    "{label}",
    "%s%n",
    "  ",
    "\t",
    "\u{1b}[2K\rNo bar indicated",
    "\u{1b}]0;title\u{7}",
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{b}\u{c}\u{7f}\u{85}\u{9b}",
    "\u{2066}\u{2069}\u{2069}",
    "\u{feff}",
    "https://example.org/?a=1",
    "www.example.org",
    "a@example.org",
    "mailto:a@b.org",
    "=====",
    "1. ",
    "+ ",
    ": ",
    "``a`",
];

/// JSON tokens and values worth inserting anywhere.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "\\udc00",
    "\\u202e",
    "null",
    "true",
    "false",
    "1",
    "1.0",
    "1e0",
    "-0",
    "1e999",
    "-1",
    "0.5",
    "9007199254740993",
    "NaN",
    "Infinity",
    "[]",
    "{}",
    "\"\"",
    "\"format\"",
    "\"version\"",
    "\"answers\"",
    "\"notes\"",
    "\"assurance-check/answers\"",
    "\"__proto__\"",
    "\"constructor\"",
    "\"prototype\"",
    "\u{feff}",
    " ",
    "\n",
    "\"yes\"",
    "\"no\"",
    "\"unknown\"",
    "\"maybe\"",
];

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

fn nasty_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..=rng.below(6) {
        let piece: &str = rng.pick::<&str>(NASTY);
        s.push_str(piece);
        if rng.chance(2) {
            s.push_str("word");
        }
    }
    s
}

/// A generated answers file: mostly valid, sometimes with one deliberate fault, so that
/// `evaluate` and the renderers see many combinations (random bytes rarely parse).
fn generate(rng: &mut Rng) -> Vec<u8> {
    let mut answers = Vec::new();
    let mut notes = Vec::new();
    for q in QuestionId::ALL {
        let values = q.kind().values();
        if rng.chance(3) {
            continue;
        }
        let value = if rng.chance(40) {
            "maybe".to_owned()
        } else {
            (*rng.pick(values)).to_owned()
        };
        answers.push(format!(
            "{}:{}",
            json_string(q.as_str()),
            json_string(&value)
        ));
        if rng.chance(4) {
            notes.push(format!(
                "{}:{}",
                json_string(q.as_str()),
                json_string(&nasty_text(rng))
            ));
        }
    }
    if rng.chance(50) {
        answers.push("\"systematic_torture\":\"yes\"".to_owned()); // possible duplicate
    }
    let version = *rng.pick(&["1", "1", "1", "1.0", "1e0", "2", "\"1\""]);
    let mut fields = vec![
        "\"format\":\"assurance-check/answers\"".to_owned(),
        format!("\"version\":{version}"),
        format!("\"answers\":{{{}}}", answers.join(",")),
    ];
    if !notes.is_empty() || rng.chance(2) {
        fields.push(format!("\"notes\":{{{}}}", notes.join(",")));
    }
    // Any order of fields is valid.
    for i in (1..fields.len()).rev() {
        fields.swap(i, rng.below(i + 1));
    }
    format!("{{{}}}", fields.join(",")).into_bytes()
}

/// One random change to `data`; `other` is another input to splice from.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>, other: &[u8]) {
    let len = data.len();
    match rng.below(12) {
        0 if len > 0 => {
            let i = rng.below(len);
            data[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            data[i] = *rng.pick(b"{}[]\":,\\ 01eE-+.nutfa\x00\xff\xc3\x80");
        }
        2 => {
            let i = rng.below(len + 1);
            let t = rng.pick(TOKENS).as_bytes().to_vec();
            data.splice(i..i, t);
        }
        3 if len > 0 => {
            let i = rng.below(len);
            let n = 1 + rng.below((len - i).min(64));
            data.drain(i..i + n);
        }
        4 if len > 0 => {
            let i = rng.below(len);
            let n = 1 + rng.below((len - i).min(256));
            let piece = data[i..i + n].to_vec();
            let j = rng.below(len + 1);
            data.splice(j..j, piece);
        }
        5 if !other.is_empty() => {
            // Splice: a prefix of this input and a suffix of the other.
            let i = rng.below(len + 1);
            let j = rng.below(other.len());
            data.truncate(i);
            data.extend_from_slice(&other[j..]);
        }
        6 => {
            // Deep nesting, around the whole input or inside it.
            let max = if rng.chance(4) { 5000 } else { 40 };
            let depth = 1 + rng.below(max);
            let (open, close): (&[u8], &[u8]) = match rng.below(3) {
                0 => (b"[", b"]"),
                1 => (b"{\"answers\":", b"}"),
                _ => (b"{\"a\":", b"}"),
            };
            let i = rng.below(len + 1);
            let mut out = data[..i].to_vec();
            for _ in 0..depth {
                out.extend_from_slice(open);
            }
            let rest = &data[i..];
            out.extend_from_slice(rest);
            for _ in 0..depth {
                out.extend_from_slice(close);
            }
            *data = out;
        }
        7 => {
            // A huge string: around the note limit, or near the file limit.
            let n = *rng.pick(&[99_999usize, 100_000, 100_001, 300_000, 2_000_000]);
            let ch = rng
                .pick(&["a", "é", "\u{1F600}", "<", " ", "\\n"])
                .repeat(n);
            let i = rng.below(len + 1);
            let mut s = b"\"".to_vec();
            s.extend_from_slice(ch.as_bytes());
            s.push(b'"');
            data.splice(i..i, s);
        }
        8 => {
            // Replace a quoted string with a question id, a value or a nasty note.
            let quotes: Vec<usize> = data
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'"')
                .map(|(i, _)| i)
                .collect();
            if quotes.len() >= 2 {
                let k = rng.below(quotes.len() - 1);
                let (a, b) = (quotes[k], quotes[k + 1]);
                let q = *rng.pick(&QuestionId::ALL);
                let with = match rng.below(3) {
                    0 => q.as_str().to_owned(),
                    1 => (*rng.pick(q.kind().values())).to_owned(),
                    _ => nasty_text(rng),
                };
                let quoted = json_string(&with);
                let inner = quoted.as_bytes()[1..quoted.len() - 1].to_vec();
                data.splice(a + 1..b, inner);
            }
        }
        9 if len > 0 => data.truncate(rng.below(len)),
        10 => {
            // Many keys in one object (the duplicate check must stay fast).
            let max = if rng.chance(8) { 200_000 } else { 200 };
            let n = 1 + rng.below(max);
            let mut s = String::from("{");
            for k in 0..n {
                if k > 0 {
                    s.push(',');
                }
                s.push_str(&format!("\"k{k}\":0"));
            }
            s.push('}');
            if rng.chance(2) {
                *data = s.into_bytes(); // at the top, where the file's own keys are checked
            } else {
                let i = rng.below(len + 1);
                data.splice(i..i, s.into_bytes());
            }
        }
        _ => *data = generate(rng),
    }
}

fn hash(data: &[u8]) -> u64 {
    // FNV-1a, for file names.
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Runs one input; `Err` is the panic message or "slow".
fn run(data: &[u8], last_panic: &Arc<Mutex<String>>) -> Result<String, String> {
    let start = Instant::now();
    let outcome = panic::catch_unwind(|| target::check(data));
    match outcome {
        Ok(sig) if start.elapsed() > SLOW => Err(format!(
            "slow input: {:.1} s ({sig})",
            start.elapsed().as_secs_f64()
        )),
        Ok(sig) => Ok(sig),
        Err(_) => Err(last_panic
            .lock()
            .map(|m| m.clone())
            .unwrap_or_else(|_| "panic".to_owned())),
    }
}

fn save_finding(data: &[u8], why: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/answers");
    let _ = fs::create_dir_all(&dir);
    let path = dir.join(format!("finding-{:016x}.json", hash(data)));
    let _ = fs::write(&path, data);
    eprintln!(
        "fuzz: FINDING: {why}\nfuzz: input saved to {}",
        path.display()
    );
    path
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut seconds = 60u64;
    let mut seed = 0u64;
    let mut corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/answers");
    let mut replay: Vec<PathBuf> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => seconds = it.next().and_then(|s| s.parse().ok()).unwrap_or(60),
            "--seed" => seed = it.next().and_then(|s| s.parse().ok()).unwrap_or(0),
            "--corpus" => corpus = it.next().map(PathBuf::from).unwrap_or(corpus),
            "--replay" => replay.extend(it.by_ref().map(PathBuf::from)),
            other => {
                eprintln!("fuzz: unknown argument {other}");
                std::process::exit(2);
            }
        }
    }

    let last_panic = Arc::new(Mutex::new(String::new()));
    {
        let last_panic = Arc::clone(&last_panic);
        panic::set_hook(Box::new(move |info| {
            if let Ok(mut m) = last_panic.lock() {
                *m = info.to_string();
            }
        }));
    }

    if !replay.is_empty() {
        let mut bad = 0;
        for p in &replay {
            let data = fs::read(p).unwrap_or_default();
            match run(&data, &last_panic) {
                Ok(sig) => println!("fuzz: {}: {sig}", p.display()),
                Err(why) => {
                    bad += 1;
                    eprintln!("fuzz: {}: {why}", p.display());
                }
            }
        }
        std::process::exit(i32::from(bad > 0));
    }

    let mut pool: Vec<Vec<u8>> = Vec::new();
    let mut files: Vec<PathBuf> = fs::read_dir(&corpus)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for p in &files {
        if let Ok(data) = fs::read(p) {
            pool.push(data);
        }
    }
    let seeds = pool.len();
    if seed == 0 {
        seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1;
    }
    println!(
        "fuzz: {seeds} corpus files from {}, seed {seed}, {seconds} s",
        corpus.display()
    );
    let mut rng = Rng(seed);
    let mut seen: HashSet<String> = HashSet::new();

    // Every corpus file first, unchanged.
    for data in &pool {
        match run(data, &last_panic) {
            Ok(sig) => {
                seen.insert(sig);
            }
            Err(why) => {
                save_finding(data, &why);
                std::process::exit(1);
            }
        }
    }

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut execs = 0u64;
    while Instant::now() < deadline {
        let mut data = if pool.is_empty() || rng.chance(5) {
            generate(&mut rng)
        } else {
            rng.pick(&pool).clone()
        };
        let other = if pool.is_empty() {
            Vec::new()
        } else {
            rng.pick(&pool).clone()
        };
        for _ in 0..=rng.below(4) {
            mutate(&mut rng, &mut data, &other);
        }
        execs += 1;
        match run(&data, &last_panic) {
            Ok(sig) => {
                if seen.insert(sig) && pool.len() < POOL_MAX && data.len() < 64 * 1024 {
                    pool.push(data);
                }
            }
            Err(why) => {
                save_finding(&data, &why);
                println!("fuzz: seed {seed}; rerun the input with --replay");
                std::process::exit(1);
            }
        }
    }
    println!(
        "fuzz: {execs} inputs in {seconds} s, {} distinct outcomes, no finding",
        seen.len()
    );
}

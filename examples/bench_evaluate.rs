//! Native `evaluate` throughput: `cargo run --release --example bench_evaluate`.
//!
//! Evaluates a fixed, varied set of answer sets (every question answered, unanswered or
//! half-answered, chosen by a small deterministic generator) for about a second and prints
//! one line: `evaluate: N evaluations/s (M answer sets, T s)`. Used by scripts/bench.

use std::hint::black_box;
use std::time::{Duration, Instant};

use assurance_check::rules::{evaluate, Answers, QuestionId};

/// A deterministic xorshift generator, so that every run measures the same inputs.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn answer_sets(count: usize) -> Vec<Answers> {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    (0..count)
        .map(|_| {
            let mut answers = Answers::new();
            for q in QuestionId::ALL {
                let values = q.kind().values();
                // One slot more than there are values: unanswered.
                let pick = (next(&mut state) % (values.len() as u64 + 1)) as usize;
                if let Some(v) = values.get(pick) {
                    answers.set(q, v).expect("a listed value is accepted");
                }
            }
            answers
        })
        .collect()
}

fn main() {
    let sets = answer_sets(1024);
    // Warm up caches and the branch predictor.
    for a in &sets {
        black_box(evaluate(black_box(a)));
    }
    let start = Instant::now();
    let mut n: u64 = 0;
    while start.elapsed() < Duration::from_secs(1) {
        for a in &sets {
            black_box(evaluate(black_box(a)));
        }
        n += sets.len() as u64;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "evaluate: {:.0} evaluations/s ({} answer sets, {:.2} s)",
        n as f64 / secs,
        sets.len(),
        secs
    );
}

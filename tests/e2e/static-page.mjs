// What the static-page tests share (issue 19): the four one-file pages, the core's expected
// results (examples/static_oracle.rs), and the static widget's state read from the test
// contract's attributes inside <assurance-check>'s shadow root.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as h from "./helpers.mjs";

/** Each one-file page: language, direction, file. */
export const PAGES = [
  { lang: "en", dir: "ltr", file: "assurance-check.html" },
  { lang: "fr", dir: "ltr", file: "assurance-check.fr.html" },
  { lang: "es", dir: "ltr", file: "assurance-check.es.html" },
  { lang: "ar", dir: "rtl", file: "assurance-check.ar.html" },
];

export const url = (file) => pathToFileURL(join(h.DIST, file)).href;

/** The core's report, hidden questions and answer count for each answer set. */
export function oracle(answerSets, name) {
  mkdirSync(h.ARTIFACTS, { recursive: true });
  const file = join(h.ARTIFACTS, `static-page-${name}.json`);
  writeFileSync(file, JSON.stringify(answerSets));
  const out = execFileSync("cargo", ["run", "--quiet", "--example", "static_oracle", "--", file], {
    cwd: h.ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  return JSON.parse(out);
}

/** What the static widget renders (runs in the page; pass it as a string). */
export function readStatic() {
  const root = document.querySelector("assurance-check").shadowRoot.querySelector("[data-static-root]");
  const shown = (sel) => [...root.querySelectorAll(sel)].filter((e) => e.checkVisibility());
  const statuses = {};
  for (const e of shown("[data-static-circumstance]")) {
    (statuses[e.dataset.staticCircumstance] ??= []).push(e.dataset.status);
  }
  return {
    verdicts: shown("[data-static-verdict]").map((e) => e.dataset.staticVerdict),
    statuses,
    open: shown("[data-static-open-question]").map((e) => e.dataset.staticOpenQuestion),
    findings: shown("[data-static-finding]").map((e) => [e.dataset.staticFinding, e.dataset.question ?? null]),
    hidden: [...root.querySelectorAll("[data-static-question]")]
      .filter((e) => !e.checkVisibility())
      .map((e) => e.dataset.staticQuestion),
  };
}

/** The same, in the core's terms. */
export function fromCore(e) {
  return {
    verdicts: [e.report.verdict],
    statuses: Object.fromEntries(e.report.circumstances.map((c) => [c.id, [c.status]])),
    open: e.report.open_questions.map((o) => o.question),
    findings: e.report.findings.map((f) => [f.id, f.question ?? null]),
    hidden: e.hidden,
  };
}

/** Clears every radio of the static widget (runs in the page). */
export function clearStatic() {
  const root = document.querySelector("assurance-check").shadowRoot;
  for (const r of root.querySelectorAll("input[type=radio]")) r.checked = false;
}

// What the case-work tests share (issue 14): the pages, the ways to open them, the words they
// expect in each language, and the case they enter. Chromium: casework.test.mjs; Firefox ESR:
// casework-firefox.test.mjs.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { url } from "./static-page.mjs";

export const FILES = { en: "assurance-check.html", ar: "assurance-check.ar.html" };
/** Each page, from file:// and served. */
export const ways = (server) => [
  { lang: "en", how: "file://", at: () => url(FILES.en) },
  { lang: "ar", how: "served", at: () => `${server().origin}/${FILES.ar}` },
  { lang: "en", how: "served", at: () => `${server().origin}/${FILES.en}` },
  { lang: "ar", how: "file://", at: () => url(FILES.ar) },
];

/** What the tests expect to read, in each language: the catalogs' words, written out here. */
export const WORDS = {
  en: {
    saved: "Answers saved as",
    replaced: "It replaced your answers and notes.",
    undone: "The previous answers and notes are back.",
    undo: "Undo",
    rtf: "Download editable report (RTF)",
    advice: "does not name the client",
    pageOne: "page 1 of",
    source: "Call for Action against the Use of Diplomatic Assurances in Transfers to Risk of Torture and Ill-Treatment",
    caseLabel: "Case reference",
  },
  ar: {
    saved: "حُفظت الإجابات باسم",
    replaced: "حلّ محلّ إجاباتك وملاحظاتك.",
    undone: "أُعيدت إجاباتك وملاحظاتك السابقة.",
    undo: "تراجع",
    rtf: "تنزيل التقرير القابل للتحرير (RTF)",
    advice: "لا يذكر اسم الموكّل",
    pageOne: "صفحة 1 من",
    // The statement's own title stays in English, isolated, in the Arabic citation (its
    // words as far as the line break, which pdftotext reads apart from the rest).
    source: "Call for Action against the Use of Diplomatic Assurances",
    caseLabel: "مرجع القضية",
  },
};

export const ANSWERS = {
  transfer_kind: "extradition",
  assurances_subject: "both",
  systematic_torture: "yes",
  group_targeted: "yes",
  person_in_group: "unknown",
  tribunal_review: "no",
};
export const NOTE = "CAT/C/XXX/CO/1, para 12";
export const REFERENCE = "R (Othman) v SSHD 2012/07";
export const PREPARER = "J. Doe, counsel";

/** unrtf's text output with non-ASCII as `&#N;` entities (one UTF-16 unit each), decoded. */
export function unrtf(path, scratch) {
  const conf = ["/usr/share/unrtf/text.conf", "/usr/local/share/unrtf/text.conf"].find((p) => existsSync(p));
  assert.ok(conf, "unrtf's text.conf (scripts/setup installs unrtf)");
  const dir = mkdtempSync(join(scratch, "unrtf-"));
  writeFileSync(join(dir, "text.conf"), `${readFileSync(conf, "utf8")}\nunisymbol_print\n\t&#%;\n`);
  const out = execFileSync("unrtf", ["-P", dir, "--text", path], { encoding: "utf8" });
  // Each entity is one UTF-16 unit (RTF's signed 16-bit `\uN`): a pair makes one character.
  return out.replace(/(?:&#-?\d+;)+/g, (run) =>
    String.fromCharCode(...[...run.matchAll(/&#(-?\d+);/g)].map((m) => (Number(m[1]) + 0x10000) % 0x10000)),
  );
}


/**
 * Text read back from a PDF or a document, with direction marks and isolates dropped, and
 * Arabic as pdftotext writes it: NFKC first, since Firefox's PDF carries Arabic as
 * presentation forms (one glyph per shape); without short vowels; and the lam-alef ligature
 * read back as alef-lam (applied to both sides of a comparison).
 */
export const flat = (text) =>
  text
    .normalize("NFKC")
    .replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ")
    .replace(/[\u064b-\u0652]/g, "")
    .replaceAll("\u0644\u0627", "\u0627\u0644");

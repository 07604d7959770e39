// pkg/ as an integrator uses it (issue 17, item 1): imported as an ES module in Node, started
// through initSync with the wasm's bytes, its reports plain objects (serde-wasm-bindgen's
// JSON-compatible serializer), and its TypeScript declarations typed, checked with tsc.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as h from "./helpers.mjs";

const pkg = join(h.ROOT, "pkg");
const api = await import(join(pkg, "assurance_check.js"));
api.initSync({ module: readFileSync(join(pkg, "assurance_check_bg.wasm")) });

/** Only plain objects, arrays, strings and null: what JSON.parse would have made. */
function plain(value, at = "report") {
  if (value === null || typeof value === "string") return;
  if (Array.isArray(value)) return value.forEach((v, i) => plain(v, `${at}[${i}]`));
  assert.equal(Object.getPrototypeOf(value), Object.prototype, `${at} is a plain object`);
  for (const [k, v] of Object.entries(value)) {
    assert.notEqual(v, undefined, `${at}.${k} is undefined`);
    plain(v, `${at}.${k}`);
  }
}

test("evaluate and questions return plain, JSON-shaped objects, as RULES.md says", async () => {
  for (const { file, answers, verdict } of await h.scenarios()) {
    const report = api.evaluate({ format: "assurance-check/answers", version: 1, answers });
    assert.equal(report.verdict, verdict, file);
    plain(report);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report, `${file}: survives JSON`);
  }
  for (const lang of ["en", "fr", "es", "ar"]) {
    const q = api.questions(lang);
    assert.equal(q.lang, lang);
    plain(q, "questionnaire");
    assert.ok(q.sections.every((s) => s.questions.every((x) => x.shown_when === null || typeof x.shown_when === "object")));
  }
  assert.throws(() => api.evaluate({ format: "assurance-check/answers", version: 2, answers: {} }), /version/);
});

test("the declarations are typed: a strict TypeScript integrator compiles, and its mistakes do not", () => {
  const dts = readFileSync(join(pkg, "assurance_check.d.ts"), "utf8");
  assert.match(dts, /export function evaluate\(answers: AnswersFile, lang_tag\?: string \| null\): Report;/);
  assert.match(dts, /export function questions\(lang_tag\?: string \| null\): Questionnaire;/);
  assert.match(dts, /export interface Report \{/);
  const tsc = join(h.ROOT, "node_modules", "typescript", "bin", "tsc");
  const args = ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom"];
  // Passes, @ts-expect-error lines included: each one is an error, as it must be.
  execFileSync(process.execPath, [tsc, ...args, join(h.ROOT, "tests", "e2e", "integrator.ts")], { stdio: "pipe" });
});

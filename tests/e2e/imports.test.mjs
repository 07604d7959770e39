// scripts/wasm-imports.mjs renames the wasm's imports and exports and the glue's names together. The
// renamed pair must behave exactly like wasm-pack's pair: both are instantiated here, in
// Node (no DOM needed for `evaluate` and `questions`), and asked the same questions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { shortenImports } from "../../scripts/wasm-imports.mjs";
import { ROOT } from "./helpers.mjs";

const wasm = readFileSync(join(ROOT, "pkg", "assurance_check_bg.wasm"));
const glue = readFileSync(join(ROOT, "pkg", "assurance_check.js"), "utf8");

function importNames(bytes) {
  return WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => `${i.module} ${i.name}`);
}

async function load(moduleText, bytes) {
  const dir = mkdtempSync(join(tmpdir(), "ac-imports-"));
  const file = join(dir, "glue.mjs");
  // The glue imports its module snippets (www/vault.js) from beside it, in pkg/.
  const snippets = pathToFileURL(join(ROOT, "pkg", "snippets")).href;
  writeFileSync(file, moduleText.replaceAll("from './snippets/", `from '${snippets}/`));
  const m = await import(pathToFileURL(file).href);
  await m.default({ module_or_path: bytes });
  return m;
}

test("every import and export gets a short name, in the wasm and in the glue alike", () => {
  const short = shortenImports(wasm, glue);
  const before = importNames(wasm);
  const after = importNames(short.wasm);
  assert.equal(after.length, before.length);
  assert.ok(after.every((n) => /^\$ \$[0-9a-z]+$/.test(n)), after.find((n) => !n.startsWith("$ $")));
  assert.equal(new Set(after).size, after.length, "names are distinct");
  for (const long of short.renamed.keys()) assert.ok(!short.glue.includes(long), `${long} left in the glue`);
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(short.wasm)).map((e) => e.name);
  assert.equal(exported.length, WebAssembly.Module.exports(new WebAssembly.Module(wasm)).length);
  assert.ok(exported.every((n) => /^_[0-9a-z]+$/.test(n)), exported.join(" "));
  assert.doesNotMatch(short.glue, /\bwasm\.__wbindgen/, "the glue reads the short export names");
  assert.ok(short.wasm.length < wasm.length - 2000, "the names were the long ones");
});

test("the renamed pair evaluates and lists questions exactly as wasm-pack's pair", async () => {
  const short = shortenImports(wasm, glue);
  const original = await load(glue, wasm);
  const renamed = await load(short.glue, short.wasm);
  const file = {
    format: "assurance-check/answers",
    version: 1,
    answers: { systematic_torture: "unknown", group_targeted: "yes", person_in_group: "yes" },
    notes: { group_targeted: "Report of the Special Rapporteur, 2024" },
  };
  for (const lang of ["en", "fr", "es", "ar"]) {
    assert.deepEqual(renamed.evaluate(file, lang), original.evaluate(file, lang));
    assert.deepEqual(renamed.questions(lang), original.questions(lang));
  }
  assert.throws(() => renamed.evaluate({ format: "x" }), (e) => {
    assert.throws(() => original.evaluate({ format: "x" }), { message: e.message });
    return e instanceof Error;
  });
});

test("a glue that reads an export the wasm lacks is refused", () => {
  // dist/'s wasm is built without the JS API (feature js-api), so no export is ever removed
  // from a wasm whose glue still reads it.
  const stale = `${glue}\nwasm.evaluate_v2();\n`;
  assert.throws(() => shortenImports(wasm, stale), /wasm\.evaluate_v2, which the wasm does not export/);
});

// What the bundle assumes about wasm-bindgen's output (scripts/wasm-glue.mjs) holds for the
// glue of this build, in pkg/ and in the widget's build; and a glue that breaks an assumption,
// as a wasm-bindgen upgrade might, is refused with a message that names it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ASSUMPTIONS, brokenAssumptions, EXPORT_LIST } from "../../scripts/wasm-glue.mjs";
import { ROOT } from "./helpers.mjs";

const glues = ["pkg/assurance_check.js", "target/widget/assurance_check.js"].map((p) => [p, readFileSync(join(ROOT, p), "utf8")]);

test("every assumption about wasm-bindgen's glue holds for this build", () => {
  assert.ok(ASSUMPTIONS.length >= 5);
  for (const [path, glue] of glues) assert.deepEqual(brokenAssumptions(glue), [], path);
});

test("a changed glue is refused with a message naming the broken assumption", () => {
  const glue = glues[1][1];
  const changes = [
    ["export list", glue.replace(EXPORT_LIST, "export { initSync };\nexport default __wbg_init;"), /export \{ initSync, __wbg_init as default \}/],
    ["initSync", glue.replace("module instanceof WebAssembly.Module", "module instanceof Object"), /initSync/],
    ["import module", glue.split('"./assurance_check_bg.js"').join('"./other.js"'), /imports the glue's functions/],
    ["exports read", glue.replace(/\bwasm\.mount\(/, "wasm['mount']("), /wasm\.NAME/],
    ["fetch", glue.replace("function initSync(module) {", "function initSync(module) { fetch(module);"), /fetch\(/],
  ];
  for (const [what, changed] of changes) {
    const broken = brokenAssumptions(changed);
    assert.equal(broken.length >= 1, true, `${what}: not detected`);
    assert.match(broken.join("\n"), /^wasm-bindgen's glue changed: expected /, what);
    assert.match(broken.join("\n"), changes.find((c) => c[0] === what)[2], what);
  }
});

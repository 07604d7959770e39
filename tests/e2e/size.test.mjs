// Size of the two shipped artifacts, gzipped at level 9 (deterministic: same build, same
// bytes), against the budgets: 72 KB for dist/assurance-check.js and 100 KB for each one-file
// page, dist/assurance-check{,.fr,.es,.ar}.html, each with all four languages in its script
// and its own language's static questionnaire (issues 8, 17 and 19; KB = 1024 bytes).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { bundledWasm, bundlePayload, ROOT } from "./helpers.mjs";

const KB = 1024;
const ARTIFACTS = [
  { file: "dist/assurance-check.js", budget: 72 * KB },
  ...["", ".fr", ".es", ".ar"].map((lang) => ({ file: `dist/assurance-check${lang}.html`, budget: 100 * KB })),
];

/** What the static widget (issue 19) costs a page: its size gzipped, less the same page
 * with an empty <assurance-check>. */
function staticCost(text) {
  const without = text.replace(/<template shadowrootmode="open">[\s\S]*?<\/template>/, "");
  return gzipSync(text, { level: 9 }).length - gzipSync(without, { level: 9 }).length;
}

for (const { file, budget } of ARTIFACTS) {
  test(`${file} is at most ${budget / KB} KB gzipped`, () => {
    const bytes = readFileSync(join(ROOT, file));
    const size = gzipSync(bytes, { level: 9 }).length;
    console.log(
      `${file}: ${bytes.length} bytes, ${size} gzipped (${(size / KB).toFixed(1)} KB); ` +
        `budget ${budget / KB} KB, ${((budget - size) / KB).toFixed(1)} KB to spare` +
        (file.endsWith(".html") ? `; the static widget ${(staticCost(bytes.toString("utf8")) / KB).toFixed(1)} KB of it` : ""),
    );
    assert.ok(size <= budget, `${file} is ${size} bytes gzipped, over its budget of ${budget}`);
  });
}

test("the wasm inside the script is packed, not raw", () => {
  const packed = bundlePayload();
  assert.ok(packed, "the wasm base64 string is present");
  // A raw wasm module starts with "\0asm"; the packed one must not.
  assert.notDeepEqual([...packed.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
});

const exportsOf = async (bytes) => WebAssembly.Module.exports(await WebAssembly.compile(bytes));
const kinds = (list) => list.map((e) => e.kind).sort();

test("dist/ carries only the widget: its wasm lacks the JS API exports that pkg/ keeps", async () => {
  const pkgWasm = readFileSync(join(ROOT, "pkg/assurance_check_bg.wasm"));
  const distWasm = bundledWasm();
  const pkg = await exportsOf(pkgWasm);
  const dist = await exportsOf(distWasm);
  for (const name of ["evaluate", "questions", "mount"]) {
    assert.ok(pkg.some((e) => e.name === name), `pkg/ exports ${name}`);
  }
  // dist/'s wasm is built without the feature js-api (scripts/build), and its export names are
  // shortened (scripts/wasm-imports.mjs), so compare what is exported: everything pkg/ exports
  // (mount, unmount, memory, allocator, tables, start) but the two.
  assert.ok(dist.every((e) => /^_[0-9a-z]+$/.test(e.name)), dist.map((e) => e.name).join(" "));
  const widget = pkg.filter((e) => e.name !== "evaluate" && e.name !== "questions");
  assert.equal(widget.length, pkg.length - 2);
  assert.deepEqual(kinds(dist), kinds(widget));
  // And the code only they reached is gone too.
  assert.ok(distWasm.length < pkgWasm.length - 4096, `${distWasm.length} bytes, pkg/ ${pkgWasm.length}`);
});

// Bundles the wasm-pack output into the two self-contained artifacts:
//   dist/assurance-check.js    the glue, the element shim and the wasm as base64 (one module)
//   dist/assurance-check.html  www/index.html with that module inline and its own strict CSP
// Prints the SRI hash of the script and the CSP hashes. Deterministic: same input, same bytes.
// AC_PKG and AC_DIST (paths under the repository) replace pkg/ and dist/: the trap test
// (tests/e2e/trap.test.mjs) bundles its test-only build into target/trap/ with them.
//
// dist/ carries only the widget: its wasm is pkg's without the JS API exports (`evaluate`,
// `questions`; RULES.md, kept in pkg/ for npm-style users) and without the code only they
// reach, with short import names (scripts/wasm-imports.mjs), packed with LZMA (www/lzma.js
// unpacks it); the glue, the decoder and the shim are minified with terser.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import binaryen from "binaryen";
import { minify } from "terser";
import { packLzma } from "./lzma-pack.mjs";
import { shortenImports } from "./wasm-imports.mjs";
import { unlzma } from "../www/lzma.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (p) => readFileSync(join(root, p), "utf8");
const PKG = process.env.AC_PKG || "pkg";
const DIST = process.env.AC_DIST || "dist";
const hash = (algo, text) => `${algo}-${createHash(algo).update(text, "utf8").digest("base64")}`;

function fail(message) {
  console.error(`bundle: ${message}`);
  process.exit(1);
}

// ---- The wasm: pkg's, without the JS API ------------------------------------------------

// The wasm exports that only the JS API uses (src/wasm.rs). Nothing in dist/ calls them: the
// glue's wrappers are plain declarations there, unused, and terser drops them.
const JS_API = ["evaluate", "questions"];

// Exactly the features scripts/build gives wasm-opt, that is those rustc emits. All features
// would let binaryen use encodings that browsers refuse. wasm-opt's --enable-bulk-memory also
// enables bulk-memory-opt, and --enable-reference-types call-indirect-overlong (its
// --print-features says so, even after --mvp-features); binaryen.js's setFeatures takes the
// bits as given, so the two are named here.
const FEATURES =
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt |
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.SignExt |
  binaryen.Features.ReferenceTypes |
  binaryen.Features.CallIndirectOverlong |
  binaryen.Features.Multivalue |
  binaryen.Features.MutableGlobals;

function exportNames(module) {
  const names = [];
  for (let i = 0; i < module.getNumExports(); i += 1) {
    names.push(binaryen.getExportInfo(module.getExportByIndex(i)).name);
  }
  return names;
}

/** pkg's wasm without the JS API exports, and without what only they reached (-Oz again). */
function widgetOnly(bytes) {
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(FEATURES);
    if (!module.validate()) fail(`${PKG}/assurance_check_bg.wasm does not validate with the build's features`);
    const before = exportNames(module);
    for (const name of [...JS_API, "mount"]) {
      if (!before.includes(name)) fail(`${PKG}/assurance_check_bg.wasm does not export ${name}`);
    }
    for (const name of JS_API) module.removeExport(name);
    binaryen.setOptimizeLevel(2); // -Oz: optimize level 2, shrink level 2
    binaryen.setShrinkLevel(2);
    binaryen.setDebugInfo(false);
    module.optimize();
    if (!module.validate()) fail("the wasm without the JS API does not validate");
    const after = exportNames(module);
    if (JS_API.some((name) => after.includes(name)) || !after.includes("mount")) {
      fail(`unexpected exports after removal: ${after.join(", ")}`);
    }
    return Buffer.from(module.emitBinary());
  } finally {
    module.dispose();
  }
}

const pkgWasm = readFileSync(join(root, PKG, "assurance_check_bg.wasm"));
// Short import and export names on both sides (scripts/wasm-imports.mjs): some 4 KB less.
const short = shortenImports(widgetOnly(pkgWasm), read(`${PKG}/assurance_check.js`), JS_API);
const wasmBytes = short.wasm;

// LZMA before base64: base64 of raw bytes still costs a third more after gzip, while base64
// of compressed bytes gzips back to about their own size. LZMA (xz) packs the wasm some 16%
// smaller than deflate (about 12 KB); www/lzma.js unpacks it in the shim.
const packed = packLzma(wasmBytes);
if (!Buffer.from(unlzma(packed)).equals(Buffer.from(wasmBytes))) fail("the packed wasm does not unpack");
const wasm = packed.toString("base64");

// ---- The script: the glue and the shim, minified ------------------------------------------

// The glue is an ES module; in one inline module its exports are plain declarations.
function unexport(glue) {
  return glue
    .replace(/^export (async function|function|class|const|let) /gm, "$1 ")
    .replace(/^export \{[^}]*\};?\s*$/gm, "")
    .replace(/^export default [^;]+;\s*$/gm, "");
}

// The glue's default init path fetches the wasm when given a URL or a Request. The bundle
// always passes the bytes, so that path is dead; make it throw instead (tests/supply_chain.rs
// requires that no `fetch(` ships).
const FETCH_PATH = "module_or_path = fetch(module_or_path);";
const raw = short.glue;
if (raw.split(FETCH_PATH).length !== 2) fail("the glue's fetch path changed; update bundle.mjs");
const glue = unexport(
  raw.replace(FETCH_PATH, () => 'throw new Error("assurance-check: the wasm is embedded; nothing is fetched");'),
);
if (glue.includes("fetch(")) fail("the glue still calls fetch");
if (/\bexport\b\s/m.test(glue.replace(/\/\/.*$/gm, "").replace(/"[^"\n]*"|'[^'\n]*'/g, ""))) {
  fail("an export is left in the glue; update unexport()");
}
if (glue.includes("eval(") || glue.includes("new Function")) fail("the glue uses eval");

// The wasm's declaration stays out of the minifier, first in the script and spelled as in
// element.js: `const WASM_BASE64 = "…";` is where tests (size, trap, offline) find the wasm,
// and a 100 KB string has nothing to minify. To terser the name is then a global, which it
// neither renames nor inlines.
const DECLARATION = 'const WASM_BASE64 = "__WASM_BASE64__";\n';
const element = read("www/element.js");
if (element.split(DECLARATION).length !== 2) fail(`www/element.js must declare ${DECLARATION.trim()} once`);
const shim = element.replace(DECLARATION, "");
const decoder = read("www/lzma.js").replace(/^export function /m, "function ");

// Module mode: strict, top-level names are local and may be renamed or dropped (the unused
// JS API wrappers, initSync). terser is deterministic: same input, same output.
const minified = await minify(`${glue.trim()}\n\n${decoder}\n${shim}`, {
  module: true,
  ecma: 2020,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
});
const code = minified.code;
if (typeof code !== "string" || code.length === 0) fail("terser produced nothing");
if (!/\bWASM_BASE64\b/.test(code)) fail("the minified shim no longer reads WASM_BASE64");
if (code.includes("fetch(")) fail("the minified script calls fetch");
if (code.includes("eval(") || /new\s*Function\b/.test(code)) fail("the minified script uses eval");
if (/(^|[;}])\s*(export|import)\b/.test(code)) fail("the minified script imports or exports");

const script = `${DECLARATION.replace('"__WASM_BASE64__"', () => `"${wasm}"`)}${code}`;
if (script.includes('"__WASM_BASE64__"')) fail("the wasm placeholder was not replaced");
if (/<\/script/i.test(script)) fail("the script contains </script");

// ---- The page ---------------------------------------------------------------------------

const page = read("www/index.html");
const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash("sha256", m[1]));
const csp = [
  "default-src 'none'",
  `script-src '${hash("sha256", script)}' 'wasm-unsafe-eval'`,
  ...(styles.length ? [`style-src ${styles.map((h) => `'${h}'`).join(" ")}`] : []),
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

for (const marker of ["<!-- assurance-check:csp -->", "<!-- assurance-check:script -->"]) {
  if (!page.includes(marker)) fail(`www/index.html lacks ${marker}`);
}
const html = page
  .replace("<!-- assurance-check:csp -->", `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace("<!-- assurance-check:script -->", () => `<script type="module">${script}</script>`);

mkdirSync(join(root, DIST), { recursive: true });
writeFileSync(join(root, DIST, "assurance-check.js"), script);
writeFileSync(join(root, DIST, "assurance-check.html"), html);
console.log(`bundle: wasm ${pkgWasm.length} bytes in ${PKG}/, ${wasmBytes.length} without ${JS_API.join(" and ")}`);
console.log(`bundle: ${DIST}/assurance-check.js   integrity="${hash("sha384", script)}"`);
console.log(`bundle: ${DIST}/assurance-check.html ${Math.round(html.length / 1024)} KB, CSP: ${csp}`);

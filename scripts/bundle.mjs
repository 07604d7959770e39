// Bundles the wasm-pack output into the two self-contained artifacts:
//   dist/assurance-check.js    the glue, the element shim and the wasm as base64 (one module)
//   dist/assurance-check.html  www/index.html with that module inline and its own strict CSP
// Prints the SRI hash of the script and the CSP hashes. Deterministic: same input, same bytes.
// AC_PKG and AC_DIST (paths under the repository) replace pkg/ and dist/: the trap test
// (tests/e2e/trap.test.mjs) bundles its test-only build into target/trap/ with them.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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
const raw = read(`${PKG}/assurance_check.js`);
if (raw.split(FETCH_PATH).length !== 2) fail("the glue's fetch path changed; update bundle.mjs");
// Short import names on both sides (scripts/wasm-imports.mjs): some 4 KB less.
const short = shortenImports(readFileSync(join(root, PKG, "assurance_check_bg.wasm")), raw);
const glue = unexport(
  short.glue.replace(FETCH_PATH, () => 'throw new Error("assurance-check: the wasm is embedded; nothing is fetched");'),
);
if (glue.includes("fetch(")) fail("the glue still calls fetch");
if (/\bexport\b\s/m.test(glue.replace(/\/\/.*$/gm, "").replace(/"[^"\n]*"|'[^'\n]*'/g, ""))) {
  fail("an export is left in the glue; update unexport()");
}
if (glue.includes("eval(") || glue.includes("new Function")) fail("the glue uses eval");

// LZMA before base64: base64 of raw bytes still costs a third more after gzip, while base64
// of compressed bytes gzips back to about their own size. LZMA (xz) packs the wasm some 16%
// smaller than deflate (about 12 KB); www/lzma.js decodes it in the shim.
const wasmBytes = short.wasm;
const packed = packLzma(wasmBytes);
if (!Buffer.from(unlzma(packed)).equals(Buffer.from(wasmBytes))) fail("the packed wasm does not unpack");
const wasm = packed.toString("base64");
const decoder = read("www/lzma.js").replace(/^export function /m, "function ");
const shim = read("www/element.js").replace('"__WASM_BASE64__"', () => `"${wasm}"`);
if (shim.includes('"__WASM_BASE64__"')) fail("the wasm placeholder was not replaced");
const script = `${glue.trim()}\n\n${decoder}\n${shim}`;
if (/<\/script/i.test(script)) fail("the script contains </script");

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
console.log(`bundle: ${DIST}/assurance-check.js   integrity="${hash("sha384", script)}"`);
console.log(`bundle: ${DIST}/assurance-check.html ${Math.round(html.length / 1024)} KB, CSP: ${csp}`);

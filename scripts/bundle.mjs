// Bundles the widget's wasm-pack output into the self-contained artifacts:
//   dist/assurance-check.js    the glue, the element shim and the wasm as base64 (one module),
//                              from the custom element's build (target/widget/)
//   dist/assurance-check.html  the one-file page in English, and .fr.html, .es.html, .ar.html:
//                              each the native CLI's `page --part page --lang L` (www/index.html
//                              in L, with the static questionnaire inside <assurance-check>),
//                              with the same module made from the pages' build (target/page/,
//                              feature `page`) and www/page.js inline, and its own strict CSP
// Prints the SRI hash of the script and the CSP hashes. Deterministic: same input, same bytes.
// AC_CLI is the native CLI (target/debug/assurance-check, built by scripts/build).
// AC_PKG (the custom element's build, target/widget/), AC_PAGE_PKG (the pages' build,
// target/page/; AC_PKG when only that is set) and AC_DIST (dist/) are paths under the
// repository: the trap test (tests/e2e/trap.test.mjs) bundles its test-only build into
// target/trap/ with them.
//
// dist/ carries only the widget: scripts/build compiles it without the JS API (feature
// js-api, pkg/ only). Its import names are shortened (scripts/wasm-imports.mjs), the wasm is
// packed with LZMA (www/lzma.js unpacks it), and the glue, the decoder and the shim are
// minified with terser. What this relies on in wasm-bindgen's output is listed, and checked,
// in scripts/wasm-glue.mjs.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { packLzma } from "./lzma-pack.mjs";
import { brokenAssumptions, EXPORT_LIST, SNIPPET_IMPORT } from "./wasm-glue.mjs";
import { shortenImports } from "./wasm-imports.mjs";
import { unlzma } from "../www/lzma.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (p) => readFileSync(join(root, p), "utf8");
const PKG = process.env.AC_PKG || "target/widget";
const PAGE_PKG = process.env.AC_PAGE_PKG || (process.env.AC_PKG ? PKG : "target/page");
const DIST = process.env.AC_DIST || "dist";
const hash = (algo, text) => `${algo}-${createHash(algo).update(text, "utf8").digest("base64")}`;

function fail(message) {
  console.error(`bundle: ${message}`);
  process.exit(1);
}

// ---- The scripts: the wasm, the glue and the shim -----------------------------------------

// The wasm's declaration stays out of the minifier, first in the script and spelled as in
// element.js: `const WASM_BASE64 = "…";` is where tests (size, trap, offline) find the wasm,
// and a 100 KB string has nothing to minify. To terser the name is then a global, which it
// neither renames nor inlines.
const DECLARATION = 'const WASM_BASE64 = "__WASM_BASE64__";\n';
const element = read("www/element.js");
if (element.split(DECLARATION).length !== 2) fail(`www/element.js must declare ${DECLARATION.trim()} once`);
const shim = element.replace(DECLARATION, "");
// The one-file pages' additions (www/page.js: the static widget's takeover, theme messages)
// go into the pages' script only, before the element is defined: defining it upgrades the
// page's <assurance-check> at once, and that must already find them.
const DEFINE = "// Idempotent: a page saved as rendered";
if (shim.split(DEFINE).length !== 2) fail(`www/element.js must hold "${DEFINE}" once`);
const pageShim = shim.replace(DEFINE, () => `${read("www/page.js")}\n${DEFINE}`);
const decoder = read("www/lzma.js").replace(/^export function /m, "function ");

// The glue is an ES module; in one inline module its exports are plain declarations
// (scripts/wasm-glue.mjs lists the forms this expects, checked below).
function unexport(glue) {
  return glue.replace(/^export (async function|function|class|const|let) /gm, "$1 ").replace(EXPORT_LIST, "");
}

// The glue's module snippets (the pages' www/vault.js, from `#[wasm_bindgen(module)]`) go
// into the same module in place of their imports, unexported: module-scoped, never globals.
function inlineSnippets(glue, pkg) {
  return glue.replace(SNIPPET_IMPORT, (_, names, path) => {
    const snippet = unexport(read(`${pkg}/${path}`));
    for (const name of names.split(", ")) {
      if (!new RegExp(`^(async function|function|const) ${name}\\b`, "m").test(snippet)) fail(`${pkg}/${path} does not declare ${name}`);
    }
    return snippet;
  });
}

/** One script from one wasm-pack build: its wasm packed and embedded, its glue, the decoder
 * and the shim minified. */
async function bundleScript(pkg, shim) {
  const pkgGlue = read(`${pkg}/assurance_check.js`);
  const broken = brokenAssumptions(pkgGlue);
  if (broken.length) fail(`${pkg}: ${broken.join("\n")}`);
  const pkgWasm = readFileSync(join(root, pkg, "assurance_check_bg.wasm"));
  // Short import and export names on both sides (scripts/wasm-imports.mjs): some 4 KB less.
  const short = shortenImports(pkgWasm, pkgGlue);
  const wasmBytes = short.wasm;

  // LZMA before base64: base64 of raw bytes still costs a third more after gzip, while base64
  // of compressed bytes gzips back to about their own size. LZMA (xz) packs the wasm some 16%
  // smaller than deflate (about 12 KB); www/lzma.js unpacks it in the shim.
  const packed = packLzma(wasmBytes);
  if (!Buffer.from(unlzma(packed)).equals(Buffer.from(wasmBytes))) fail(`${pkg}: the packed wasm does not unpack`);
  const wasm = packed.toString("base64");

  const glue = unexport(inlineSnippets(short.glue, pkg));
  if (/\bexport\b\s/m.test(glue.replace(/\/\/.*$/gm, "").replace(/"[^"\n]*"|'[^'\n]*'/g, ""))) {
    fail("an export is left in the glue; update unexport()");
  }
  if (glue.includes("eval(") || glue.includes("new Function")) fail("the glue uses eval");

  // Module mode: strict, top-level names are local and may be renamed or dropped (__wbg_init
  // and its fetch path: the shim boots through initSync). terser is deterministic: same input,
  // same output.
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
  console.log(`bundle: wasm ${pkgWasm.length} bytes in ${pkg}/, ${wasmBytes.length} with short names`);
  return script;
}

// Two builds of one widget (README): the custom-element script from target/widget/, the
// pages' script from target/page/ (feature `page`) with www/page.js. A redirected AC_PKG (the
// trap test's build, which has every feature) serves both.
const script = await bundleScript(PKG, shim);
const pageScript = await bundleScript(PAGE_PKG, pageShim);

// ---- The pages, one per language -----------------------------------------------------------

const CLI = join(root, process.env.AC_CLI || "target/debug/assurance-check");
const LANGS = [
  ["en", "assurance-check.html"],
  ["fr", "assurance-check.fr.html"],
  ["es", "assurance-check.es.html"],
  ["ar", "assurance-check.ar.html"],
];

// Every <style> is hashed, the generated ones inside the widget's declarative shadow root
// too: no 'unsafe-inline'.
function bundlePage(page) {
  for (const marker of ["<!-- assurance-check:csp -->", "<!-- assurance-check:script -->"]) {
    if (page.split(marker).length !== 2) fail(`the page must carry ${marker} once`);
  }
  if (/\sstyle\s*=/i.test(page)) fail("the page has a style attribute, which the CSP refuses");
  const styles = [...new Set([...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash("sha256", m[1])))];
  const csp = [
    "default-src 'none'",
    `script-src '${hash("sha256", pageScript)}' 'wasm-unsafe-eval'`,
    ...(styles.length ? [`style-src ${styles.map((h) => `'${h}'`).join(" ")}`] : []),
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  const html = page
    .replace("<!-- assurance-check:csp -->", `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace("<!-- assurance-check:script -->", () => `<script type="module">${pageScript}</script>`);
  return { html, csp };
}

mkdirSync(join(root, DIST), { recursive: true });
writeFileSync(join(root, DIST, "assurance-check.js"), script);
console.log(`bundle: ${DIST}/assurance-check.js   integrity="${hash("sha384", script)}"`);
for (const [lang, file] of LANGS) {
  let page;
  try {
    page = execFileSync(CLI, ["page", "--part", "page", "--lang", lang], { encoding: "utf8", maxBuffer: 1 << 26 });
  } catch (error) {
    fail(`${CLI} page --part page --lang ${lang}: ${error.message}`);
  }
  const { html, csp } = bundlePage(page);
  writeFileSync(join(root, DIST, file), html);
  console.log(`bundle: ${DIST}/${file} ${Math.round(html.length / 1024)} KB, CSP: ${csp}`);
}

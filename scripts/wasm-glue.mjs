// Every assumption the bundle makes about wasm-bindgen's generated glue and wasm, in one
// place. scripts/bundle.mjs checks them before it bundles, and tests/e2e/glue.test.mjs checks
// them on pkg/, so that a wasm-bindgen upgrade that breaks one fails with a message naming it.
// Nothing here edits the glue: scripts/bundle.mjs does that (unexport) and
// scripts/wasm-imports.mjs (names), each relying only on what is listed here.

/** The module name under which the wasm imports the glue's functions. */
export const IMPORT_MODULE = "./assurance_check_bg.js";

/** The glue's one export list. */
export const EXPORT_LIST = "export { initSync, __wbg_init as default };";

/** A `#[wasm_bindgen(module = "/www/…")]` import (the pages' www/vault.js): one line each. */
export const SNIPPET_IMPORT = /^import \{ ([\w$]+(?:, [\w$]+)*) \} from '\.\/(snippets\/[\w./-]+\.js)';$/gm;

export const ASSUMPTIONS = [
  {
    what: "the glue is an ES module whose exports are `export function|class|const|let NAME` declarations and one `export { initSync, __wbg_init as default };`",
    why: "bundle.mjs turns them into plain declarations (unexport), so that one inline module holds the glue and terser drops what is unused",
    holds: (glue) => {
      const exports = glue.split("\n").filter((line) => /^export\b/.test(line));
      return (
        exports.some((line) => line.startsWith("export function mount(")) &&
        exports.filter((line) => line === EXPORT_LIST).length === 1 &&
        exports.every((line) => line === EXPORT_LIST || /^export (async function|function|class|const|let) [\w$]+/.test(line))
      );
    },
  },
  {
    what: "`initSync({ module })` accepts a compiled `WebAssembly.Module` and instantiates it without fetching",
    why: "element.js compiles the unpacked bytes with WebAssembly.compile and boots through initSync; the fetch path in __wbg_init is then unused, and terser drops it",
    holds: (glue) => {
      const body = glue.slice(glue.indexOf("function initSync("), glue.indexOf("async function __wbg_init("));
      return /module instanceof WebAssembly\.Module/.test(body) && !body.includes("fetch(") && /\(\{\s*module\s*\}\s*=\s*module\)/.test(body);
    },
  },
  {
    what: `the wasm imports the glue's functions from the module "${IMPORT_MODULE}", and the glue names each import exactly once`,
    why: "wasm-imports.mjs renames each import on both sides",
    holds: (glue) => glue.includes(`"${IMPORT_MODULE}"`) && glue.split(`"${IMPORT_MODULE}"`).length === 2,
  },
  {
    what: "the glue reads the wasm's exports as `wasm.NAME`, and nowhere else",
    why: "wasm-imports.mjs renames each export on both sides",
    holds: (glue) => /\bwasm\.mount\(/.test(glue) && !/\bwasm\[/.test(glue),
  },
  {
    what: "`fetch(` appears once, in __wbg_init_once, which only __wbg_init reaches",
    why: "no network call may ship (tests/supply_chain.rs); terser drops it, since the bundle never calls __wbg_init",
    holds: (glue) => {
      const once = glue.indexOf("async function __wbg_init_once(");
      return once > 0 && glue.split("fetch(").length === 2 && glue.indexOf("fetch(") > once && glue.split("__wbg_init_once(").length === 3;
    },
  },
  {
    what: "the glue imports nothing but its module snippets, each as `import { a, b } from './snippets/…';` on one line, without renaming",
    why: "bundle.mjs inlines each snippet (www/vault.js) into the one module, its functions as plain declarations",
    holds: (glue) => glue.split("\n").filter((line) => /^import\b/.test(line)).every((line) => new RegExp(SNIPPET_IMPORT.source).test(line)),
  },
];

/** The assumptions that no longer hold for this glue, as messages. */
export function brokenAssumptions(glue) {
  return ASSUMPTIONS.filter((a) => !a.holds(glue)).map(
    (a) => `wasm-bindgen's glue changed: expected ${a.what} (${a.why}); update scripts/wasm-glue.mjs and what relies on it`,
  );
}

// Offline: the built artifacts are self-contained and carry their own strict CSP, and each of
// the four one-file pages (one per language, issue 19) works from file:// in Chromium with
// every network request refused, then again after being saved as rendered and reopened.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as h from "./helpers.mjs";

const sha = (algo, text) => `${algo}-${createHash(algo).update(text, "utf8").digest("base64")}`;
const PAGES = ["assurance-check.html", "assurance-check.fr.html", "assurance-check.es.html", "assurance-check.ar.html"];
const pages = PAGES.map((file) => [file, readFileSync(join(h.DIST, file), "utf8")]);
const js = readFileSync(join(h.DIST, "assurance-check.js"), "utf8");
const glue = readFileSync(join(h.ROOT, "pkg", "assurance_check.js"), "utf8");

/** The CSP of the page, as a map from directive to its sources. */
function pageCsp(text) {
  const head = /<head>\s*(<[^>]*>)/.exec(text);
  assert.ok(head, "the page has a <head> with an element in it");
  const meta = /^<meta http-equiv="Content-Security-Policy" content="([^"]*)">$/.exec(head[1]);
  assert.ok(meta, `the first element of <head> is the CSP meta, found ${head[1].slice(0, 80)}`);
  return new Map(
    meta[1].split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const scripts = (text) => [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
const styles = (text) => [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);

// ---- The artifacts, read as files ------------------------------------------------------

test("the glue and the bundle contain no eval( and no new Function", () => {
  for (const [name, text] of [
    ["pkg/assurance_check.js", glue],
    ["dist/assurance-check.js", js],
    ...pages.map(([file, html]) => [`dist/${file}`, html]),
  ]) {
    assert.ok(!text.includes("eval("), `${name} contains eval(`);
    assert.ok(!/new\s+Function\b/.test(text), `${name} contains new Function`);
  }
});

// The pages carry the pages' build of the widget (feature `page`, README "Two builds of one
// widget"), the same script in every language; dist/assurance-check.js is the custom
// element's build. Both are checked alike.
const pageJs = scripts(pages[0][1])[0]?.[2] ?? "";

test("every page inlines the same script, the pages' build, and it is not the custom element's", () => {
  for (const [file, html] of pages) assert.equal(scripts(html)[0]?.[2], pageJs, `${file} inlines the pages' script`);
  assert.notEqual(pageJs, js, "the pages' build differs from dist/assurance-check.js");
  assert.ok(h.bundledWasm(join(h.DIST, "assurance-check.js")).length > 100_000, "the element's script embeds a wasm");
});

for (const [file, html] of pages) {
  test(`${file}: the page has one inline module script that loads nothing`, () => {
    const found = scripts(html);
    assert.equal(found.length, 1, "exactly one <script>");
    assert.equal(found[0][1].trim(), 'type="module"', "an inline module, no src");
  });
}

for (const [name, code] of [
  ["dist/assurance-check.js", js],
  ["the pages' inline script", pageJs],
]) {
  test(`${name}: the wasm travels inside it, compiled once from bytes`, () => {
    assert.match(code, /const WASM_BASE64 = "[A-Za-z0-9+/]{50000,}={0,2}";/, "the wasm travels as base64");
    assert.doesNotMatch(code, /\bimport\s*\(|^\s*import\s/m, "nothing is imported at run time");
    // The glue's fetching init path is not in the bundle: the shim compiles the unpacked bytes
    // and starts them through the glue's initSync({ module }) (scripts/wasm-glue.mjs).
    assert.doesNotMatch(code, /module_or_path/, "the glue's fetching init (__wbg_init) was dropped");
    assert.equal(code.match(/WebAssembly\.compile\(/g)?.length, 1, "the wasm is compiled once, from bytes");
    assert.equal(code.match(/\(\{\s*module\s*(:\s*[\w$]+\s*)?\}\)/g)?.length, 1, "and started once, through initSync({ module })");
  });
}

for (const [file, html] of pages) {
  test(`${file}: the page loads nothing: no src, no stylesheet link, no preload`, () => {
    assert.doesNotMatch(html, /\ssrc\s*=/i);
    assert.doesNotMatch(html, /<link\b/i);
    assert.doesNotMatch(html, /<(img|iframe|object|embed|video|audio|source)\b/i);
  });

  test(`${file}: the CSP meta is first in <head> with exactly the directives of the issue`, () => {
    const csp = pageCsp(html);
    const styleHashes = styles(html).map((s) => `'${sha("sha256", s)}'`);
    assert.ok(styleHashes.length >= 1, "the page has its own <style>");
    assert.deepEqual(
      Object.fromEntries(csp),
      {
        "default-src": ["'none'"],
        "script-src": [`'${sha("sha256", scripts(html)[0][2])}'`, "'wasm-unsafe-eval'"],
        "style-src": styleHashes,
        "connect-src": ["'none'"],
        "form-action": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
      },
      "directives, and hashes that match the script and every style",
    );
    for (const source of [...csp.values()].flat()) {
      assert.match(source, /^'(none|wasm-unsafe-eval|sha256-[A-Za-z0-9+/]{43}=)'$/, `no broad source: ${source}`);
    }
  });

  test(`${file}: no style attribute, which the style hashes would not allow`, () => {
    const body = html.replace(/<script\b[\s\S]*?<\/script>/g, "");
    assert.doesNotMatch(body, /\sstyle\s*=/i);
  });
}

// ---- Chromium, from file://, network refused -------------------------------------------

let browser;
let scratch;

before(async () => {
  browser = await h.launch();
  scratch = mkdtempSync(join(tmpdir(), "assurance-check-offline-"));
});

after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const cases = await h.scenarios();
const barred = cases.find((c) => c.file === "case_agiza_v_sweden_cat_2005.toml");
const undetermined = cases.find((c) => c.verdict === "undetermined");

/**
 * Opens a file:// URL in a fresh context that refuses every request but the document,
 * counts securitypolicyviolation events (init scripts run outside the page's CSP), and
 * waits for the widget.
 */
async function openFile(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  const refused = [];
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    refused.push(u);
    return route.abort();
  });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await page.locator(h.$.verdict).waitFor();
  return { context, page, requests, refused, errors };
}

for (const file of PAGES) {
  test(`${file}: from file:// with the network refused: a scenario by clicking, one request, no CSP violation`, async () => {
    assert.ok(barred, "the Agiza scenario exists");
    const url = pathToFileURL(join(h.DIST, file)).href;
    const { context, page, requests, refused, errors } = await openFile(url);
    try {
      assert.equal(await page.evaluate(() => location.protocol), "file:");
      await h.answerScenario(page, barred.answers);
      assert.equal((await h.readWidget(page)).verdict, barred.verdict);
      assert.equal(await page.locator(h.$.verdict).getAttribute("data-verdict"), barred.verdict);
      await page.waitForTimeout(300);
      assert.deepEqual(requests, [url], "the only request is the document itself");
      assert.deepEqual(refused, [], "nothing else was even asked for");
      assert.deepEqual(await page.evaluate(() => window.__violations), [], "no securitypolicyviolation");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${file}: saved as rendered, reopened from file://: exactly one widget, and it works`, async () => {
    const url = pathToFileURL(join(h.DIST, file)).href;
    const first = await openFile(url);
    let saved;
    try {
      await h.answer(first.page, "systematic_torture", "yes");
      saved = await first.page.content();
    } finally {
      await first.context.close();
    }
    // The save keeps the CSP first, the script and the element; the shadow root is not saved.
    assert.match(saved, /<head>\s*<meta http-equiv="Content-Security-Policy"/);
    const savedFile = join(scratch, `saved as rendered ${file}`);
    writeFileSync(savedFile, saved);
    const copy = pathToFileURL(savedFile).href;
    const { context, page, requests, refused, errors } = await openFile(copy);
    try {
      const census = await page.evaluate(() =>
        [...document.querySelectorAll("assurance-check")].map((e) => e.shadowRoot?.querySelectorAll(".ac").length),
      );
      assert.deepEqual(census, [1], "one <assurance-check> with one rendered widget");
      assert.equal((await h.readWidget(page)).verdict, "none", "a fresh widget, nothing answered");
      await h.answerScenario(page, undetermined.answers);
      assert.equal((await h.readWidget(page)).verdict, undetermined.verdict);
      assert.deepEqual(requests, [copy]);
      assert.deepEqual(refused, []);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

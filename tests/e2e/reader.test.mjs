// One reader for the page and the CLI (issue 16, item 8): each of the red team's files gets
// the same refusal, in the same words, or the same acceptance, from "Open answers" and from
// `assurance-check evaluate FILE`: a duplicate key, invalid UTF-8 ("François" in Latin-1), a
// lone surrogate, a BOM, UTF-16, and 1 MB files, valid and not. In both builds of the widget:
// the one-file page's (target/page/) and the custom element's (dist/assurance-check.js).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as h from "./helpers.mjs";

let browser;
let server;
before(async () => {
  browser = await h.launch();
  server = await h.serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const json = (answers, notes = {}) => JSON.stringify({ format: "assurance-check/answers", version: 1, answers, notes });
const utf8 = (text) => Buffer.from(text, "utf8");
const dir = join(h.ARTIFACTS, "reader");

/** The CLI's exit code and message on `bytes`. */
function cli(name, bytes) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const run = spawnSync("cargo", ["run", "--quiet", "--bin", "assurance-check", "--", "evaluate", file, "--format", "json"], {
    cwd: h.ROOT,
    encoding: "utf8",
  });
  return { status: run.status, message: run.stderr.trim().replace(/^assurance-check: /, "") };
}

/** What the widget says when `bytes` is opened: the alert, or the status if it opened. */
async function widget(page, name, bytes) {
  await page.evaluate(() => {
    const host = document.querySelector("assurance-check");
    host.shadowRoot.querySelector('[role="alert"]').textContent = "";
    host.querySelector('[role="status"]').textContent = "";
  });
  await page.locator('input[type="file"][data-action="open"]').setInputFiles({ name, mimeType: "application/json", buffer: bytes });
  await page.waitForFunction(() => {
    const host = document.querySelector("assurance-check");
    return host.shadowRoot.querySelector('[role="alert"]').textContent !== "" || host.querySelector('[role="status"]').textContent !== "";
  });
  return page.evaluate(() => {
    const host = document.querySelector("assurance-check");
    return { alert: host.shadowRoot.querySelector('[role="alert"]').textContent, status: host.querySelector('[role="status"]').textContent };
  });
}

/** The custom element alone, from dist/assurance-check.js, on a page of the same server. */
async function openElement() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === `${server.origin}/element.html`) {
      return route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: '<!doctype html><html lang="en"><meta charset="utf-8"><title>element</title><script type="module" src="assurance-check.js"></script><assurance-check lang="en"></assurance-check>',
      });
    }
    return url.startsWith(`${server.origin}/`) ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${server.origin}/element.html`);
  await page.locator("[data-verdict]").waitFor();
  return { context, page, errors };
}

const MODES = [
  ["the page", () => h.openWidget(browser, server)],
  ["the element", openElement],
];

const refusal = (message) => `The file could not be opened. ${message} Your current answers are unchanged.`;

const latin1 = Buffer.concat([utf8(json({ systematic_torture: "yes" }, { systematic_torture: "Fran" }).slice(0, -3)), Buffer.from([0xe7]), utf8('ois"}}')]);
const padding = (bytes) => " ".repeat(1024 * 1024 - bytes);
const valid = json({ personal_risk: "no" }, { personal_risk: "François ".repeat(9000) });
const big = utf8(valid + padding(utf8(valid).length));
const bigBad = Buffer.concat([utf8(valid.slice(0, -3)), Buffer.alloc(1024 * 1024 - valid.length, 0xff), utf8('"}}')]);

const FILES = [
  { name: "duplicate.json", bytes: utf8(json({ systematic_torture: "yes" }).replace('"answers":{', '"answers":{"systematic_torture":"no",')) },
  { name: "latin1.json", bytes: latin1 },
  { name: "bom.json", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(json({ personal_risk: "yes" }))]) },
  { name: "utf16.json", bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json({ personal_risk: "yes" }), "utf16le")]) },
  { name: "big-invalid.json", bytes: bigBad },
  // A surrogate encoded as UTF-8 bytes (CESU-8), which UTF-8 forbids.
  { name: "encoded-surrogate.json", bytes: Buffer.concat([latin1.subarray(0, latin1.indexOf(0xe7)), Buffer.from([0xed, 0xa0, 0x80]), utf8('ois"}}')]) },
];

for (const [mode, open] of MODES) {
  test(`${mode}: refuses what the CLI refuses, in the same words`, async () => {
    const { context, page, errors } = await open();
    try {
      await h.answer(page, "onward_transfer", "yes");
      for (const { name, bytes } of FILES) {
        const byCli = cli(name, bytes);
        assert.equal(byCli.status, 2, `${name}: the CLI refuses it (${byCli.message})`);
        const byPage = await widget(page, name, bytes);
        assert.equal(byPage.alert, refusal(byCli.message), `${name}: the same refusal`);
        assert.equal(await page.locator(h.$.radio("onward_transfer", "yes")).isChecked(), true, `${name}: nothing changed`);
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${mode}: a lone surrogate is refused as by the CLI, and named as such`, async () => {
    const bytes = utf8(json({ personal_risk: "yes" }, { personal_risk: "SURROGATE" }).replace("SURROGATE", "x\\ud800y"));
    const byCli = cli("surrogate.json", bytes);
    assert.equal(byCli.status, 2);
    assert.match(byCli.message, /lone surrogate/);
    const { context, page, errors } = await open();
    try {
      const byPage = await widget(page, "surrogate.json", bytes);
      assert.match(byPage.alert, /^The file could not be opened\. The file is not valid JSON: a lone surrogate/);
      assert.equal(byPage.status, "");
      // A key with a lone surrogate, too.
      const key = await widget(page, "surrogate-key.json", utf8(json({}, {}).replace('"notes":{}', '"notes":{"\\udc00":"x"}')));
      assert.match(key.alert, /lone surrogate/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${mode}: a 1 MB file in UTF-8 opens, unaltered, as in the CLI`, async () => {
    const byCli = cli("big.json", big);
    assert.equal(byCli.status, 0, byCli.message);
    const { context, page, errors } = await open();
    try {
      const byPage = await widget(page, "big.json", big);
      assert.equal(byPage.alert, "");
      assert.match(byPage.status, /opened/);
      assert.equal(await page.locator(h.$.note("personal_risk")).inputValue(), "François ".repeat(9000));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

// Case work in the one-file pages in Firefox ESR (issue 14, items 1, 3, 7, 8 and 9), driven by
// puppeteer-core over WebDriver BiDi as firefox.test.mjs: Undo after a file replaced answers,
// the save confirmation, the case fields and the file name they give, the printed report
// (page.pdf, read back with pdftotext) and the editable report (RTF, read back with unrtf).
// From file:// and served, in English and Arabic. Downloads land in a scratch directory set
// through Firefox's download prefs. Elements are found by name, role and data-action only.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import * as h from "./helpers.mjs";
import { ANSWERS, NOTE, PREPARER, REFERENCE, WORDS, flat, unrtf, ways } from "./casework-fixture.mjs";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const skip = existsSync(FIREFOX) ? false : `${FIREFOX} is not installed (scripts/setup installs firefox-esr)`;

let server;
let browser;
let scratch;
let downloads;

before(async () => {
  if (skip) return;
  server = await h.serve();
  scratch = mkdtempSync(join(tmpdir(), "assurance-check-casework-firefox-"));
  downloads = join(scratch, "downloads");
  mkdirSync(downloads);
  mkdirSync(h.ARTIFACTS, { recursive: true });
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    protocol: "webDriverBiDi",
    // Every download straight into `downloads`, without asking.
    extraPrefsFirefox: {
      "browser.download.folderList": 2,
      "browser.download.dir": downloads,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.start_downloads_in_tmp_dir": false,
      "browser.helperApps.neverAsk.saveToDisk": "application/json,application/rtf,text/markdown",
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Each page, from file:// and served. */
const WAYS = ways(() => server);
const OTHER = {
  format: "assurance-check/answers",
  version: 1,
  answers: { transfer_kind: "return", personal_risk: "yes" },
  notes: { personal_risk: "from the other file" },
  case: { reference: "OTHER-1" },
};
const BAD = { format: "assurance-check/answers", version: 1, answers: { nope: "yes" } };

const pierce = (selector) => `pierce/${selector}`;
/** The helpers' clicking code, with selectors that pierce the open shadow root. */
const piercing = (page) => ({ locator: (selector) => page.locator(pierce(selector)) });

async function open(at) {
  const page = await browser.newPage();
  const errors = [];
  // Served, Firefox asks for /favicon.ico by itself and the page's CSP refuses it: the
  // browser's request, not the widget's (as in firefox.test.mjs).
  page.on("pageerror", (e) => String(e).includes("/favicon.ico") || errors.push(String(e)));
  await page.goto(at);
  await page.waitForFunction(() => document.querySelector("assurance-check")?.shadowRoot?.querySelector("[data-verdict]"));
  return { page, errors };
}

/** Evaluates `f(root, ...args)` with the widget's shadow root (a handle, so no eval under the CSP). */
async function inWidget(page, f, ...args) {
  const root = await page.evaluateHandle(() => document.querySelector("assurance-check").shadowRoot);
  try {
    return await root.evaluate(f, ...args);
  } finally {
    await root.dispose();
  }
}

async function writeNote(page, id, text) {
  const open = await inWidget(page, (root, q) => root.querySelector(`fieldset[data-question="${q}"] .notes`).open, id);
  if (!open) await page.locator(pierce(`${h.$.question(id)} .notes summary`)).click();
  await page.locator(pierce(h.$.note(id))).fill(text);
}

async function fillCase(page) {
  await page.locator(pierce('input[name="case_reference"]')).fill(REFERENCE);
  await page.locator(pierce('input[name="case_prepared_by"]')).fill(PREPARER);
  await h.answerScenario(piercing(page), ANSWERS);
  await writeNote(page, "systematic_torture", NOTE);
}

/** Every checked radio, every note and both case fields, as the page shows them. */
const state = (page) =>
  inWidget(page, (root) => {
    const pairs = (sel, f) => Object.fromEntries([...root.querySelectorAll(sel)].map(f).filter(([, v]) => v));
    return {
      answers: pairs('input[type="radio"]:checked', (r) => [r.name, r.value]),
      notes: pairs("textarea[data-note]", (t) => [t.dataset.note, t.value]),
      case: pairs('input[name^="case_"]', (i) => [i.name, i.value]),
    };
  });

const status = (page) => page.evaluate(() => document.querySelector('assurance-check > [role="status"]').textContent);
const alertText = (page) => inWidget(page, (root) => root.querySelector('[role="alert"]').textContent);
const confirmation = (page) => inWidget(page, (root) => root.querySelector(".casefile-confirmation").textContent);
const undoShown = (page) =>
  inWidget(page, (root) => {
    const b = root.querySelector('[data-action="undo"]');
    return !b.hidden && b.checkVisibility();
  });
const verdict = (page) => inWidget(page, (root) => root.querySelector("[data-verdict]").dataset.verdict);

/** Clicks `action` and waits for the one file Firefox writes into the download directory. */
async function download(page, action) {
  for (const f of readdirSync(downloads)) rmSync(join(downloads, f), { force: true });
  await page.locator(pierce(`[data-action="${action}"]`)).click();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const done = readdirSync(downloads).filter((f) => !f.endsWith(".part"));
    const partial = readdirSync(downloads).some((f) => f.endsWith(".part"));
    if (done.length === 1 && !partial && statSync(join(downloads, done[0])).size > 0) {
      const path = join(downloads, done[0]);
      return { name: done[0], path, text: readFileSync(path, "utf8") };
    }
    assert.ok(Date.now() < deadline, `a download from ${action}: ${readdirSync(downloads)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens `value` as a file through the file input and waits until the widget said something. */
async function openFile(page, name, value) {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(value));
  await page.evaluate(() => {
    const host = document.querySelector("assurance-check");
    host.querySelector('[role="status"]').textContent = "";
    host.shadowRoot.querySelector('[role="alert"]').textContent = "";
  });
  const input = await page.$(pierce('input[type="file"][data-action="open"]'));
  await input.uploadFile(path);
  await page.waitForFunction(() => {
    const host = document.querySelector("assurance-check");
    return host.querySelector('[role="status"]').textContent || host.shadowRoot.querySelector('[role="alert"]').textContent;
  });
}

for (const { lang, how, at } of WAYS) {
  const w = WORDS[lang];

  test(`Firefox ESR, ${lang}, ${how}: the case fields, saved in the file and its name, with a visible and announced confirmation`, { skip }, async () => {
    const { page, errors } = await open(at());
    try {
      const fields = await inWidget(page, (root) =>
        [...root.querySelectorAll('input[name^="case_"]')].map((i) => ({
          name: i.name,
          attributes: ["spellcheck", "translate", "autocomplete", "writingsuggestions"].map((a) => i.getAttribute(a)),
          spellcheck: i.spellcheck,
          translate: i.translate,
          label: i.labels[0]?.textContent,
          hint: i.getAttribute("aria-describedby") && root.getElementById(i.getAttribute("aria-describedby"))?.textContent,
        })),
      );
      assert.deepEqual(
        fields.map((f) => [f.name, ...f.attributes, f.spellcheck, f.translate]),
        [
          ["case_reference", "false", "no", "off", "false", false, false],
          ["case_prepared_by", "false", "no", "off", "false", false, false],
        ],
      );
      assert.ok(fields[0].label?.includes(w.caseLabel), fields[0].label);
      assert.ok(fields[0].hint?.includes(w.advice), `the advice beside the reference: ${fields[0].hint}`);
      await fillCase(page);
      const saved = await download(page, "save");
      assert.match(saved.name, /^assurance-check-R-Othman-v-SSHD-2012-07-\d{4}-\d{2}-\d{2}\.json$/);
      const file = JSON.parse(saved.text);
      assert.deepEqual(file.case, { reference: REFERENCE, prepared_by: PREPARER });
      assert.deepEqual(file.answers, ANSWERS);
      assert.equal(file.notes.systematic_torture, NOTE);
      // Item 3: the file's name on screen and in the live region.
      const shown = await confirmation(page);
      assert.ok(shown.startsWith(w.saved) && shown.includes(saved.name), shown);
      assert.equal(await status(page), shown);
      // A reference with nothing left once reduced: today's name.
      await page.locator(pierce('input[name="case_reference"]')).fill("قضية");
      assert.match((await download(page, "save")).name, /^assurance-check-\d{4}-\d{2}-\d{2}\.json$/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test(`Firefox ESR, ${lang}, ${how}: a file over answers offers Undo, which restores them exactly; a bad file changes nothing`, { skip }, async () => {
    const { page, errors } = await open(at());
    try {
      // On a blank form nothing is replaced: no Undo.
      await openFile(page, "other.json", OTHER);
      assert.equal(await undoShown(page), false, "nothing to undo on a blank form");
      assert.ok(!(await status(page)).includes(w.replaced));
      page.once("dialog", (d) => d.accept());
      await page.locator(pierce('[data-action="start-over"]')).click();
      await page.waitForFunction(() => !document.querySelector("assurance-check").shadowRoot.querySelector("input[type=radio]:checked"));

      await fillCase(page);
      const before = await state(page);
      const was = await verdict(page);
      await openFile(page, "bad.json", BAD);
      assert.match(await alertText(page), /nope/);
      assert.deepEqual(await state(page), before, "a bad file changes nothing");
      assert.equal(await undoShown(page), false, "and offers no Undo");

      await openFile(page, "other.json", OTHER);
      assert.deepEqual(await state(page), { answers: OTHER.answers, notes: OTHER.notes, case: { case_reference: "OTHER-1" } });
      const said = await status(page);
      assert.ok(said.includes(w.replaced), said);
      assert.equal(await confirmation(page), said, "the same text on screen");
      assert.equal(await undoShown(page), true);
      assert.equal(await inWidget(page, (root) => root.querySelector('[data-action="undo"]').textContent), w.undo);
      await page.locator(pierce('[data-action="undo"]')).click();
      assert.deepEqual(await state(page), before, "answers, notes and case fields exactly as before");
      assert.equal(await verdict(page), was);
      assert.equal(await status(page), w.undone);
      assert.equal(await confirmation(page), w.undone);
      assert.equal(await undoShown(page), false, "undone once");
      // The core has them back: the saved file is the case as it was.
      const saved = JSON.parse((await download(page, "save")).text);
      assert.deepEqual(saved.answers, ANSWERS);
      assert.deepEqual(saved.case, { reference: REFERENCE, prepared_by: PREPARER });
      assert.equal(saved.notes.systematic_torture, NOTE);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}

for (const { lang, how, at } of WAYS) {
  const w = WORDS[lang];

  test(`Firefox ESR, ${lang}, ${how}: the printed report (PDF) holds the case, the verdict, a note and the citation`, { skip }, async (t) => {
    const { page, errors } = await open(at());
    try {
      await fillCase(page);
      const verdictTitle = (await inWidget(page, (root) => root.querySelector(".verdict-title").textContent)).trim();
      assert.equal(await inWidget(page, (root) => root.querySelector(".print-report").childElementCount), 0, "no report before printing");
      // BiDi's browsingContext.print fires beforeprint and afterprint itself; the report is
      // built on the first and emptied on the second.
      const pdf = join(h.ARTIFACTS, `casework-firefox-print-${lang}-${how === "served" ? "served" : "file"}.pdf`);
      await page.pdf({ path: pdf, format: "A4" });
      assert.equal(await inWidget(page, (root) => root.querySelector(".print-report").childElementCount), 0, "emptied after printing");
      const text = flat(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
      assert.ok(pages > 1, "a report of several pages");
      // Without spaces: pdftotext reads a space where Firefox set a short vowel apart.
      const bare = (s) => flat(s).replace(/ /g, "");
      for (const [what, expected] of [
        ["the case reference", REFERENCE],
        ["the preparer", PREPARER],
        ["the verdict", verdictTitle],
        ["a note", NOTE],
        ["the statement's citation", w.source],
      ]) {
        assert.ok(bare(text).includes(bare(expected)), `${what} ("${expected}") in:\n${text}`);
      }
      // The page numbers are the page's CSS @page margin boxes. Firefox ESR 153 drops them
      // when it parses the stylesheet (the @page rule keeps no child rule), so it prints no
      // numbers; a Firefox that keeps them must print the right ones.
      const marginBoxes = await page.evaluate(() =>
        [...document.styleSheets].flatMap((s) => [...s.cssRules]).some((r) => r instanceof CSSPageRule && r.cssRules?.length > 0),
      );
      const numbered = bare(text).includes(bare(w.pageOne));
      t.diagnostic(`Firefox ${marginBoxes ? "keeps" : "drops"} the @page margin boxes and ${numbered ? "prints" : "does not print"} "${w.pageOne} ${pages}"`);
      assert.equal(numbered, marginBoxes, "page numbers printed exactly where Firefox keeps the margin boxes");
      if (marginBoxes) assert.ok(bare(text).includes(bare(`${w.pageOne} ${pages}`)), `page 1 of ${pages} in:\n${text}`);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test(`Firefox ESR, ${lang}, ${how}: the editable report (RTF) holds what the printed report holds`, { skip }, async () => {
    const { page, errors } = await open(at());
    try {
      await fillCase(page);
      assert.equal((await inWidget(page, (root) => root.querySelector('[data-action="download-rtf"]').textContent)).trim(), w.rtf);
      const rtf = await download(page, "download-rtf");
      assert.match(rtf.name, /^assurance-check-report-\d{4}-\d{2}-\d{2}\.rtf$/);
      assert.ok(rtf.text.startsWith("{\\rtf1"), "an RTF document");
      const text = flat(unrtf(rtf.path, scratch));
      const printed = await page.evaluate(() => {
        window.dispatchEvent(new Event("beforeprint"));
        const r = document.querySelector("assurance-check").shadowRoot.querySelector(".print-report");
        const out = {
          verdict: r.querySelector("h3 + p").textContent,
          findings: [...r.querySelectorAll("li > strong:first-child")].map((s) => s.textContent),
        };
        window.dispatchEvent(new Event("afterprint"));
        return out;
      });
      for (const expected of [REFERENCE, PREPARER, NOTE, w.source, flat(printed.verdict).trim()]) {
        assert.ok(text.includes(expected), `"${expected}" in:\n${text}`);
      }
      const cites = printed.findings.map((f) => flat(f).trim()).filter((f) => /^(¶|R\d)/.test(f));
      assert.ok(cites.length >= 3, `the findings' citations: ${cites}`);
      for (const cite of cites) assert.ok(text.includes(cite), `citation ${cite} in:\n${text}`);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}

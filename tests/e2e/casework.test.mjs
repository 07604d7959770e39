// Case work in the one-file pages (issue 14, items 1, 2, 3, 7, 8 and 9): the case fields and
// the file name they give, Undo after a file replaced answers, the save confirmation, the
// warning before leaving, the printed report (PDF read back with pdftotext) and the editable
// report (RTF read back with unrtf). In Chromium, from file:// and served, in English and
// Arabic; the warning before leaving in Firefox ESR too (puppeteer-core, as firefox.test.mjs);
// the rest in Firefox ESR in casework-firefox.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import * as h from "./helpers.mjs";
import { url } from "./static-page.mjs";
import { ANSWERS, FILES, NOTE, PREPARER, REFERENCE, WORDS, flat, unrtf, ways } from "./casework-fixture.mjs";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const noFirefox = existsSync(FIREFOX) ? false : `${FIREFOX} is not installed (scripts/setup installs firefox-esr)`;

let server;
let browser;
let scratch;

before(async () => {
  server = await h.serve();
  browser = await h.launch();
  mkdirSync(h.ARTIFACTS, { recursive: true });
  scratch = mkdtempSync(join(tmpdir(), "assurance-check-casework-"));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Each page, from file:// and served. */
const WAYS = ways(() => server);

async function open(at) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(at);
  await page.locator("[data-verdict]").waitFor();
  return { context, page, errors };
}

async function writeNote(page, id, text) {
  const question = h.$.question(id);
  if (!(await page.locator(`${question} .notes`).evaluate((d) => d.open))) {
    await page.locator(`${question} .notes summary`).click();
  }
  await page.locator(h.$.note(id)).fill(text);
}

async function fillCase(page, reference = REFERENCE) {
  await page.locator('input[name="case_reference"]').fill(reference);
  await page.locator('input[name="case_prepared_by"]').fill(PREPARER);
  await h.answerScenario(page, ANSWERS);
  await writeNote(page, "systematic_torture", NOTE);
}

/** Every checked radio, every note and both case fields, as the page shows them. */
function state(page) {
  return page.evaluate(() => {
    const root = document.querySelector("assurance-check").shadowRoot;
    const pairs = (sel, f) => Object.fromEntries([...root.querySelectorAll(sel)].map(f).filter(([, v]) => v));
    return {
      answers: pairs('input[type="radio"]:checked', (r) => [r.name, r.value]),
      notes: pairs("textarea[data-note]", (t) => [t.dataset.note, t.value]),
      case: pairs(".case-fields input", (i) => [i.name, i.value]),
    };
  });
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-action="${action}"]`).click()]);
  const path = join(scratch, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, text: readFileSync(path, "utf8") };
}

const status = (page) => page.locator(h.$.status).evaluate((e) => e.textContent);
const confirmation = (page) => page.locator(".casefile-confirmation").evaluate((e) => e.textContent);
const undoShown = (page) => page.locator('[data-action="undo"]').evaluate((b) => !b.hidden && b.checkVisibility());

/** Opens a file through the file input and waits until the widget has said something. */
async function openFile(page, file) {
  await page.locator(h.$.status).evaluate((e) => {
    e.textContent = "";
  });
  await page.locator('.casefile-alert[role="alert"]').evaluate((e) => {
    e.textContent = "";
  });
  await page.locator('input[type="file"][data-action="open"]').setInputFiles(file);
  await page.waitForFunction(() => {
    const host = document.querySelector("assurance-check");
    return host.querySelector('[role="status"]').textContent || host.shadowRoot.querySelector('[role="alert"]').textContent;
  });
}

const jsonFile = (name, value) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(value)) });
const OTHER = {
  format: "assurance-check/answers",
  version: 1,
  answers: { transfer_kind: "return", personal_risk: "yes" },
  notes: { personal_risk: "from the other file" },
  case: { reference: "OTHER-1" },
};

for (const { lang, how, at } of WAYS) {
  const w = WORDS[lang];

  test(`${lang}, ${how}: the case fields, saved in the file and its name, with a visible confirmation`, async () => {
    const { context, page, errors } = await open(at());
    try {
      const fields = await page.evaluate(() =>
        [...document.querySelector("assurance-check").shadowRoot.querySelectorAll(".case-fields input")].map((i) => ({
          name: i.name,
          spellcheck: i.getAttribute("spellcheck"),
          translate: i.getAttribute("translate"),
          autocomplete: i.getAttribute("autocomplete"),
          suggestions: i.getAttribute("writingsuggestions"),
          label: i.labels[0]?.textContent,
          hint: i.getAttribute("aria-describedby") && i.getRootNode().getElementById(i.getAttribute("aria-describedby")).textContent,
        })),
      );
      assert.deepEqual(
        fields.map((f) => [f.name, f.spellcheck, f.translate, f.autocomplete, f.suggestions]),
        [
          ["case_reference", "false", "no", "off", "false"],
          ["case_prepared_by", "false", "no", "off", "false"],
        ],
      );
      assert.ok(fields[0].label.includes(w.caseLabel), fields[0].label);
      assert.ok(fields[0].hint.includes(w.advice), `the advice beside the reference: ${fields[0].hint}`);
      await fillCase(page);
      const saved = await download(page, "save");
      assert.match(saved.name, /^assurance-check-R-Othman-v-SSHD-2012-07-\d{4}-\d{2}-\d{2}\.json$/);
      assert.deepEqual(JSON.parse(saved.text).case, { reference: REFERENCE, prepared_by: PREPARER });
      // Issue 14, item 3: the file's name on screen and in the live region.
      const shown = await confirmation(page);
      assert.ok(shown.startsWith(w.saved) && shown.includes(saved.name), shown);
      assert.equal(await status(page), shown);
      // Without a reference (or with nothing left of it), today's name.
      await page.locator('input[name="case_reference"]').fill("قضية");
      assert.match((await download(page, "save")).name, /^assurance-check-\d{4}-\d{2}-\d{2}\.json$/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${lang}, ${how}: a file that replaces answers offers Undo, which restores them exactly; a bad file changes nothing`, async () => {
    const { context, page, errors } = await open(at());
    try {
      // On a blank form, nothing is replaced: no Undo.
      await openFile(page, jsonFile("other.json", OTHER));
      assert.equal(await undoShown(page), false, "nothing to undo on a blank form");
      assert.ok(!(await status(page)).includes(w.replaced));
      page.once("dialog", (d) => d.accept());
      await page.locator('[data-action="start-over"]').click();
      await page.waitForFunction(() => !document.querySelector("assurance-check").shadowRoot.querySelector("input[type=radio]:checked"));

      await fillCase(page);
      const before = await state(page);
      const verdict = (await h.readWidget(page)).verdict;
      // A bad file: refused with its message; nothing changes and there is nothing to undo.
      await openFile(page, jsonFile("bad.json", { format: "assurance-check/answers", version: 1, answers: { nope: "yes" } }));
      assert.match(await page.locator('.casefile-alert[role="alert"]').textContent(), /nope/);
      assert.deepEqual(await state(page), before);
      assert.equal(await undoShown(page), false);
      // A good one replaces everything, says so, and offers Undo.
      await openFile(page, jsonFile("other.json", OTHER));
      assert.deepEqual(await state(page), {
        answers: OTHER.answers,
        notes: OTHER.notes,
        case: { case_reference: "OTHER-1" },
      });
      const said = await status(page);
      assert.ok(said.includes(w.replaced), said);
      assert.equal(await confirmation(page), said, "the same text on screen");
      assert.equal(await undoShown(page), true);
      assert.equal(await page.locator('[data-action="undo"]').textContent(), w.undo);
      await page.locator('[data-action="undo"]').click();
      assert.deepEqual(await state(page), before, "answers, notes and case fields exactly as before");
      assert.equal((await h.readWidget(page)).verdict, verdict);
      assert.equal(await status(page), w.undone);
      assert.equal(await confirmation(page), w.undone);
      assert.equal(await undoShown(page), false, "undone once");
      // And the core has them back: the saved file is the case as it was.
      const saved = JSON.parse((await download(page, "save")).text);
      assert.deepEqual(saved.answers, ANSWERS);
      assert.deepEqual(saved.case, { reference: REFERENCE, prepared_by: PREPARER });
      assert.equal(saved.notes.systematic_torture, NOTE);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

for (const { lang, how, at } of WAYS) {
  const w = WORDS[lang];

  test(`${lang}, ${how}: the printed report numbers its pages and holds the case, the verdict, a note and the citation`, async () => {
    const { context, page, errors } = await open(at());
    try {
      await fillCase(page);
      const verdictTitle = (await page.locator(".verdict-title").textContent()).trim();
      await page.emulateMedia({ media: "print" });
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      // Nothing is cut at a page break: each paragraph and each row keeps together.
      const avoid = await page.locator(".print-report").evaluate((r) =>
        [...r.querySelectorAll("p, li")].every((e) => getComputedStyle(e).breakInside === "avoid"),
      );
      assert.ok(avoid, "break-inside: avoid on every block and row");
      const pdf = join(h.ARTIFACTS, `casework-print-${lang}-${how === "served" ? "served" : "file"}.pdf`);
      await page.pdf({ path: pdf, format: "A4" });
      const text = flat(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
      assert.ok(pages > 1, "a report of several pages");
      for (const [what, expected] of [
        ["the case reference", REFERENCE],
        ["the preparer", PREPARER],
        ["page 1 of", `${w.pageOne} ${pages}`],
        ["the verdict", flat(verdictTitle)],
        ["a note", NOTE],
        ["the statement's citation", w.source],
      ]) {
        assert.ok(text.includes(expected), `${what} ("${expected}") in:\n${text}`);
      }
      // The last page is numbered too.
      assert.ok(text.includes(`${w.pageOne.replace("1", pages)} ${pages}`), `page ${pages} of ${pages}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

for (const lang of ["en", "ar"]) {
  const w = WORDS[lang];

  test(`${lang}: the editable report (RTF) holds what the printed report holds`, async () => {
    const { context, page, errors } = await open(url(FILES[lang]));
    try {
      await fillCase(page);
      const button = page.locator('[data-action="download-rtf"]');
      assert.equal((await button.textContent()).trim(), w.rtf);
      const rtf = await download(page, "download-rtf");
      assert.match(rtf.name, /^assurance-check-report-\d{4}-\d{2}-\d{2}\.rtf$/);
      assert.ok(rtf.text.startsWith("{\\rtf1"), "an RTF document");
      const text = flat(unrtf(rtf.path, scratch));
      const printed = await page.locator(".print-report").evaluate((r) => {
        window.dispatchEvent(new Event("beforeprint"));
        return {
          verdict: r.querySelector("h3 + p").textContent,
          findings: [...r.querySelectorAll("li > strong:first-child")].map((s) => s.textContent),
        };
      });
      for (const expected of [REFERENCE, PREPARER, NOTE, w.source, flat(printed.verdict).trim()]) {
        assert.ok(text.includes(expected), `"${expected}" in:\n${text}`);
      }
      const cites = printed.findings.map((f) => flat(f).trim()).filter((f) => /^(¶|R\d)/.test(f));
      assert.ok(cites.length >= 3, `the findings' citations: ${cites}`);
      for (const cite of cites) assert.ok(text.includes(cite), `citation ${cite} in:\n${text}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

for (const { lang, how, at } of WAYS.slice(0, 2)) {
  test(`${lang}, ${how}, Chromium: leaving with unsaved answers or case fields warns; not after Save, not on a blank form`, async () => {
    const a = await open(at());
    await h.answer(a.page, "systematic_torture", "no");
    assert.deepEqual(await h.leave(a.page), ["beforeunload"], "an answer clicked");
    await a.context.close();
    const b = await open(at());
    await b.page.locator('input[name="case_reference"]').fill("X-1");
    assert.deepEqual(await h.leave(b.page), ["beforeunload"], "a case reference typed");
    await b.context.close();
    const c = await open(at());
    await h.answer(c.page, "systematic_torture", "no");
    await download(c.page, "save");
    assert.deepEqual(await h.leave(c.page), [], "saved: no warning");
    await c.context.close();
    const d = await open(at());
    await d.page.locator(h.$.question("systematic_torture")).click({ position: { x: 2, y: 2 } });
    assert.deepEqual(await h.leave(d.page), [], "a blank form: no warning");
    await d.context.close();
  });
}

test("Firefox ESR: leaving with unsaved answers warns; not after Save, not on a blank form", { skip: noFirefox }, async () => {
  const firefox = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true, protocol: "webDriverBiDi" });
  const pierce = (selector) => `pierce/${selector}`;
  const piercing = (page) => ({ locator: (selector) => page.locator(pierce(selector)) });
  const opened = async (at) => {
    const page = await firefox.newPage();
    await page.goto(at);
    await page.waitForFunction(() => document.querySelector("assurance-check")?.shadowRoot?.querySelector("[data-verdict]"));
    return page;
  };
  const leaveFirefox = async (page) => {
    const dialogs = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      dialog.accept();
    });
    await page.close({ runBeforeUnload: true });
    // The dialog is reported before the page goes; give it a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return dialogs;
  };
  try {
    for (const at of [url(FILES.en), `${server.origin}/${FILES.ar}`]) {
      const a = await opened(at);
      await h.answer(piercing(a), "systematic_torture", "no");
      assert.deepEqual(await leaveFirefox(a), ["beforeunload"], `${at}: an answer clicked`);
      const b = await opened(at);
      await b.locator(pierce('input[name="case_reference"]')).fill("X-1");
      assert.deepEqual(await leaveFirefox(b), ["beforeunload"], `${at}: a case reference typed`);
      const c = await opened(at);
      await h.answer(piercing(c), "systematic_torture", "no");
      await c.locator(pierce('[data-action="save"]')).click();
      await c.waitForFunction(() => document.querySelector("assurance-check").shadowRoot.querySelector(".casefile-confirmation").textContent);
      assert.deepEqual(await leaveFirefox(c), [], `${at}: saved, no warning`);
      const d = await opened(at);
      await d.locator(pierce(h.$.question("systematic_torture"))).click();
      assert.deepEqual(await leaveFirefox(d), [], `${at}: a blank form, no warning`);
    }
  } finally {
    await firefox.close();
  }
});

// What a copy of the one-file page carries (issue 16, items 6 and 3). Chromium's single-file
// save (MHTML, "Webpage, Single File") writes the open shadow root into the file: the case
// must be there only while it is printed. And a note in the print view is the user's words,
// with its bidi overrides and terminal escapes shown, never run.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import * as h from "./helpers.mjs";

let server;
let browser;

before(async () => {
  server = await h.serve();
  browser = await h.launch();
  mkdirSync(h.ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const ANSWERS = {
  transfer_kind: "extradition",
  assurances_subject: "torture",
  systematic_torture: "yes",
  tribunal_review: "no",
};
/** A note no page text contains, and that quoted-printable leaves as it is. */
const NOTE = "zq7 distinctive client note 41x";

async function writeNote(page, id, text) {
  const question = h.$.question(id);
  if (!(await page.locator(`${question} .notes`).evaluate((d) => d.open))) {
    await page.locator(`${question} .notes summary`).click();
  }
  await page.locator(h.$.note(id)).fill(text);
}

/** The page as Chromium saves it to one file (CDP `Page.captureSnapshot`), decoded. */
async function snapshot(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { data } = await cdp.send("Page.captureSnapshot", { format: "mhtml" });
    // Quoted-printable: soft line breaks, then `=XX` bytes; every part is UTF-8.
    const bytes = [];
    const flat = data.replace(/=\r?\n/g, "");
    for (let i = 0; i < flat.length; i++) {
      const hex = flat[i] === "=" && /^[0-9A-F]{2}$/.test(flat.slice(i + 1, i + 3));
      bytes.push(hex ? parseInt(flat.slice(i + 1, i + 3), 16) : flat.charCodeAt(i) & 0xff);
      if (hex) i += 2;
    }
    return Buffer.from(bytes).toString("utf8");
  } finally {
    await cdp.detach();
  }
}

/** What the print view holds, read in the page: its text and its number of elements. */
const printView = (page) =>
  page.evaluate(() => {
    const report = document.querySelector("assurance-check").shadowRoot.querySelector(".print-report");
    return { text: report.textContent, elements: report.querySelectorAll("*").length };
  });

test("a single-file save carries neither the notes nor the print report, before or after printing", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    await h.answerScenario(page, ANSWERS);
    await writeNote(page, "systematic_torture", NOTE);
    const verdict = (await page.locator(".verdict-title").textContent()).trim();

    const unprinted = await snapshot(page);
    assert.ok(unprinted.includes("print-report"), "the widget's shadow root is in the saved file");
    assert.ok(!unprinted.includes(NOTE), "no note before printing");
    // What SECURITY.md says a copy does hold: the verdict panel as shown, not the checked radios.
    assert.ok(unprinted.includes('data-verdict="barred"'), "the verdict on screen is in the copy");
    assert.ok(!/<input[^>]*\bchecked\b/.test(unprinted), "no answer is saved as a checked input");
    const title = await page.title();

    // While printing, the report is in the page, and so in a copy: the check below can fail.
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const shown = await printView(page);
    assert.ok(shown.text.includes(NOTE) && shown.text.includes(verdict), `the print view is built:\n${shown.text}`);
    // A print job is named after the page's title (spoolers and print servers log it).
    assert.equal(await page.title(), title, "printing does not change the title");
    assert.ok(!title.includes(NOTE));
    const printing = await snapshot(page);
    assert.ok(printing.includes(NOTE), "a copy made while printing holds the report (the check works)");

    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    assert.deepEqual(await printView(page), { text: "", elements: 0 }, "the print view is gone after printing");
    const printed = await snapshot(page);
    assert.ok(!printed.includes(NOTE), "no note after printing");
    const section = printed.match(/<section[^>]*class="print-report"[^>]*>([\s\S]*?)<\/section>/);
    assert.ok(section, "the print view's empty section is in the copy");
    assert.equal(section[1].trim(), "", "the print view is empty in the copy");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the Print button's flow (window.print, then afterprint) leaves no report in a single-file save", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    await page.evaluate(() => {
      window.__printed = [];
      // A headless print dialog would block: record what the page held when it printed.
      window.print = () =>
        window.__printed.push(document.querySelector("assurance-check").shadowRoot.querySelector(".print-report").textContent);
    });
    await h.answerScenario(page, ANSWERS);
    await writeNote(page, "systematic_torture", NOTE);
    await page.locator('[data-action="print"]').click();
    const printed = await page.evaluate(() => window.__printed);
    assert.equal(printed.length, 1, "the button printed once");
    assert.ok(printed[0].includes(NOTE), "the report was built for printing");
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    assert.deepEqual(await printView(page), { text: "", elements: 0 });
    assert.ok(!(await snapshot(page)).includes(NOTE), "no note in the copy after printing");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Issue 16, item 3: in the print view as in the text report, a note's bidi override is shown
// as `<U+202E>`, so it cannot reverse its line, and no raw control reaches the printed page.
test("the print view shows a note's bidi override and controls as escapes; the verdict prints intact", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    await h.answerScenario(page, ANSWERS);
    // (Not a lone CR: a text area turns it into a line break.)
    const forged = "\u202Eon si yes\u202C \u001b[2K\u0007No bar indicated";
    await writeNote(page, "systematic_torture", forged);
    const verdict = (await page.locator(".verdict-title").textContent()).trim();
    const view = await page.evaluate(() => {
      window.dispatchEvent(new Event("beforeprint"));
      const report = document.querySelector("assurance-check").shadowRoot.querySelector(".print-report");
      return { text: report.textContent, notes: [...report.querySelectorAll(".note")].map((n) => n.textContent) };
    });
    assert.deepEqual(view.notes, ["<U+202E>on si yes<U+202C> <U+001B>[2K<U+0007>No bar indicated"]);
    // eslint-disable-next-line no-control-regex
    const hidden = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;
    const raw = [...view.text].filter((ch) => hidden.test(ch) && !/[\u2066-\u2069]/u.test(ch));
    assert.deepEqual(raw, [], "no raw control or bidi override in the print view");

    await page.emulateMedia({ media: "print" });
    const pdf = join(h.ARTIFACTS, "capture-print-bidi.pdf");
    await page.pdf({ path: pdf, format: "A4" });
    const flat = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.ok(flat.includes(verdict), `the verdict "${verdict}" prints as it reads:\n${flat}`);
    assert.ok(flat.includes("<U+202E>on si yes<U+202C>"), `the override is shown, not run:\n${flat}`);
    assert.ok(!flat.includes("sey is no"), "the note is not reversed");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the print view shows the case reference's bidi override and line break as escapes", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    const file = {
      format: "assurance-check/answers",
      version: 1,
      answers: { systematic_torture: "yes" },
      case: { reference: "AB-17\u202E\nNo bar indicated", prepared_by: "Counsel\u2066" },
    };
    await page.locator('input[type="file"][data-action="open"]').setInputFiles({
      name: "case.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.waitForFunction(() => document.querySelector("assurance-check").shadowRoot.querySelector("[data-verdict]").dataset.verdict === "barred");
    const text = await page.evaluate(() => {
      window.dispatchEvent(new Event("beforeprint"));
      return document.querySelector("assurance-check").shadowRoot.querySelector(".print-report").textContent;
    });
    assert.ok(text.includes("AB-17<U+202E><U+000A>No bar indicated"), `the reference, escaped:\n${text}`);
    assert.ok(text.includes("Counsel<U+2066>"), "the preparer, escaped");
    assert.ok(!/[\u202a-\u202e\n]/u.test(text), "no raw override or line break in the print view's text");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// The case file (issue 6): save and open answers files, hostile files, drag and drop, the
// printed report (PDF read back with pdftotext), the Markdown report, keep-on-device and
// the warning before leaving with unsaved changes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

const FILE_INPUT = 'input[type="file"][data-action="open"]';
const ALERT = '.casefile-alert[role="alert"]';
const KEEP = 'input[role="switch"][data-action="keep"]';
const KEY = "assurance-check/answers";

const ANSWERS = {
  transfer_kind: "extradition",
  assurances_subject: "both",
  systematic_torture: "yes",
  group_targeted: "yes",
  person_in_group: "unknown",
  tribunal_review: "no",
  post_return_monitoring: "yes",
  reported_to_treaty_bodies: "no",
};
const NOTES = {
  systematic_torture: "CAT/C/XXX/CO/1, para 12 — 2023 report\nsecond line: « guillemets » & *stars*",
  tribunal_review: "ملاحظة بالعربية: لا يوجد طعن",
};

/** Today's local date as the widget names files. */
function localDate() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today's local date as the reports write it (issue 14, item 8), from a list of our own. */
function reportDate(lang) {
  const months = {
    en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ar: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
  }[lang];
  const d = new Date();
  return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`;
}

async function writeNote(page, id, text) {
  const question = h.$.question(id);
  if (!(await page.locator(`${question} .notes`).evaluate((d) => d.open))) {
    await page.locator(`${question} .notes summary`).click();
  }
  await page.locator(h.$.note(id)).fill(text);
}

/** Every radio's checked value and every note, as the page shows them. */
async function state(page) {
  return page.evaluate(() => {
    const root = document.querySelector("assurance-check").shadowRoot;
    const answers = {};
    for (const r of root.querySelectorAll('input[type="radio"]:checked')) answers[r.name] = r.value;
    const notes = {};
    for (const t of root.querySelectorAll("textarea[data-note]")) {
      if (t.value) notes[t.dataset.note] = t.value;
    }
    return { answers, notes };
  });
}

async function fillCase(page) {
  await h.answerScenario(page, ANSWERS);
  for (const [id, text] of Object.entries(NOTES)) await writeNote(page, id, text);
}

async function saveFile(page, action = "save") {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`[data-action="${action}"]`).click(),
  ]);
  const path = join(h.ARTIFACTS, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: readFileSync(path, "utf8") };
}

async function alertText(page) {
  return page.locator(ALERT).evaluate((e) => e.textContent);
}

async function statusText(page) {
  return page.locator(h.$.status).evaluate((e) => e.textContent);
}

/** Opens a file through the file input and waits for the widget's alert or status to speak. */
async function openFile(page, file) {
  await page.locator(ALERT).evaluate((e) => {
    e.textContent = "";
  });
  await page.locator(h.$.status).evaluate((e) => {
    e.textContent = "";
  });
  await page.locator(FILE_INPUT).setInputFiles(file);
  await page.waitForFunction(() => {
    const host = document.querySelector("assurance-check");
    const alert = host.shadowRoot.querySelector('[role="alert"]').textContent;
    const status = host.querySelector('[role="status"]').textContent;
    return alert !== "" || status !== "";
  });
}

function answersFile(answers, notes) {
  return { format: "assurance-check/answers", version: 1, answers, notes };
}

function jsonFile(name, value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return { name, mimeType: "application/json", buffer: Buffer.from(text) };
}

test("save, then open the file in a fresh page: identical answers and notes", async () => {
  const first = await h.openWidget(browser, server);
  let saved;
  let before;
  try {
    await fillCase(first.page);
    before = await state(first.page);
    saved = await saveFile(first.page);
  } finally {
    await first.context.close();
  }
  assert.equal(saved.name, `assurance-check-${localDate()}.json`);
  const file = JSON.parse(saved.text);
  assert.deepEqual(file, answersFile(ANSWERS, NOTES), "the saved file is the RULES.md answers format");
  assert.match(saved.text, /\n {2}"format"/, "indented by two spaces");

  const second = await h.openWidget(browser, server);
  try {
    assert.deepEqual((await state(second.page)).answers, {}, "a fresh page starts empty");
    await openFile(second.page, saved.path);
    assert.equal(await alertText(second.page), "");
    assert.deepEqual(await state(second.page), before);
    const status = await statusText(second.page);
    assert.match(status, /opened/);
    assert.match(status, /\b8\b/, "the count of answers loaded");
    assert.equal(
      await second.page.locator(".casefile-confirmation").textContent(),
      status,
      "the confirmation is visible too",
    );
    const widget = await h.readWidget(second.page);
    assert.equal(widget.verdict, "barred");
    assert.deepEqual(second.errors, []);
  } finally {
    await second.context.close();
  }
});

test("hostile files: a clear alert naming the field, state unchanged, no script, no request", async () => {
  const { context, page, requests, blocked, errors } = await h.openWidget(browser, server);
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    dialog.dismiss();
  });
  try {
    await h.answer(page, "systematic_torture", "no");
    await writeNote(page, "systematic_torture", "kept note");
    const kept = await state(page);
    const bad = [
      ["malformed JSON", jsonFile("bad.json", '{"format": "assurance-check/answers", "version": 1,'), /not valid JSON|JSON/],
      ["empty file", jsonFile("empty.json", ""), /empty/],
      ["wrong format", jsonFile("f.json", { format: "something/else", version: 1, answers: {} }), /format.*assurance-check\/answers/],
      ["wrong version", jsonFile("v.json", { format: "assurance-check/answers", version: 7, answers: {} }), /version.*Allowed: 1/],
      ["unknown id", jsonFile("id.json", answersFile({ no_such_question: "yes" })), /answers\.no_such_question.*Allowed: transfer_kind/],
      ["bad value", jsonFile("val.json", answersFile({ systematic_torture: "maybe" })), /answers\.systematic_torture.*maybe.*Allowed: yes, no, unknown/],
      ["bad kind", jsonFile("kind.json", answersFile({ transfer_kind: "yes" })), /answers\.transfer_kind.*Allowed: expulsion, return, extradition, rendition, other/],
      [
        "20 MB file",
        { name: "big.json", mimeType: "application/json", buffer: Buffer.alloc(20 * 1024 * 1024, 32) },
        /larger|too large|big/i,
      ],
    ];
    for (const [what, file, pattern] of bad) {
      await openFile(page, file);
      const text = await alertText(page);
      assert.match(text, /could not be opened/, `${what}: says it failed`);
      assert.match(text, pattern, `${what}: names the field and the allowed values: ${text}`);
      assert.match(text, /current answers are unchanged/, `${what}: says nothing changed`);
      assert.deepEqual(await state(page), kept, `${what}: state unchanged`);
      assert.equal(await statusText(page), "", `${what}: no success message`);
      assert.equal(await page.locator(".casefile-confirmation").textContent(), "", `${what}: no visible success`);
    }

    // A valid file whose notes are markup: it loads, and the notes stay text.
    const script = "<script>window.__pwned=1</script>";
    const img = '<img src=x onerror="window.__pwned=1">';
    await openFile(
      page,
      jsonFile("markup.json", answersFile({ systematic_torture: "yes", personal_risk: "no" }, {
        systematic_torture: script,
        personal_risk: img,
      })),
    );
    assert.equal(await alertText(page), "");
    assert.deepEqual(await state(page), {
      answers: { systematic_torture: "yes", personal_risk: "no" },
      notes: { systematic_torture: script, personal_risk: img },
    });
    await page.waitForTimeout(300);
    const inPage = await page.evaluate(() => {
      const root = document.querySelector("assurance-check").shadowRoot;
      // The print report is built just before printing.
      window.dispatchEvent(new Event("beforeprint"));
      return {
        pwned: window.__pwned,
        scripts: root.querySelectorAll("script").length,
        images: root.querySelectorAll("img").length,
        printed: [...root.querySelectorAll(".print-report .note")].map((n) => n.textContent),
      };
    });
    assert.equal(inPage.pwned, undefined, "no script ran");
    assert.equal(inPage.scripts, 0);
    assert.equal(inPage.images, 0);
    assert.deepEqual(inPage.printed.sort(), [img, script].sort(), "the printed report shows the notes as text");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, [server.url], "no request but the page itself");
    assert.deepEqual(blocked, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a file dropped on the widget opens like a chosen one", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    const text = JSON.stringify(answersFile({ onward_transfer: "yes" }, { onward_transfer: "dropped" }));
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], "dropped.json", { type: "application/json" }));
      return dt;
    }, text);
    await page.locator(".questions").dispatchEvent("dragover", { dataTransfer: transfer });
    await page.locator(".questions").dispatchEvent("drop", { dataTransfer: transfer });
    await page.waitForFunction(() => document.querySelector("assurance-check > [role=status]").textContent !== "");
    assert.deepEqual(await state(page), {
      answers: { onward_transfer: "yes" },
      notes: { onward_transfer: "dropped" },
    });
    assert.equal((await h.readWidget(page)).verdict, "barred");

    const bad = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(["{}"], "bad.json", { type: "application/json" }));
      return dt;
    });
    await page.locator(".verdict").dispatchEvent("drop", { dataTransfer: bad });
    await page.waitForFunction(
      () => document.querySelector("assurance-check").shadowRoot.querySelector('[role="alert"]').textContent !== "",
    );
    assert.match(await alertText(page), /format/);
    assert.deepEqual((await state(page)).answers, { onward_transfer: "yes" }, "unchanged after a bad drop");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the printed page is the report: verdict, citations, notes, no buttons", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    await fillCase(page);
    const verdictTitle = await page.locator(".verdict-title").textContent();
    await page.emulateMedia({ media: "print" });
    const pdf = join(h.ARTIFACTS, "casefile-print.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", pdf, join(h.ARTIFACTS, "casefile-print")]);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const flat = text.replace(/\s+/g, " ");
    assert.ok(flat.includes(verdictTitle.replace(/\s+/g, " ").trim()), `verdict "${verdictTitle}" in:\n${text}`);
    for (const cite of ["R2(a)", "R2(b)", "R2(c)", "R3", "¶7", "R4"]) {
      assert.ok(flat.includes(cite), `citation ${cite}`);
    }
    assert.ok(flat.includes("CAT/C/XXX/CO/1, para 12"), "the note");
    assert.ok(flat.includes("second line: « guillemets » & *stars*"), "the note's second line, as typed");
    assert.match(flat, /Rules version|rules_version|rules version/i);
    assert.match(flat, /decision support/i, "the disclaimer");
    // Rules version 2: every shown question is listed, answered or not, and the source is
    // named in full with what its labels mean.
    assert.ok(flat.includes("Not answered"), "unanswered questions are listed");
    assert.ok(flat.includes("What an answer to an R2 question means"), "the evidential standard");
    assert.ok(
      flat.includes("Call for Action against the Use of Diplomatic Assurances in Transfers to Risk of Torture and Ill-Treatment"),
      "the statement's full title",
    );
    assert.ok(flat.includes("The labels were added by this tool"), "what the labels are");
    assert.ok(flat.includes(reportDate("en")), `the date ${reportDate("en")}`);
    assert.ok(!flat.includes(localDate()), "no ISO date in a human report");
    for (const label of ["Save answers", "Open answers", "Download report", "Print or save as PDF", "Start over", "Keep my answers", "Skip to the check", "What counts as evidence"]) {
      assert.ok(!flat.includes(label), `no UI in print: ${label}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the Markdown report is the CLI's, verdict first, notes escaped", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    await fillCase(page);
    await writeNote(page, "personal_risk", "<script>alert(1)</script> [link](http://x)");
    const answers = await state(page);
    const report = await saveFile(page, "download-report");
    assert.equal(report.name, `assurance-check-report-${localDate()}.md`);
    const md = report.text;
    const verdictAt = md.indexOf(await page.locator(".verdict-title").textContent());
    assert.ok(verdictAt > 0 && verdictAt < md.indexOf("R2(a)"), "the verdict comes before the circumstances");
    // Every ASCII punctuation character escaped, a link-like word as a code span (issue 16).
    assert.ok(md.includes("\\<script\\>alert\\(1\\)\\<\\/script\\> `[link](http://x)`"), "the note is escaped");
    assert.ok(!md.includes("<script>"));

    const input = join(h.ARTIFACTS, "casefile-cli-input.json");
    writeFileSync(input, JSON.stringify(answersFile(answers.answers, answers.notes)));
    // The CLI built as the widget is (scripts/build: without the feature `authorities`).
    const cli = execFileSync(
      "cargo",
      ["run", "--quiet", "--no-default-features", "--bin", "assurance-check", "--", "evaluate", input, "--format", "markdown"],
      { cwd: h.ROOT, encoding: "utf8" },
    );
    const undated = (s) => s.replace(/\d{1,2} [A-Z][a-z]+ \d{4}/g, "DATE");
    assert.equal(undated(md), undated(cli), "the same Markdown as the CLI");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Keep on device: tests/e2e/keep.test.mjs (sealed on the pages, plain in the element).

test("leaving with unsaved changes asks first; not after saving or with nothing changed", async () => {
  const a = await h.openWidget(browser, server);
  try {
    await h.answer(a.page, "systematic_torture", "no");
    assert.deepEqual(await h.leave(a.page), ["beforeunload"]);
  } finally {
    await a.context.close();
  }
  const b = await h.openWidget(browser, server);
  try {
    await h.answer(b.page, "systematic_torture", "no");
    await writeNote(b.page, "systematic_torture", "saved");
    await saveFile(b.page);
    assert.deepEqual(await h.leave(b.page), [], "saved: no warning");
  } finally {
    await b.context.close();
  }
  const c = await h.openWidget(browser, server);
  try {
    await c.page.locator(KEEP).click();
    for (const field of ["#ac-seal-1", "#ac-seal-2"]) await c.page.locator(field).fill("a passphrase");
    await c.page.locator('[data-action="seal"]').click();
    await c.page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    await h.answer(c.page, "systematic_torture", "no");
    assert.deepEqual(await h.leave(c.page), [], "kept on the device (sealed): no warning");
  } finally {
    await c.context.close();
  }
});

test("messages and the printed report follow the chosen language", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    await h.answer(page, "systematic_torture", "yes");
    await writeNote(page, "systematic_torture", "note manuscrite");
    await page.locator("select#ac-language").selectOption("fr");
    await page.locator('.ac[lang="fr"]').waitFor();
    await openFile(page, jsonFile("v.json", { format: "assurance-check/answers", version: 2, answers: {} }));
    const alert = await alertText(page);
    assert.match(alert, /Le fichier n’a pas pu être ouvert\./);
    assert.match(alert, /version/);
    assert.match(alert, /Vos réponses actuelles n’ont pas été modifiées\./);
    assert.doesNotMatch(alert, /could not|unchanged/);
    assert.deepEqual((await state(page)).answers, { systematic_torture: "yes" }, "kept across the language change");

    await page.locator("select#ac-language").selectOption("ar");
    await page.locator('.ac[lang="ar"]').waitFor();
    await openFile(page, jsonFile("ok.json", answersFile({ personal_risk: "yes" }, { personal_risk: "ملاحظة" })));
    assert.match(await statusText(page), /فُتح ملف الإجابات/);
    await page.emulateMedia({ media: "print" });
    const pdf = join(h.ARTIFACTS, "casefile-print-ar.pdf");
    await page.pdf({ path: pdf, format: "A4" });
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, join(h.ARTIFACTS, "casefile-print-ar")]);
    // Printing emptied the print report afterwards (afterprint); it is rebuilt for the next.
    assert.equal(await page.locator(".print-report").evaluate((r) => r.textContent), "");
    const report = await page.locator(".print-report").evaluate((r) => {
      window.dispatchEvent(new Event("beforeprint"));
      return { dir: getComputedStyle(r).direction, text: r.textContent };
    });
    assert.equal(report.dir, "rtl");
    assert.ok(report.text.includes("ملاحظة"));
    assert.ok(report.text.includes("R2(d)"));
    // Issue 18: read back from the PDF, the date and every citation come out whole and in
    // their own left-to-right order, though the paragraph around them is right to left.
    const read = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    // pdftotext marks each run's direction (U+202A–U+202E) and, in a right-to-left line,
    // emits a run's closing brackets as a run of their own; what must come out whole is the
    // left-to-right content of each date and citation.
    const flat = read.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ");
    // The date is in Arabic words, isolated as one right-to-left run in the report; the PDF
    // holds its month's name and its year whole (pdftotext splits a right-to-left line's
    // numbers into runs of their own, so the day is checked in the report's text).
    const date = reportDate("ar");
    assert.ok(report.text.includes(`\u2067${date}\u2069`), `the date ${date}, isolated, in:\n${report.text}`);
    const [, month, year] = date.split(" ");
    assert.ok(flat.includes(month) && flat.includes(year), `the date ${date} in:\n${read}`);
    for (const cite of ["R2(d", "R2(a", "¶2, FN1; CAT Art. 3; ICCPR Art. 7", "¶4, ¶10"]) {
      assert.ok(flat.includes(cite), `citation ${cite} in:\n${read}`);
    }
    for (const reversed of ["d(2R", "a(2R", "1NF ,2¶"]) {
      assert.ok(!flat.includes(reversed), `no citation reversed: ${reversed}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the file picker is reached and opened by keyboard", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    await page.locator('[data-action="save"]').focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.querySelector("assurance-check").shadowRoot.activeElement;
      return el && `${el.tagName} ${el.type} ${el.dataset.action}`;
    });
    assert.equal(focused, "INPUT file open");
    // Space opens a file input; headless Chromium sometimes drops the first request for a
    // chooser, so Enter (which opens it too) is the keyboard's second try.
    let seen = false;
    const opened = page.waitForEvent("filechooser", { timeout: 10000 }).then((c) => ((seen = true), c));
    await page.keyboard.press("Space");
    await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (!seen) await page.keyboard.press("Enter");
    const chooser = await opened;
    await chooser.setFiles({
      name: "k.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(answersFile({ other_grounds: "yes" }))),
    });
    await page.waitForFunction(() => document.querySelector("assurance-check > [role=status]").textContent !== "");
    assert.deepEqual((await state(page)).answers, { other_grounds: "yes" });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a file's case is kept: printed first in the report, and saved back unchanged", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    const file = answersFile({ personal_risk: "yes" }, {});
    file.case = { reference: "AB/2026/17 <b>urgent</b>", prepared_by: "J. Doe, Legal Aid" };
    await openFile(page, jsonFile("case.json", file));
    assert.deepEqual((await state(page)).answers, { personal_risk: "yes" });
    await page.emulateMedia({ media: "print" });
    const pdf = join(h.ARTIFACTS, "casefile-print-case.pdf");
    await page.pdf({ path: pdf, format: "A4" });
    const flat = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const reference = flat.indexOf("Case reference: AB/2026/17 <b>urgent</b>");
    assert.ok(reference >= 0, `the reference, as text, in:\n${flat}`);
    assert.ok(flat.includes("Prepared by: J. Doe, Legal Aid"), "the preparer");
    assert.ok(reference < flat.indexOf("Verdict"), "the case comes before the verdict");
    await page.emulateMedia({ media: "screen" });
    const saved = JSON.parse((await saveFile(page)).text);
    assert.deepEqual(saved.case, file.case, "the case is saved back");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

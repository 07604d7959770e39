// Issue 9, item 5: every flow under the page's own strict CSP (never bypassed), recording
// every request, in Chromium (served and from file://) and Firefox ESR (file://, BiDi):
// answer, save answers (a download), start over (the confirm accepted), open the saved file
// (the file input), switch language (the picker), print. Only the page itself is requested,
// plus the data:/blob: URLs of its own downloads, and no securitypolicyviolation fires.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import * as h from "./helpers.mjs";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const noFirefox = existsSync(FIREFOX) ? false : `${FIREFOX} is not installed (scripts/setup installs firefox-esr)`;
const FILE_URL = pathToFileURL(join(h.DIST, h.PAGE)).href;

const ANSWERS = {
  transfer_kind: "expulsion",
  assurances_subject: "torture",
  systematic_torture: "unknown",
  personal_risk: "yes",
  tribunal_review: "no",
};
const NOTE = ["personal_risk", "Note: <b>not markup</b> & « guillemets »"];

let server;
let chromium;
let firefox;
let scratch;

before(async () => {
  server = await h.serve();
  chromium = await h.launch();
  scratch = mkdtempSync(join(tmpdir(), "assurance-check-flows-"));
  if (!noFirefox) {
    firefox = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true, protocol: "webDriverBiDi" });
  }
});

after(async () => {
  await chromium?.close();
  await firefox?.close();
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/**
 * Runs before the page's scripts, outside its CSP: counts CSP violations, counts calls to
 * window.print (stubbed: a headless print dialog would block), and keeps each Blob the page
 * turns into an object URL, so a download's bytes can be read in any browser.
 */
function instrument() {
  window.__violations = [];
  window.__printed = 0;
  window.__blobs = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  window.print = () => {
    window.__printed += 1;
  };
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    window.__blobs.push(blob);
    return make.call(URL, blob);
  };
}

/** Every radio's checked value and every note in the widget. */
function readState() {
  const root = document.querySelector("assurance-check").shadowRoot;
  const answers = {};
  for (const r of root.querySelectorAll('input[type="radio"]:checked')) answers[r.name] = r.value;
  const notes = {};
  for (const t of root.querySelectorAll("textarea[data-note]")) if (t.value) notes[t.dataset.note] = t.value;
  return { answers, notes, lang: root.querySelector(".ac").getAttribute("lang") };
}

const lastBlob = () => window.__blobs[window.__blobs.length - 1].text();

/** The checks every run ends with: the flows' results, requests and violations. */
function assertClean({ requests, violations, errors, documentUrl, documentSeen = true }) {
  const other = requests.filter((u) => u !== documentUrl && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(other, [], "only the page itself (and its own data:/blob: downloads) was requested");
  if (documentSeen) assert.ok(requests.includes(documentUrl), "the page was requested");
  assert.deepEqual(violations, [], "no securitypolicyviolation");
  assert.deepEqual(errors, []);
}

function assertSaved(text) {
  const file = JSON.parse(text);
  assert.equal(file.format, "assurance-check/answers");
  assert.deepEqual(file.answers, ANSWERS);
  assert.deepEqual(file.notes, { [NOTE[0]]: NOTE[1] });
}

// ---- Chromium (playwright-core) --------------------------------------------------------

/** A fresh context under the page's CSP that refuses every request outside `allowed`. */
async function chromiumPage(url, allowed) {
  const context = await chromium.newContext({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  const refused = [];
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (allowed(u)) return route.continue();
    refused.push(u);
    return route.abort();
  });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await page.locator(h.$.verdict).waitFor();
  return { context, page, requests, refused, errors };
}

async function chromiumFlows(page, name) {
  // Answer, with a note.
  await h.answerScenario(page, ANSWERS);
  await page.locator(`${h.$.question(NOTE[0])} .notes summary`).click();
  await page.locator(h.$.note(NOTE[0])).fill(NOTE[1]);
  const answered = await page.evaluate(readState);
  assert.deepEqual(answered.answers, ANSWERS);

  // Save answers: a real download.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="save"]').click()]);
  const saved = join(scratch, `${name}-${download.suggestedFilename()}`);
  await download.saveAs(saved);
  assertSaved(readFileSync(saved, "utf8"));

  // Start over: the confirm dialog is accepted, everything is cleared.
  const dialogs = [];
  page.once("dialog", (d) => {
    dialogs.push(d.type());
    d.accept();
  });
  await page.locator('[data-action="start-over"]').click();
  assert.deepEqual(dialogs, ["confirm"]);
  assert.deepEqual((await page.evaluate(readState)).answers, {});

  // Open the saved file through the file input: everything back.
  await page.locator('input[type="file"][data-action="open"]').setInputFiles(saved);
  await page.waitForFunction((n) => {
    const root = document.querySelector("assurance-check").shadowRoot;
    return root.querySelectorAll('input[type="radio"]:checked').length === n;
  }, Object.keys(ANSWERS).length);
  const reopened = await page.evaluate(readState);
  assert.deepEqual([reopened.answers, reopened.notes], [answered.answers, answered.notes]);

  // Switch language with the picker: answers kept.
  await page.locator("select#ac-language").selectOption("fr");
  await page.locator('.ac[lang="fr"]').waitFor();
  assert.deepEqual((await page.evaluate(readState)).answers, ANSWERS);

  // Print: the button calls window.print; the print view renders to a PDF.
  await page.locator('[data-action="print"]').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: "print" });
  const pdf = join(scratch, `${name}.pdf`);
  await page.pdf({ path: pdf, format: "A4" });
  assert.ok(statSync(pdf).size > 1000, "a PDF was printed");
  await page.emulateMedia({ media: "screen" });

  // Start over once more, in French.
  page.once("dialog", (d) => d.accept());
  await page.locator('[data-action="start-over"]').click();
  assert.deepEqual((await page.evaluate(readState)).answers, {});
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__violations);
}

test("Chromium, served, the page's own CSP: answer, save, start over, open, language, print; no other request, no violation", async () => {
  const { context, page, requests, refused, errors } = await chromiumPage(server.url, (u) => u.startsWith(`${server.origin}/`));
  try {
    const violations = await chromiumFlows(page, "served");
    assert.deepEqual(refused, [], "nothing outside the server was asked for");
    assert.deepEqual(server.requested.filter((p) => p !== `/${h.PAGE}`), [], "the server served only the page");
    assertClean({ requests, violations, errors, documentUrl: server.url });
  } finally {
    await context.close();
  }
});

test("Chromium, file://, network refused: every flow, no other request, no violation", async () => {
  const { context, page, requests, refused, errors } = await chromiumPage(FILE_URL, (u) => u === FILE_URL);
  try {
    assert.equal(await page.evaluate(() => location.protocol), "file:");
    const violations = await chromiumFlows(page, "file");
    assert.deepEqual(refused, [], "nothing but the document was asked for");
    assertClean({ requests, violations, errors, documentUrl: FILE_URL });
  } finally {
    await context.close();
  }
});

// ---- Firefox ESR (puppeteer-core over WebDriver BiDi) ----------------------------------

test("Firefox ESR, file://, network refused: every flow, no other request, no violation", { skip: noFirefox }, async () => {
  const page = await firefox.newPage();
  const requests = [];
  const refused = [];
  const errors = [];
  const pierce = (selector) => page.locator(`pierce/${selector}`);
  try {
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const u = request.url();
      requests.push(u);
      if (u === FILE_URL || u.startsWith("data:") || u.startsWith("blob:")) return request.continue();
      refused.push(u);
      return request.abort();
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.evaluateOnNewDocument(instrument);
    await page.goto(FILE_URL);
    await page.waitForFunction(() => document.querySelector("assurance-check")?.shadowRoot?.querySelector("[data-verdict]"));

    // Answer, with a note.
    await h.answerScenario({ locator: pierce }, ANSWERS);
    await pierce(`${h.$.question(NOTE[0])} .notes summary`).click();
    await pierce(h.$.note(NOTE[0])).fill(NOTE[1]);
    const answered = await page.evaluate(readState);
    assert.deepEqual(answered.answers, ANSWERS);

    // Save answers: the bytes of the Blob behind the download.
    await pierce('[data-action="save"]').click();
    await page.waitForFunction(() => window.__blobs.length === 1);
    const text = await page.evaluate(lastBlob);
    assertSaved(text);
    const saved = join(scratch, "firefox-answers.json");
    writeFileSync(saved, text);

    // Start over: the confirm dialog is accepted.
    const dialogs = [];
    page.once("dialog", (d) => {
      dialogs.push(d.type());
      d.accept();
    });
    await pierce('[data-action="start-over"]').click();
    await page.waitForFunction(() =>
      document.querySelector("assurance-check").shadowRoot.querySelectorAll('input[type="radio"]:checked').length === 0,
    );
    assert.deepEqual(dialogs, ["confirm"]);

    // Open the saved file through the file input.
    const input = await page.$('pierce/input[type="file"][data-action="open"]');
    await input.uploadFile(saved);
    await page.waitForFunction(
      (n) => document.querySelector("assurance-check").shadowRoot.querySelectorAll('input[type="radio"]:checked').length === n,
      {},
      Object.keys(ANSWERS).length,
    );
    const reopened = await page.evaluate(readState);
    assert.deepEqual([reopened.answers, reopened.notes], [answered.answers, answered.notes]);

    // Switch language with the picker.
    const picker = await page.$("pierce/select#ac-language");
    await picker.select("es");
    await page.waitForFunction(() => document.querySelector("assurance-check").shadowRoot.querySelector('.ac[lang="es"]'));
    assert.deepEqual((await page.evaluate(readState)).answers, ANSWERS);

    // Print: the button calls window.print; the print view renders to a PDF (BiDi print).
    await pierce('[data-action="print"]').click();
    assert.equal(await page.evaluate(() => window.__printed), 1);
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 1000, "a PDF was printed");

    // Start over once more.
    page.once("dialog", (d) => d.accept());
    await pierce('[data-action="start-over"]').click();
    await page.waitForFunction(() =>
      document.querySelector("assurance-check").shadowRoot.querySelectorAll('input[type="radio"]:checked').length === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(refused, [], "nothing but the document was asked for");
    assert.ok(!requests.some((u) => /^(https?|wss?):/.test(u)), "no http(s) or websocket request");
    // BiDi network events do not report a file:// document (only data: fonts Firefox loads).
    assertClean({ requests, violations, errors, documentUrl: FILE_URL, documentSeen: false });
  } finally {
    await page.close();
  }
});

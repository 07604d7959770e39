// The live widget takes over the static one (issue 19): answers given, a note and the case
// fields typed and the focus placed in the static widget before the wasm starts are all in
// the live widget after,
// and the core has them (its verdict is the scenario's). The boot is held back by wrapping
// WebAssembly.compile in an init script until the test releases it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import * as h from "./helpers.mjs";
import { PAGES, url } from "./static-page.mjs";

const cases = await h.scenarios();
let browser;

before(async () => {
  browser = await h.launch();
});
after(async () => browser?.close());

/** A page whose wasm compiles only once `window.releaseBoot()` is called. */
async function heldPage(file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const compile = WebAssembly.compile;
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    window.releaseBoot = () => release();
    WebAssembly.compile = (bytes) => held.then(() => compile.call(WebAssembly, bytes));
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url(file));
  return { context, page, errors };
}

for (const { file } of [PAGES[0], PAGES[3]]) {
  test(`${file}: answers, a note, the case fields and the focus carry over into the live widget`, async () => {
    const { context, page, errors } = await heldPage(file);
    const c = cases.find((x) => x.verdict === "barred" && Object.keys(x.answers).length >= 5);
    await h.answerScenario(page, c.answers);
    assert.equal(await page.locator("[data-verdict]").count(), 0, "the live widget has not started");
    const typed = "Seen by a doctor on 2 March.\nBruises on both arms.";
    // Issue 14, item 7: the case fields are in the static widget too, and carried over.
    const reference = "CASE 7/2026 أ";
    await page.locator('input[name="case_reference"]').fill(reference);
    await page.locator('input[name="case_prepared_by"]').fill("A. Barrister");
    await page.locator('fieldset[data-question="personal_risk"] details.notes summary').click();
    const area = page.locator(h.$.note("personal_risk"));
    await area.fill(typed);
    await area.evaluate((t) => t.setSelectionRange(5, 7));
    const top = () =>
      page.evaluate(() => document.querySelector("assurance-check").shadowRoot.querySelector(".layout").getBoundingClientRect().top);
    const before = await top();
    await page.evaluate(() => window.releaseBoot());
    await page.locator("[data-verdict]").waitFor();
    // The static widget holds the live one's inert picker and case-file buttons: no jump.
    assert.equal(await top(), before, "the questions and the panel stay where they were");
    const live = await h.readWidget(page);
    assert.equal(live.verdict, c.verdict);
    const after = await page.evaluate(() => {
      const root = document.querySelector("assurance-check").shadowRoot;
      const focused = root.activeElement;
      return {
        staticRoots: root.querySelectorAll("[data-static-root]").length,
        checked: Object.fromEntries([...root.querySelectorAll("input[type=radio]:checked")].map((r) => [r.name, r.value])),
        note: root.querySelector('textarea[data-note="personal_risk"]').value,
        open: root.querySelector('textarea[data-note="personal_risk"]').closest("details").open,
        focus: focused && [focused.dataset.note, focused.selectionStart, focused.selectionEnd],
        case: [...root.querySelectorAll(".case-fields input")].map((i) => [i.name, i.value]),
      };
    });
    assert.deepEqual(after, {
      staticRoots: 0,
      checked: c.answers,
      note: typed,
      open: true,
      focus: ["personal_risk", 5, 7],
      case: [
        ["case_reference", reference],
        ["case_prepared_by", "A. Barrister"],
      ],
    });
    // And the core has them: the saved file's name carries the reference (reduced).
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="save"]').click()]);
    assert.match(download.suggestedFilename(), /^assurance-check-CASE-7-2026-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(await readFile(await download.path(), "utf8"));
    assert.deepEqual(saved.case, { reference, prepared_by: "A. Barrister" });
    assert.equal(live.widgets, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("a focused radio keeps the focus through the takeover", async () => {
  const { context, page, errors } = await heldPage("assurance-check.html");
  await h.answer(page, "transfer_kind", "extradition");
  await page.evaluate(() => window.releaseBoot());
  await page.locator("[data-verdict]").waitFor();
  const focused = await page.evaluate(() => {
    const f = document.querySelector("assurance-check").shadowRoot.activeElement;
    return f && [f.name, f.value, f.checked];
  });
  assert.deepEqual(focused, ["transfer_kind", "extradition", true]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a language's page still switches language in place and keeps the answers", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url("assurance-check.fr.html"));
  await page.locator("[data-verdict]").waitFor();
  const c = cases.find((x) => x.verdict === "barred");
  await h.answerScenario(page, c.answers);
  await page.locator("select[data-action=language]").selectOption("es");
  await page.waitForFunction(() => document.querySelector("assurance-check").shadowRoot.querySelector(".ac")?.lang === "es");
  const live = await h.readWidget(page);
  assert.equal(live.verdict, c.verdict);
  const checked = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("input[type=radio]:checked")].map((r) => [r.name, r.value]),
    ),
  );
  assert.deepEqual(checked, c.answers);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "fr", "the page's own text stays French");
  await context.close();
});

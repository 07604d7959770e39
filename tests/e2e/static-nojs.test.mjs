// The four one-file pages with JavaScript really disabled (Chromium, file://), issue 19: the
// static questionnaire in <assurance-check>'s declarative shadow root gives the core's
// verdict, statuses, open questions and findings for every scenario file, answered by
// clicking; each page is in its own language; printing gives the report, typed notes too.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as h from "./helpers.mjs";
import { PAGES, clearStatic, fromCore, oracle, readStatic, url } from "./static-page.mjs";

const cases = await h.scenarios();
let browser;
let context;
let expected;

before(async () => {
  expected = oracle(cases.map((c) => c.answers), "nojs");
  browser = await h.launch();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await context.route("**/*", (route) =>
    route.request().url().startsWith("file:") ? route.continue() : route.abort(),
  );
});

after(async () => {
  await browser?.close();
});

for (const { lang, dir, file } of PAGES) {
  describe(`${file} without JavaScript`, () => {
    let page;
    before(async () => {
      page = await context.newPage();
      await page.goto(url(file));
    });
    after(async () => page?.close());

    test(`is in ${lang}, ${dir}, and holds the static widget`, async () => {
      // A script added to the page does not run: only the test's own evaluation does.
      await page.evaluate(() => {
        const probe = document.createElement("script");
        probe.textContent = 'document.body.dataset.probe = "ran"';
        document.body.append(probe);
        probe.remove();
      });
      const seen = await page.evaluate(() => {
        const root = document.querySelector("assurance-check").shadowRoot;
        return {
          probe: document.body.dataset.probe ?? null,
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          widgetLang: root?.querySelector(".ac")?.lang,
          radios: root?.querySelectorAll("[data-static-root] input[type=radio]").length,
          notes: root?.querySelectorAll("[data-static-root] textarea[data-note]").length,
          notice: root?.querySelector("[data-static-notice]")?.checkVisibility(),
          current: document.querySelector(".languages [aria-current]")?.getAttribute("lang"),
          inert: [...root.querySelectorAll("[data-static-scripted]")].filter((e) => e.checkVisibility()).length,
        };
      });
      assert.deepEqual(seen, { probe: null, lang, dir, widgetLang: lang, radios: seen.radios, notes: h.QUESTIONS.length, notice: false, current: lang, inert: 0 });
      assert.ok(seen.radios > 40, `${seen.radios} radios`);
    });

    cases.forEach((c, i) => {
      test(`${c.file}: ${c.name}`, async () => {
        await page.evaluate(clearStatic);
        await h.answerScenario(page, c.answers);
        assert.deepEqual(await page.evaluate(`(${readStatic})()`), fromCore(expected[i]));
      });
    });
  });
}

test("printing without script gives the results, the chosen answers and the typed notes", async () => {
  const page = await context.newPage();
  await page.goto(url("assurance-check.html"));
  const barred = cases.find((c) => c.verdict === "barred");
  await h.answerScenario(page, barred.answers);
  const typed = "Interview of 3 May: the person was beaten in custody.";
  await page.locator('fieldset[data-question="systematic_torture"] details.notes summary').click();
  await page.locator(h.$.note("systematic_torture")).fill(typed);
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const root = document.querySelector("assurance-check").shadowRoot;
    const visible = (sel) => [...root.querySelectorAll(sel)].filter((e) => e.checkVisibility()).length;
    return {
      masthead: document.querySelector("header.masthead").checkVisibility(),
      verdict: [...root.querySelectorAll("[data-static-verdict]")].filter((e) => e.checkVisibility()).map((e) => e.dataset.staticVerdict),
      chosen: visible(".choice:has(input:checked)"),
      unchosen: visible(".choice:not(:has(input:checked))"),
      checked: root.querySelectorAll("input:checked").length,
      notes: [...root.querySelectorAll("textarea[data-note]")].filter((e) => e.checkVisibility()).map((e) => [e.dataset.note, e.value]),
      noteHeight: root.querySelector('textarea[data-note="systematic_torture"]').getBoundingClientRect().height,
      help: visible(".help p"),
    };
  });
  assert.deepEqual(printed, {
    masthead: false,
    verdict: ["barred"],
    chosen: printed.checked,
    unchosen: 0,
    checked: printed.checked,
    notes: [["systematic_torture", typed]],
    noteHeight: printed.noteHeight,
    help: 0,
  });
  assert.ok(printed.checked >= Object.keys(barred.answers).length - 2, `${printed.checked} answers printed`);
  assert.ok(printed.noteHeight > 10, "the note is printed at its text's height");
  const pdf = await page.pdf();
  assert.ok(pdf.length > 10000, `a PDF of ${pdf.length} bytes`);
  await page.close();
});

// Issue 14, items 5, 6, 10-13: every answer reviewable ("Check your answers", Change, the next
// unanswered question, a count that names what may still appear), a page that starts with the
// question on a phone, full-width results on desktop that the keyboard reaches, the browser's
// language on the default page, 44 px controls, a skip link and few landmarks. Chromium here,
// served and from file://; Firefox ESR at the end of the file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as h from "./helpers.mjs";

let server;
let browser;
h.startServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const PAGES = { en: "assurance-check.html", fr: "assurance-check.fr.html", es: "assurance-check.es.html", ar: "assurance-check.ar.html" };
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1366, height: 768 };
const PASS = "correct horse battery staple";
const SEAL = ["#ac-seal-1", "#ac-seal-2"];
const UNLOCK = "#ac-unlock-1";
const where = {
  served: (lang) => `${server.origin}/${PAGES[lang]}`,
  file: (lang) => pathToFileURL(join(h.DIST, PAGES[lang])).href,
};

/** A page on `url`, live (waits for the wasm's widget) or without script. */
async function open(url, { viewport = PHONE, script = true, locale = "en-US" } = {}) {
  const context = await browser.newContext({ viewport, locale, javaScriptEnabled: script });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  if (script) await page.locator("[data-verdict]").waitFor();
  else await page.locator("[data-static-question]").first().waitFor({ state: "attached" });
  return { context, page, errors };
}

/** Boxes of widget elements, in page coordinates (scroll offset added). */
const box = (page, selector) =>
  page.evaluate((sel) => {
    const e = document.querySelector("assurance-check").shadowRoot.querySelector(sel);
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: r.width, height: r.height };
  }, selector);

/** What has focus inside the widget: the question it belongs to, and the control. */
const focused = (page) =>
  page.evaluate(() => {
    const a = document.querySelector("assurance-check").shadowRoot.activeElement;
    return a && { question: a.closest("fieldset[data-question]")?.dataset.question ?? null, tag: a.tagName, text: a.textContent, inResults: !!a.closest(".results") };
  });

const progressText = (page) => page.locator(".panel .progress-text").textContent();

for (const via of ["served", "file"]) {
  test(`375×812 (${via}): the first question starts within two screens in every language, with and without script; the verdict area is one line; the findings follow the questions`, async () => {
    for (const lang of Object.keys(PAGES)) {
      for (const script of [false, true]) {
        const { context, page, errors } = await open(where[via](lang), { script });
        try {
          const label = `${lang}, ${script ? "live" : "no script"}`;
          const first = await box(page, 'fieldset[data-question="transfer_kind"]');
          assert.ok(first.top < 2 * PHONE.height, `${label}: first question at ${first.top}`);
          const questions = await box(page, ".questions");
          const findings = await box(page, ".findings-part");
          assert.ok(findings.top >= questions.bottom, `${label}: findings after the questions`);
          const summary = await box(page, ".panel");
          assert.ok(summary.top >= questions.bottom, `${label}: the summary after the questions`);
          if (script) {
            // Before any answer the verdict in view is the bar's one line.
            const title = await box(page, ".bar-title");
            assert.ok(title.height > 0 && title.height < 30, `${label}: bar title ${title.height}px`);
            assert.ok((await box(page, ".bar")).top < first.top, `${label}: the bar above the questions`);
          }
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    }
  });
}

test("1366×768: a compact sticky summary beside the questions, full-width results after them, and the keyboard reaches the findings", async () => {
  for (const lang of ["en", "ar"]) {
    const { context, page } = await open(where.served(lang), { viewport: DESKTOP });
    try {
      await h.answerScenario(page, { assurances_subject: "torture", systematic_torture: "yes", tribunal_review: "no" });
      await page.evaluate(() => window.scrollTo(0, 0));
      const summary = await box(page, ".panel");
      const questions = await box(page, ".questions");
      const results = await box(page, ".results");
      const layout = await box(page, ".layout");
      assert.ok(summary.width < questions.width, `${lang}: the summary is the narrow column`);
      assert.ok(Math.abs(summary.top - questions.top) < 5, `${lang}: beside the questions`);
      assert.ok(results.top >= questions.bottom, `${lang}: the results follow the questions`);
      assert.ok(results.width > 0.95 * layout.width, `${lang}: the results are full width`);
      // The summary holds the verdict, the count and the circumstances, and links to the results.
      for (const sel of [".panel [data-verdict]", ".panel .progress-text", ".panel [data-circumstance]", '.panel [data-review="results"]']) {
        assert.ok(await box(page, sel), `${lang}: ${sel} in the summary`);
      }
      assert.ok(!(await box(page, ".panel .findings")), `${lang}: no findings in the sticky summary`);
      // Tab from the last question on: focus reaches the results (after the findings).
      await page.locator(h.$.radio("reported_to_treaty_bodies", "yes")).focus();
      let f;
      for (let i = 0; i < 80 && !f?.inResults; i += 1) {
        await page.keyboard.press("Tab");
        f = await focused(page);
      }
      assert.ok(f?.inResults, `${lang}: Tab reaches the results`);
      // Scrolled to, the findings are in view, whole, and not inside a scroll box.
      await page.evaluate(() => {
        const list = document.querySelector("assurance-check").shadowRoot.querySelector(".findings");
        window.scrollTo(0, list.getBoundingClientRect().top + scrollY - 40);
      });
      const seen = await page.evaluate(() => {
        const list = document.querySelector("assurance-check").shadowRoot.querySelector(".findings");
        const r = list.getBoundingClientRect();
        const boxed = [];
        for (let e = list; e; e = e.parentElement) {
          const o = getComputedStyle(e).overflowY;
          if ((o === "auto" || o === "scroll") && e.scrollHeight > e.clientHeight) boxed.push(e.className);
        }
        return { top: r.top, height: r.height, items: list.children.length, boxed };
      });
      assert.ok(seen.items > 0 && seen.top >= 0 && seen.top < DESKTOP.height, `${lang}: findings in view ${JSON.stringify(seen)}`);
      assert.deepEqual(seen.boxed, [], `${lang}: the findings are not in a scroll box`);
      // The summary's link takes focus to the results.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('.panel [data-review="results"]').click();
      assert.equal((await focused(page)).inResults, true, `${lang}: the results link`);
    } finally {
      await context.close();
    }
  }
});

for (const via of ["served", "file"]) {
  test(`Check your answers (${via}): every shown question with its answer or "Not answered"; Change and "next unanswered" move focus; unanswered questions are marked`, async () => {
    for (const [lang, notAnswered] of [["en", "Not answered"], ["ar", "لم تتم الإجابة"]]) {
      const { context, page } = await open(where[via](lang));
      try {
        await h.answer(page, "transfer_kind", "extradition");
        await h.answer(page, "systematic_torture", "no");
        const rows = await page.evaluate(() =>
          [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("[data-review-question]")].map((r) => [
            r.dataset.reviewQuestion,
            r.querySelector(".answer").textContent,
          ]),
        );
        const shown = await page.evaluate(() =>
          [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("fieldset[data-question]")]
            .filter((f) => !f.hidden)
            .map((f) => f.dataset.question),
        );
        assert.deepEqual(rows.map((r) => r[0]), shown, `${lang}: one row per shown question, in order`);
        assert.equal(shown.length, 14);
        const byId = Object.fromEntries(rows);
        const radioLabel = (id, v) => page.locator(`${h.$.question(id)} label:has(${h.$.radio(id, v)})`).textContent();
        assert.equal(byId.transfer_kind, await radioLabel("transfer_kind", "extradition"));
        assert.equal(byId.systematic_torture, await radioLabel("systematic_torture", "no"));
        assert.equal(byId.personal_risk, notAnswered);
        // The questionnaire marks the unanswered questions, not the answered ones.
        assert.equal(await page.locator(`${h.$.question("personal_risk")} .unanswered-mark`).isVisible(), true);
        assert.equal(await page.locator(`${h.$.question("transfer_kind")} .unanswered-mark`).isVisible(), false);
        // Change: focus on the question's chosen answer, in view.
        await page.locator('[data-change="systematic_torture"]').click();
        let f = await focused(page);
        assert.deepEqual([f.question, f.tag], ["systematic_torture", "INPUT"], `${lang}: Change`);
        const at = await page.evaluate(() => document.querySelector("assurance-check").shadowRoot.activeElement.getBoundingClientRect().top);
        assert.ok(at > 0 && at < PHONE.height, `${lang}: the question is in view (${at})`);
        // Next unanswered: from systematic_torture, the next shown question without an answer.
        await page.locator('.bar [data-review="next"]').click();
        f = await focused(page);
        assert.equal(f.question, "no_effective_control", `${lang}: next unanswered`);
        await h.answer(page, "no_effective_control", "no");
        await page.locator(h.$.radio("no_effective_control", "no")).focus();
        await page.locator('.bar [data-review="next"]').click();
        assert.equal((await focused(page)).question, "group_targeted", `${lang}: next after an answer`);
      } finally {
        await context.close();
      }
    }
  });
}

test("the count says how many more questions may appear, so 14 does not silently become 15", async () => {
  const { context, page } = await open(where.served("en"));
  try {
    assert.equal(await progressText(page), "0 of 14 answered; up to 1 more may appear");
    await h.answer(page, "assurances_subject", "none");
    assert.equal(await progressText(page), "1 of 14 answered");
    await h.answer(page, "assurances_subject", "torture");
    assert.equal(await progressText(page), "1 of 15 answered");
    assert.match(await page.locator(".bar-progress").textContent(), /^1 of 15 answered$/);
  } finally {
    await context.close();
  }
  const ar = await open(where.served("ar"));
  try {
    assert.equal(await progressText(ar.page), "تمت الإجابة عن 0 من 14؛ قد تظهر أسئلة أخرى عددها 1 على الأكثر");
  } finally {
    await ar.context.close();
  }
});

for (const via of ["served", "file"]) {
  test(`language (${via}): an ar-EG browser gets Arabic on the English page; picking English sticks; a sealed Keep keeps the language, even locked, and Forget removes it`, async () => {
    const { context, page } = await open(where[via]("en"), { locale: "ar-EG" });
    try {
      const lang = () => page.evaluate(() => document.querySelector("assurance-check").shadowRoot.querySelector(".ac").lang);
      assert.equal(await lang(), "ar");
      // The picker is the widget's first control.
      const first = await page.evaluate(() => document.querySelector("assurance-check").shadowRoot.querySelector("select, button, input").id);
      assert.equal(first, "ac-language");
      await page.locator("#ac-language").selectOption("en");
      await page.locator('.ac[lang="en"]').waitFor();
      await h.answer(page, "systematic_torture", "yes");
      assert.equal(await lang(), "en", "the pick sticks after an answer");
      const stored = () => page.evaluate(() => Object.keys(localStorage).sort());
      assert.deepEqual(await stored(), [], "nothing stored before Keep");
      // On the pages Keep seals with a passphrase; the language is kept once a copy exists.
      const language = () => page.evaluate(() => localStorage.getItem("assurance-check/language"));
      await page.locator("#ac-keep").check();
      assert.equal(await language(), null, "no language kept before a passphrase is set");
      await page.locator(SEAL[0]).fill(PASS);
      await page.locator(SEAL[1]).fill(PASS);
      await page.locator('[data-action="seal"]').click();
      await page.waitForFunction(() => localStorage.getItem("assurance-check/answers") !== null);
      assert.equal(await language(), "en");
      await page.reload();
      await page.locator("[data-verdict]").waitFor();
      assert.equal(await page.locator("#ac-unlock-1").isVisible(), true, "the kept copy is locked");
      assert.equal(await lang(), "en", "kept: the locked page speaks English again, though the browser is Arabic");
      await page.locator("#ac-unlock-1").fill(PASS);
      await page.locator('[data-action="unlock"]').click();
      await page.waitForFunction(() => document.querySelector("assurance-check").shadowRoot.querySelector('input[name="systematic_torture"]:checked'));
      assert.equal(await lang(), "en", "still English once unlocked");
      await page.locator("#ac-language").selectOption("fr");
      await page.locator('.ac[lang="fr"]').waitFor();
      assert.equal(await language(), "fr");
      await page.locator('[data-action="forget"]').click();
      assert.deepEqual(await stored(), [], "Forget removes the language too");
    } finally {
      await context.close();
    }
  });
}

test("a page in its own language keeps it whatever the browser prefers", async () => {
  const { context, page } = await open(where.served("fr"), { locale: "ar-EG" });
  try {
    assert.equal(await page.evaluate(() => document.querySelector("assurance-check").shadowRoot.querySelector(".ac").lang), "fr");
  } finally {
    await context.close();
  }
});

/** The pages' controls added by issues 14 and 16, which the phone test must find and measure. */
const NEW_CONTROLS = ["ac-case_reference", "ac-case_prepared_by", "undo", "download-rtf", "ac-keep", "ac-seal-1", "ac-seal-2", "seal", "ac-unlock-1", "unlock"];

/** Drops an answers file on the widget, as a user would drag one onto it. */
const dropFile = (page) =>
  page.evaluate(() => {
    const file = { format: "assurance-check/answers", version: 1, answers: { transfer_kind: "return", personal_risk: "yes" } };
    const data = new DataTransfer();
    data.items.add(new File([JSON.stringify(file)], "other.json", { type: "application/json" }));
    const questions = document.querySelector("assurance-check").shadowRoot.querySelector(".questions");
    questions.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  });

/** Every control's hit area in the widget: the label for radios and checkboxes. */
const hitAreas = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("assurance-check").shadowRoot;
    const out = [];
    for (const c of root.querySelectorAll("button, select, summary, input, textarea")) {
      // An input inside a label (radio, checkbox, switch, file) is hit through the label.
      const target = (c.matches("input") && c.closest("label")) || c;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (closed, hidden)
      const name = c.id || c.dataset.action || c.className || c.getAttribute("type") || "";
      out.push({ what: `${c.tagName} ${name} ${c.textContent.trim().slice(0, 30)}`, w: r.width, h: r.height });
    }
    return out;
  });

test("375×812: every control is at least 44×44 px, the skip link comes first and leads to the questions, and there are at most 4 regions", async () => {
  for (const lang of ["en", "ar"]) {
    for (const via of ["served", "file"]) {
      const { context, page } = await open(where[via](lang));
      try {
        await page.keyboard.press("Tab");
        const skip = await page.evaluate(() => ({
          text: document.activeElement.textContent,
          box: document.activeElement.getBoundingClientRect().height,
        }));
        assert.equal(skip.text, lang === "en" ? "Skip to the questions" : "انتقل إلى الأسئلة");
        assert.ok(skip.box >= 44, `skip link ${skip.box}px`);
        await page.keyboard.press("Enter");
        assert.equal((await focused(page))?.question, "transfer_kind", `${lang} ${via}: the skip link leads to the first question`);
        await h.answer(page, "systematic_torture", "unknown");
        // A file that replaces the answers brings Undo; Keep opens its passphrase form.
        await dropFile(page);
        await page.locator('[data-action="undo"]').waitFor();
        const areas = await hitAreas(page);
        await page.locator("#ac-keep").check();
        await page.locator(SEAL[0]).waitFor();
        areas.push(...(await hitAreas(page)));
        // Sealed and reloaded: the unlock form.
        await page.locator(SEAL[0]).fill(PASS);
        await page.locator(SEAL[1]).fill(PASS);
        await page.locator('[data-action="seal"]').click();
        await page.waitForFunction(() => localStorage.getItem("assurance-check/answers") !== null);
        await page.reload();
        await page.locator(UNLOCK).waitFor();
        areas.push(...(await hitAreas(page)));
        const small = areas.filter((a) => a.w < 44 || a.h < 44);
        assert.deepEqual(small, [], `${lang} ${via}: controls under 44×44`);
        for (const name of NEW_CONTROLS) {
          assert.ok(areas.some((a) => a.what.split(" ")[1] === name), `${lang} ${via}: ${name} measured`);
        }
        const regions = await page.evaluate(() => {
          const named = (e) => e.hasAttribute("aria-label") || e.hasAttribute("aria-labelledby");
          const all = [...document.querySelectorAll("*"), ...document.querySelector("assurance-check").shadowRoot.querySelectorAll("*")];
          return all.filter((e) => e.getAttribute("role") === "region" || (e.tagName === "SECTION" && named(e))).length;
        });
        assert.ok(regions <= 4, `${lang} ${via}: ${regions} regions`);
      } finally {
        await context.close();
      }
    }
  }
});

// Issue 14, items 5, 10-13 in Firefox ESR (puppeteer-core over WebDriver BiDi, as
// firefox.test.mjs drives it), served and from file://, in English and Arabic: the first
// question within two screens of a phone, "Check your answers" with Change and the next
// unanswered question, the results after the questions on desktop and reached by Tab, the
// browser's language on the default page, 44 px controls and the skip link.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import * as h from "./helpers.mjs";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const skip = existsSync(FIREFOX) ? false : `${FIREFOX} is not installed (scripts/setup installs firefox-esr)`;
const PAGES = { en: "assurance-check.html", ar: "assurance-check.ar.html" };
const PHONE = { width: 375, height: 812 };

let server;
let browser;
let arabic; // a second Firefox whose preferred language is Arabic (Egypt)

const launch = (prefs = {}) =>
  puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    protocol: "webDriverBiDi",
    extraPrefsFirefox: { "intl.accept_languages": "en-US, en", ...prefs },
  });

before(async () => {
  if (skip) return;
  server = await h.serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await arabic?.close();
  await server?.close();
});

const url = (via, lang) => (via === "served" ? `${server.origin}/${PAGES[lang]}` : pathToFileURL(join(h.DIST, PAGES[lang])).href);
const pierce = (page) => ({ locator: (selector) => page.locator(`pierce/${selector}`) });

async function open(target, viewport = PHONE, on = browser) {
  const page = await on.newPage();
  await page.setViewport(viewport);
  await page.goto(target);
  await page.waitForFunction(() => document.querySelector("assurance-check")?.shadowRoot?.querySelector("[data-verdict]"));
  return page;
}

/** Boxes in page coordinates. */
const boxes = (page, selectors) =>
  page.evaluate((sels) => {
    const root = document.querySelector("assurance-check").shadowRoot;
    return sels.map((s) => {
      const r = root.querySelector(s)?.getBoundingClientRect();
      return r && { top: r.top + scrollY, bottom: r.bottom + scrollY, height: r.height, width: r.width };
    });
  }, selectors);

const focusedQuestion = (page) =>
  page.evaluate(() => document.querySelector("assurance-check").shadowRoot.activeElement?.closest("fieldset[data-question]")?.dataset.question ?? null);

for (const via of ["served", "file"]) {
  test(`Firefox ESR, 375×812 (${via}): the first question within two screens, the verdict bar one line, the summary and findings after the questions`, { skip }, async () => {
    for (const lang of Object.keys(PAGES)) {
      const page = await open(url(via, lang));
      try {
        const [first, questions, summary, findings, title] = await boxes(page, [
          'fieldset[data-question="transfer_kind"]',
          ".questions",
          ".panel",
          ".findings-part",
          ".bar-title",
        ]);
        assert.ok(first.top < 2 * PHONE.height, `${lang}: first question at ${first.top}`);
        assert.ok(summary.top >= questions.bottom && findings.top >= questions.bottom, `${lang}: results after the questions`);
        assert.ok(title.height > 0 && title.height < 30, `${lang}: bar title ${title.height}px`);
      } finally {
        await page.close();
      }
    }
  });

  test(`Firefox ESR (${via}): Check your answers lists every shown question; Change and "next unanswered" move focus`, { skip }, async () => {
    for (const [lang, notAnswered] of [["en", "Not answered"], ["ar", "لم تتم الإجابة"]]) {
      const page = await open(url(via, lang));
      try {
        await h.answer(pierce(page), "systematic_torture", "no");
        const rows = await page.evaluate(() =>
          [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("[data-review-question]")].map((r) => [
            r.dataset.reviewQuestion,
            r.querySelector(".answer").textContent,
          ]),
        );
        assert.equal(rows.length, 14, lang);
        assert.equal(Object.fromEntries(rows).personal_risk, notAnswered);
        await pierce(page).locator('[data-change="systematic_torture"]').click();
        assert.equal(await focusedQuestion(page), "systematic_torture", `${lang}: Change`);
        await pierce(page).locator('.bar [data-review="next"]').click();
        assert.equal(await focusedQuestion(page), "no_effective_control", `${lang}: next unanswered`);
      } finally {
        await page.close();
      }
    }
  });
}

test("Firefox ESR, 1366×768: the results follow the questions full width, Tab reaches them, the findings are not in a scroll box", { skip }, async () => {
  for (const lang of Object.keys(PAGES)) {
    const page = await open(url("served", lang), { width: 1366, height: 768 });
    try {
      await h.answerScenario(pierce(page), { systematic_torture: "yes", tribunal_review: "no" });
      await page.evaluate(() => window.scrollTo(0, 0));
      const [summary, questions, results, layout] = await boxes(page, [".panel", ".questions", ".results", ".layout"]);
      assert.ok(summary.width < questions.width && Math.abs(summary.top - questions.top) < 5, `${lang}: summary beside`);
      assert.ok(results.top >= questions.bottom && results.width > 0.95 * layout.width, `${lang}: results full width after`);
      // From the last shown question (the treaty-body one is hidden: no assurances answered).
      await page.evaluate(() =>
        document.querySelector("assurance-check").shadowRoot.querySelector('input[name="post_return_monitoring"]').focus(),
      );
      let inResults = false;
      for (let i = 0; i < 80 && !inResults; i += 1) {
        await page.keyboard.press("Tab");
        inResults = await page.evaluate(() => !!document.querySelector("assurance-check").shadowRoot.activeElement?.closest(".results"));
      }
      assert.ok(inResults, `${lang}: Tab reaches the results`);
      const boxed = await page.evaluate(() => {
        const out = [];
        for (let e = document.querySelector("assurance-check").shadowRoot.querySelector(".findings"); e; e = e.parentElement) {
          const o = getComputedStyle(e).overflowY;
          if ((o === "auto" || o === "scroll") && e.scrollHeight > e.clientHeight) out.push(e.className);
        }
        return out;
      });
      assert.deepEqual(boxed, [], `${lang}: no scroll box around the findings`);
    } finally {
      await page.close();
    }
  }
});

for (const via of ["served", "file"]) {
  test(`Firefox ESR (${via}): an ar-EG browser gets Arabic on the English page, and picking English sticks`, { skip }, async () => {
    arabic ??= await launch({ "intl.accept_languages": "ar-EG, ar" });
    const page = await open(url(via, "en"), PHONE, arabic);
    try {
      const lang = () => page.evaluate(() => document.querySelector("assurance-check").shadowRoot.querySelector(".ac").lang);
      assert.equal(await lang(), "ar");
      await page.evaluate(() => {
        const select = document.querySelector("assurance-check").shadowRoot.querySelector("#ac-language");
        select.value = "en";
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
      await page.waitForFunction(() => document.querySelector("assurance-check").shadowRoot.querySelector('.ac[lang="en"]'));
      await h.answer(pierce(page), "systematic_torture", "yes");
      assert.equal(await lang(), "en");
    } finally {
      await page.close();
    }
  });
}

/** The rendered controls' hit areas: the label for an input inside one. */
const hitAreas = (page) =>
  page.evaluate(() => {
    const out = [];
    for (const c of document.querySelector("assurance-check").shadowRoot.querySelectorAll("button, select, summary, input, textarea")) {
      const r = ((c.matches("input") && c.closest("label")) || c).getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      out.push({ name: c.id || c.dataset.action || c.className, text: c.textContent.trim().slice(0, 30), w: r.width, h: r.height });
    }
    return out;
  });

test("Firefox ESR, 375×812: controls of at least 44×44 px, and the skip link first, to the first question", { skip }, async () => {
  for (const lang of Object.keys(PAGES)) {
    const page = await open(url("file", lang));
    try {
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.className), "skip", `${lang}: the skip link first`);
      await page.keyboard.press("Enter");
      assert.equal(await focusedQuestion(page), "transfer_kind", `${lang}: to the first question`);
      // An answer, then a dropped file that replaces it (Undo), then Keep's passphrase form.
      await h.answer(pierce(page), "systematic_torture", "unknown");
      await page.evaluate(() => {
        const file = { format: "assurance-check/answers", version: 1, answers: { transfer_kind: "return" } };
        const data = new DataTransfer();
        data.items.add(new File([JSON.stringify(file)], "other.json", { type: "application/json" }));
        const questions = document.querySelector("assurance-check").shadowRoot.querySelector(".questions");
        questions.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      });
      await page.locator('pierce/[data-action="undo"]').wait();
      const areas = await hitAreas(page);
      await page.locator("pierce/#ac-keep").click();
      await page.locator("pierce/#ac-seal-1").wait();
      areas.push(...(await hitAreas(page)));
      assert.deepEqual(areas.filter((a) => a.w < 44 || a.h < 44), [], `${lang}: controls under 44×44`);
      for (const name of ["ac-case_reference", "ac-case_prepared_by", "undo", "download-rtf", "ac-keep", "ac-seal-1", "ac-seal-2", "seal"]) {
        assert.ok(areas.some((a) => a.name === name), `${lang}: ${name} measured`);
      }
    } finally {
      await page.close();
    }
  }
});

// Languages in the browser: the picker switches the widget's language in place, keeping
// answers, notes and focus; each language renders with no English left over, right to left
// for Arabic; axe-core finds nothing in any language; a screenshot of each for a person.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as h from "./helpers.mjs";

let server;
let browser;
h.startServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const LANGS = { fr: "ltr", es: "ltr", ar: "rtl" };

// Words that are the same in English and the language (mirrors tests/i18n.rs).
const SAME_AS_ENGLISH = {
  fr: ["Expulsion", "Extradition", "Notes", "Note", "Questionnaire"],
  es: ["No"],
  ar: [],
};

// A citation label or number, the same in every language: "R2(c)", "¶2, FN1", "3 / 15".
const isCode = (text) => /^[\s\dA-Z()¶.,;:/·\-\u2066-\u2069]*$/.test(text.replace(/\([a-e]\)/g, ""));

// A finding's citation (`cites`), the same in every language: statement labels, then the
// instruments and decided cases as published ("¶2, FN1; CAT Art. 3; ICCPR Art. 7").
const isCitation = (text) =>
  text
    .replace(/[\u2066-\u2069]/g, "")
    .split("; ")
    .every((part) => /^(¶|R\d|I\d|FN\d|CAT |ICCPR |ECHR |ECtHR |EU Charter |Refugee Convention |.+ v\. )/.test(part));

// An authority's citation in its official form, the same in every language (RULES.md,
// "Authorities"): a decided case ("… v. …") or a document of a treaty body or monitoring body.
const isAuthority = (text) =>
  isCitation(text) ||
  /^((Committee against Torture|Human Rights Committee), general comment No\. |CPT, |Interim report of the Special Rapporteur on torture )/.test(
    text.replace(/[\u2066-\u2069]/g, ""),
  );

const ANSWERS = {
  transfer_kind: "extradition",
  assurances_subject: "torture",
  systematic_torture: "unknown",
  group_targeted: "yes",
  tribunal_review: "no",
};

/** Every text node of the widget, trimmed, except the names in the language picker. */
function widgetTexts(page) {
  return page.evaluate(() => {
    const root = document.querySelector("assurance-check").shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("select")) continue;
      const text = node.textContent.trim();
      if (text) texts.add(text);
    }
    return [...texts];
  });
}

async function pick(page, code) {
  await page.locator("select#ac-language").selectOption(code);
  await page.locator(`.ac[lang="${code}"]`).waitFor();
}

async function openAnswered(options = {}) {
  const opened = await h.openWidget(browser, server, options);
  opened.page.setDefaultTimeout(5000);
  await h.answerScenario(opened.page, ANSWERS);
  await opened.page.locator(`${h.$.question("systematic_torture")} .notes summary`).click();
  await opened.page.locator(h.$.note("systematic_torture")).fill("CAT/C/XXX/CO/3, para 12 — note");
  return opened;
}

describe("the language picker", () => {
  test("switching keeps answers, notes, the verdict and the picker's focus", async () => {
    const { context, page, requests } = await openAnswered();
    try {
      const before = await h.readWidget(page);
      await pick(page, "fr");
      const afterSwitch = await h.readWidget(page);
      assert.equal(afterSwitch.widgets, 1);
      assert.equal(afterSwitch.verdict, before.verdict);
      assert.deepEqual(afterSwitch.statuses, before.statuses);
      assert.deepEqual(afterSwitch.findings.map((f) => f.id), before.findings.map((f) => f.id));
      for (const [id, value] of Object.entries(ANSWERS)) {
        assert.equal(await page.locator(h.$.radio(id, value)).isChecked(), true, `${id} kept`);
      }
      assert.equal(await page.locator(h.$.note("systematic_torture")).inputValue(), "CAT/C/XXX/CO/3, para 12 — note");
      const focused = await page.evaluate(
        () => document.querySelector("assurance-check").shadowRoot.activeElement?.id,
      );
      assert.equal(focused, "ac-language", "focus returns to the picker");
      assert.equal(await page.locator("assurance-check").getAttribute("lang"), "fr");
      assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), []);
    } finally {
      await context.close();
    }
  });

  test("the element's lang attribute chooses the language at start-up", async () => {
    const { context, page } = await h.openWidget(browser, server);
    try {
      await page.evaluate(() => document.querySelector("assurance-check").setAttribute("lang", "es"));
      await page.locator('.ac[lang="es"]').waitFor();
      assert.equal(await page.locator("select#ac-language").inputValue(), "es");
    } finally {
      await context.close();
    }
  });
});

describe("each language renders with no English left over", () => {
  for (const [code, dir] of Object.entries(LANGS)) {
    test(code, async () => {
      const { context, page } = await openAnswered();
      try {
        const english = new Set(await widgetTexts(page));
        await pick(page, code);
        assert.equal(await page.locator(".ac").getAttribute("dir"), dir);
        const left = (await widgetTexts(page)).filter(
          (t) =>
            english.has(t) && !isCode(t) && !isAuthority(t) && !SAME_AS_ENGLISH[code].includes(t) && !t.includes("CAT/C/XXX"),
        );
        assert.deepEqual(left, [], `${code}: English text left over`);
        if (code === "ar") {
          const arabic = (await widgetTexts(page)).filter((t) => /[\u0600-\u06ff]/.test(t));
          assert.ok(arabic.length > 40, "the widget is written in Arabic");
        }
      } finally {
        await context.close();
      }
    });
  }
});

describe("axe-core and screenshots in every language", () => {
  for (const code of ["en", ...Object.keys(LANGS)]) {
    test(code, async () => {
      const { context, page } = await openAnswered({ bypassCSP: true });
      try {
        if (code !== "en") await pick(page, code);
        const violations = await h.axe(page);
        assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), [], `${code}: axe violations`);
        await h.screenshot(page, `lang-${code}-1280`, { fullPage: false });
        if (code === "ar") {
          await page.setViewportSize({ width: 375, height: 812 });
          await page.locator(".ac").evaluate((el) => el.scrollIntoView());
          await h.screenshot(page, "lang-ar-375");
        }
      } finally {
        await context.close();
      }
    });
  }
});

// Issue 18: beside each R2 question, what Yes, No and Don't know mean (the evidential
// standard of R2's chapeau), in every language; the other questions carry none.
const R2_QUESTIONS = [
  "systematic_torture", "no_effective_control", "group_targeted", "person_in_group",
  "personal_risk", "onward_transfer", "other_grounds",
];
// The opening words of "Yes" in each catalog, so that a missing translation fails.
const STANDARD_YES = {
  en: "Credible, reliable evidence",
  fr: "Des éléments crédibles et fiables",
  es: "Pruebas creíbles y fiables",
  ar: "تقدّم أدلة موثوقة",
};

describe("the evidential standard is shown beside each R2 question", () => {
  for (const code of ["en", ...Object.keys(LANGS)]) {
    test(code, async () => {
      const { context, page } = await h.openWidget(browser, server);
      try {
        if (code !== "en") await pick(page, code);
        const fieldsets = await page.evaluate(() =>
          [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("fieldset[data-question]")].map((f) => {
            const s = f.querySelector("[data-standard]");
            return {
              id: f.dataset.question,
              items: s ? [...s.querySelectorAll("li")].map((li) => li.textContent) : null,
              visible: s ? s.getBoundingClientRect().height > 0 && getComputedStyle(s).visibility !== "hidden" : false,
            };
          }),
        );
        assert.equal(fieldsets.length, 15);
        for (const f of fieldsets) {
          if (!R2_QUESTIONS.includes(f.id)) {
            assert.equal(f.items, null, `${code}: ${f.id} is not an R2 question`);
            continue;
          }
          assert.ok(f.visible, `${code}: the standard beside ${f.id} is visible`);
          assert.equal(f.items.length, 3, `${code}: ${f.id}: yes, no, don't know`);
          assert.ok(f.items[0].includes(STANDARD_YES[code]), `${code}: ${f.id}: ${f.items[0]}`);
        }
      } finally {
        await context.close();
      }
    });
  }
});

// Layout and screenshots: the panel sits beside the questions and stays in view on wide
// screens, follows them on narrow ones (with the bar above them), and the page is
// photographed at 1280×800 and 375×812 into tests/artifacts/ for a person to look at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import * as h from "./helpers.mjs";

let server;
let browser;
h.startServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const boxes = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("assurance-check").shadowRoot;
    const box = (sel) => {
      const r = root.querySelector(sel).getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    };
    return { panel: box(".panel"), verdict: box("[data-verdict]"), questions: box(".questions"), bar: box(".bar") };
  });

const scrollToWidget = (page, selector = ".layout") =>
  page.evaluate((sel) => {
    const e = document.querySelector("assurance-check").shadowRoot.querySelector(sel);
    window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 16);
  }, selector);

const STATES = {
  barred: { transfer_kind: "extradition", assurances_subject: "torture", systematic_torture: "yes", tribunal_review: "no" },
  undetermined: { assurances_subject: "both", systematic_torture: "no", group_targeted: "yes", person_in_group: "unknown" },
  not_indicated: {
    assurances_subject: "none",
    systematic_torture: "no",
    no_effective_control: "no",
    group_targeted: "no",
    personal_risk: "no",
    onward_transfer: "no",
    other_grounds: "no",
  },
};

test("1280×800: the panel is beside the questions and stays in view", async () => {
  const { context, page } = await h.openWidget(browser, server, { viewport: { width: 1280, height: 800 } });
  try {
    await h.screenshot(page, "1280-page-top");
    await h.screenshot(page, "1280-page-full", { fullPage: true });
    await scrollToWidget(page);
    await h.screenshot(page, "1280-empty");
    let b = await boxes(page);
    assert.ok(b.panel.right <= b.questions.left, "panel beside the questions");
    assert.equal(b.bar.height, 0, "no bar on wide screens");

    for (const [state, answers] of Object.entries(STATES)) {
      await page.reload();
      await page.locator(h.$.verdict).waitFor();
      await h.answerScenario(page, answers);
      await scrollToWidget(page);
      await h.screenshot(page, `1280-${state}`);
    }

    // Scrolled far down the questions, the verdict is still on screen.
    // (window.scrollTo, as a reader scrolls: Chrome's scrollIntoView also scrolls the sticky
    // panel's own content, which no reader does by scrolling the page.)
    await page.evaluate(() => {
      const q = document.querySelector("assurance-check").shadowRoot.querySelector('[data-question="full_review"]');
      window.scrollTo(0, q.getBoundingClientRect().top + window.scrollY - 300);
    });
    b = await boxes(page);
    assert.ok(b.verdict.top >= 0 && b.verdict.bottom <= 800, `verdict in view: ${JSON.stringify(b.verdict)}`);
    await h.screenshot(page, "1280-scrolled");
  } finally {
    await context.close();
  }
});

test("375×812: the summary follows the questions, and the bar keeps the verdict in view", async () => {
  const { context, page } = await h.openWidget(browser, server, { viewport: { width: 375, height: 812 } });
  try {
    await h.screenshot(page, "375-page-top");
    await scrollToWidget(page, ".intro");
    await h.screenshot(page, "375-empty");
    let b = await boxes(page);
    assert.ok(b.panel.top >= b.questions.bottom, "summary after the questions (issue 14, item 10)");
    assert.ok(b.bar.bottom <= b.questions.top, "the bar above the questions");
    assert.ok(b.panel.width > 250, "panel takes the width");

    for (const [state, answers] of Object.entries(STATES)) {
      await page.reload();
      await page.locator(h.$.verdict).waitFor();
      await h.answerScenario(page, answers);
      await scrollToWidget(page);
      await h.screenshot(page, `375-${state}`);
    }

    await page.locator(h.$.question("full_review")).scrollIntoViewIfNeeded();
    b = await boxes(page);
    assert.ok(b.verdict.top > 812, "the summary, after the questions, is not in view yet");
    assert.ok(b.bar.top >= 0 && b.bar.top < 5, `the bar is stuck at the top: ${JSON.stringify(b.bar)}`);
    const bar = await page.evaluate(
      () => document.querySelector("assurance-check").shadowRoot.querySelector(".bar").textContent,
    );
    assert.match(bar, /No bar indicated/);
    await h.screenshot(page, "375-scrolled");
  } finally {
    await context.close();
  }
});

test("the screenshots were written", () => {
  for (const name of ["1280-empty", "1280-barred", "375-empty", "375-barred"]) {
    const size = statSync(`${h.ARTIFACTS}/${name}.png`).size;
    assert.ok(size > 10_000, `${name}.png is ${size} bytes`);
  }
});

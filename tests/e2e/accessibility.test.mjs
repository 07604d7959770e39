// Accessibility, WCAG 2.2 AA: axe-core finds nothing in each state; the layout reflows at
// 320 px; targets are at least 24 px; motion respects prefers-reduced-motion; lang and dir
// are set; and the polite status region in the light DOM announces verdict changes.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as h from "./helpers.mjs";

let server;
let browser;
h.startServerAndBrowser((s, b) => ([server, browser] = [s, b]));

/** A page on the widget whose CSP lets the test inject axe-core. */
async function open(options = {}) {
  const opened = await h.openWidget(browser, server, { bypassCSP: true, ...options });
  opened.page.setDefaultTimeout(5000);
  return opened;
}

function assertNoViolations(violations, state) {
  const described = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(" > ")}: ${n.summary}`).join("\n    ")}`,
  );
  assert.deepEqual(described, [], `axe-core violations in the ${state} state`);
}

describe("axe-core reports zero violations", () => {
  const states = {
    empty: {},
    "partly answered": { transfer_kind: "extradition", systematic_torture: "unknown" },
    barred: { assurances_subject: "torture", systematic_torture: "yes", tribunal_review: "no" },
    undetermined: { assurances_subject: "both", systematic_torture: "no", group_targeted: "unknown" },
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
  for (const [state, answers] of Object.entries(states)) {
    for (const width of [1280, 375]) {
      test(`${state}, ${width} px wide`, async () => {
        const { context, page } = await open({ viewport: { width, height: 800 } });
        try {
          await h.answerScenario(page, answers);
          if (state === "partly answered") {
            // Open disclosures are part of the page too.
            await page.locator(`${h.$.question("transfer_kind")} .help summary`).click();
            await page.locator(`${h.$.question("transfer_kind")} .notes summary`).click();
          }
          const expected = state === "empty" ? "none" : state === "partly answered" ? "undetermined" : state;
          assert.equal((await h.readWidget(page)).verdict, expected);
          assertNoViolations(await h.axe(page), state);
        } finally {
          await context.close();
        }
      });
    }
  }
});

test("the status region is in the light DOM from start-up and announces each new verdict", async () => {
  const { context, page } = await open();
  try {
    const region = page.locator(h.$.status);
    assert.equal(await region.count(), 1, "one status region");
    const attrs = await region.evaluate((e) => ({
      live: e.getAttribute("aria-live"),
      slot: e.getAttribute("slot"),
      inLightDom: e.parentElement.localName,
      slotted: e.assignedSlot !== null,
      text: e.textContent,
    }));
    assert.deepEqual(attrs, { live: "polite", slot: "status", inLightDom: "assurance-check", slotted: true, text: "" });

    await h.answer(page, "systematic_torture", "unknown");
    assert.equal(await region.textContent(), "Verdict: Not yet determined");
    await h.answer(page, "personal_risk", "yes");
    assert.equal(await region.textContent(), "Verdict: Reliance on diplomatic assurances is barred");
    // An answer that leaves the verdict as it was says nothing new.
    await h.answer(page, "onward_transfer", "no");
    assert.equal(await region.textContent(), "Verdict: Reliance on diplomatic assurances is barred");
    await h.answer(page, "personal_risk", "no");
    assert.equal(await region.textContent(), "Verdict: Not yet determined");

    page.once("dialog", (dialog) => dialog.accept());
    await page.locator('[data-action="start-over"]').click();
    assert.equal(await region.textContent(), "All answers and notes were cleared.");
    assert.equal((await h.readWidget(page)).verdict, "none");

    // The region is clipped to nothing on screen, and is in the accessibility tree with
    // its text, where screen readers hear it.
    const clip = await region.evaluate((e) => {
      const wrapper = e.assignedSlot.parentElement;
      const box = wrapper.getBoundingClientRect();
      return { width: box.width, height: box.height, clip: getComputedStyle(wrapper).clipPath };
    });
    assert.deepEqual(clip, { width: 1, height: 1, clip: "inset(50%)" });
    await h.answer(page, "systematic_torture", "yes");
    const cdp = await context.newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const status = nodes.find((n) => n.role?.value === "status" && !n.ignored);
    assert.ok(status, "a status node in the accessibility tree");
    const texts = nodes
      .filter((n) => status.childIds?.includes(n.nodeId) || n.parentId === status.nodeId)
      .map((n) => n.name?.value);
    assert.ok(
      texts.includes("Verdict: Reliance on diplomatic assurances is barred"),
      `the announcement is in the tree: ${JSON.stringify(texts)}`,
    );
  } finally {
    await context.close();
  }
});

test("axe-core sees inside the shadow root (so a clean result means something)", async () => {
  const { context, page } = await open();
  try {
    await page.evaluate(() => {
      const root = document.querySelector("assurance-check").shadowRoot;
      const input = document.createElement("input");
      input.type = "text";
      root.querySelector(".questions").append(input);
    });
    const ids = (await h.axe(page)).map((v) => v.id);
    assert.ok(ids.includes("label"), `expected a "label" violation, got ${ids.join(", ")}`);
  } finally {
    await context.close();
  }
});

test("lang and dir are on the widget root and the status region", async () => {
  const { context, page } = await open();
  try {
    const found = await page.evaluate(() => {
      const host = document.querySelector("assurance-check");
      const root = host.shadowRoot.querySelector(".ac");
      const status = host.querySelector('[role="status"]');
      return [root.lang, root.dir, status.lang, status.dir];
    });
    assert.deepEqual(found, ["en", "ltr", "en", "ltr"]);
  } finally {
    await context.close();
  }
});

test("the layout reflows at 320 px: nothing scrolls sideways", async () => {
  const { context, page } = await open({ viewport: { width: 320, height: 640 } });
  try {
    await h.answerScenario(page, { assurances_subject: "both", systematic_torture: "yes", transfer_kind: "other" });
    await page.locator(`${h.$.question("transfer_kind")} .help summary`).click();
    await page.locator(`${h.$.question("transfer_kind")} .notes summary`).click();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      widest: Math.max(
        ...[...document.querySelector("assurance-check").shadowRoot.querySelectorAll("*")].map(
          (e) => e.getBoundingClientRect().right,
        ),
      ),
    }));
    assert.ok(widths.page <= widths.viewport, `page is ${widths.page}px wide in a ${widths.viewport}px viewport`);
    assert.ok(widths.widest <= widths.viewport, `an element reaches ${widths.widest}px`);
  } finally {
    await context.close();
  }
});

test("every target is at least 24 by 24 px", async () => {
  for (const width of [1280, 375]) {
    const { context, page } = await open({ viewport: { width, height: 800 } });
    try {
      await h.answerScenario(page, { systematic_torture: "unknown" });
      const small = await page.evaluate(() => {
        const root = document.querySelector("assurance-check").shadowRoot;
        const targets = [...root.querySelectorAll("input, button, summary, textarea, a[href]")]
          .filter((e) => e.getClientRects().length > 0)
          // A radio's target is its whole label.
          .map((e) => (e.type === "radio" ? e.closest("label") : e));
        return targets
          .map((e) => ({ what: e.outerHTML.slice(0, 80), box: e.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 24 || box.height < 24)
          .map(({ what, box }) => `${what} is ${box.width}x${box.height}`);
      });
      assert.deepEqual(small, [], `targets at ${width}px`);
    } finally {
      await context.close();
    }
  }
});

test("motion follows prefers-reduced-motion", async () => {
  const duration = async (reducedMotion) => {
    const { context, page } = await open({ reducedMotion });
    try {
      return await page.evaluate(() => {
        const choice = document.querySelector("assurance-check").shadowRoot.querySelector(".choice");
        return getComputedStyle(choice).transitionDuration;
      });
    } finally {
      await context.close();
    }
  };
  assert.notEqual(await duration("no-preference"), "0s", "a short transition by default");
  assert.equal(await duration("reduce"), "0s", "none when reduced motion is asked for");
});

test("status is never shown by colour alone: each circumstance has its status in words", async () => {
  const { context, page } = await open();
  try {
    await h.answerScenario(page, { systematic_torture: "yes", no_effective_control: "no" });
    const rows = await page.evaluate(() =>
      [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("[data-circumstance]")].map((r) => [
        r.dataset.status,
        r.querySelector(".status").textContent,
      ]),
    );
    assert.equal(rows.length, 6);
    const words = { established: "Established", not_established: "Not established", unresolved: "Unresolved" };
    for (const [status, text] of rows) assert.equal(text, words[status]);
    assert.deepEqual(
      rows.map(([s]) => s),
      ["established", "not_established", "unresolved", "unresolved", "unresolved", "unresolved"],
    );
  } finally {
    await context.close();
  }
});

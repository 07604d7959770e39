// Keyboard only: Tab, arrow keys, Space and Enter answer questions, open the help and the
// notes, follow an open question to its question, and start over. Every stop shows a focus
// ring of at least 3:1 against its background, and on narrow screens the bar that keeps the
// verdict in view never covers the focused control.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as h from "./helpers.mjs";

let server;
let browser;
h.startServerAndBrowser((s, b) => ([server, browser] = [s, b]));

/** The focused element, looking through shadow roots, and how its focus ring looks. */
function focused(page) {
  return page.evaluate(() => {
    let e = document.activeElement;
    while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
    const inWidget = e.getRootNode() !== document;
    const ringOn = e.type === "radio" ? e.closest("label") : e;
    const style = getComputedStyle(ringOn);
    const rgb = (c) => {
      const probe = document.createElement("i");
      probe.style.color = c;
      document.body.append(probe);
      const m = getComputedStyle(probe).color.match(/[\d.]+/g).map(Number);
      probe.remove();
      return m;
    };
    // The colour behind the ring: the first opaque background up the (flat) tree.
    let bg = [255, 255, 255];
    for (let n = ringOn.parentElement ?? ringOn.getRootNode().host; n; ) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length < 4 || c[3] === 1) {
        if (!(c.length === 4 && c[3] === 0)) {
          bg = c.slice(0, 3);
          break;
        }
      }
      n = n.parentElement ?? n.getRootNode().host;
    }
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const [l1, l2] = [lum(rgb(style.outlineColor).slice(0, 3)), lum(bg)].sort((a, b) => b - a);
    const box = ringOn.getBoundingClientRect();
    return {
      inWidget,
      tag: e.localName,
      name: e.getAttribute("name"),
      value: e.getAttribute("value"),
      checked: e.checked ?? null,
      goto: e.dataset?.goto ?? null,
      action: e.dataset?.action ?? null,
      inBar: !!e.closest(".bar"),
      question: e.closest("[data-question]")?.dataset.question ?? null,
      text: (e.textContent || "").trim().slice(0, 60),
      ring: {
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        contrast: (l1 + 0.05) / (l2 + 0.05),
      },
      box: { top: box.top, bottom: box.bottom },
    };
  });
}

function assertRing(f) {
  assert.notEqual(f.ring.style, "none", `a focus ring on ${f.tag} ${f.text}`);
  assert.ok(f.ring.width >= 2, `ring width ${f.ring.width} on ${f.tag} ${f.text}`);
  assert.ok(f.ring.contrast >= 3, `ring contrast ${f.ring.contrast.toFixed(2)} on ${f.tag} ${f.text}`);
}

/** Presses `key` until `wanted(focused)` holds, checking the ring at each widget stop. */
async function pressUntil(page, key, wanted, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f.inWidget) assertRing(f);
    if (wanted(f)) return f;
  }
  throw new Error(`${key} ${limit} times never reached the wanted element`);
}

const verdict = async (page) => (await h.readWidget(page)).verdict;
const checked = (page, id) =>
  page.evaluate(
    (id) =>
      document
        .querySelector("assurance-check")
        .shadowRoot.querySelector(`input[name="${id}"]:checked`)?.value ?? null,
    id,
  );

test("a whole pass with the keyboard alone", async () => {
  const { context, page } = await h.openWidget(browser, server);
  try {
    page.setDefaultTimeout(5000);
    // The page's skip link comes first and leads to the first question (issue 14, item 13).
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).text, "Skip to the questions");
    await page.keyboard.press("Enter");

    // Space answers the first question, arrows change it.
    let f = await focused(page);
    assert.equal(f.name, "transfer_kind");
    assert.equal(f.value, "expulsion");
    await page.keyboard.press("Space");
    assert.equal(await checked(page, "transfer_kind"), "expulsion");
    assert.equal(await verdict(page), "undetermined");
    await page.keyboard.press("ArrowRight");
    assert.equal(await checked(page, "transfer_kind"), "return");

    // The help and the notes open with Enter; a note is typed.
    f = await pressUntil(page, "Tab", (f) => f.tag === "summary");
    assert.equal(f.question, "transfer_kind");
    await page.keyboard.press("Enter");
    const helpOpen = await page.evaluate(
      () => document.querySelector("assurance-check").shadowRoot.querySelector('[data-question="transfer_kind"] .help').open,
    );
    assert.equal(helpOpen, true, "help opens");
    await pressUntil(page, "Tab", (f) => f.tag === "summary" && f.question === "transfer_kind");
    await page.keyboard.press("Enter");
    f = await pressUntil(page, "Tab", (f) => f.tag === "textarea");
    assert.equal(f.question, "transfer_kind");
    await page.keyboard.type("Deportation order of 3 May.");

    // The next question: arrows move and choose.
    f = await pressUntil(page, "Tab", (f) => f.name === "assurances_subject");
    await page.keyboard.press("ArrowDown");
    assert.equal(await checked(page, "assurances_subject"), "death_penalty");

    f = await pressUntil(page, "Tab", (f) => f.name === "systematic_torture");
    await page.keyboard.press("Space");
    assert.equal(await verdict(page), "barred");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert.equal(await checked(page, "systematic_torture"), "unknown");
    assert.equal(await verdict(page), "undetermined");

    // On to the results after the questions, follow an open question: focus lands on it.
    await pressUntil(page, "Tab", (f) => f.goto === "other_grounds");
    await page.keyboard.press("Enter");
    f = await focused(page);
    assert.equal(f.name, "other_grounds", "focus moved to the open question");
    assert.equal(f.value, "yes", "on its first answer");
    await page.keyboard.press("Space");
    assert.equal(await verdict(page), "barred");

    // Start over, confirmed: everything is cleared, the note too.
    await pressUntil(page, "Tab", (f) => f.action === "start-over");
    page.once("dialog", (dialog) => dialog.accept());
    await page.keyboard.press("Enter");
    assert.equal(await verdict(page), "none");
    for (const id of h.QUESTIONS) assert.equal(await checked(page, id), null, `${id} cleared`);
    assert.equal(await page.locator(h.$.note("transfer_kind")).inputValue(), "");
  } finally {
    await context.close();
  }
});

test("start over asks first, and keeps everything when the answer is no", async () => {
  const { context, page } = await h.openWidget(browser, server);
  try {
    await h.answer(page, "systematic_torture", "yes");
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      dialog.dismiss();
    });
    await page.locator('[data-action="start-over"]').click();
    assert.equal(asked, "Clear all answers and notes? This cannot be undone.");
    assert.equal(await verdict(page), "barred");
    assert.equal(await checked(page, "systematic_torture"), "yes");
  } finally {
    await context.close();
  }
});

test("on a narrow screen the verdict bar never hides the focused control, and skips to the verdict", async () => {
  const { context, page } = await h.openWidget(browser, server, { viewport: { width: 375, height: 812 } });
  try {
    await h.answer(page, "systematic_torture", "unknown");
    // Start from the top of the page, as a keyboard user arriving would.
    await page.locator("a.skip").focus();
    const covered = [];
    let stops = 0;
    for (let f = await pressUntil(page, "Tab", (f) => f.inWidget); f.inWidget; f = await focused(page)) {
      stops += 1;
      // The bar's own buttons are never under it.
      if (!f.inBar) {
        const bar = await page.evaluate(() => {
          const b = document.querySelector("assurance-check").shadowRoot.querySelector(".bar").getBoundingClientRect();
          return { top: b.top, bottom: b.bottom };
        });
        if (f.box.bottom > bar.top && f.box.top < bar.bottom) covered.push(`${f.tag} ${f.name ?? ""} ${f.text}`);
      }
      await page.keyboard.press("Tab");
      if (stops > 200) break;
    }
    assert.ok(stops > 40, `walked ${stops} stops`);
    assert.deepEqual(covered, [], "controls under the bar when focused");

    await page.locator('[data-action="skip-to-verdict"]').click();
    const f = await focused(page);
    assert.equal(f.tag, "h3");
    assert.equal(f.text, "Verdict");
  } finally {
    await context.close();
  }
});

// Start-up is idempotent: mounting again, reconnecting the element, changing its language
// or reopening a page saved as rendered always leaves exactly one widget, and the same root
// keeps its answers and notes. Two elements on one page are independent.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as h from "./helpers.mjs";

let server;
let browser;
h.startServerAndBrowser((s, b) => ([server, browser] = [s, b]));

/** How many widgets and status regions each element has, with its widget's lang and dir. */
const census = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("assurance-check")].map((host) => {
      const ac = host.shadowRoot?.querySelectorAll(".ac") ?? [];
      return {
        widgets: ac.length,
        statusRegions: host.querySelectorAll(':scope > [role="status"]').length,
        lang: ac[0]?.lang,
        dir: ac[0]?.dir,
        verdictTitle: ac[0]?.querySelector(".verdict-title")?.textContent,
      };
    }),
  );

test("reconnecting the element mounts again: one widget, answers and notes kept", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    await h.answer(page, "systematic_torture", "yes");
    await page.locator(`${h.$.question("systematic_torture")} .notes summary`).click();
    await page.locator(h.$.note("systematic_torture")).fill("Special Rapporteur, 2023.");
    await page.evaluate(() => {
      const host = document.querySelector("assurance-check");
      const parent = host.parentElement;
      host.remove();
      parent.append(host);
    });
    await page.waitForFunction(() =>
      document.querySelector("assurance-check").shadowRoot.querySelector('input[name="systematic_torture"]:checked'),
    );
    const [one] = await census(page);
    assert.equal(one.widgets, 1);
    assert.equal(one.statusRegions, 1);
    assert.equal((await h.readWidget(page)).verdict, "barred");
    assert.equal(await page.locator(h.$.note("systematic_torture")).inputValue(), "Special Rapporteur, 2023.");
    assert.equal(await page.locator(`${h.$.question("systematic_torture")} .notes`).getAttribute("open"), "");
    // And it still works after the second mount.
    await h.answer(page, "systematic_torture", "no");
    assert.equal((await h.readWidget(page)).verdict, "undetermined");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("changing lang redraws in that language and keeps the answers", async () => {
  const { context, page, errors } = await h.openWidget(browser, server);
  try {
    await h.answer(page, "personal_risk", "yes");
    const english = (await census(page))[0].verdictTitle;
    for (const [lang, dir] of [
      ["fr", "ltr"],
      ["ar", "rtl"],
      ["en", "ltr"],
    ]) {
      await page.evaluate((lang) => document.querySelector("assurance-check").setAttribute("lang", lang), lang);
      await page.waitForFunction(
        (lang) => document.querySelector("assurance-check").shadowRoot.querySelector(".ac")?.lang === lang,
        lang,
      );
      const [one] = await census(page);
      assert.equal(one.widgets, 1, lang);
      assert.equal(one.statusRegions, 1, lang);
      assert.equal(one.dir, dir, lang);
      if (lang !== "en") assert.notEqual(one.verdictTitle, english, `${lang} is not English`);
      const shown = await h.readWidget(page);
      assert.equal(shown.verdict, "barred", lang);
      assert.equal(
        await page.locator(h.$.radio("personal_risk", "yes")).isChecked(),
        true,
        `${lang}: answer kept`,
      );
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a page saved as rendered and reopened has exactly one widget, and it works", async () => {
  const { context, page } = await h.openWidget(browser, server);
  try {
    await h.answer(page, "onward_transfer", "yes");
    const saved = await page.content();
    assert.match(saved, /data-assurance-check-status/, "the saved page carries the old status region");
    await context.route(`${server.origin}/saved.html`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: saved }),
    );
    const reopened = await context.newPage();
    const errors = [];
    reopened.on("pageerror", (e) => errors.push(String(e)));
    const violations = [];
    await reopened.exposeFunction("__violation", (v) => violations.push(v));
    await reopened.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) => window.__violation(e.violatedDirective)),
    );
    await reopened.goto(`${server.origin}/saved.html`);
    await reopened.locator(h.$.verdict).waitFor();
    const [one] = await census(reopened);
    assert.equal(one.widgets, 1);
    assert.equal(one.statusRegions, 1);
    assert.equal(await reopened.locator(h.$.status).textContent(), "", "a fresh, empty status region");
    await h.answer(reopened, "systematic_torture", "yes");
    assert.equal((await h.readWidget(reopened)).verdict, "barred");
    assert.deepEqual(errors, []);
    assert.deepEqual(violations, [], "no CSP violation");
  } finally {
    await context.close();
  }
});

test("two elements on one page are independent", async () => {
  const { context, page } = await h.openWidget(browser, server);
  try {
    await page.evaluate(() => {
      const second = document.createElement("assurance-check");
      second.setAttribute("lang", "es");
      document.querySelector("main").append(second);
    });
    await page.waitForFunction(() => document.querySelectorAll("assurance-check")[1]?.shadowRoot?.querySelector(".ac"));
    await page.locator("assurance-check").first().locator(h.$.radio("systematic_torture", "yes")).click();
    const verdicts = await page.evaluate(() =>
      [...document.querySelectorAll("assurance-check")].map(
        (e) => e.shadowRoot.querySelector("[data-verdict]").dataset.verdict,
      ),
    );
    assert.deepEqual(verdicts, ["barred", "none"]);
    const all = await census(page);
    assert.deepEqual(
      all.map((c) => [c.widgets, c.statusRegions, c.lang]),
      [
        [1, 1, "en"],
        [1, 1, "es"],
      ],
    );
  } finally {
    await context.close();
  }
});

// With JavaScript but without WebAssembly (issue 19): Chromium with `--js-flags=--jitless` (V8
// without its compilers has no WebAssembly, as in iOS Lockdown Mode; `--noexpose_wasm` no longer
// hides it in Chromium 156) and Firefox ESR with `javascript.options.wasm = false`, as Tor Browser's "Safer" level and
// iOS Lockdown Mode leave it. The static widget stays in charge of each one-file page, shows
// its notice in the page's language, gives the core's results for every scenario file, and
// nothing throws, the crash handler included.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import * as h from "./helpers.mjs";
import { PAGES, clearStatic, fromCore, oracle, readStatic, url } from "./static-page.mjs";

const cases = await h.scenarios();
const expected = oracle(cases.map((c) => c.answers), "nowasm");

/** The notice and the page's state, read in the page. */
function readNotice() {
  const host = document.querySelector("assurance-check");
  const notice = host.shadowRoot.querySelector("[data-static-notice]");
  return {
    wasm: typeof WebAssembly,
    shown: notice.checkVisibility(),
    lang: notice.closest("[lang]").lang,
    paragraphs: notice.querySelectorAll("p").length,
    text: notice.textContent,
    staticRoot: host.shadowRoot.querySelectorAll("[data-static-root]").length,
    live: host.shadowRoot.querySelectorAll("[data-verdict]").length,
    inert: [...host.shadowRoot.querySelectorAll("[data-static-scripted]")].filter((e) => e.checkVisibility()).length,
  };
}

/** The crash handler's two listeners get an error and a rejection; neither may throw. */
function provokeCrashHandler() {
  window.dispatchEvent(new ErrorEvent("error", { error: new Error("probe") }));
  const event = new Event("unhandledrejection");
  event.reason = new Error("probe");
  window.dispatchEvent(event);
}

const notices = new Map();

describe("Chromium with --js-flags=--jitless", () => {
  let browser;
  let context;
  const errors = [];
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", "--js-flags=--jitless"],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route("**/*", (route) =>
      route.request().url().startsWith("file:") ? route.continue() : route.abort(),
    );
  });
  after(async () => browser?.close());

  for (const { lang, file } of PAGES) {
    test(`${file}: the static widget stays, with the notice in ${lang}`, async () => {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(`${file}: ${e}`));
      page.on("console", (m) => m.type() === "error" && errors.push(`${file}: ${m.text()}`));
      await page.goto(url(file));
      await page.locator("[data-static-notice]").waitFor();
      await page.evaluate(provokeCrashHandler);
      const seen = await page.evaluate(readNotice);
      assert.deepEqual(
        { ...seen, text: undefined },
        { wasm: "undefined", shown: true, lang, paragraphs: 4, text: undefined, staticRoot: 1, live: 0, inert: 0 },
      );
      notices.set(lang, seen.text);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test("each page's notice is its own language's", () => {
    assert.equal(new Set(notices.values()).size, PAGES.length, [...notices.values()].join("\n"));
    assert.match(notices.get("en"), /WebAssembly is turned off/);
    assert.match(notices.get("en"), /Tor Browser/);
  });

  describe("every scenario, by clicking", () => {
    let page;
    before(async () => {
      page = await context.newPage();
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(url("assurance-check.html"));
      await page.locator("[data-static-notice]").waitFor();
    });
    cases.forEach((c, i) => {
      test(`${c.file}: ${c.name}`, async () => {
        await page.evaluate(clearStatic);
        await h.answerScenario(page, c.answers);
        assert.deepEqual(await page.evaluate(`(${readStatic})()`), fromCore(expected[i]));
      });
    });
    test("and nothing threw", () => assert.deepEqual(errors, []));
  });
});

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const skip = existsSync(FIREFOX) ? false : `${FIREFOX} is not installed (scripts/setup installs firefox-esr)`;

describe("Firefox ESR with javascript.options.wasm = false", { skip }, () => {
  let browser;
  let page;
  const errors = [];
  /** The helpers' clicking code, with selectors that pierce the open shadow root. */
  const piercing = () => ({ locator: (selector) => page.locator(`pierce/${selector}`) });
  before(async () => {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      protocol: "webDriverBiDi",
      extraPrefsFirefox: { "javascript.options.wasm": false },
    });
    page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
  });
  after(async () => browser?.close());

  for (const { lang, file } of PAGES) {
    test(`${file}: the static widget stays, with the notice in ${lang}`, async () => {
      await page.goto(url(file));
      await page.waitForFunction(() =>
        document.querySelector("assurance-check")?.shadowRoot?.querySelector("[data-static-notice]")?.checkVisibility(),
      );
      await page.evaluate(provokeCrashHandler);
      const seen = await page.evaluate(readNotice);
      assert.deepEqual({ ...seen, text: undefined }, { wasm: "undefined", shown: true, lang, paragraphs: 4, text: undefined, staticRoot: 1, live: 0, inert: 0 });
      if (notices.has(lang)) assert.equal(seen.text, notices.get(lang));
    });
  }

  describe("every scenario, by clicking", () => {
    before(async () => {
      await page.goto(url("assurance-check.html"));
    });
    cases.forEach((c, i) => {
      test(`${c.file}: ${c.name}`, async () => {
        await page.evaluate(clearStatic);
        await h.answerScenario(piercing(), c.answers);
        assert.deepEqual(await page.evaluate(`(${readStatic})()`), fromCore(expected[i]));
      });
    });
    test("and nothing threw", () => assert.deepEqual(errors, []));
  });
});

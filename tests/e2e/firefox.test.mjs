// Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over WebDriver BiDi: the
// self-contained page from file:// with every network request refused, a scenario answered
// by clicking, no CSP violation, then the page saved as rendered and reopened from disk.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { serveHosts } from "../fixtures/host-server.mjs";
import * as h from "./helpers.mjs";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const skip = existsSync(FIREFOX) ? false : `${FIREFOX} is not installed (scripts/setup installs firefox-esr)`;

let browser;
let scratch;
let hosts;

before(async () => {
  if (skip) return;
  hosts = await serveHosts();
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    protocol: "webDriverBiDi",
  });
  scratch = mkdtempSync(join(tmpdir(), "assurance-check-firefox-"));
});

after(async () => {
  await browser?.close();
  await hosts?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const cases = await h.scenarios();
const barred = cases.find((c) => c.file === "case_agiza_v_sweden_cat_2005.toml");
const undetermined = cases.find((c) => c.verdict === "undetermined");

/** The helpers' clicking code, with selectors that pierce the open shadow root. */
const piercing = (page) => ({ locator: (selector) => page.locator(`pierce/${selector}`) });

const verdict = (page) =>
  page.evaluate(() => document.querySelector("assurance-check").shadowRoot.querySelector("[data-verdict]").dataset.verdict);

/**
 * Opens a file:// URL with every other request refused (BiDi network interception), counts
 * securitypolicyviolation events from a preload script, and waits for the widget.
 */
async function openFile(url) {
  const page = await browser.newPage();
  const requests = [];
  const refused = [];
  const errors = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const u = request.url();
    requests.push(u);
    if (u === url || u.startsWith("data:")) return request.continue();
    refused.push(u);
    return request.abort();
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("assurance-check")?.shadowRoot?.querySelector("[data-verdict]"));
  return { page, requests, refused, errors };
}

/** Only the document itself, and nothing over a network (Firefox may load its own data: fonts). */
function assertOnlyTheDocument(requests, refused, url) {
  assert.deepEqual(refused, [], "nothing but the document was asked for");
  const network = requests.filter((u) => !u.startsWith("data:") && u !== url);
  assert.deepEqual(network, [], "no other request");
  assert.ok(!requests.some((u) => /^(https?|wss?):/.test(u)), "no http(s) or websocket request");
}

test("Firefox ESR, file://, network refused: a scenario by clicking, no request, no CSP violation", { skip }, async () => {
  const url = pathToFileURL(join(h.DIST, h.PAGE)).href;
  const { page, requests, refused, errors } = await openFile(url);
  try {
    assert.equal(await page.evaluate(() => location.protocol), "file:");
    assert.equal(await verdict(page), "none");
    await h.answerScenario(piercing(page), barred.answers);
    await page.waitForFunction(
      (v) => document.querySelector("assurance-check").shadowRoot.querySelector(`[data-verdict="${v}"]`),
      {},
      barred.verdict,
    );
    assert.equal(await verdict(page), barred.verdict);
    assertOnlyTheDocument(requests, refused, url);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], "no securitypolicyviolation");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("Firefox ESR: the notes fields turn off spellcheck, translation, autocomplete and writing suggestions", { skip }, async () => {
  // Issue 16, item 12: enhanced spellcheck, page translation, form history and writing
  // suggestions can send notes away or keep them in the profile.
  const url = pathToFileURL(join(h.DIST, h.PAGE)).href;
  const { page } = await openFile(url);
  try {
    const notes = await page.evaluate(() =>
      [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("textarea")].map((t) => ({
        note: t.dataset.note,
        spellcheck: t.spellcheck,
        attributes: ["spellcheck", "translate", "autocomplete", "writingsuggestions"].map((a) => t.getAttribute(a)),
        translate: t.translate,
      })),
    );
    assert.ok(notes.length >= 10, `one notes field per question: ${notes.length}`);
    for (const n of notes) {
      assert.deepEqual(n.attributes, ["false", "no", "off", "false"], n.note);
      assert.equal(n.spellcheck, false, `${n.note}: spellcheck as the browser reads it`);
      assert.equal(n.translate, false, `${n.note}: translate as the browser reads it`);
    }
  } finally {
    await page.close();
  }
});

test("Firefox ESR: saved as rendered, reopened from file://, exactly one widget, and it works", { skip }, async () => {
  const url = pathToFileURL(join(h.DIST, h.PAGE)).href;
  const first = await openFile(url);
  let saved;
  try {
    await piercing(first.page).locator(h.$.radio("systematic_torture", "yes")).click();
    saved = await first.page.content();
  } finally {
    await first.page.close();
  }
  assert.match(saved, /<head>\s*<meta http-equiv="Content-Security-Policy"/);
  const file = join(scratch, "saved as rendered.html");
  writeFileSync(file, saved);
  const copy = pathToFileURL(file).href;
  const { page, requests, refused, errors } = await openFile(copy);
  try {
    const census = await page.evaluate(() =>
      [...document.querySelectorAll("assurance-check")].map((e) => e.shadowRoot?.querySelectorAll(".ac").length),
    );
    assert.deepEqual(census, [1], "one <assurance-check> with one rendered widget");
    assert.equal(await verdict(page), "none", "a fresh widget");
    await h.answerScenario(piercing(page), undetermined.answers);
    assert.equal(await verdict(page), undetermined.verdict);
    assertOnlyTheDocument(requests, refused, copy);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

// ---- The hostile host pages (tests/fixtures), as in embed.test.mjs --------------------

for (const mode of ["element", "iframe"]) {
  test(`Firefox ESR, ${mode} on the hostile host with a strict CSP: works, host CSS kept out`, { skip }, async () => {
    const page = await browser.newPage();
    const errors = [];
    const requests = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => requests.push(r.url()));
    try {
      await page.evaluateOnNewDocument(() => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(`${hosts.origin}/host-${mode}.html`);
      const ready = () => document.querySelector("assurance-check")?.shadowRoot?.querySelector("[data-verdict]");
      let frame = page.mainFrame();
      if (mode === "iframe") {
        await page.waitForFunction(() => document.querySelector("iframe"));
        const handle = await page.$("iframe");
        frame = await handle.contentFrame();
      }
      await frame.waitForFunction(ready);
      await h.answerScenario(piercing(frame), barred.answers);
      const state = await frame.evaluate(() => {
        const root = document.querySelector("assurance-check").shadowRoot;
        const radio = root.querySelector('input[type="radio"]');
        const ac = getComputedStyle(root.querySelector(".ac"));
        return {
          verdict: root.querySelector("[data-verdict]").dataset.verdict,
          radioShown: getComputedStyle(radio).display !== "none" && radio.getBoundingClientRect().width > 0,
          fontSize: ac.fontSize,
          letterSpacing: ac.letterSpacing,
          textTransform: ac.textTransform,
          direction: ac.direction,
          origin: window.origin,
          violations: window.__violations ?? null,
        };
      });
      assert.equal(state.verdict, barred.verdict);
      assert.ok(state.radioShown, "the radios are shown despite input { display: none }");
      assert.deepEqual(
        [state.fontSize, state.letterSpacing, state.textTransform, state.direction],
        ["16px", "normal", "none", "ltr"],
      );
      const seen = await page.evaluate(() => window.hostRead());
      if (mode === "element") {
        assert.ok(seen.answers.includes(`systematic_torture=${barred.answers.systematic_torture}`), "open shadow root");
      } else {
        assert.equal(state.origin, "null", "the frame runs in an opaque origin");
        assert.deepEqual([seen.answers, seen.texts], [[], []], "the host script reads nothing");
        assert.equal(seen.contentDocument, "null");
        assert.deepEqual(seen.errors, ["contentWindow.document: SecurityError"]);
      }
      // Firefox asks for the host's /favicon.ico by itself, which the host's img-src 'none'
      // refuses; that one is the browser's, not the widget's.
      const favicon = `img-src ${hosts.origin}/favicon.ico`;
      const notFavicon = (v) => v !== favicon;
      const hostViolations = (await page.evaluate(() => window.__violations)).filter(notFavicon);
      assert.deepEqual(hostViolations, [], "no CSP violation in the host");
      assert.deepEqual(state.violations?.filter(notFavicon), [], "no CSP violation next to the widget");
      assert.deepEqual(
        requests.filter((u) => !u.startsWith(`${hosts.origin}/`) && !u.startsWith("data:")),
        [],
        "nothing outside the host",
      );
      assert.deepEqual(
        errors.filter((e) => !e.includes(`${hosts.origin}/favicon.ico`)),
        [],
      );
    } finally {
      await page.close();
    }
  });
}

// Issue 16, item 13, in Firefox ESR: the widget's focus moves (to each open question) scroll
// the frame's own window, never the host page around the iframe.
test("Firefox ESR, iframe mode: focus moved by the keyboard scrolls the frame, never the host page", { skip }, async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${hosts.origin}/host-iframe.html`);
    await page.waitForFunction(() => document.querySelector("iframe"));
    const frame = await (await page.$("iframe")).contentFrame();
    await frame.waitForFunction(() => document.querySelector("assurance-check")?.shadowRoot?.querySelector("[data-verdict]"));
    await page.evaluate(() => {
      const spacer = document.createElement("div");
      spacer.style.blockSize = "3000px";
      document.body.append(spacer);
      window.scrollTo(0, 0);
    });
    const hostY = () => page.evaluate(() => window.scrollY);
    const start = await hostY();
    await frame.evaluate(() => {
      const root = document.querySelector("assurance-check").shadowRoot;
      for (const [name, value] of [["transfer_kind", "extradition"], ["assurances_subject", "torture"]]) {
        root.querySelector(`input[name="${name}"][value="${value}"]`).click();
      }
    });
    const gotos = await frame.evaluate(() =>
      [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("[data-goto]")].map((b) => b.dataset.goto),
    );
    assert.ok(gotos.length >= 3, `open questions to go to: ${gotos}`);
    let frameScrolled = 0;
    for (const id of gotos) {
      await frame.evaluate((q) => {
        window.scrollTo(0, 0);
        document.querySelector("assurance-check").shadowRoot.querySelector(`[data-goto="${q}"]`).focus({ preventScroll: true });
      }, id);
      await page.keyboard.press("Enter");
      const after = await frame.evaluate(() => ({
        name: document.querySelector("assurance-check").shadowRoot.activeElement?.name,
        y: window.scrollY,
      }));
      assert.equal(after.name, id, "focus went to the question");
      if (after.y > 0) frameScrolled += 1;
      assert.equal(await hostY(), start, `${id}: the host did not scroll`);
    }
    assert.ok(frameScrolled > 0, "some open question was below the frame's fold (the frame scrolled)");
  } finally {
    await page.close();
  }
});

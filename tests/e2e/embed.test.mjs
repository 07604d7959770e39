// Embedding on a hostile host (tests/fixtures): the custom element with SRI, and the
// sandboxed iframe, both under a strict host CSP sent as a header, with host CSS that resets
// everything and a host script that tries to read the answers. Both modes render and work
// the same, host CSS does not get in, the iframe hides the answers from the host, and the
// theming properties keep text contrast whatever accent the host picks.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fixture, serveHosts } from "../fixtures/host-server.mjs";
import * as h from "./helpers.mjs";

let hosts;
let origin;
let served;
let script;
let browser;

before(async () => {
  hosts = await serveHosts();
  ({ origin, served, script } = hosts);
  browser = await h.launch();
});

after(async () => {
  await browser?.close();
  await hosts?.close();
});

const cases = await h.scenarios();
const scenario = cases.find((c) => c.file === "case_agiza_v_sweden_cat_2005.toml");

/**
 * Opens a host page: requests outside the server refused, CSP violations counted in every
 * frame, errors collected. Returns the page and where the widget lives (`scope` has the
 * `locator` the click helpers need; `frame` runs code next to the widget).
 */
async function openHost(mode, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const requests = [];
  const refused = [];
  const errors = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${origin}/host-${mode}.html`);
  const scope = mode === "iframe" ? page.frameLocator("iframe") : page;
  await scope.locator(h.$.verdict).waitFor();
  const frame = mode === "iframe" ? page.frames().find((f) => f !== page.mainFrame()) : page.mainFrame();
  const violations = async () => [
    ...(await page.evaluate(() => window.__violations)),
    ...(mode === "iframe" ? await frame.evaluate(() => window.__violations) : []),
  ];
  return { context, page, scope, frame, requests, refused, errors, violations };
}

/** What the widget shows, read next to it. */
const widgetState = (frame) =>
  frame.evaluate(() => {
    const root = document.querySelector("assurance-check").shadowRoot;
    const radio = root.querySelector('input[type="radio"]');
    const box = radio.getBoundingClientRect();
    const ac = root.querySelector(".ac");
    const style = getComputedStyle(ac);
    return {
      verdict: root.querySelector("[data-verdict]").dataset.verdict,
      statuses: Object.fromEntries(
        [...root.querySelectorAll("[data-circumstance]")].map((e) => [e.dataset.circumstance, e.dataset.status]),
      ),
      widgets: root.querySelectorAll(".ac").length,
      radios: root.querySelectorAll('input[type="radio"]').length,
      radioShown: getComputedStyle(radio).display !== "none" && box.width > 0 && box.height > 0,
      fontSize: style.fontSize,
      rootFontSize: getComputedStyle(document.documentElement).fontSize,
      fontFamily: style.fontFamily,
      direction: style.direction,
      letterSpacing: style.letterSpacing,
      textTransform: style.textTransform,
      fontStyle: style.fontStyle,
      color: style.color,
      widgetWidth: ac.getBoundingClientRect().width,
    };
  });

test("the fixtures use the README's snippets, and the README explains the SRI placeholder", () => {
  const readme = readFileSync(join(h.ROOT, "README.md"), "utf8");
  const element = fixture("host-element.html").split("\n");
  const iframe = fixture("host-iframe.html").split("\n");
  const snippets = [
    element.find((l) => l.includes('src="assurance-check.js"')),
    element.find((l) => l.startsWith("<assurance-check")),
    iframe.find((l) => l.startsWith("<iframe")),
  ];
  for (const snippet of snippets) {
    assert.ok(snippet, "the fixture has the snippet");
    assert.ok(readme.includes(snippet), `README.md has the snippet: ${snippet}`);
  }
  assert.match(snippets[0], /integrity="sha384-…" crossorigin="anonymous"/);
  assert.match(snippets[2], /sandbox="allow-scripts allow-downloads allow-modals"/);
  assert.doesNotMatch(snippets[2], /allow-same-origin/);
});

describe("both embed modes on a hostile host with a strict CSP", () => {
  const results = {};

  for (const mode of ["element", "iframe"]) {
    test(`${mode}: renders, answers a scenario the same way, no CSP violation, nothing fetched elsewhere`, async () => {
      const before = served.length;
      const { context, page, scope, frame, requests, refused, errors, violations } = await openHost(mode);
      try {
        const fresh = await widgetState(frame);
        assert.equal(fresh.verdict, "none");
        assert.equal(fresh.widgets, 1);
        assert.equal(fresh.radios, 15 * 3 + 3, "every answer of every question is there");
        await h.answerScenario(scope, scenario.answers);
        const state = await widgetState(frame);
        assert.equal(state.verdict, scenario.verdict);
        results[mode] = state;
        assert.deepEqual(refused, []);
        const expected =
          mode === "element"
            ? ["/host-element.html", "/host.js", "/assurance-check.js"]
            : ["/host-iframe.html", "/host.js", "/assurance-check.html"];
        assert.deepEqual(served.slice(before), expected, "what the server was asked for");
        assert.equal(requests.length, expected.length);
        await page.waitForTimeout(200);
        assert.deepEqual(await violations(), [], "no securitypolicyviolation in host or frame");
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("both modes end in the same verdict and circumstance statuses", () => {
    assert.ok(results.element && results.iframe, "both modes ran");
    assert.equal(results.element.verdict, results.iframe.verdict);
    assert.deepEqual(results.element.statuses, results.iframe.statuses);
  });
});

for (const mode of ["element", "iframe"]) {
  test(`${mode}: host CSS does not get in`, async () => {
    const { context, page, frame } = await openHost(mode);
    try {
      // The host's own text really is huge, uppercase, spaced and right-to-left.
      const host = await page.evaluate(() => {
        const s = getComputedStyle(document.querySelector("h1"));
        return { fontSize: parseFloat(s.fontSize), direction: s.direction, textTransform: s.textTransform };
      });
      assert.ok(host.fontSize >= 100, `the host's heading is huge (${host.fontSize}px)`);
      assert.deepEqual([host.direction, host.textTransform], ["rtl", "uppercase"]);
      const state = await widgetState(frame);
      assert.ok(state.radioShown, "the radios are shown despite input { display: none }");
      assert.equal(state.fontSize, state.rootFontSize, "the widget's type is 1rem, not the host's 48px");
      assert.equal(state.fontSize, "16px");
      assert.equal(state.direction, "ltr", "English stays left-to-right in an RTL body");
      assert.equal(state.letterSpacing, "normal");
      assert.equal(state.textTransform, "none");
      assert.equal(state.fontStyle, "normal");
      assert.equal(state.color, "rgb(26, 29, 33)", "the widget's own text colour");
      assert.doesNotMatch(state.fontFamily, /Comic Sans/);
      assert.ok(state.widgetWidth > 600, `the widget takes the width it has (${state.widgetWidth}px)`);
      mkdirSync(h.ARTIFACTS, { recursive: true });
      await page
        .locator(mode === "iframe" ? "iframe" : "assurance-check")
        .screenshot({ path: join(h.ARTIFACTS, `embed-hostile-${mode}.png`) });
    } finally {
      await context.close();
    }
  });
}

test("element mode: a script changed on its way is refused by the integrity check", async () => {
  const context = await browser.newContext();
  try {
    const tampered = Buffer.concat([script, Buffer.from("\n// one line added on the way\n")]);
    assert.notDeepEqual(tampered, script, "the copy really differs");
    await context.route(`${origin}/assurance-check.js`, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: tampered }),
    );
    const page = await context.newPage();
    await page.goto(`${origin}/host-element.html`);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => customElements.get("assurance-check")), undefined, "not run");
    assert.equal(await page.evaluate(() => document.querySelector("assurance-check").shadowRoot), null);
  } finally {
    await context.close();
  }
});

test("element mode: the open shadow root is readable by host scripts (why the iframe exists)", async () => {
  const { context, page } = await openHost("element");
  try {
    await h.answer(page, "systematic_torture", "yes");
    const seen = await page.evaluate(() => window.hostRead());
    assert.ok(seen.answers.includes("systematic_torture=yes"), "a host script sees the answer");
    assert.ok(seen.texts.includes("barred"));
  } finally {
    await context.close();
  }
});

test("iframe mode: the host script cannot read any answer", async () => {
  const { context, page, scope, frame } = await openHost("iframe");
  try {
    await h.answerScenario(scope, scenario.answers);
    await scope.locator(`${h.$.question("systematic_torture")} .notes summary`).click();
    await scope.locator(h.$.note("systematic_torture")).fill("Confidential: client's brother detained 2019.");
    assert.equal((await widgetState(frame)).verdict, scenario.verdict);
    const seen = await page.evaluate(() => window.hostRead());
    assert.deepEqual(seen.answers, [], "no answer seen");
    assert.deepEqual(seen.texts, [], "no verdict or note seen");
    assert.equal(seen.contentDocument, "null", "iframe.contentDocument is null (opaque origin)");
    assert.deepEqual(seen.errors, ["contentWindow.document: SecurityError"]);
    assert.deepEqual(await page.evaluate(() => window.hostMessages), [], "the widget posts nothing to its parent");
    // The frame really is in an opaque origin, and the wasm booted there under its own CSP.
    assert.equal(await frame.evaluate(() => window.origin), "null");
    const hostText = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(hostText, /Confidential|barred/i);
  } finally {
    await context.close();
  }
});

describe("theming: the custom properties are honoured and contrast holds whatever the accent", () => {
  for (const accent of ["#ffff00", "#0a1440"]) {
    test(`element mode, --ac-accent: ${accent}`, async () => {
      // axe is injected as a script, which the host CSP forbids: bypass it for this audit only.
      const { context, page, frame } = await openHost("element", { bypassCSP: true });
      try {
        await page.evaluate((value) => {
          const host = document.querySelector("assurance-check");
          host.style.setProperty("--ac-accent", value);
          host.style.setProperty("--ac-radius", "0px");
          host.style.setProperty("--ac-font", "Georgia, serif");
        }, accent);
        await h.answerScenario(page, scenario.answers);
        const seen = await frame.evaluate(() => {
          const root = document.querySelector("assurance-check").shadowRoot;
          const disclaimer = getComputedStyle(root.querySelector(".disclaimer"));
          return {
            border: disclaimer.borderInlineStartColor,
            radius: disclaimer.borderTopLeftRadius,
            font: getComputedStyle(root.querySelector(".ac")).fontFamily,
          };
        });
        const [r, g, b] = accent.match(/[0-9a-f]{2}/gi).map((x) => parseInt(x, 16));
        assert.equal(seen.border, `rgb(${r}, ${g}, ${b})`, "the accent is used");
        assert.equal(seen.radius, "0px", "the radius is used");
        assert.match(seen.font, /Georgia/, "the font is used");
        // Focus a radio so the focus ring in the accent is on screen too.
        await page.locator(h.$.radio("onward_transfer", "no")).focus();
        const violations = (await h.axe(page)).filter((v) => v.id === "color-contrast");
        assert.deepEqual(violations, [], "text contrast at least 4.5:1");
      } finally {
        await context.close();
      }
    });
  }

  test("iframe mode: the host themes the frame by message, only with the documented properties", async () => {
    const { context, page, frame, violations } = await openHost("iframe", { bypassCSP: true });
    try {
      await page.evaluate(() =>
        document.querySelector("iframe").contentWindow.postMessage(
          {
            "assurance-check:theme": {
              "--ac-accent": "#ffff00",
              "--ac-radius": "0px",
              "--ac-font": "Georgia, serif",
              "--ac-bg": "url(https://example.invalid/x.png)",
              "--ac-other": "red",
            },
          },
          "*",
        ),
      );
      await frame.waitForFunction(
        () => document.querySelector("assurance-check").style.getPropertyValue("--ac-accent") === "#ffff00",
      );
      const seen = await frame.evaluate(() => {
        const host = document.querySelector("assurance-check");
        const root = host.shadowRoot;
        const disclaimer = getComputedStyle(root.querySelector(".disclaimer"));
        return {
          border: disclaimer.borderInlineStartColor,
          radius: disclaimer.borderTopLeftRadius,
          font: getComputedStyle(root.querySelector(".ac")).fontFamily,
          bg: host.style.getPropertyValue("--ac-bg"),
          other: host.style.getPropertyValue("--ac-other"),
        };
      });
      assert.equal(seen.border, "rgb(255, 255, 0)", "the accent is used");
      assert.equal(seen.radius, "0px");
      assert.match(seen.font, /Georgia/);
      assert.equal(seen.bg, "", "a url() value is refused");
      assert.equal(seen.other, "", "an undocumented property is refused");
      assert.deepEqual(await violations(), [], "no CSP violation");
      const contrast = (await h.axe(page)).filter((v) => v.id === "color-contrast");
      assert.deepEqual(contrast, [], "text contrast at least 4.5:1");
    } finally {
      await context.close();
    }
  });

  test("iframe mode: the page's defaults, whatever the host sets on the iframe", async () => {
    const { context, page, frame } = await openHost("iframe", { bypassCSP: true });
    try {
      await page.evaluate(() => document.querySelector("iframe").style.setProperty("--ac-accent", "#ffff00"));
      const border = await frame.evaluate(
        () =>
          getComputedStyle(document.querySelector("assurance-check").shadowRoot.querySelector(".disclaimer"))
            .borderInlineStartColor,
      );
      assert.equal(border, "rgb(29, 79, 145)", "the default accent: the host cannot style inside");
    } finally {
      await context.close();
    }
  });
});

// Issue 16, item 10: values that could load something are refused whatever the property,
// and the custom element on a host page that is itself framed listens for no theme at all.
const TRACKERS = {
  "--ac-accent": "image-set(url(/track-me.gif) 1x)",
  "--ac-bg": "-webkit-image-set(url(/track-me.gif) 1x)",
  "--ac-fg": "url(/track-me.gif)",
  "--ac-font": "Georgia, image-set(url(/track-me.gif) 1x)",
};

test("iframe mode: image-set() and url() are refused in every theme property, and nothing is fetched", async () => {
  const { context, page, frame, requests } = await openHost("iframe", { bypassCSP: true });
  try {
    await page.evaluate((theme) => {
      document.querySelector("iframe").contentWindow.postMessage({ "assurance-check:theme": theme }, "*");
      document.querySelector("iframe").contentWindow.postMessage({ "assurance-check:theme": { "--ac-radius": "3px" } }, "*");
    }, TRACKERS);
    await frame.waitForFunction(() => document.querySelector("assurance-check").style.getPropertyValue("--ac-radius") === "3px");
    const set = await frame.evaluate(
      (names) => names.map((n) => document.querySelector("assurance-check").style.getPropertyValue(n)),
      Object.keys(TRACKERS),
    );
    assert.deepEqual(set, ["", "", "", ""], "no tracker value is applied");
    await page.waitForTimeout(300);
    assert.deepEqual(requests.filter((u) => u.includes("track-me")), [], "no request for the tracker");
  } finally {
    await context.close();
  }
});

test("element mode on a framed host page: theme messages are not listened to", async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const requests = [];
  try {
    const page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${origin}/host-framed.html`);
    const frame = page.frameLocator("iframe");
    await frame.locator(h.$.verdict).waitFor();
    await page.evaluate((theme) => {
      document.querySelector("iframe").contentWindow.postMessage({ "assurance-check:theme": { ...theme, "--ac-radius": "3px", "--ac-accent": "#ffff00" } }, "*");
    }, TRACKERS);
    await page.waitForTimeout(500);
    const child = page.frames().find((f) => f !== page.mainFrame());
    const style = await child.evaluate(() => document.querySelector("assurance-check").getAttribute("style"));
    assert.equal(style, null, "the element's style is untouched");
    assert.deepEqual(requests.filter((u) => u.includes("track-me")), []);
  } finally {
    await context.close();
  }
});

// Issue 16, item 13: keeping a focused control clear of the verdict bar scrolls the frame's
// own window only; the host's scroll position says nothing about the answers.
test("iframe mode: keeping focus clear of the bar does not scroll the host page", async () => {
  const { context, page, frame } = await openHost("iframe", { viewport: { width: 420, height: 600 } });
  try {
    const before = await page.evaluate(() => window.scrollY);
    const result = await frame.evaluate(() => {
      const root = document.querySelector("assurance-check").shadowRoot;
      const bar = root.querySelector(".bar");
      const choices = [...root.querySelectorAll(".layout .choice")];
      const choice = choices[Math.floor(choices.length / 2)];
      // Put the choice right under the stuck bar, then focus it without the browser's own scroll.
      window.scrollTo(0, choice.getBoundingClientRect().top + window.scrollY - bar.getBoundingClientRect().height / 2);
      const under = choice.getBoundingClientRect().top < bar.getBoundingClientRect().bottom;
      choice.querySelector("input").focus({ preventScroll: true });
      return {
        barHeight: bar.getBoundingClientRect().height,
        under,
        clear: choice.getBoundingClientRect().top >= bar.getBoundingClientRect().bottom,
      };
    });
    assert.ok(result.barHeight > 0, "the bar is shown at this width");
    assert.ok(result.under, "the choice started under the bar");
    assert.ok(result.clear, "the widget moved it clear of the bar");
    assert.equal(await page.evaluate(() => window.scrollY), before, "the host did not scroll");
  } finally {
    await context.close();
  }
});

// Issue 16, item 13: focus that the widget moves (to an open question, after a redraw) is
// moved with preventScroll and scrolled into view in the frame's own window only, so a host
// page taller than the screen keeps its scroll position whatever is answered.
test("iframe mode: focus moved by the keyboard scrolls the frame, never the host page", async () => {
  const { context, page, frame, errors } = await openHost("iframe", { viewport: { width: 1280, height: 700 } });
  page.on("dialog", (dialog) => dialog.accept());
  try {
    const inFrame = (f, arg) => frame.evaluate(f, arg);
    await page.evaluate(() => {
      const spacer = document.createElement("div");
      spacer.style.blockSize = "3000px";
      document.body.append(spacer);
      window.scrollTo(0, 0);
    });
    const host = () => page.evaluate(() => ({ y: window.scrollY, tall: document.documentElement.scrollHeight > innerHeight }));
    const start = await host();
    assert.ok(start.tall, "the host page is taller than its window");
    // Answers that leave the R2 questions open, chosen without any scrolling.
    await inFrame(() => {
      const root = document.querySelector("assurance-check").shadowRoot;
      for (const [name, value] of [["transfer_kind", "extradition"], ["assurances_subject", "torture"]]) {
        root.querySelector(`input[name="${name}"][value="${value}"]`).click();
      }
    });
    /** Focuses a control of the widget without scrolling, then presses a key on it. */
    const press = async (selector, key = "Enter") => {
      await inFrame((s) => {
        window.scrollTo(0, 0);
        document.querySelector("assurance-check").shadowRoot.querySelector(s).focus({ preventScroll: true });
      }, selector);
      await page.keyboard.press(key);
    };
    const gotos = await inFrame(() =>
      [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("[data-goto]")].map((b) => b.dataset.goto),
    );
    assert.ok(gotos.length >= 3, `open questions to go to: ${gotos}`);
    let frameScrolled = 0;
    for (const id of gotos) {
      await press(`[data-goto="${id}"]`);
      const after = await inFrame(() => {
        const root = document.querySelector("assurance-check").shadowRoot;
        const focused = root.activeElement;
        const r = focused.getBoundingClientRect();
        return { name: focused.name, y: window.scrollY, inView: r.top >= 0 && r.bottom <= innerHeight };
      });
      assert.equal(after.name, id, "focus went to the question");
      assert.ok(after.inView, `${id}: the focused answer is in the frame's view`);
      if (after.y > 0) frameScrolled += 1;
      assert.equal((await host()).y, start.y, `${id}: the host did not scroll`);
    }
    assert.ok(frameScrolled > 0, "some open question was below the frame's fold (the frame scrolled)");

    // Start over, and a refused file (its alert is scrolled into view): the host stays put.
    await press('[data-action="start-over"]');
    assert.equal(await inFrame(() => document.querySelector("assurance-check").shadowRoot.querySelectorAll("input:checked").length), 0);
    assert.equal((await host()).y, start.y, "start over: the host did not scroll");
    await inFrame(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await frame.locator('input[type="file"][data-action="open"]').setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from("{"),
    });
    await frame.locator('.casefile-alert[role="alert"]').filter({ hasText: /\S/ }).waitFor();
    assert.equal((await host()).y, start.y, "a file's alert: the host did not scroll");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Issue 9, item 3: nothing lost if something breaks. A test-only build (Cargo feature
// `test-trap`, off by default) traps when a note equals a magic text: a real WebAssembly
// trap thrown out of an event handler, as a Rust panic is under panic = "abort". The widget
// then shows a plain error panel whose "Download my answers" gives the answers file kept
// outside the trapped instance, and the page keeps responding.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as h from "./helpers.mjs";

const MAGIC = "assurance-check: trap now (test build)";
const TRAP = join(h.ROOT, "target", "trap");

let browser;

before(async () => {
  rmSync(TRAP, { recursive: true, force: true });
  const build = ". scripts/env.sh && wasm wasm-pack --quiet build --target web --release --mode no-install --no-pack --out-dir target/trap/pkg -- --locked --features test-trap";
  execFileSync("bash", ["-c", build], { cwd: h.ROOT, stdio: "inherit" });
  execFileSync("node", ["scripts/bundle.mjs"], {
    cwd: h.ROOT,
    stdio: "inherit",
    env: { ...process.env, AC_PKG: "target/trap/pkg", AC_DIST: "target/trap/dist" },
  });
  browser = await h.launch();
});

after(async () => {
  await browser?.close();
});

test("the released build has no trap trigger; the test build has it", () => {
  const magic = Buffer.from(MAGIC);
  assert.ok(!h.bundledWasm(join(h.DIST, "assurance-check.js")).includes(magic), "dist/ has no trap");
  assert.ok(!readFileSync(join(h.ROOT, "pkg", "assurance_check_bg.wasm")).includes(magic), "pkg/ has no trap");
  assert.ok(h.bundledWasm(join(TRAP, "dist", "assurance-check.js")).includes(magic), "the test build has the trigger");
});

test("a wasm trap: an error panel, the page still responds, Download my answers gives the answers kept before it", async () => {
  const url = pathToFileURL(join(TRAP, "dist", h.PAGE)).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(url);
    await page.locator(h.$.verdict).waitFor();
    const answers = { systematic_torture: "yes", personal_risk: "unknown", tribunal_review: "no" };
    await h.answerScenario(page, answers);
    await page.locator(`${h.$.question("personal_risk")} .notes summary`).click();
    await page.locator(h.$.note("personal_risk")).fill("kept before the trap");
    assert.deepEqual(errors, []);

    await page.locator(`${h.$.question("tribunal_review")} .notes summary`).click();
    await page.locator(h.$.note("tribunal_review")).fill(MAGIC);
    const panel = page.locator('div[role="alert"]');
    await panel.waitFor();
    assert.ok(errors.some((e) => /RuntimeError|unreachable/i.test(e)), `a real wasm trap: ${errors}`);
    assert.equal(await panel.locator("h2").textContent(), "Something went wrong");
    assert.match(await panel.locator("p").textContent(), /Your answers are safe/);
    const inside = await page.evaluate(() => document.querySelector("assurance-check").shadowRoot.children.length);
    assert.equal(inside, 1, "the panel replaced the broken widget");

    // Not frozen: timers run and the host page's own content still takes clicks.
    const waited = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const start = performance.now();
          setTimeout(() => resolve(performance.now() - start), 20);
        }),
    );
    assert.ok(waited < 1000, `a 20 ms timer fired after ${waited} ms`);
    const clicked = await page.evaluate(() => {
      const b = document.body.appendChild(document.createElement("button"));
      let n = 0;
      b.addEventListener("click", () => (n += 1));
      b.click();
      return n;
    });
    assert.equal(clicked, 1);

    const [download] = await Promise.all([page.waitForEvent("download"), panel.locator("button").click()]);
    const file = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(file.format, "assurance-check/answers");
    assert.deepEqual(file.answers, answers);
    assert.deepEqual(file.notes, { personal_risk: "kept before the trap" });
  } finally {
    await context.close();
  }
});

// Issue 16, item 11: (module (func (export "f") unreachable)), the host page's own wasm.
const HOST_TRAP = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11];

test("the host page's own wasm trap, or an error event it dispatches, leaves the widget alone", async () => {
  const url = pathToFileURL(join(TRAP, "dist", h.PAGE)).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(url);
    await page.locator(h.$.verdict).waitFor();
    await h.answer(page, "systematic_torture", "yes");
    await page.evaluate(() => {
      window.dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable") }));
      window.dispatchEvent(new PromiseRejectionEvent("unhandledrejection", { promise: Promise.resolve(), reason: new WebAssembly.RuntimeError("unreachable") }));
    });
    await page.evaluate(async (bytes) => {
      const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes));
      await new Promise((resolve) => {
        setTimeout(() => instance.exports.f());
        setTimeout(resolve, 50);
      });
    }, HOST_TRAP);
    assert.ok(errors.some((e) => /RuntimeError|unreachable/i.test(e)), `the host's trap happened: ${errors}`);
    const widget = await page.evaluate(() => ({
      panel: document.querySelector("assurance-check").shadowRoot.querySelector('div[role="alert"] h2')?.textContent ?? null,
      verdict: document.querySelector("assurance-check").shadowRoot.querySelector("[data-verdict]")?.dataset.verdict,
    }));
    assert.deepEqual(widget, { panel: null, verdict: "barred" }, "the widget is still there and working");
    await h.answer(page, "systematic_torture", "no");
    assert.notEqual(await page.locator(h.$.verdict).getAttribute("data-verdict"), "barred");
  } finally {
    await context.close();
  }
});

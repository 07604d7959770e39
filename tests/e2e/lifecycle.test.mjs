// The widget's lifecycle (issue 17, item 6): an element that leaves the page unmounts and
// frees what it holds. Mounting and unmounting 100 widgets, each with answers and a long
// note, leaves the wasm memory as it was, and no listener behind on the window or the widget.
// The print report exists only while printing, so a page saved as it is does not carry the case.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as h from "./helpers.mjs";

let server;
let browser;
h.startServerAndBrowser((s, b) => ([server, browser] = [s, b]));

/** The page with the wasm's memory exposed as window.__wasmMemory (found among the exports). */
async function openPage() {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const Instance = WebAssembly.Instance;
    WebAssembly.Instance = function (module, imports) {
      const instance = new Instance(module, imports);
      window.__wasmMemory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
      return instance;
    };
    WebAssembly.Instance.prototype = Instance.prototype;
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(server.url);
  await page.locator("[data-verdict]").waitFor();
  return { context, page, errors };
}

/** Adds `n` widgets one after the other, answers and annotates each, then removes it. */
const cycle = (page, n) =>
  page.evaluate(
    async ({ n, note }) => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
      for (let i = 0; i < n; i += 1) {
        const host = document.createElement("assurance-check");
        host.setAttribute("lang", "en");
        document.body.append(host);
        while (!host.shadowRoot?.querySelector("[data-verdict]")) await tick();
        host.shadowRoot.querySelector('input[name="systematic_torture"][value="yes"]').click();
        const area = host.shadowRoot.querySelector('textarea[data-note="systematic_torture"]');
        area.value = `${note} ${i}`;
        area.dispatchEvent(new Event("input", { bubbles: true }));
        host.remove();
        await tick();
        if (host.shadowRoot.childNodes.length !== 0 || host.children.length !== 0) {
          throw new Error(`widget ${i} was not unmounted`);
        }
      }
      return window.__wasmMemory.buffer.byteLength;
    },
    { n, note: "x".repeat(20_000) },
  );

/** How many listeners of each kind the window has (DevTools protocol). */
async function windowListeners(context, page) {
  const cdp = await context.newCDPSession(page);
  const { result } = await cdp.send("Runtime.evaluate", { expression: "window" });
  const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
  const count = {};
  for (const l of listeners) count[l.type] = (count[l.type] || 0) + 1;
  await cdp.detach();
  return count;
}

test("mounting and unmounting 100 widgets leaves memory and listeners as they were", async () => {
  const { context, page, errors } = await openPage();
  try {
    assert.ok(await page.evaluate(() => window.__wasmMemory instanceof WebAssembly.Memory), "the wasm memory is found");
    const before = await windowListeners(context, page);
    assert.equal(before.beforeprint, 1, "the page's own widget listens for printing");
    // Warm up: the allocator takes what one widget needs once.
    const warm = await cycle(page, 10);
    const after = await cycle(page, 100);
    // A leaked widget keeps its 20 KB note, its answers file and its closures: 100 of them
    // are some 5 MB, which would grow the memory by dozens of 64 KiB pages.
    assert.ok(after <= warm + 65536, `wasm memory grew from ${warm} to ${after} bytes`);
    assert.deepEqual(await windowListeners(context, page), before, "no listener left on the window");
    // The page's own widget still works.
    await h.answer(page, "systematic_torture", "yes");
    assert.equal(await page.locator(h.$.verdict).getAttribute("data-verdict"), "barred");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the print report is built only for printing", async () => {
  const { context, page, errors } = await openPage();
  try {
    await h.answer(page, "systematic_torture", "yes");
    await page.locator(`${h.$.question("systematic_torture")} .notes summary`).click();
    await page.locator(h.$.note("systematic_torture")).fill("A note about the case.");
    const report = () => page.locator(".print-report").evaluate((r) => r.textContent);
    assert.equal(await report(), "", "no case in the page before printing");
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    assert.ok((await report()).includes("A note about the case."), "built before printing");
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    assert.equal(await report(), "", "emptied after printing");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

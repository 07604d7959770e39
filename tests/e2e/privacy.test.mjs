// Privacy: the page asks for nothing but its own file, and writes nothing anywhere, while a
// user answers, types notes and starts over.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as h from "./helpers.mjs";

let server;
let browser;
h.startServerAndBrowser((s, b) => ([server, browser] = [s, b]));

/** A full session: answers of every kind, a note, open disclosures, an open question followed, start over. */
async function useEverything(page) {
  await h.answerScenario(page, {
    transfer_kind: "extradition",
    assurances_subject: "both",
    systematic_torture: "unknown",
    group_targeted: "yes",
    person_in_group: "unknown",
    reported_to_treaty_bodies: "no",
    tribunal_review: "no",
    post_return_monitoring: "yes",
  });
  await page.locator(`${h.$.question("systematic_torture")} .help summary`).click();
  await page.locator(`${h.$.question("systematic_torture")} .notes summary`).click();
  await page.locator(h.$.note("systematic_torture")).fill("CAT/C/XXX/CO/1, para 12 — <b>not markup</b>");
  await page.locator(h.$.goto("person_in_group")).click();
  await h.answer(page, "personal_risk", "yes");
  page.once("dialog", (dialog) => dialog.accept());
  await page.locator('[data-action="start-over"]').click();
  await h.answer(page, "onward_transfer", "yes");
}

test("the only request is the page itself", async () => {
  const before = server.requested.length;
  const { context, page, requests, blocked, errors } = await h.openWidget(browser, server);
  try {
    await useEverything(page);
    await page.waitForTimeout(500); // let anything deferred show itself
    assert.deepEqual(requests, [server.url], "requests seen by the page");
    assert.deepEqual(blocked, [], "requests to anywhere else");
    const served = server.requested.slice(before);
    assert.deepEqual(served, [`/${h.PAGE}`], "paths the server was asked for");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("nothing is written to localStorage, sessionStorage, IndexedDB, Cache Storage or cookies", async () => {
  const { context, page } = await h.openWidget(browser, server);
  try {
    await useEverything(page);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      indexedDB: (await indexedDB.databases()).map((d) => d.name),
      caches: "caches" in window ? await caches.keys() : [],
      serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
      documentCookie: document.cookie,
    }));
    assert.deepEqual(stored, {
      local: 0,
      session: 0,
      indexedDB: [],
      caches: [],
      serviceWorkers: 0,
      documentCookie: "",
    });
    assert.deepEqual(await context.cookies(), []);
    const state = await context.storageState();
    assert.deepEqual(state.cookies, []);
    assert.deepEqual(
      state.origins.filter((o) => o.localStorage.length > 0 || (o.indexedDB ?? []).length > 0),
      [],
    );
  } finally {
    await context.close();
  }
});

test("a note is only ever text: markup in it stays characters", async () => {
  const { context, page } = await h.openWidget(browser, server);
  try {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await page.locator(`${h.$.question("personal_risk")} .notes summary`).click();
    await page.locator(h.$.note("personal_risk")).fill(hostile);
    await h.answer(page, "personal_risk", "yes");
    const found = await page.evaluate(() => {
      const root = document.querySelector("assurance-check").shadowRoot;
      return {
        pwned: window.__pwned ?? null,
        images: root.querySelectorAll("img").length + document.querySelectorAll("img").length,
        scripts: root.querySelectorAll("script").length,
      };
    });
    assert.deepEqual(found, { pwned: null, images: 0, scripts: 0 });
    assert.equal(await page.locator(h.$.note("personal_risk")).inputValue(), hostile);
  } finally {
    await context.close();
  }
});

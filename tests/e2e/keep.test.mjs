// "Keep my answers on this device", issue 16: sealed with a passphrase on the one-file pages
// (item 1), plain only over http(s) in the custom element and not offered under file://;
// every write read back, a failed one turning keeping off and leaving warning again (item 7);
// another tab's Forget turning it off (item 9); and what Chromium's profile holds on disk
// after Forget (item 4). Chromium throughout; Firefox ESR for the sealed round trip and the
// wrong passphrase.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { webcrypto } from "node:crypto";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import { serveHosts } from "../fixtures/host-server.mjs";
import * as h from "./helpers.mjs";

const KEY = "assurance-check/answers";
const KEEP = 'input[role="switch"][data-action="keep"]';
const SEAL = ["#ac-seal-1", "#ac-seal-2"];
const UNLOCK = "#ac-unlock-1";
const MESSAGE = ".keep > .casefile-alert";
const NOTE = "zebra-quince-7731 kept note";
const PASS = "correct horse battery staple";
const PAGE_URL = pathToFileURL(join(h.DIST, h.PAGE)).href;

let browser;
let hosts;
let scratch;

before(async () => {
  browser = await h.launch();
  hosts = await serveHosts();
  scratch = mkdtempSync(join(tmpdir(), "assurance-check-keep-"));
});

after(async () => {
  await browser?.close();
  await hosts?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A fresh context on `url` with every request but file:// and the hosts' server refused. */
async function open(url, { init, framed = false } = {}) {
  const context = await browser.newContext();
  await context.route("**/*", (route) => {
    const u = route.request().url();
    return u.startsWith("file:") || u.startsWith(`${hosts.origin}/`) ? route.continue() : route.abort();
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await (framed ? page.frameLocator("iframe") : page).locator(h.$.verdict).waitFor();
  return { context, page, errors };
}

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const status = (scope) => scope.locator(h.$.status).evaluate((e) => e.textContent);
const checked = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("assurance-check").shadowRoot;
    return Object.fromEntries([...root.querySelectorAll("input[type=radio]:checked")].map((r) => [r.name, r.value]));
  });

async function writeNote(scope, id, text) {
  await scope.locator(`${h.$.question(id)} .notes summary`).click();
  await scope.locator(h.$.note(id)).fill(text);
}

/** Turns Keep on and sets `pass` twice; waits for the sealed copy. */
async function seal(scope, pass = PASS) {
  await scope.locator(KEEP).check();
  await scope.locator(SEAL[0]).fill(pass);
  await scope.locator(SEAL[1]).fill(pass);
  await scope.locator('[data-action="seal"]').click();
}

/** What the envelope holds, opened here with Node's own WebCrypto and the documented
 * parameters (PBKDF2-SHA-256, 600,000 iterations, AES-GCM-256). */
async function unseal(envelope, pass = PASS) {
  const e = JSON.parse(envelope);
  const bytes = (b64) => Buffer.from(b64, "base64");
  assert.deepEqual(Object.keys(e).sort(), ["data", "iv", "salt", "v"]);
  assert.equal(e.v, 1);
  assert.equal(bytes(e.salt).length, 16, "a 16-byte salt");
  assert.equal(bytes(e.iv).length, 12, "a 12-byte IV");
  const subtle = webcrypto.subtle;
  const base = await subtle.importKey("raw", new TextEncoder().encode(pass), "PBKDF2", false, ["deriveKey"]);
  const key = await subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt: bytes(e.salt), iterations: 600000 },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["decrypt"],
  );
  const plain = await subtle.decrypt({ name: "AES-GCM", iv: bytes(e.iv) }, key, bytes(e.data));
  return JSON.parse(new TextDecoder().decode(plain));
}

test("pages, file://: Keep is sealed with a passphrase, holds no plaintext, and comes back after a reload only once unlocked", async () => {
  const { context, page, errors } = await open(PAGE_URL);
  try {
    await h.answer(page, "systematic_torture", "unknown");
    await writeNote(page, "systematic_torture", NOTE);
    await page.locator('input[name="case_reference"]').fill("ref-4471");
    await page.locator(KEEP).check();
    assert.equal(await page.locator(SEAL[0]).isVisible(), true, "the passphrase form opens");
    assert.deepEqual(
      await page.locator(SEAL[0]).evaluate((i) => [i.type, i.autocomplete, i.spellcheck, i.labels[0].textContent]),
      ["password", "new-password", false, "Passphrase"],
    );
    assert.equal(await page.locator(SEAL[1]).evaluate((i) => i.labels[0].textContent), "Passphrase again");
    assert.equal(await stored(page), null, "nothing is written before a passphrase is set");

    await page.locator(SEAL[0]).fill(PASS);
    await page.locator(SEAL[1]).fill("something else");
    await page.locator('[data-action="seal"]').click();
    assert.match(await page.locator(".keep-error").first().textContent(), /two passphrases differ/);
    assert.equal(await stored(page), null, "two different passphrases: nothing written");

    await page.locator(SEAL[0]).fill(PASS);
    await page.locator(SEAL[1]).fill(PASS);
    await page.locator(SEAL[1]).press("Enter");
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    await page.locator(".casefile-confirmation", { hasText: "Kept, encrypted." }).waitFor();
    assert.equal(await page.locator(SEAL[0]).isVisible(), false, "the form closes");
    assert.equal(await page.locator(KEEP).isChecked(), true);
    const first = await stored(page);
    for (const plain of [NOTE, "zebra", "systematic_torture", "unknown", "answers", "ref-4471", PASS]) {
      assert.ok(!first.includes(plain), `no plaintext ${plain} in the stored value`);
    }
    const opened = await unseal(first);
    assert.equal(opened.answers.systematic_torture, "unknown");
    assert.equal(opened.notes.systematic_torture, NOTE);

    await h.answer(page, "personal_risk", "yes");
    await page.waitForFunction(([k, v]) => localStorage.getItem(k) !== v, [KEY, first]);
    const second = await stored(page);
    assert.notEqual(JSON.parse(second).iv, JSON.parse(first).iv, "a fresh IV for every seal");
    assert.equal((await unseal(second)).answers.personal_risk, "yes", "every change is sealed again");

    await page.reload();
    await page.locator(h.$.verdict).waitFor();
    assert.deepEqual(await checked(page), {}, "nothing is loaded before the passphrase");
    assert.equal(await page.locator(UNLOCK).isVisible(), true, "the unlock form is shown");
    assert.equal(await page.locator("legend", { hasText: "Unlock kept answers" }).isVisible(), true);
    assert.equal(await page.locator(KEEP).isDisabled(), true);
    await page.locator(UNLOCK).fill(PASS);
    await page.locator('[data-action="unlock"]').click();
    await page.waitForFunction(() => document.querySelector("assurance-check").shadowRoot.querySelector('input[name="personal_risk"]:checked'));
    assert.deepEqual(await checked(page), { systematic_torture: "unknown", personal_risk: "yes" });
    assert.equal(await page.locator(h.$.note("systematic_torture")).inputValue(), NOTE);
    assert.equal(await page.locator('input[name="case_reference"]').inputValue(), "ref-4471", "the case fields come back too");
    assert.match(await status(page), /Unlocked\. Answers loaded: 2\./);
    assert.equal(await page.locator(KEEP).isChecked(), true, "keeping goes on");
    assert.equal(await page.locator(UNLOCK).isVisible(), false);
    await h.answer(page, "onward_transfer", "no");
    await page.waitForFunction(([k, v]) => localStorage.getItem(k) !== v, [KEY, second]);
    assert.equal((await unseal(await stored(page))).answers.onward_transfer, "no", "sealed again with the same key");
    const language = () => page.evaluate(() => localStorage.getItem("assurance-check/language"));
    assert.equal(await language(), "en", "the language shown is kept beside the sealed copy");

    // Issue 14, item 4: Forget says what it did, on screen and in the live region; the
    // answers on screen stay until Start over.
    await page.locator('[data-action="forget"]').click();
    assert.equal(await stored(page), null, "Forget erases the kept copy");
    assert.equal(await language(), null, "and the language kept beside it");
    const forgotten = /^The kept copy was removed; your answers stay on screen\.$/;
    assert.match((await page.locator(MESSAGE).textContent()).trim(), forgotten);
    assert.match(await status(page), forgotten);
    assert.equal(await page.locator(KEEP).isChecked(), false);
    const onScreen = { systematic_torture: "unknown", personal_risk: "yes", onward_transfer: "no" };
    assert.deepEqual(await checked(page), onScreen, "the answers on screen stay");
    assert.equal(await page.locator(h.$.note("systematic_torture")).inputValue(), NOTE);
    await h.answer(page, "personal_risk", "no");
    assert.equal(await stored(page), null, "nothing is written after Forget");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** A context on the page whose localStorage already holds `value` (file://). */
async function withKept(value) {
  const opened = await open(PAGE_URL);
  await opened.page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, value]);
  await opened.page.reload();
  await opened.page.locator(h.$.verdict).waitFor();
  return opened;
}

/** Enters `pass` in the unlock form and waits for its error line. */
async function unlockFails(page, pass) {
  await page.locator(UNLOCK).fill(pass);
  await page.locator('[data-action="unlock"]').click();
  await page.locator(".keep-error", { hasText: "Wrong passphrase, or a damaged copy: nothing was loaded." }).waitFor();
}

test("pages: a wrong passphrase is refused, nothing is loaded, and Forget removes the copy", async () => {
  const a = await open(PAGE_URL);
  let envelope;
  try {
    await h.answer(a.page, "other_grounds", "yes");
    await seal(a.page);
    await a.page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    envelope = await stored(a.page);
  } finally {
    await a.context.close();
  }
  const { context, page, errors } = await withKept(envelope);
  try {
    await unlockFails(page, "not the passphrase");
    assert.deepEqual(await checked(page), {}, "nothing loaded");
    assert.equal(await page.locator(h.$.verdict).getAttribute("data-verdict"), "none");
    assert.match(await status(page), /nothing was loaded/);
    assert.equal(await stored(page), envelope, "the kept copy is left as it was");
    await page.locator('[data-action="forget"]').click();
    assert.equal(await stored(page), null, "Forget erases it");
    assert.equal(await page.locator(UNLOCK).isVisible(), false);
    assert.equal(await page.locator(KEEP).isDisabled(), false, "keeping can be turned on again");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("pages: a corrupted envelope, or a plain copy another file planted, is refused and nothing is loaded", async () => {
  const planted = JSON.stringify({ rules_version: 2, answers: { systematic_torture: "yes" }, notes: {} });
  const good = await (async () => {
    const a = await open(PAGE_URL);
    try {
      await seal(a.page);
      await a.page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
      return JSON.parse(await stored(a.page));
    } finally {
      await a.context.close();
    }
  })();
  const flipped = Buffer.from(good.data, "base64");
  flipped[0] ^= 1;
  for (const value of [planted, "{not json", JSON.stringify({ ...good, data: flipped.toString("base64") }), JSON.stringify({ ...good, v: 2 })]) {
    const { context, page, errors } = await withKept(value);
    try {
      await unlockFails(page, PASS);
      assert.deepEqual(await checked(page), {}, `nothing loaded from ${value.slice(0, 40)}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

/** A page from file:// with the custom element's script inline (a module from file:// is
 * refused by Chromium). */
function elementFile() {
  const file = join(scratch, "element.html");
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>element</title>` +
      `<script type="module">${readFileSync(join(h.DIST, "assurance-check.js"), "utf8")}</script>` +
      `<assurance-check lang="en"></assurance-check></html>`,
  );
  return pathToFileURL(file).href;
}

test("element under file://: Keep is not offered, says why, and a copy another file planted is not loaded", async () => {
  const url = elementFile();
  const { context, page, errors } = await open(url);
  try {
    assert.equal(await page.locator(KEEP).isDisabled(), true);
    assert.match(await page.locator("#ac-keep-help").textContent(), /Not offered on a page opened from a file/);
    await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ rules_version: 2, answers: { systematic_torture: "yes" }, notes: {} })), KEY);
    await page.reload();
    await page.locator(h.$.verdict).waitFor();
    assert.deepEqual(await checked(page), {}, "nothing loaded from the shared file:// storage");
    assert.equal(await page.locator(KEEP).isChecked(), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("element over http: kept as plain JSON, restored after a reload, cleared by Start over, erased by Forget", async () => {
  const { context, page, errors } = await open(`${hosts.origin}/host-element.html`);
  try {
    assert.equal(await page.locator(KEEP).isDisabled(), false, "offered over http");
    await h.answer(page, "systematic_torture", "unknown");
    assert.equal(await stored(page), null, "nothing written while off");
    await page.locator(KEEP).check();
    assert.equal(JSON.parse(await stored(page)).answers.systematic_torture, "unknown");
    await h.answer(page, "personal_risk", "yes");
    assert.equal(JSON.parse(await stored(page)).answers.personal_risk, "yes", "written on every change");
    await page.reload();
    await page.locator(h.$.verdict).waitFor();
    assert.deepEqual(await checked(page), { systematic_torture: "unknown", personal_risk: "yes" });
    assert.equal(await page.locator(KEEP).isChecked(), true);
    page.once("dialog", (dialog) => dialog.accept());
    await page.locator('[data-action="start-over"]').click();
    assert.deepEqual(JSON.parse(await stored(page)).answers, {}, "Start over clears the kept answers too");
    await page.locator('[data-action="forget"]').click();
    assert.equal(await stored(page), null);
    assert.equal(await page.locator(KEEP).isChecked(), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("iframe mode: storage throws, so sealing turns the switch off with a message, and leaving still warns", async () => {
  const { context, page } = await open(`${hosts.origin}/host-iframe.html`, { framed: true });
  try {
    const frame = page.frameLocator("iframe");
    await frame.locator(h.$.verdict).waitFor();
    await h.answer(frame, "systematic_torture", "no");
    await seal(frame);
    await frame.locator(MESSAGE, { hasText: "no longer kept here" }).waitFor();
    assert.equal(await frame.locator(KEEP).isChecked(), false, "the switch is off");
    assert.match(await status(frame), /no longer kept here: save them before you leave/);
    assert.deepEqual(await h.leave(page), ["beforeunload"]);
  } finally {
    await context.close();
  }
});

test("element: a storage that drops writes is caught by the read-back; the switch goes off and leaving warns", async () => {
  const { context, page } = await open(`${hosts.origin}/host-element.html`, {
    init: () => {
      Storage.prototype.setItem = () => {};
    },
  });
  try {
    await h.answer(page, "systematic_torture", "no");
    await page.locator(KEEP).click();
    await page.locator(MESSAGE, { hasText: "no longer kept here" }).waitFor();
    assert.equal(await page.locator(KEEP).isChecked(), false);
    assert.match(await status(page), /no longer kept here/);
    assert.deepEqual(await h.leave(page), ["beforeunload"]);
  } finally {
    await context.close();
  }
});

test("another tab's Forget turns keeping off here, which then writes nothing back", async () => {
  const { context, page } = await open(`${hosts.origin}/host-element.html`);
  try {
    await h.answer(page, "systematic_torture", "unknown");
    await page.locator(KEEP).check();
    const other = await context.newPage();
    await other.goto(`${hosts.origin}/host-element.html`);
    await other.locator(h.$.verdict).waitFor();
    assert.equal(await other.locator(KEEP).isChecked(), true);
    await other.locator('[data-action="forget"]').click();
    await page.locator(MESSAGE, { hasText: "no longer kept here" }).waitFor();
    assert.equal(await page.locator(KEEP).isChecked(), false);
    assert.match(await status(page), /no longer kept here/);
    await h.answer(page, "personal_risk", "yes");
    assert.equal(await stored(page), null, "the first tab does not write the answers back");
  } finally {
    await context.close();
  }
});

test("pages: another tab's Forget turns the sealed Keep off too", async () => {
  const { context, page } = await open(PAGE_URL);
  try {
    await seal(page);
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    const other = await context.newPage();
    await other.goto(PAGE_URL);
    await other.locator(UNLOCK).waitFor();
    await other.locator('[data-action="forget"]').click();
    await page.locator(MESSAGE, { hasText: "no longer kept here" }).waitFor();
    assert.equal(await page.locator(KEEP).isChecked(), false);
    await h.answer(page, "personal_risk", "yes");
    await page.waitForTimeout(1500);
    assert.equal(await stored(page), null, "nothing sealed back");
  } finally {
    await context.close();
  }
});

/** Every file under `dir`. */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

test("Chromium's profile on disk: after Keep, a note and Forget, no Local Storage file holds the note or an answer id", async () => {
  const profile = mkdtempSync(join(tmpdir(), "assurance-check-profile-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-dev-shm-usage"],
    });
    try {
      const page = await context.newPage();
      await page.goto(PAGE_URL);
      await page.locator(h.$.verdict).waitFor();
      await h.answer(page, "systematic_torture", "unknown");
      await writeNote(page, "systematic_torture", NOTE);
      await seal(page);
      await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
      await h.answer(page, "personal_risk", "yes");
      await page.waitForTimeout(1500);
      await page.locator('[data-action="forget"]').click();
      assert.equal(await stored(page), null);
    } finally {
      await context.close();
    }
    const files = walk(profile).filter((f) => f.includes("Local Storage"));
    assert.ok(files.length > 0, "Chromium wrote its Local Storage files");
    const needles = [NOTE, "zebra-quince", "systematic_torture", "personal_risk", PASS];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) {
        for (const encoding of ["latin1", "utf16le"]) {
          assert.equal(bytes.includes(Buffer.from(needle, encoding)), false, `${needle} (${encoding}) in ${file}`);
        }
      }
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

// ---- Firefox ESR: the sealed round trip and the wrong passphrase, from file:// ----------

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const skip = existsSync(FIREFOX) ? false : `${FIREFOX} is not installed (scripts/setup installs firefox-esr)`;

test("Firefox ESR, file://: sealed, reloaded, a wrong passphrase refused, then unlocked; Forget says what it did", { skip }, async () => {
  const firefox = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true, protocol: "webDriverBiDi" });
  try {
    const page = await firefox.newPage();
    const $ = (selector) => page.locator(`pierce/${selector}`);
    const radios = () =>
      page.evaluate(() =>
        [...document.querySelector("assurance-check").shadowRoot.querySelectorAll("input[type=radio]:checked")].map((r) => `${r.name}=${r.value}`),
      );
    await page.goto(PAGE_URL);
    await page.waitForSelector("pierce/[data-verdict]");
    await page.evaluate((k) => localStorage.removeItem(k), KEY);
    await $(h.$.radio("systematic_torture", "unknown")).click();
    await $(KEEP).click();
    await $(SEAL[0]).fill(PASS);
    await $(SEAL[1]).fill(PASS);
    await $('[data-action="seal"]').click();
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, {}, KEY);
    const envelope = await page.evaluate((k) => localStorage.getItem(k), KEY);
    assert.ok(!envelope.includes("systematic_torture"), "no plaintext");
    assert.equal((await unseal(envelope)).answers.systematic_torture, "unknown");

    await page.reload();
    await page.waitForSelector(`pierce/${UNLOCK}`, { visible: true });
    assert.deepEqual(await radios(), [], "nothing loaded before the passphrase");
    await $(UNLOCK).fill("wrong passphrase");
    await $('[data-action="unlock"]').click();
    await page.waitForFunction(() =>
      /Wrong passphrase/.test(document.querySelector("assurance-check").shadowRoot.querySelector(".keep-error:not(:empty)")?.textContent ?? ""),
    );
    assert.deepEqual(await radios(), [], "nothing loaded after a wrong passphrase");

    await $(UNLOCK).fill(PASS);
    await $('[data-action="unlock"]').click();
    await page.waitForFunction(() => document.querySelector("assurance-check").shadowRoot.querySelector("input[type=radio]:checked"));
    assert.deepEqual(await radios(), ["systematic_torture=unknown"]);

    // Issue 14, item 4: Forget erases the copy and says so; the answers on screen stay.
    await $('[data-action="forget"]').click();
    await page.waitForFunction((k) => localStorage.getItem(k) === null, {}, KEY);
    const said = await page.evaluate(
      (m) => document.querySelector("assurance-check").shadowRoot.querySelector(m).textContent.trim(),
      MESSAGE,
    );
    assert.equal(said, "The kept copy was removed; your answers stay on screen.");
    assert.deepEqual(await radios(), ["systematic_torture=unknown"], "the answers on screen stay");
  } finally {
    await firefox.close();
  }
});

// DNS prefetch (issue 16, item 5): opened from file://, Firefox looked up the hosts of the
// page's links by itself, with no click, which tells a DNS observer that the tool is in use.
// The other tests watch HTTP only; this one reads Firefox's own resolver log
// (MOZ_LOG=nsHostResolver:5) while the page loads and the pointer rests on each link.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import * as h from "./helpers.mjs";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const skip = existsSync(FIREFOX) ? false : `${FIREFOX} is not installed (scripts/setup installs firefox-esr)`;
const META = '<meta http-equiv="x-dns-prefetch-control" content="off">';

let scratch;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), "assurance-check-dns-"));
});
after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test("every page turns DNS prefetch off, before any link", () => {
  for (const file of [join(h.ROOT, "www", "index.html"), join(h.DIST, h.PAGE)]) {
    const html = readFileSync(file, "utf8");
    const at = html.indexOf(META);
    assert.ok(at > 0 && at < html.indexOf("</head>"), `${file}: ${META} in the head`);
    assert.ok(at < html.indexOf("<a "), `${file}: before the first link`);
  }
});

/**
 * Opens `file` from file:// in a fresh Firefox whose resolver logs to its own directory,
 * rests the pointer on every link of the page, and returns the hosts of those links with
 * the resolver's log. Every request but the document is refused, as in firefox.test.mjs.
 */
async function resolverLog(file, name) {
  const logs = join(scratch, name);
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    protocol: "webDriverBiDi",
    env: { ...process.env, MOZ_LOG: "nsHostResolver:5", MOZ_LOG_FILE: `${logs}-dns.log` },
    // Firefox's defaults, which a remote-controlled profile may change: prefetch on.
    extraPrefsFirefox: { "network.dns.disablePrefetch": false, "network.dns.disablePrefetchFromHTTPS": true },
  });
  let hosts;
  try {
    const page = await browser.newPage();
    const url = pathToFileURL(file).href;
    await page.setRequestInterception(true);
    page.on("request", (r) => (r.url() === url || r.url().startsWith("data:") ? r.continue() : r.abort()));
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector("assurance-check")?.shadowRoot?.querySelector("[data-verdict]"));
    hosts = await page.evaluate(() => [...new Set([...document.querySelectorAll("a[href^='https:']")].map((a) => a.hostname))]);
    const links = await page.$$("a[href^='https:']");
    for (const link of links) {
      await link.scrollIntoView();
      await link.hover();
      await new Promise((r) => setTimeout(r, 300));
    }
    await new Promise((r) => setTimeout(r, 1500));
  } finally {
    await browser.close();
  }
  const log = readdirSync(scratch)
    .filter((f) => f.startsWith(`${name}-dns.log`))
    .map((f) => readFileSync(join(scratch, f), "latin1"))
    .join("\n");
  return { hosts, log };
}

test("Firefox ESR from file://: no DNS lookup of the links' hosts on load or on hover", { skip }, async () => {
  const { hosts, log } = await resolverLog(join(h.DIST, h.PAGE), "page");
  assert.ok(hosts.length >= 2, `the page has links: ${hosts}`);
  const looked = hosts.filter((host) => log.includes(host));
  assert.deepEqual(looked, [], "hosts looked up with no click");

  // The same page without the meta: the log shows the lookups, so the check above can fail.
  const control = join(scratch, "without-meta.html");
  writeFileSync(control, readFileSync(join(h.DIST, h.PAGE), "utf8").replace(META, ""));
  const without = await resolverLog(control, "control");
  assert.ok(
    without.hosts.some((host) => without.log.includes(host)),
    "without the meta, Firefox looks the hosts up (the resolver log works)",
  );
});

// Shared helpers for the browser end-to-end tests: a static server for dist/, Chromium
// through playwright-core, the widget's stable selectors, and the scenario files.
import { after, before } from "node:test";
import { createServer } from "node:http";
import { readFile, readdir } from "node:fs/promises";
import { mkdirSync, readFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { unlzma } from "../../www/lzma.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DIST = join(ROOT, "dist") + sep;
export const ARTIFACTS = join(ROOT, "tests", "artifacts");
export const PAGE = "assurance-check.html";

/** The packed wasm inside a bundled script (LZMA, as scripts/bundle.mjs writes it), or
 * `null` when the script embeds none. */
export function bundlePayload(script = join(DIST, "assurance-check.js")) {
  const base64 = /const WASM_BASE64 = "([A-Za-z0-9+/=]+)";/.exec(readFileSync(script, "utf8"));
  return base64 ? Buffer.from(base64[1], "base64") : null;
}

/** The wasm inside a bundled script, unpacked by the shim's own decoder. */
export function bundledWasm(script = join(DIST, "assurance-check.js")) {
  const packed = bundlePayload(script);
  if (!packed) throw new Error(`${script} embeds no wasm`);
  return Buffer.from(unlzma(packed));
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
};

/** Serves dist/ on 127.0.0.1 at a free port. Records every path asked for. */
export async function serve() {
  const requested = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    requested.push(path);
    const file = normalize(join(DIST, path === "/" ? PAGE : decodeURIComponent(path)));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] || "application/octet-stream",
        "Cache-Control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}/${PAGE}`,
    requested,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Debian's Chromium, headless, with its background networking off. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * Starts the static server and Chromium before a test file's tests and closes them after;
 * `ready(server, browser)` receives them once started.
 */
export function startServerAndBrowser(ready) {
  let server;
  let browser;
  before(async () => {
    server = await serve();
    browser = await launch();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * A fresh context and page on the widget, with every request outside `origin` aborted and
 * recorded, and page errors collected. Waits until the widget has rendered.
 */
export async function openWidget(browser, server, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const requests = [];
  const blocked = [];
  const errors = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(server.url);
  await page.locator("[data-verdict]").waitFor();
  return { context, page, requests, blocked, errors };
}

/** The widget's stable selectors (issue 4, "test contract"). */
export const $ = {
  verdict: "[data-verdict]",
  question: (id) => `fieldset[data-question="${id}"]`,
  radio: (id, value) => `input[type="radio"][name="${id}"][value="${value}"]`,
  circumstance: (id) => `[data-circumstance="${id}"]`,
  finding: (id) => `[data-finding="${id}"]`,
  note: (id) => `textarea[data-note="${id}"]`,
  goto: (id) => `[data-goto="${id}"]`,
  status: 'assurance-check > [role="status"]',
};

export const CIRCUMSTANCES = [
  "systematic_torture",
  "no_effective_control",
  "targeted_group",
  "personal_risk",
  "onward_transfer",
  "other_grounds",
];

/** Questions in statement order, and the ones whose visibility depends on another. */
export const QUESTIONS = [
  "transfer_kind",
  "assurances_subject",
  "systematic_torture",
  "no_effective_control",
  "group_targeted",
  "person_in_group",
  "personal_risk",
  "onward_transfer",
  "other_grounds",
  "tribunal_review",
  "full_review",
  "independent_lawyer",
  "suspensive_appeal",
  "post_return_monitoring",
  "reported_to_treaty_bodies",
];

/** Clicks one answer, as a user would. */
export async function answer(page, id, value) {
  await page.locator($.radio(id, value)).click();
}

/**
 * Answers a scenario by clicking. A question that the final answers hide is answered while
 * it is still shown: `person_in_group` before `group_targeted`, and
 * `reported_to_treaty_bodies` after choosing assurances against torture for a moment.
 */
export async function answerScenario(page, answers) {
  const ids = Object.keys(answers);
  const unknown = ids.filter((id) => !QUESTIONS.includes(id));
  if (unknown.length) throw new Error(`unknown question ids: ${unknown.join(", ")}`);
  if ("person_in_group" in answers) await answer(page, "person_in_group", answers.person_in_group);
  if ("reported_to_treaty_bodies" in answers) {
    const subject = answers.assurances_subject;
    if (subject === undefined) {
      throw new Error("reported_to_treaty_bodies without assurances_subject cannot be reached by clicking");
    }
    await answer(page, "assurances_subject", subject === "both" ? "both" : "torture");
    await answer(page, "reported_to_treaty_bodies", answers.reported_to_treaty_bodies);
  }
  for (const id of QUESTIONS) {
    if (id === "person_in_group" || id === "reported_to_treaty_bodies") continue;
    if (id in answers) await answer(page, id, answers[id]);
  }
}

/** The state the widget shows, read from its stable attributes. */
export async function readWidget(page) {
  return page.evaluate(() => {
    const root = document.querySelector("assurance-check").shadowRoot;
    const all = (sel) => [...root.querySelectorAll(sel)];
    return {
      verdict: root.querySelector("[data-verdict]").getAttribute("data-verdict"),
      statuses: Object.fromEntries(
        all("[data-circumstance]").map((e) => [e.dataset.circumstance, e.dataset.status]),
      ),
      findings: all("[data-finding]").map((e) => ({
        id: e.dataset.finding,
        question: e.dataset.question || null,
        text: e.textContent,
      })),
      open: all("[data-open-question]").map((e) => ({
        question: e.dataset.openQuestion,
        wouldEstablish: e.dataset.wouldEstablish,
        togetherWith: e.dataset.togetherWith ? e.dataset.togetherWith.split(" ") : [],
      })),
      progress: root.querySelector(".progress-text").textContent,
      hidden: all("fieldset[data-question]").filter((f) => f.hidden).map((f) => f.dataset.question),
      questions: all("fieldset[data-question]").length,
      widgets: root.querySelectorAll(".ac").length,
    };
  });
}

/** axe-core's source, run inside the page (the context must bypass the page's CSP). */
export async function axeSource() {
  return readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
}

/** Runs axe-core on the whole page, shadow roots included; returns the violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ content: await axeSource() });
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  });
}

/** Saves a screenshot under tests/artifacts/ (gitignored). */
export async function screenshot(page, name, options = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}

// ---- Scenarios: tests/cases/*.toml ----------------------------------------------------

/**
 * Parses the small TOML subset the scenario files use: comments, `[table]` headers, and
 * `key = value` where a value is a basic string, an integer, a boolean, or an array of
 * those (possibly over several lines). Anything else is an error naming the line.
 */
export function parseToml(text, file = "toml") {
  const out = {};
  let table = out;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    let line = stripComment(lines[i]).trim();
    if (line === "") continue;
    const header = /^\[([A-Za-z0-9_-]+)\]$/.exec(line);
    if (header) {
      table = out[header[1]] ??= {};
      continue;
    }
    const eq = /^([A-Za-z0-9_-]+|"[^"]*")\s*=\s*(.*)$/.exec(line);
    if (!eq) throw new Error(`${file}:${i + 1}: cannot read: ${lines[i]}`);
    const key = eq[1].startsWith('"') ? eq[1].slice(1, -1) : eq[1];
    let value = eq[2];
    while (value.startsWith("[") && !arrayClosed(value)) {
      i += 1;
      if (i >= lines.length) throw new Error(`${file}: unterminated array for ${key}`);
      value += ` ${stripComment(lines[i]).trim()}`;
    }
    if (key in table) throw new Error(`${file}:${i + 1}: duplicate key ${key}`);
    table[key] = parseValue(value.trim(), `${file}:${i + 1}`);
  }
  return out;
}

function stripComment(line) {
  let inString = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === "\\" && inString) i += 1;
    else if (ch === '"') inString = !inString;
    else if (ch === "#" && !inString) return line.slice(0, i);
  }
  return line;
}

function arrayClosed(value) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i];
    if (ch === "\\" && inString) i += 1;
    else if (ch === '"') inString = !inString;
    else if (!inString && ch === "[") depth += 1;
    else if (!inString && ch === "]") depth -= 1;
  }
  return depth === 0;
}

function parseValue(value, at) {
  if (value.startsWith('"')) {
    // A TOML basic string has the escapes of a JSON string (\uXXXX, \", \\, \n, …).
    const end = closingQuote(value);
    if (end !== value.length - 1) throw new Error(`${at}: text after a string`);
    return JSON.parse(value);
  }
  if (value.startsWith("[")) {
    const items = [];
    let rest = value.slice(1, value.lastIndexOf("]")).trim();
    while (rest.length) {
      let item;
      if (rest.startsWith('"')) {
        const end = closingQuote(rest);
        item = rest.slice(0, end + 1);
        rest = rest.slice(end + 1).trim();
      } else {
        const comma = rest.indexOf(",");
        item = comma === -1 ? rest : rest.slice(0, comma);
        rest = comma === -1 ? "" : rest.slice(comma);
      }
      items.push(parseValue(item.trim(), at));
      if (rest.startsWith(",")) rest = rest.slice(1).trim();
      else if (rest.length) throw new Error(`${at}: expected a comma in an array`);
    }
    return items;
  }
  if (value === "true" || value === "false") return value === "true";
  if (/^[+-]?\d+$/.test(value)) return Number(value);
  throw new Error(`${at}: unsupported value ${value}`);
}

function closingQuote(value) {
  for (let i = 1; i < value.length; i += 1) {
    if (value[i] === "\\") i += 1;
    else if (value[i] === '"') return i;
  }
  throw new Error(`unterminated string: ${value}`);
}

/** Every scenario in tests/cases, sorted by file name. */
export async function scenarios() {
  const dir = join(ROOT, "tests", "cases");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".toml")).sort();
  return Promise.all(
    files.map(async (file) => ({ file, ...parseToml(await readFile(join(dir, file), "utf8"), file) })),
  );
}

/** Closes the page as a user would; returns the dialogs it showed. */
export async function leave(page) {
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    dialog.accept();
  });
  const closed = new Promise((resolve) => page.once("close", resolve));
  await page.close({ runBeforeUnload: true });
  await closed;
  return dialogs;
}

// Measures the widget and prints a Markdown table (called by scripts/bench, after the build).
//   node scripts/bench.mjs <questions.json> <native evaluate line>
// Sizes: pkg/assurance_check_bg.wasm and the widget-only wasm inside dist/ (raw, gzip, brotli,
// and the LZMA payload dist/ carries), dist/*.{js,html} gzipped (level 9).
// Start-up: navigation start -> first enabled radio input (the first answer can be given: in
// the one-file page, the static widget's), and -> the live widget drawn (its verdict panel),
// for dist/assurance-check.html from file://, against a static page with the same text and
// no script, interleaved, 20 runs each.
// Answer -> verdict: 200 radio clicks; the widget redraws synchronously in the handler.
// Memory: the wasm memory's size after those clicks (memory only grows, so this is the peak).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { bundledWasm, bundlePayload, launch } from "../tests/e2e/helpers.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [questionsFile, nativeLine = ""] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS || 20);
const CHANGES = 200;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const ms = (x) => `${x.toFixed(1)} ms`;
function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}
const escape = (t) =>
  String(t).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

// The baseline: the same page without its script, the questionnaire as static HTML.
function baselinePage(html, questionnaire) {
  const form = questionnaire.sections
    .map(
      (s) =>
        `<fieldset><legend>${escape(s.title)}</legend>` +
        s.questions
          .map(
            (q) =>
              `<fieldset><legend>${escape(q.text)}</legend><p>${escape(q.help)}</p>` +
              q.options
                .map(
                  (o) =>
                    `<label><input type="radio" name="${q.id}" value="${o.value}"> ${escape(o.label)}</label>`,
                )
                .join("") +
              `</fieldset>`,
          )
          .join("") +
        `</fieldset>`,
    )
    .join("");
  return html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
    .replace(/<script type="module">[\s\S]*?<\/script>/, "")
    .replace(/<assurance-check[^>]*>[\s\S]*?<\/assurance-check>/, () => `<form>${form}</form>`);
}

// Runs before any page script: records when the first enabled radio exists, in the light
// DOM or in any shadow root, and keeps the wasm memory.
const INIT = `(() => {
  const check = () => {
    if (window.__interactive !== undefined) return;
    const host = document.querySelector("assurance-check");
    const scope = host && host.shadowRoot ? host.shadowRoot : document;
    const radio = scope.querySelector('input[type="radio"]:not([disabled])');
    if (radio) window.__interactive = performance.now();
  };
  // Issue 19: the one-file page's declarative shadow root is there before any script; the
  // live widget is ready once it has drawn its verdict panel in it.
  const live = () => {
    const shadow = document.querySelector("assurance-check")?.shadowRoot;
    if (window.__live === undefined && shadow?.querySelector("[data-verdict]")) window.__live = performance.now();
  };
  const seen = new WeakSet();
  const observe = (node) => {
    if (seen.has(node)) return;
    seen.add(node);
    new MutationObserver(() => {
      check();
      live();
      const shadow = document.querySelector("assurance-check")?.shadowRoot;
      if (shadow) observe(shadow);
    }).observe(node, { childList: true, subtree: true, attributes: true });
  };
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attach.call(this, init);
    observe(shadow);
    return shadow;
  };
  // The shim boots through the glue's initSync, which instantiates with new WebAssembly.Instance.
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    const instance = new Instance(module, imports);
    // The bundle shortens export names, so the memory is found by type, not by name.
    const memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
    if (memory) window.__wasmMemory = memory;
    return instance;
  };
  WebAssembly.Instance.prototype = Instance.prototype;
})();`;

async function interactiveAt(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 30000 });
  const at = await page.evaluate(() => window.__interactive);
  const widget = await page.evaluate(() => Boolean(document.querySelector("assurance-check")));
  if (widget) await page.waitForFunction(() => window.__live !== undefined, null, { timeout: 30000 });
  const ready = await page.evaluate(() => window.__live ?? null);
  return { context, page, at, ready };
}

async function main() {
  const wasm = readFileSync(join(root, "pkg/assurance_check_bg.wasm"));
  const js = readFileSync(join(root, "dist/assurance-check.js"));
  const packed = bundlePayload();
  const shipped = bundledWasm();
  const htmlBytes = readFileSync(join(root, "dist/assurance-check.html"));
  const questionnaire = JSON.parse(readFileSync(questionsFile, "utf8"));

  const outDir = join(root, "target/bench");
  mkdirSync(outDir, { recursive: true });
  const baselineFile = join(outDir, "baseline.html");
  writeFileSync(baselineFile, baselinePage(htmlBytes.toString("utf8"), questionnaire));
  const widgetUrl = pathToFileURL(join(root, "dist/assurance-check.html")).href;
  const baselineUrl = pathToFileURL(baselineFile).href;

  // The same Chromium, with the same flags, as the end-to-end tests.
  const browser = await launch();
  try {
    // One warm-up of each, then interleaved runs so that both see the same machine state.
    for (const url of [widgetUrl, baselineUrl]) (await interactiveAt(browser, url)).context.close();
    const widget = [];
    const ready = [];
    const baseline = [];
    for (let i = 0; i < RUNS; i += 1) {
      for (const [url, out] of [
        [widgetUrl, widget],
        [baselineUrl, baseline],
      ]) {
        const run = await interactiveAt(browser, url);
        out.push(run.at);
        if (out === widget) ready.push(run.ready);
        await run.context.close();
      }
    }

    // Answer -> verdict, then memory, on one widget page.
    const run = await interactiveAt(browser, widgetUrl);
    const latency = await run.page.evaluate((changes) => {
      const shadow = document.querySelector("assurance-check").shadowRoot;
      const times = [];
      for (let i = 0; i < changes; i += 1) {
        const radios = [...shadow.querySelectorAll('input[type="radio"]:not([disabled])')].filter(
          (r) => !r.checked && r.getClientRects().length > 0,
        );
        const radio = radios[(i * 7) % radios.length];
        const t0 = performance.now();
        radio.click();
        times.push(performance.now() - t0);
      }
      return times;
    }, CHANGES);
    const memory = await run.page.evaluate(() =>
      window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : null,
    );
    await run.context.close();

    const wMed = quantile(widget, 0.5);
    const bMed = quantile(baseline, 0.5);
    const rMed = quantile(ready, 0.5);
    const rows = [
      ["pkg/ wasm, with the JS API (raw / gzip / brotli)", `${kb(wasm.length)} / ${kb(gz(wasm))} / ${kb(br(wasm))}`],
      [
        "dist/ wasm, widget only (raw / gzip / brotli / LZMA as shipped)",
        `${kb(shipped.length)} / ${kb(gz(shipped))} / ${kb(br(shipped))} / ${kb(packed.length)}`,
      ],
      ["dist/assurance-check.js, gzipped (budget 72 KB)", kb(gz(js))],
      ["dist/assurance-check.html, gzipped (budget 100 KB)", kb(gz(htmlBytes))],
      [
        `first answer possible from file://, one-file page (median / p90, ${RUNS} runs)`,
        `${ms(wMed)} / ${ms(quantile(widget, 0.9))}`,
      ],
      [
        `live widget ready from file://, one-file page (median / p90, ${RUNS} runs)`,
        `${ms(rMed)} / ${ms(quantile(ready, 0.9))}`,
      ],
      [
        `interactive from file://, static baseline (median / p90, ${RUNS} runs)`,
        `${ms(bMed)} / ${ms(quantile(baseline, 0.9))}`,
      ],
      ["ratio first answer / static (medians; target ≤ 1.2)", (wMed / bMed).toFixed(2)],
      ["ratio live widget / static (medians)", (rMed / bMed).toFixed(2)],
      [
        `answer -> verdict (p50 / p99, ${CHANGES} changes; target p99 ≤ 16 ms)`,
        `${ms(quantile(latency, 0.5))} / ${ms(quantile(latency, 0.99))}`,
      ],
      ["native evaluate throughput", nativeLine.replace(/^evaluate:\s*/, "") || "not measured"],
      [
        `wasm memory after ${CHANGES} changes (peak)`,
        memory === null ? "not observed" : kb(memory),
      ],
    ];
    console.log("| Measure | Value |");
    console.log("| --- | --- |");
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`bench: ${error.stack || error}`);
  process.exit(1);
});

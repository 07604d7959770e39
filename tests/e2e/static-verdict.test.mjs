// The check without script (issue 19): the static results and the stylesheet the core
// generates (`assurance-check page --part harness`), in Chromium with JavaScript disabled,
// against the core's own answers (examples/static_oracle.rs):
// - all 4^7 = 16,384 states of the seven questions that decide the verdict, set directly;
// - every scenario file, answered by clicking: findings, open questions, shown-when and the
//   answer count too.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as h from "./helpers.mjs";

/** The seven questions the verdict turns on, in RULES.md order. */
const VERDICT_INPUTS = [
  "systematic_torture",
  "no_effective_control",
  "group_targeted",
  "person_in_group",
  "personal_risk",
  "onward_transfer",
  "other_grounds",
];
const STATES = [null, "yes", "no", "unknown"];

const cargo = (...args) =>
  execFileSync("cargo", ["run", "--quiet", ...args], { cwd: h.ROOT, encoding: "utf8", maxBuffer: 1 << 30 });

/** The core's report, hidden questions and answer count for each answer set. */
function oracle(answerSets, name, texts = false) {
  const file = join(h.ARTIFACTS, `static-${name}.json`);
  writeFileSync(file, JSON.stringify(answerSets));
  return JSON.parse(cargo("--example", "static_oracle", "--", file, ...(texts ? ["--texts"] : [])));
}

/** Every combination of the seven inputs, each unanswered, yes, no or unknown. */
function allStates() {
  const out = [];
  for (let n = 0; n < STATES.length ** VERDICT_INPUTS.length; n += 1) {
    const answers = {};
    let rest = n;
    for (const q of VERDICT_INPUTS) {
      const value = STATES[rest % STATES.length];
      rest = Math.floor(rest / STATES.length);
      if (value) answers[q] = value;
    }
    out.push(answers);
  }
  return out;
}

/** What the page renders, read from the test contract's attributes (runs in the page). */
function readStatic() {
  const root = document.querySelector("[data-static-root]");
  const shown = (sel) => [...root.querySelectorAll(sel)].filter((e) => e.checkVisibility());
  const statuses = {};
  for (const e of shown("[data-static-circumstance]")) {
    (statuses[e.dataset.staticCircumstance] ??= []).push(e.dataset.status);
  }
  return {
    verdicts: shown("[data-static-verdict]").map((e) => e.dataset.staticVerdict),
    statuses,
    open: shown("[data-static-open-question]").map((e) => ({
      question: e.dataset.staticOpenQuestion,
      would_establish: e.dataset.wouldEstablish,
      together_with: e.dataset.togetherWith ? e.dataset.togetherWith.split(" ") : [],
    })),
    none: shown("[data-static-open-none]").length,
    findings: shown("[data-static-finding]").map((e) => ({
      id: e.dataset.staticFinding,
      question: e.dataset.question ?? null,
      text: e.querySelector("p").textContent,
    })),
    hidden: [...root.querySelectorAll("[data-static-question]")]
      .filter((e) => !e.checkVisibility())
      .map((e) => e.dataset.staticQuestion),
  };
}

/** The same, in the core's report's terms, for comparison. */
function fromCore(e, texts) {
  return {
    verdicts: [e.report.verdict],
    statuses: Object.fromEntries(e.report.circumstances.map((c) => [c.id, [c.status]])),
    open: e.report.open_questions.map((o) => ({ together_with: [], ...o })),
    none: e.report.open_questions.length === 0 ? 1 : 0,
    findings: e.report.findings.map((f) => ({ id: f.id, question: f.question ?? null, text: texts ? f.text : "" })),
    hidden: e.hidden,
  };
}

/** The text of the element at `selector` in Chromium's accessibility tree, which holds
 * CSS generated content such as counters (the DOM does not). */
async function spoken(selector) {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    const { node } = await cdp.send("DOM.describeNode", { nodeId });
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const text = (n) =>
      !n ? "" : n.role?.value === "StaticText" ? n.name.value : (n.childIds ?? []).map((id) => text(byId.get(id))).join("");
    return text(nodes.find((n) => n.backendDOMNodeId === node.backendNodeId));
  } finally {
    await cdp.detach();
  }
}

let browser;
let context;
let page;
let harness;

before(async () => {
  mkdirSync(h.ARTIFACTS, { recursive: true });
  harness = cargo("--bin", "assurance-check", "--", "page", "--part", "harness");
  const file = join(h.ARTIFACTS, "static-harness.html");
  writeFileSync(file, harness);
  browser = await h.launch();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  await context.route("**/*", (route) =>
    route.request().url().startsWith("file:") ? route.continue() : route.abort(),
  );
  page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
});

after(async () => {
  await browser?.close();
});

test("the harness has no script, and the page's own script really is off", async () => {
  assert.ok(!/<script/i.test(harness), "no <script> in the harness");
  // A script element added to the page does not run: only the test's own evaluation does.
  await page.evaluate(() => {
    const probe = document.createElement("script");
    probe.textContent = 'document.body.dataset.probe = "ran"';
    document.body.append(probe);
  });
  assert.equal(await page.evaluate(() => document.body.dataset.probe), undefined);
  await page.evaluate(() => document.querySelector("script")?.remove());
});

test("CSS and core agree on all 16,384 states of the verdict's seven inputs", async () => {
  const states = allStates();
  assert.equal(states.length, 16384);
  const expected = oracle(states, "states");
  const BATCH = 1024;
  let checked = 0;
  for (let from = 0; from < states.length; from += BATCH) {
    const batch = states.slice(from, from + BATCH);
    const shown = await page.evaluate(
      ({ batch, inputs, read }) => {
        const root = document.querySelector("[data-static-root]");
        const readStatic = new Function(`return (${read})()`);
        const set = (q, value) => {
          for (const r of root.querySelectorAll(`input[name="${q}"]`)) r.checked = r.value === value;
        };
        // Consecutive states differ in few inputs: only those radios change.
        let last = {};
        inputs.forEach((q) => set(q, undefined));
        return batch.map((answers) => {
          for (const q of inputs) if (answers[q] !== last[q]) set(q, answers[q]);
          last = answers;
          return readStatic();
        });
      },
      { batch, inputs: VERDICT_INPUTS, read: readStatic.toString() },
    );
    shown.forEach((s, i) => {
      const state = from + i;
      const core = fromCore(expected[state]);
      const at = JSON.stringify(states[state]);
      assert.deepEqual(s.verdicts, core.verdicts, `verdict for ${at}`);
      assert.deepEqual(s.statuses, core.statuses, `statuses for ${at}`);
      assert.deepEqual(s.open, core.open, `open questions for ${at}`);
      assert.equal(s.none, core.none, `"none" for ${at}`);
      assert.deepEqual(s.findings.map(({ id, question }) => ({ id, question })),
        core.findings.map(({ id, question }) => ({ id, question })), `findings for ${at}`);
      checked += 1;
    });
  }
  assert.equal(checked, 16384);
});

describe("each scenario, answered by clicking with JavaScript disabled", async () => {
  const cases = await h.scenarios();
  let expected;
  before(() => {
    expected = oracle(cases.map((c) => c.answers), "cases", true);
  });
  cases.forEach((c, i) => {
    test(`${c.file}: ${c.name}`, async () => {
      await page.evaluate(() => {
        for (const r of document.querySelectorAll("input[type=radio]")) r.checked = false;
      });
      await h.answerScenario(page, c.answers);
      const core = expected[i];
      const shown = await page.evaluate(`(${readStatic})()`);
      assert.deepEqual(shown, fromCore(core, true));
      // The count is CSS generated content: read it as assistive technology does.
      const progress = await spoken("[data-static-progress]");
      assert.match(progress, new RegExp(`^${core.answered} of ${core.shown} answered$`));
    });
  });
});

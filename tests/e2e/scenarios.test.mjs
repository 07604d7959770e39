// Every scenario of tests/cases, answered by clicking the radios as a user would, then
// checked against what the widget shows: the verdict, each circumstance's status, the open
// questions, the findings, and which questions are hidden.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as h from "./helpers.mjs";

const cases = await h.scenarios();
let server;
let browser;
let context;

before(async () => {
  server = await h.serve();
  browser = await h.launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route("**/*", (route) =>
    route.request().url().startsWith(`${server.origin}/`) ? route.continue() : route.abort(),
  );
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const sorted = (list) => [...list].sort();

test("the scenario files are all there and readable", () => {
  assert.ok(cases.length >= 25, `expected at least 25 scenarios, found ${cases.length}`);
  for (const c of cases) {
    assert.equal(typeof c.name, "string", `${c.file}: name`);
    assert.match(c.verdict, /^(barred|undetermined|not_indicated)$/, `${c.file}: verdict`);
    assert.equal(typeof c.answers, "object", `${c.file}: [answers]`);
  }
});

describe("each scenario, answered by clicking", () => {
  for (const c of cases) {
    test(`${c.file}: ${c.name}`, async () => {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.setDefaultTimeout(5000);
      try {
        await page.goto(server.url);
        await page.locator(h.$.verdict).waitFor();
        await h.answerScenario(page, c.answers);
        for (const [id, note] of Object.entries(c.notes ?? {})) {
          await page.locator(`${h.$.question(id)} .notes summary`).click();
          await page.locator(h.$.note(id)).fill(note);
        }
        const shown = await h.readWidget(page);

        // Before any answer the widget shows "none"; the rest is the core's evaluation.
        const expected = Object.keys(c.answers).length === 0 ? "none" : c.verdict;
        assert.equal(shown.verdict, expected, "verdict");

        const established = (c.established ?? []).filter(Boolean);
        for (const id of h.CIRCUMSTANCES) {
          const status = shown.statuses[id];
          if (established.includes(id)) assert.equal(status, "established", `${id} status`);
          else if (c.unresolved?.includes(id)) assert.equal(status, "unresolved", `${id} status`);
          else if (c.unresolved) assert.equal(status, "not_established", `${id} status`);
          else assert.notEqual(status, "established", `${id} status`);
        }

        const findings = shown.findings.map((f) => f.id);
        for (const id of c.findings ?? []) assert.ok(findings.includes(id), `finding ${id} shown`);
        for (const id of c.absent_findings ?? []) assert.ok(!findings.includes(id), `finding ${id} absent`);
        const about = (kind) => shown.findings.filter((f) => f.id === kind).map((f) => f.question);
        if (c.safeguards_missing) assert.deepEqual(sorted(about("safeguard_missing")), sorted(c.safeguards_missing));
        if (c.safeguards_unverified) {
          assert.deepEqual(sorted(about("safeguard_unverified")), sorted(c.safeguards_unverified));
        }
        for (const [id, words] of Object.entries(c.finding_text ?? {})) {
          const texts = shown.findings.filter((f) => f.id === id).map((f) => f.text);
          assert.ok(texts.some((t) => t.includes(words)), `finding ${id} says "${words}"`);
        }

        if (c.open_questions) {
          assert.deepEqual(sorted(shown.open.map((o) => o.question)), sorted(c.open_questions), "open questions");
        }
        for (const [id, others] of Object.entries(c.together_with ?? {})) {
          const open = shown.open.find((o) => o.question === id);
          assert.ok(open, `${id} is an open question`);
          assert.deepEqual(sorted(open.togetherWith), sorted(others), `${id} together with`);
        }

        if (c.hidden) assert.deepEqual(sorted(shown.hidden), sorted(c.hidden), "hidden questions");
        const total = h.QUESTIONS.length - shown.hidden.length;
        const answered = Object.keys(c.answers).filter((id) => !shown.hidden.includes(id)).length;
        assert.match(shown.progress, new RegExp(`^${answered}\\D.*\\D${total}\\D`), "progress");

        for (const [id, note] of Object.entries(c.notes ?? {})) {
          assert.equal(await page.locator(h.$.note(id)).inputValue(), note, `note on ${id} kept`);
        }
        assert.deepEqual(errors, [], "no page errors");
      } finally {
        await page.close();
      }
    });
  }
});

#!/usr/bin/env node
// The README's screenshots (issue 14): the English one-file page from file://, on a phone
// (375×812) and a desktop (1366×768), before any answer and when reliance is barred, into
// docs/screenshots/{phone,desktop}-{blank,barred}.png. Run after scripts/build:
//   . scripts/env.sh; node scripts/screenshots.mjs
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as h from "../tests/e2e/helpers.mjs";

const OUT = join(h.ROOT, "docs", "screenshots");
const URL = pathToFileURL(join(h.DIST, h.PAGE)).href;
// Agiza v. Sweden (tests/cases/case_agiza_v_sweden_cat_2005.toml), answered by clicking.
const barred = (await h.scenarios()).find((c) => c.file === "case_agiza_v_sweden_cat_2005.toml");
const SIZES = { phone: { width: 375, height: 812 }, desktop: { width: 1366, height: 768 } };

mkdirSync(OUT, { recursive: true });
const browser = await h.launch();
try {
  for (const [name, viewport] of Object.entries(SIZES)) {
    const context = await browser.newContext({ viewport, locale: "en-GB", reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(URL);
    await page.locator("[data-verdict]").waitFor();
    await page.screenshot({ path: join(OUT, `${name}-blank.png`) });
    await h.answerScenario(page, barred.answers);
    await page.locator('[data-verdict="barred"]').waitFor();
    // The questions as the reader left them, with the verdict in the bar or the summary.
    await page.evaluate(() => {
      const q = document.querySelector("assurance-check").shadowRoot.querySelector('[data-question="systematic_torture"]');
      window.scrollTo(0, q.getBoundingClientRect().top + scrollY - 120);
    });
    await page.screenshot({ path: join(OUT, `${name}-barred.png`) });
    await context.close();
    console.log(`screenshots: ${name}-blank.png, ${name}-barred.png`);
  }
} finally {
  await browser.close();
}

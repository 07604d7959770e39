// The widget's CSS (and the page's) uses logical properties only, so that right-to-left
// languages need no other rules; and theming goes through the documented custom properties.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

const widget = ["widget.css", "review.css"].map((f) => readFileSync(join(ROOT, "www", f), "utf8")).join("\n");
const page = [...readFileSync(join(ROOT, "www", "index.html"), "utf8").matchAll(/<style>([\s\S]*?)<\/style>/g)]
  .map((m) => m[1])
  .join("\n");

/** Every `property: value` declaration, without comments, with its line number. */
function declarations(css) {
  const out = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "));
  // A declaration follows `{` or `;` (or starts a line) and is not inside a @media/@container prelude.
  const re = /(?:^|[{;])\s*([a-z-]+)\s*:\s*([^;{}]+?)\s*(?=;|})/gm;
  for (const m of text.matchAll(re)) {
    const line = text.slice(0, m.index).split("\n").length;
    out.push({ property: m[1], value: m[2], line });
  }
  return out;
}

const PHYSICAL = /^(left|right|top|bottom|width|height|min-width|max-width|min-height|max-height|(margin|padding|border|scroll-margin|scroll-padding)-(left|right|top|bottom)(-.*)?|border-(top|bottom)-(left|right)-radius|overflow-[xy]|inset)$/;
const PHYSICAL_VALUE = {
  float: /^(left|right)$/,
  clear: /^(left|right)$/,
  "text-align": /^(left|right)$/,
  resize: /^(horizontal|vertical)$/,
};

function physical(css) {
  const found = [];
  for (const { property, value, line } of declarations(css)) {
    if (property.startsWith("--")) continue;
    if (PHYSICAL.test(property)) found.push(`line ${line}: ${property}: ${value}`);
    if (PHYSICAL_VALUE[property]?.test(value)) found.push(`line ${line}: ${property}: ${value}`);
    const parts = value.split(/\s+/);
    if (["margin", "padding", "border-width", "border-style", "border-color", "scroll-margin", "scroll-padding"].includes(property)) {
      if (parts.length === 4 && parts[1] !== parts[3]) found.push(`line ${line}: ${property}: ${value} (left ≠ right)`);
    }
    if (property === "border-radius" && !value.includes("/")) {
      const [a, b = a, c = a, d = b] = parts;
      if (a !== b || c !== d) found.push(`line ${line}: border-radius: ${value} (not mirror-symmetric)`);
    }
  }
  return found;
}

test("the parser finds declarations (so an empty result means something)", () => {
  assert.deepEqual(physical("a { margin-left: 1px; width: 2px } b { float: right; margin: 0 1px 0 2px }").length, 4);
  assert.ok(declarations(widget).length > 100);
  assert.ok(declarations(page).length > 40);
});

test("widget.css uses logical properties only", () => {
  assert.deepEqual(physical(widget), []);
});

test("the page's own styles use logical properties only", () => {
  assert.deepEqual(physical(page), []);
});

test("theming goes through the documented custom properties, each with a default", () => {
  for (const name of ["--ac-accent", "--ac-bg", "--ac-fg", "--ac-font", "--ac-radius"]) {
    assert.match(widget, new RegExp(`var\\(${name},\\s*[^)\\s]`), `${name} is used with a default`);
  }
});

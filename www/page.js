// What only the one-file pages add to www/element.js: scripts/bundle.mjs appends this file to
// the pages' script alone, in the same module, where it fills in the element's hooks (no
// global: a host script cannot replace them). The custom-element embed has no static markup
// and no theme messages (README, "Embedding" and "Theming"), so dist/assurance-check.js does
// without all of it.

// ---- Issue 19: the static widget, and its takeover by the live one ---------------------

// Without WebAssembly the static widget stays in charge: only its notice (in the page's
// language) is shown. `false` when there is no static widget (the script-only embed).
keepStatic = (root) => {
  const notice = root.querySelector("[data-static-notice]");
  if (notice) notice.hidden = false;
  // And the live widget's inert picker and case-file buttons go: they will not start.
  root.querySelector(".ac")?.setAttribute("data-static-nowasm", "");
  return notice !== null;
};

// What the user did in the static widget, read just before the live one replaces it: the
// answers, the notes and case fields, the open disclosures and the focused radio or note,
// each named by what both widgets share (name/value, id, data-note, data-question).
function staticState(root) {
  if (!root.querySelector("[data-static-root]")) return null;
  const all = (selector) => [...root.querySelectorAll(selector)];
  const focused = root.activeElement;
  return {
    answers: all("input[type=radio]:checked").map((r) => [r.name, r.value]),
    notes: all("textarea[data-note], .case-fields input").filter((t) => t.value).map((t) => [t.id, t.value]),
    open: all("[data-question] > details[open]").map((d) => [d.parentElement.dataset.question, d.className]),
    focus: focused && {
      selector: focused.matches("input[type=radio]")
        ? `input[type=radio][name="${CSS.escape(focused.name)}"][value="${CSS.escape(focused.value)}"]`
        : focused.matches("textarea[data-note]")
          ? `textarea[data-note="${CSS.escape(focused.dataset.note)}"]`
          : null,
      range: focused.matches("textarea") ? [focused.selectionStart, focused.selectionEnd] : null,
    },
  };
}

// Gives the live widget what the static one held, through the events the widget listens
// to (change, input), so the core records them as if typed there.
function resume(root, state) {
  if (!state) return;
  const one = (selector) => root.querySelector(selector);
  for (const [name, value] of state.answers) {
    const radio = one(`input[type=radio][name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
    if (radio && !radio.checked) {
      radio.checked = true;
      radio.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
  for (const [id, text] of state.notes) {
    const area = root.getElementById(id);
    if (!area) continue;
    area.value = text;
    area.dispatchEvent(new Event("input", { bubbles: true }));
    area.closest("details")?.setAttribute("open", "");
  }
  for (const [id, className] of state.open) {
    const details = one(`[data-question="${CSS.escape(id)}"] > details.${CSS.escape(className.split(" ")[0])}`);
    details?.setAttribute("open", "");
  }
  const target = state.focus?.selector && one(state.focus.selector);
  if (target) {
    target.focus({ preventScroll: true });
    if (state.focus.range) target.setSelectionRange(...state.focus.range);
  }
}

// Read before the live widget replaces the static one, handed to it once it is mounted.
takeOver = (root) => {
  const state = staticState(root);
  return () => resume(root, state);
};

// Issue 14, item 13: the page's skip link, its first tab stop, goes to the first question
// (a link cannot name an element in a shadow root; without script it goes to the check).
// The window alone scrolls, as the widget's own controls do (no scrollIntoView).
document.querySelector("a.skip")?.addEventListener("click", (event) => {
  const first = document.querySelector("assurance-check")?.shadowRoot?.querySelector(".questions input:not([disabled])");
  if (!first) return;
  event.preventDefault();
  first.focus({ preventScroll: true });
  window.scrollBy(0, first.closest("fieldset").getBoundingClientRect().top - 16);
});

// Iframe mode (issue 5): the host cannot style inside the frame, so it may post
// { "assurance-check:theme": { "--ac-accent": "#006d5b", ... } }. Nothing is ever posted back.
// Issue 16, item 10: only the one-file page listens (its script is inline, so the stack names
// the page itself; the custom element on a host page is styled by the host's CSS), and each
// value must be what its property takes: a colour (its functions only, which load nothing),
// a plain length, or a list of font names. No url(), image-set() or var().
const COLOUR = (v) => CSS.supports("color", v) && [...v.matchAll(/([\w-]+)\s*\(/g)].every((m) => /^(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)$/i.test(m[1]));
const THEME = {
  "--ac-accent": COLOUR,
  "--ac-bg": COLOUR,
  "--ac-fg": COLOUR,
  "--ac-radius": (v) => /^(0|\d{1,3}(\.\d{1,3})?(px|rem|em|%))$/.test(v),
  "--ac-font": (v) => /^[\w\s"',-]+$/.test(v) && CSS.supports("font-family", v),
};
const onePage = (url) => url.split(/[?#]/)[0];
if (OWN_SCRIPT && onePage(OWN_SCRIPT) === onePage(location.href)) {
  window.addEventListener("message", (event) => {
    const theme = window.parent !== window && event.source === window.parent && event.data?.["assurance-check:theme"];
    for (const [name, valid] of theme ? Object.entries(THEME) : []) {
      const value = theme[name];
      if (typeof value !== "string" || value.length > 80 || !valid(value.trim())) continue;
      for (const host of document.querySelectorAll("assurance-check")) host.style.setProperty(name, value.trim());
    }
  });
}

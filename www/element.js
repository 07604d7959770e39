// <assurance-check>: defines the element and boots the wasm. Rust renders everything; the
// one-file pages also carry the widget as static markup (a declarative shadow root, issue 19),
// which works before and without the wasm, and which the live widget takes over.
// The bundler (scripts/bundle.mjs) puts this after the wasm-bindgen glue, in one module,
// and www/lzma.js, and replaces __WASM_BASE64__ with the wasm itself (LZMA, then base64), so
// nothing is fetched at run time.
const WASM_BASE64 = "__WASM_BASE64__";

let ready = null;

// Issue 9, item 3: after every change the wasm hands each widget's answers file and the crash
// panel's texts to `keep`, so they live outside the instance. If the wasm traps (a Rust panic
// is a WebAssembly.RuntimeError), every widget becomes a plain panel offering that file.
const kept = new Map();
const el = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });

// Issue 16, item 11: only a trap of this module's own code counts, not the host page's own
// WebAssembly or an error event it dispatches (never trusted). A trap's stack names this
// script (the glue that called in) or, cut short below deep wasm frames, this module's
// code: Chromium calls it wasm://wasm/<hash>, learnt from its first call out to `keep`.
const OWN_SCRIPT = /((?:https?|file|blob):\/\/[^\s()]*?)(?::\d+){2}/.exec(new Error().stack || "")?.[1];
let ownWasm = null;
const learnOwnWasm = () => (ownWasm ??= /wasm:\/\/wasm\/[\w-]+/.exec(new Error().stack || "")?.[0] ?? null);
const ours = (stack) => (OWN_SCRIPT && stack.includes(OWN_SCRIPT)) || (ownWasm !== null && stack.includes(ownWasm));

function crashed(event) {
  const error = event.error || event.reason;
  if (!wasmPresent() || !event.isTrusted || !(error instanceof WebAssembly.RuntimeError) || !ours(String(error.stack || ""))) return;
  for (const [host, k] of kept) {
    const button = Object.assign(el("button", k.button), { type: "button" });
    button.addEventListener("click", () => {
      const url = URL.createObjectURL(new Blob([k.json], { type: "application/json" }));
      const a = Object.assign(el("a", ""), { href: url, download: "assurance-check-answers.json" });
      host.shadowRoot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    });
    const panel = el("div", "");
    panel.setAttribute("role", "alert");
    panel.append(el("h2", k.title), el("p", k.body), button);
    host.shadowRoot.replaceChildren(panel);
  }
}
window.addEventListener("error", crashed);
window.addEventListener("unhandledrejection", crashed);

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

// ---- Issue 19: the static widget, and its takeover by the live one ---------------------

// Tor Browser's "Safer" level, iOS Lockdown Mode and `--noexpose_wasm` leave no WebAssembly.
function wasmPresent() {
  return typeof WebAssembly === "object" && WebAssembly !== null && typeof WebAssembly.compile === "function";
}

// Without WebAssembly the static widget stays in charge: only its notice (in the page's
// language) is shown. `false` when there is no static widget (the script-only embed).
function keepStatic(root) {
  const notice = root.querySelector("[data-static-notice]");
  if (notice) notice.hidden = false;
  // And the live widget's inert picker and case-file buttons go: they will not start.
  root.querySelector(".ac")?.setAttribute("data-static-nowasm", "");
  return notice !== null;
}

// What the user did in the static widget, read just before the live one replaces it: the
// answers, the notes, the open disclosures and the focused control, each named by the
// attributes both widgets share (name/value, data-note, data-question).
function staticState(root) {
  if (!root.querySelector("[data-static-root]")) return null;
  const all = (selector) => [...root.querySelectorAll(selector)];
  const focused = root.activeElement;
  return {
    answers: all("input[type=radio]:checked").map((r) => [r.name, r.value]),
    notes: all("textarea[data-note]").filter((t) => t.value).map((t) => [t.dataset.note, t.value]),
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
function takeOver(root, state) {
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
    const area = one(`textarea[data-note="${CSS.escape(id)}"]`);
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

// Decode once per page; a second element reuses the same instance.
function boot() {
  if (ready === null) {
    // A promise from the start, so that a corrupt payload reaches the error path below.
    ready = Promise.resolve().then(() => {
      const text = atob(WASM_BASE64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
      return WebAssembly.compile(unlzma(bytes));
    }).then((module) => {
      // The glue's public synchronous entry point, given the compiled module: nothing to fetch.
      initSync({ module });
    });
  }
  return ready;
}

class AssuranceCheck extends HTMLElement {
  #booting = false;

  static get observedAttributes() {
    return ["lang"];
  }

  connectedCallback() {
    this.render();
  }

  // Leaving the page unmounts the widget and frees what it holds. A move (removed and added
  // back in the same task) keeps it: the check runs after the current task's microtasks.
  disconnectedCallback() {
    boot()
      .then(() => {
        if (this.isConnected || !this.shadowRoot) return;
        unmount(this.shadowRoot);
        kept.delete(this);
      })
      .catch(() => {});
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    // The widget's language picker writes `lang` too: redraw in place, answers kept.
    if (oldValue !== newValue && this.shadowRoot && this.isConnected) this.render();
  }

  render() {
    // Reuse the root on reconnection: Rust clears it, so there is always one widget.
    // The one-file pages' declarative shadow root is that root: the live widget replaces
    // the static one in place, in one task, so nothing flashes.
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    if (!wasmPresent() && keepStatic(root)) return;
    // One mount per boot: an upgraded element with a declarative root gets `lang` through
    // attributeChangedCallback before connectedCallback; the mount reads `lang` itself.
    if (this.#booting) return;
    this.#booting = true;
    boot()
      .then(() => {
        this.#booting = false;
        if (!this.isConnected) return;
        const state = staticState(root);
        mount(this, root, (json, title, body, button) => {
          learnOwnWasm();
          kept.set(this, { json, title, body, button });
        });
        takeOver(root, state);
      })
      .catch((error) => {
        this.#booting = false;
        root.textContent = `assurance-check could not start: ${error && error.message}`;
      });
  }
}

// Idempotent: a page saved as rendered runs this script again.
if (!customElements.get("assurance-check")) {
  customElements.define("assurance-check", AssuranceCheck);
}

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

// What only the one-file pages need (www/page.js, which scripts/bundle.mjs adds to the pages'
// script alone, in this same module: no global a host script could replace): the static
// widget kept without WebAssembly, and its takeover. Here, for the custom element, which
// has no static markup: nothing to keep, nothing to take over.
let keepStatic = () => false;
let takeOver = () => () => {};

// Tor Browser's "Safer" level, iOS Lockdown Mode and `--noexpose_wasm` leave no WebAssembly.
function wasmPresent() {
  return typeof WebAssembly === "object" && WebAssembly !== null && typeof WebAssembly.compile === "function";
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
        const resume = takeOver(root);
        mount(this, root, (json, title, body, button) => {
          learnOwnWasm();
          kept.set(this, { json, title, body, button });
        });
        resume();
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

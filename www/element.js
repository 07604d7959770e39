// <assurance-check>: defines the element and boots the wasm. Rust renders everything.
// The bundler (scripts/bundle.mjs) puts this after the wasm-bindgen glue, in one module,
// and replaces __WASM_BASE64__ with the wasm itself (raw deflate, then base64), so nothing is
// fetched at run time.
const WASM_BASE64 = "__WASM_BASE64__";

let ready = null;

// Decode once per page; a second element reuses the same instance.
function boot() {
  if (ready === null) {
    const text = atob(WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
    // The bundler deflates the wasm before base64 (a third smaller once the page is gzipped).
    const wasm = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    ready = new Response(wasm).arrayBuffer().then((buffer) => __wbg_init({ module_or_path: buffer }));
  }
  return ready;
}

class AssuranceCheck extends HTMLElement {
  static get observedAttributes() {
    return ["lang"];
  }

  connectedCallback() {
    this.render();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    // The widget's language picker writes `lang` too: redraw in place, answers kept.
    if (oldValue !== newValue && this.shadowRoot && this.isConnected) this.render();
  }

  render() {
    // Reuse the root on reconnection: Rust clears it, so there is always one widget.
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    boot()
      .then(() => mount(this, root))
      .catch((error) => {
        root.textContent = `assurance-check could not start: ${error && error.message}`;
      });
  }
}

// Idempotent: a page saved as rendered runs this script again.
if (!customElements.get("assurance-check")) {
  customElements.define("assurance-check", AssuranceCheck);
}

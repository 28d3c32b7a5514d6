// <diary-login-help>: the help panel as a custom element.
//
//   <script type="module" src="pkg/widget/diary-login-help.js"></script>
//   <diary-login-help region="kuzbass" role="parent" lang="ru" error="…">
//     <p>Fallback text and links, shown until the panel renders.</p>
//   </diary-login-help>
//
// The panel renders into a shadow root with its own stylesheet, so the
// host's CSS cannot break it and its CSS cannot leak. Attribute changes
// update it live. No inline scripts or styles: works under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
const STYLESHEET = new URL("./diary-help.css", import.meta.url).href;
const WASM = new URL("./diary_help_bg.wasm", import.meta.url);
let ready = null;

// Loads the widget module and its wasm once. The wasm download starts
// together with the module's (and the stylesheet's, see connectedCallback)
// instead of after it: one round trip less on a slow network when the host
// page has no <link rel="preload"> for them. (If the host already ran the
// module's init() itself, this fetch is served from the HTTP cache.)
function load() {
  ready ??= (async () => {
    const wasm = fetch(WASM);
    wasm.catch(() => {}); // awaited below; a failed import must not leave it unhandled
    const widget = await import("./diary_help.js");
    await widget.default({ module_or_path: wasm });
    return widget;
  })();
  return ready;
}

function optionsOf(el) {
  const options = {};
  for (const name of ["region", "role", "lang", "error"]) {
    const value = el.getAttribute(name);
    if (value !== null && value !== "") options[name] = value;
  }
  if (el.getAttribute("remember") === "false") options.remember = false;
  return options;
}

export class DiaryLoginHelp extends HTMLElement {
  static observedAttributes = ["region", "role", "lang", "error"];

  #handle = null;
  #attempt = 0;

  async connectedCallback() {
    if (this.#handle) return;
    // A later connect (after a quick disconnect) supersedes this one.
    const attempt = ++this.#attempt;
    let shadow = null;
    try {
      const loading = load();
      shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      // The stylesheet loads while the wasm does. The light-DOM fallback
      // stays visible through the slot until the panel has rendered with it.
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = STYLESHEET;
      const styled = new Promise((ok) => { link.onload = ok; link.onerror = ok; });
      const root = document.createElement("div");
      root.className = "dh-host";
      root.hidden = true;
      const slot = document.createElement("slot");
      shadow.replaceChildren(link, slot, root);
      const [{ mount }] = await Promise.all([loading, styled]);
      if (attempt !== this.#attempt || !this.isConnected || this.#handle) return;
      this.#handle = mount(root, optionsOf(this));
      root.hidden = false;
      slot.remove();
      this.dataset.state = "ready";
    } catch (error) {
      if (attempt !== this.#attempt) return;
      // The fallback content stays (or comes back); the host page keeps working.
      if (shadow) shadow.replaceChildren(document.createElement("slot"));
      this.#handle = null;
      this.dataset.state = "failed";
      console.warn("<diary-login-help> could not start; showing the fallback:", error);
    }
  }

  disconnectedCallback() {
    this.#handle?.unmount();
    this.#handle = null;
  }

  attributeChangedCallback(name, _old, value) {
    const handle = this.#handle;
    if (!handle) return;
    try {
      if (name === "error") handle.setError(value);
      else if (name === "role") handle.setRole(value ?? "parent");
      else if (name === "region") handle.setRegion(value);
      else if (name === "lang") handle.setLang(value ?? "ru");
    } catch (error) {
      console.warn(`<diary-login-help>: ignoring ${name}=${JSON.stringify(value)}:`, error.message);
    }
  }
}

if (!customElements.get("diary-login-help")) {
  customElements.define("diary-login-help", DiaryLoginHelp);
}

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
import init, { mount } from "./diary_help.js";

const STYLESHEET = new URL("./diary-help.css", import.meta.url).href;
let ready = null;

function load() {
  ready ??= init({ module_or_path: new URL("./diary_help_bg.wasm", import.meta.url) });
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
  #root = null;

  async connectedCallback() {
    if (this.#handle) return;
    let shadow = null;
    try {
      await load();
      if (!this.isConnected || this.#handle) return;
      shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = STYLESHEET;
      this.#root = document.createElement("div");
      this.#root.className = "dh-host";
      this.#root.hidden = true;
      // The light-DOM fallback stays visible through the slot until the
      // panel has rendered with its stylesheet.
      const slot = document.createElement("slot");
      const styled = new Promise((ok) => { link.onload = ok; link.onerror = ok; });
      shadow.replaceChildren(link, slot, this.#root);
      await styled;
      this.#handle = mount(this.#root, optionsOf(this));
      this.#root.hidden = false;
      slot.remove();
      this.dataset.state = "ready";
    } catch (error) {
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

// <diary-login-help>: the help panel as a custom element.
//
//   <script type="module" src="pkg/widget/diary-login-help.js"></script>
//   <diary-login-help region="kuzbass" role="parent" lang="ru" error="…">
//     <p>Fallback text and links, shown until the panel renders.</p>
//   </diary-login-help>
//
// An operator's own region profile (its diary site, app, where to turn)
// goes in a child <script type="application/json"> or the `profile`
// property, instead of the `region` attribute.
//
// The panel renders into a shadow root with its own styles, so the host's
// CSS cannot break it and its CSS cannot leak; the host themes it through
// the --dh-* custom properties and the parts (docs/api/widget.md). Attribute
// changes update it live. No inline scripts or styles: works under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
//
// The styles ship inside a module (diary-help-css.js, the text of
// diary-help.css) and become a constructable stylesheet: no request a
// bundler's CSS rule could rewrite, nothing a style-src policy blocks.
// Browsers without constructable stylesheets (Safari < 16.4) get a <style>
// element carrying the nonce of the element's `nonce` attribute or of the
// page's <meta property="csp-nonce" nonce="…">, then a <link> to
// diary-help.css. If no way works the panel still shows, with
// data-state="unstyled" and one console warning.
import CSS from "./diary-help-css.js";
import { load, quiet, firstScreen, pastedIn, focusIn, refocus, carryOver, mountOptions, staticGuide } from "./diary-help-start.js";

const STYLESHEET_FILE = "./diary-help.css"; // a variable: bundlers leave it alone
let sheet = null;
let warnedUnstyled = false;

/** One constructable stylesheet shared by every element; null where unsupported. */
function sharedSheet() {
  if (sheet === null && typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in ShadowRoot.prototype
      && "replaceSync" in CSSStyleSheet.prototype) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    } catch {
      sheet = null;
    }
  }
  return sheet;
}

/** The CSP nonce the host gives the element: its own `nonce`, else the page's csp-nonce meta. */
function nonceOf(el) {
  const own = el.nonce || el.getAttribute("nonce");
  if (own) return own;
  const meta = document.querySelector('meta[property="csp-nonce"]');
  return meta ? meta.nonce || meta.getAttribute("nonce") || meta.getAttribute("content") || "" : "";
}

/** Whether the panel's styles apply in `shadow` (diary-help.css sets --dh-styled on :host). */
function styledIn(shadow) {
  return getComputedStyle(shadow.host).getPropertyValue("--dh-styled").trim() === "1";
}

/**
 * Puts the styles into `shadow` before `nodes`: resolves to true when they
 * apply, false when every way was refused (CSP, a missing file).
 */
async function style(el, shadow, nodes) {
  const shared = sharedSheet();
  if (shared) {
    shadow.adoptedStyleSheets = [shared];
    shadow.replaceChildren(...nodes);
    return true;
  }
  const nonce = nonceOf(el);
  const inline = document.createElement("style");
  if (nonce) inline.setAttribute("nonce", nonce);
  inline.textContent = CSS;
  shadow.replaceChildren(inline, ...nodes);
  if (styledIn(shadow)) return true;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  if (nonce) link.setAttribute("nonce", nonce);
  link.href = new URL(STYLESHEET_FILE, import.meta.url).href;
  const loaded = new Promise((ok) => { link.onload = () => ok(true); link.onerror = () => ok(false); });
  shadow.replaceChildren(link, ...nodes);
  return (await loaded) && styledIn(shadow);
}

/**
 * The operator's region profile given as JSON in a child
 * <script type="application/json"> (inert content: no CSP needed). null
 * when there is none; throws a SyntaxError naming the element when the JSON
 * is not valid.
 */
function profileFromChild(el) {
  const script = el.querySelector(':scope > script[type="application/json"]');
  if (!script) return null;
  try {
    return JSON.parse(script.textContent);
  } catch (error) {
    throw new SyntaxError(`<diary-login-help>: the region profile's JSON is not valid: ${error.message}`);
  }
}

function optionsOf(el, profile) {
  const options = { __proto__: null }; // as mountOptions(): no Object.prototype accessor sees it
  for (const name of ["region", "role", "lang", "error"]) {
    const value = el.getAttribute(name);
    if (value !== null && value !== "") options[name] = value;
  }
  if (profile) options.region = profile;
  if (el.getAttribute("remember") === "false") options.remember = false;
  if (el.getAttribute("history") === "false") options.history = false;
  if (el.hasAttribute("error-from-url")) options.errorFromUrl = true;
  return options;
}

export class DiaryLoginHelp extends HTMLElement {
  static observedAttributes = ["region", "role", "lang", "error"];

  #handle = null;
  #attempt = 0;
  #profile = undefined; // undefined: not set as a property (a JSON child may give one)

  /**
   * The operator's own region profile (an object as in docs/api/eligibility.md,
   * "Region profiles"); wins over the `region` attribute. Setting it updates
   * the panel; a profile with a bad field throws an Error naming it (and the
   * panel keeps its profile). null: back to the `region` attribute.
   */
  get profile() {
    return this.#profile ?? null;
  }

  set profile(value) {
    const previous = this.#profile;
    this.#profile = value ?? null;
    if (!this.#handle) return;
    try {
      this.#handle.setRegion(value ?? this.getAttribute("region"));
    } catch (error) {
      this.#profile = previous;
      throw error;
    }
  }

  /**
   * Never rejects: a custom element callback's promise is no one's to
   * handle, so anything that fails (a builtin the host page broke before
   * we ran, the wasm) ends in the fallback, not in an unhandled rejection.
   */
  async connectedCallback() {
    try {
      await this.#start();
    } catch { /* #start puts the fallback back first */ }
  }

  async #start() {
    if (this.#handle) return;
    // A later connect (after a quick disconnect) supersedes this one.
    const attempt = ++this.#attempt;
    let shadow = null;
    let screen = null;
    let options = {};
    try {
      const loading = load(); // awaited below, after the first screen is up (load() marks it handled)
      shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      if (this.#profile === undefined) this.#profile = profileFromChild(this);
      options = optionsOf(this, this.#profile);
      // The first screen at once, in place of the light-DOM fallback (a
      // first screen the host pasted as a child, first-screen.<lang>.html,
      // moves into the shadow root as it is, with what was typed); the
      // panel mounts into `root` when its wasm is ready.
      const pasted = pastedIn(this);
      const focus = pasted && focusIn(pasted);
      screen = firstScreen(options, pasted);
      const root = document.createElement("div");
      root.className = "dh-host";
      root.hidden = true;
      const styling = style(this, shadow, [screen.root, root]);
      quiet(styling); // awaited below, unless something before throws
      refocus(screen.root, focus);
      // Both are on their way; awaited one by one, not through Promise.all
      // (whose `then` calls a host page may have broken).
      const styled = await styling;
      const { mount } = await loading;
      if (attempt !== this.#attempt || !this.isConnected || this.#handle) return;
      const state = screen.state();
      screen.dispose();
      // The attributes (and the profile) as they are now: the host may have
      // changed them while the wasm loaded, when there was no panel to tell.
      options = optionsOf(this, this.#profile);
      this.#handle = this.#mount(mount, root, mountOptions(options, state));
      root.hidden = false;
      await carryOver(root, state);
      if (styled) {
        this.dataset.state = "ready";
      } else {
        this.dataset.state = "unstyled";
        if (!warnedUnstyled) {
          warnedUnstyled = true;
          console.warn(
            "<diary-login-help>: its styles could not be applied (no constructable stylesheets, and the page's " +
              "Content-Security-Policy or server refused the <style>/<link>); give the element a nonce attribute " +
              "or allow diary-help.css in style-src.",
          );
        }
      }
    } catch (error) {
      if (attempt !== this.#attempt) return;
      // The fallback content comes back (and the page keeps working), with
      // the static guide beside it unless the host said static-guide="false".
      let role;
      try {
        role = screen?.state().role;
        screen?.dispose();
      } catch { /* the fallback below is what matters */ }
      this.#handle = null;
      if (shadow) {
        // Everything but the styles goes, and a slot shows the light DOM
        // again (walked by the DOM's links, not an iterator a host can break).
        for (let node = shadow.firstChild, next; node; node = next) {
          next = node.nextSibling;
          if (node.nodeName !== "STYLE" && node.nodeName !== "LINK") shadow.removeChild(node);
        }
        shadow.appendChild(document.createElement("slot"));
      }
      this.dataset.state = "failed";
      console.warn("<diary-login-help> could not start; showing the fallback:", error);
      if (!shadow) return;
      if (this.getAttribute("static-guide") !== "false") {
        const guide = await staticGuide(options, role);
        if (guide && attempt === this.#attempt && this.isConnected) shadow.append(guide);
      }
    }
  }

  /**
   * mount(), leaving out an attribute's value the panel refuses (a typo'd
   * role or lang, an error text over the limit) with a warning, as a later
   * change to that attribute is: one bad attribute does not cost the page
   * its panel. A host's profile object is not left out: its error stands.
   */
  #mount(mount, root, options) {
    for (;;) {
      try {
        return mount(root, options);
      } catch (error) {
        const name = /^options\.(region|role|lang|error)\b/.exec(error?.message)?.[1];
        if (!name || !(name in options) || (name === "region" && this.#profile)) throw error;
        console.warn(`<diary-login-help>: ignoring the ${name} attribute:`, error.message);
        delete options[name];
      }
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
      else if (name === "region" && !this.#profile) handle.setRegion(value);
      else if (name === "lang") handle.setLang(value ?? "ru");
    } catch (error) {
      console.warn(`<diary-login-help>: ignoring the new ${name} attribute:`, error.message);
    }
  }
}

if (!customElements.get("diary-login-help")) {
  customElements.define("diary-login-help", DiaryLoginHelp);
}

// Types of <diary-login-help> (diary-login-help.js): importing the module
// defines the element; this file declares its class, its attributes and the
// tag in HTMLElementTagNameMap, so `document.querySelector("diary-login-help")`
// is typed.
import type { RegionProfile } from "./diary_help.js";

/** What `data-state` says once the element has tried to start. */
export type DiaryLoginHelpState = "ready" | "unstyled" | "failed";

/**
 * The help panel as a custom element, in a shadow root. Attributes (all
 * optional, changes apply live):
 * - `region`: a region profile id (`"kuzbass"`, `"orenburg"`, `"ryazan"`, `"generic"`);
 * - `role`: `"parent"` (default) or `"student"`;
 * - `lang`: `"ru"` (default) or `"en"`;
 * - `error`: an error message the user saw, to explain;
 * - `error-from-url`: let the page URL's `?error=` select an explanation (its words are never shown);
 * - `remember="false"`: remember nothing on this device;
 * - `history="false"`: the guide adds no browser history entries (Back leaves the page as usual);
 * - `nonce`: the page's CSP nonce, for browsers without constructable stylesheets.
 * An operator's own region profile goes in a child `<script type="application/json">`
 * or the `profile` property (it wins over `region`).
 * After start-up `data-state` is `"ready"`, `"unstyled"` (the panel shows, its
 * styles were refused) or `"failed"` (the fallback content stays).
 */
export declare class DiaryLoginHelp extends HTMLElement {
  static readonly observedAttributes: readonly ["region", "role", "lang", "error"];
  /**
   * The operator's own region profile; null: the `region` attribute applies.
   * Setting a profile with a bad field throws an Error naming the field.
   */
  get profile(): RegionProfile | null;
  set profile(value: RegionProfile | null);
  connectedCallback(): Promise<void>;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "diary-login-help": DiaryLoginHelp;
  }
}

// Types of diary-help-start.js: the panel's first screen before the wasm
// arrives, and a static guide where WebAssembly cannot run.
import type { MountOptions, WidgetHandle } from "./diary_help.js";

/** `mount()`'s options, and the ones `start` reads itself. */
export interface StartOptions extends MountOptions {
  /**
   * Where WebAssembly cannot run, show a static guide (a role and age chooser
   * and the matching plan, from this package's guide/ files) beside the
   * host's fallback text; default true.
   */
  staticGuide?: boolean | null;
}

/**
 * Draws the panel's first screen in `target` at once, loads the widget and
 * its wasm, and mounts the panel in its place, keeping what the person did in
 * the meantime (role, typed date, the tick, focus, a pressed button).
 * Resolves to the panel's handle. Where WebAssembly cannot run, the host's
 * fallback content comes back with the static guide beside it, and the
 * promise rejects with the reason.
 */
export declare function start(target: Element | string, options?: StartOptions): Promise<WidgetHandle>;

/** Loads the widget module and its wasm once (what `start` waits for). */
export declare function load(): Promise<typeof import("./diary_help.js")>;

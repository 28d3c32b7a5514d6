/* tslint:disable */
/* eslint-disable */

/** A built-in region profile id, or a host's own profile's id (in results; inputs take `BuiltInRegionId`, so a typo of a built-in id fails to compile, or a `RegionProfile`). */
export type RegionId = BuiltInRegionId | (string & {});



declare global {
    interface SymbolConstructor {
        /** `WidgetHandle[Symbol.dispose]` (wasm-bindgen's) type-checks without lib "esnext.disposable". */
        readonly dispose: unique symbol;
    }
}


/**
 * A link a profile supplies.
 */
export interface ProfileLink {
    href: string;
    label: string;
}

/**
 * A region profile a host may pass as `region`.
 */
export interface RegionProfile {
    /**
     * Lower-case Latin letters, digits, "_" and "-".
     */
    id: string;
    name: LocalName;
    diarySite?: ProfileLink;
    appName?: string;
    apps?: AppLink[];
    loginButton?: string;
    loginFlow?: LoginFlow;
    consentVia?: ConsentVia;
    parentFlow?: ParentFlow;
    /**
     * Required when parentFlow is "application".
     */
    application?: ApplicationNames;
    problems?: ProblemsContact;
    problemsLink?: ProfileLink;
    parentMayCreateUntil18?: boolean;
    source?: string[];
}

/**
 * A region's name in each language.
 */
export interface LocalName {
    ru: string;
    en: string;
}

/**
 * A store link for the diary's mobile app.
 */
export interface AppLink {
    store: string;
    href: string;
}

/**
 * How a parent gets access to the child's diary.
 */
export type ParentFlow = "gosuslugi" | "application";

/**
 * How a parent gives consent for a minor's diary login.
 */
export type ConsentVia = "notification" | "portfolio";

/**
 * How the diary's login goes after the Gosuslugi login page.
 */
export type LoginFlow = "plain" | "grant_access";

/**
 * Options of `mount`. Read by `#[derive(FromJs)]` from these fields' serde
 * names (which also give the TypeScript interface); other keys are
 * ignored. Each option's own reader keeps the panel's wording.
 */
export interface MountOptions {
    /**
     * A built-in region profile id: "kuzbass", "orenburg", "ryazan" or "generic" (typed strictly, so a typo
     * fails to compile; at run time an unknown id reads as "generic"), or the operator's own profile object
     * (validated; an error names the field, e.g. "options.region.diarySite.href").
     */
    region?: BuiltInRegionId | RegionProfile | null;
    /**
     * Who is at the page; default "parent".
     */
    role?: PanelRole | null;
    /**
     * Default "ru".
     */
    lang?: Lang | null;
    /**
     * An error message the user saw: its explanation opens directly.
     */
    error?: string | null;
    /**
     * Let the page URL's `?error=` open an explanation (default false). Anyone can write a link to your page
     * with any words in it, so the value only selects: a catalog id (`?error=diary_not_found`) or a message
     * the rules recognise opens its explanation; the URL's words are never shown. Ignored when `error` is given.
     */
    errorFromUrl?: boolean | null;
    /**
     * Remember the wizard's answers on this device (never names, СНИЛС, certificate numbers or passwords); default true.
     */
    remember?: boolean | null;
    /**
     * Each answer in the guide adds a browser history entry (no URL change), so that Back goes to the previous
     * question; default true. `false` for a page whose router should see no entries but its own.
     */
    history?: boolean | null;
}

/**
 * The built-in region profiles.
 */
export type BuiltInRegionId = "kuzbass" | "orenburg" | "ryazan" | "generic";

/**
 * The diary's own names in the school-application flow.
 */
export interface ApplicationNames {
    accessSection: string;
    applyButton: string;
    submittedMessage: string;
}

/**
 * The languages of every text: Russian (the default) and English.
 */
export type Lang = "ru" | "en";

/**
 * Where to turn with problems in the diary.
 */
export type ProblemsContact = "school" | "class_teacher" | "feedback_form";

/**
 * Who is at the page: a parent, a guardian (the parent's path with the guardian's document check) or the student.
 */
export type PanelRole = "parent" | "guardian" | "student";


/**
 * A mounted panel. Keep it to change the panel or unmount it.
 */
export class WidgetHandle {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Shows the explanation of an error message the user saw; `null` or an
     * empty string clears it.
     */
    setError(text?: string | null): void;
    /**
     * Switches the language: `"ru"` or `"en"`. A language other than
     * Russian is fetched first (`diary-texts.<lang>.bin` next to the module,
     * once); the panel re-renders when it has arrived. The returned promise
     * resolves then, or as soon as the panel stays in its language because
     * the file could not load (one `console.warn` says why).
     */
    setLang(lang: Lang): Promise<any>;
    /**
     * Switches the region profile: an id such as `"kuzbass"`, the host's own
     * profile object (validated; the error names the field), or `null` for
     * generic.
     */
    setRegion(region?: BuiltInRegionId | RegionProfile | null): void;
    /**
     * Switches between `"parent"` and `"student"`.
     */
    setRole(role: PanelRole): void;
    /**
     * Removes the panel from the page. Calling it twice does nothing.
     */
    unmount(): void;
    /**
     * Whether the panel is still mounted.
     */
    readonly mounted: boolean;
}

/**
 * Mounts the help panel into `target` (an element or a CSS selector).
 *
 * `options`: see `MountOptions` (every option may be left out). Throws an `Error` naming the option at fault.
 */
export function mount(target: Element | string, options?: MountOptions): WidgetHandle;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_widgethandle_free: (a: number, b: number) => void;
    readonly mount: (a: number, b: number) => [number, number, number];
    readonly widgethandle_mounted: (a: number) => number;
    readonly widgethandle_setError: (a: number, b: number) => [number, number];
    readonly widgethandle_setLang: (a: number, b: number) => [number, number, number];
    readonly widgethandle_setRegion: (a: number, b: number) => [number, number];
    readonly widgethandle_setRole: (a: number, b: number) => [number, number];
    readonly widgethandle_unmount: (a: number) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h30fbab7419bd214c: (a: number, b: number, c: number, d: number) => void;
    readonly wasm_bindgen__convert__closures_____invoke__hec87ae7d0126ed6f: (a: number, b: number, c: number) => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h1a7c2bc9a5754b9c: (a: number, b: number, c: number) => number;
    readonly wasm_bindgen__convert__closures________invoke__h4647b1a89b71581f: (a: number, b: number, c: number) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h80eae4ec92e74292: (a: number, b: number, c: number) => void;
    readonly wasm_bindgen__convert__closures_____invoke__hae4ad097527198dd: (a: number, b: number) => void;
    readonly wasm_bindgen__convert__closures_____invoke__hf676ad38fab95624: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;

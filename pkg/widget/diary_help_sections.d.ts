/* tslint:disable */
/* eslint-disable */

/** A built-in region profile id, or a host's own profile's id (in results; inputs take `BuiltInRegionId`, so a typo of a built-in id fails to compile, or a `RegionProfile`). */
export type RegionId = BuiltInRegionId | (string & {});


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
 * A mounted section (the first module keeps it).
 */
export class SectionHandle {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Removes the section. Calling it twice does nothing.
     */
    unmount(): void;
    /**
     * Re-renders the section with new settings.
     */
    update(settings: any): void;
}

/**
 * Loads this module's words for the language code `lang` (the first
 * module calls it when the panel changes language and when it has
 * imported this module), so that a section opens in that language at
 * once. Resolves to whether they are available; never rejects (a
 * section that opens without them says so in Russian and tries again).
 */
export function loadSectionsLanguage(lang: string): Promise<boolean>;

/**
 * Mounts the section named in `settings` into `target`.
 */
export function mountSection(target: Element, settings: any): SectionHandle;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_sectionhandle_free: (a: number, b: number) => void;
    readonly loadSectionsLanguage: (a: number, b: number) => number;
    readonly mountSection: (a: number, b: number) => [number, number, number];
    readonly sectionhandle_unmount: (a: number) => void;
    readonly sectionhandle_update: (a: number, b: number) => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h30fbab7419bd214c: (a: number, b: number, c: number, d: number) => void;
    readonly wasm_bindgen__convert__closures_____invoke__hec87ae7d0126ed6f: (a: number, b: number, c: number) => [number, number];
    readonly wasm_bindgen__convert__closures________invoke__h4647b1a89b71581f: (a: number, b: number, c: number) => void;
    readonly wasm_bindgen__convert__closures_____invoke__hae4ad097527198dd: (a: number, b: number) => void;
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

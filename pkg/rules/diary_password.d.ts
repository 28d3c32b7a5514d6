/* tslint:disable */
/* eslint-disable */

/** A built-in region profile id, or a host's own profile's id (in results; inputs take `BuiltInRegionId`, so a typo of a built-in id fails to compile, or a `RegionProfile`). */
export type RegionId = BuiltInRegionId | (string & {});


/**
 * A host's password policy; missing fields keep Gosuslugi's values.
 */
export interface PasswordPolicyInput {
    /**
     * 1 to 64.
     */
    minLength?: number;
    requireUppercase?: boolean;
    requireLowercase?: boolean;
    requireDigit?: boolean;
    requireSymbol?: boolean;
    /**
     * Printable ASCII punctuation, each once.
     */
    symbols?: string;
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
 * A rule of the policy.
 */
export type PasswordRuleId = "min_length" | "uppercase" | "lowercase" | "digit" | "symbol" | "allowed_chars" | "confirm_matches";

/**
 * A store link for the diary's mobile app.
 */
export interface AppLink {
    store: string;
    href: string;
}

/**
 * A text to show: for a failed rule or a warning (`id` is its id).
 */
export interface PasswordMessage {
    id: string;
    text: string;
}

/**
 * A typing mistake or a reason the password is weak.
 */
export type PasswordWarning = "cyrillic_layout" | "whitespace" | "common_password" | "keyboard_pattern" | "sequence" | "repeats" | "date" | "personal_info";

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
 * One rule and whether it passed.
 */
export interface PasswordRuleResult {
    id: PasswordRuleId;
    passed: boolean;
}

/**
 * One rule with its words.
 */
export interface PasswordPolicyRule {
    id: PasswordRuleId;
    text: string;
}

/**
 * Options of `checkPassword`.
 */
export interface CheckPasswordOptions {
    /**
     * The confirmation field, when the user has typed it.
     */
    confirm?: string;
    /**
     * The person's names (Latin or Cyrillic; Cyrillic names are matched
     * in every common Latin spelling: Анастасия → anastasia, anastasiya,
     * anastasiia…) and birth dates (`YYYY-MM-DD` or `DD.MM.YYYY`).
     */
    personal?: string[];
    /**
     * `"ru"` (default) or `"en"`.
     */
    lang?: Lang;
    /**
     * Missing fields keep Gosuslugi's values.
     */
    policy?: PasswordPolicyInput;
}

/**
 * Options of `generatePassword`.
 */
export interface GeneratePasswordOptions {
    /**
     * 8 to 64 (default 12, or the policy's minLength if larger). In
     * memorable mode, the least length.
     */
    length?: number;
    /**
     * Easy syllable words, a capital, two digits and a symbol.
     */
    memorable?: boolean;
    /**
     * Missing fields keep Gosuslugi's values.
     */
    policy?: PasswordPolicyInput;
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
 * The policy for a host's own form.
 */
export interface PasswordPolicyInfo {
    minLength: number;
    requireUppercase: boolean;
    requireLowercase: boolean;
    requireDigit: boolean;
    requireSymbol: boolean;
    /**
     * The allowed symbols, as one string.
     */
    symbols: string;
    /**
     * The rules in order, with their words in the requested language.
     */
    rules: PasswordPolicyRule[];
    /**
     * Where the policy comes from (a seed file).
     */
    source: string;
    /**
     * The symbol list exactly as the source prints it (garbled by
     * escaping; `symbols` is how it was read).
     */
    symbolsSourceLiteral: string;
}

/**
 * The strength estimate.
 */
export interface PasswordStrength {
    /**
     * 0 (guessed at once) to 4 (very hard to guess).
     */
    score: number;
    /**
     * log10 of the estimated number of guesses.
     */
    guessesLog10: number;
    /**
     * The words for the score ("A weak password").
     */
    label: string;
}

/**
 * The verdict of `checkPassword`.
 */
export interface PasswordCheckResult {
    /**
     * Every rule passed (the confirmation too, when given).
     */
    valid: boolean;
    /**
     * The policy's rules in order, then `confirm_matches` when `confirm`
     * was given.
     */
    rules: PasswordRuleResult[];
    /**
     * Characters the policy does not allow, each once, in order (at most 32).
     */
    invalidChars: string[];
    warnings: PasswordWarning[];
    /**
     * The password as typed with the English layout, when it has Russian
     * letters.
     */
    layoutFix?: string;
    strength: PasswordStrength;
    /**
     * Texts for the failed rules, then for the warnings.
     */
    messages: PasswordMessage[];
}

/**
 * Where to turn with problems in the diary.
 */
export type ProblemsContact = "school" | "class_teacher" | "feedback_form";


/**
 * Checks a password against the Gosuslugi policy (or `options.policy`),
 * finds typing mistakes and estimates its strength.
 *
 * `checkPassword("Пароль")` → `{ valid: false, rules: [...], invalidChars:
 * ["П", ...], warnings: ["cyrillic_layout", "common_password"], layoutFix:
 * "Gfhjkm", strength: { score: 0, ... }, messages: [...] }`.
 *
 * Throws an `Error` naming the field: `"password: expected a string"`,
 * `"options.lang: ..."`, `"options.policy.minLength: ..."`.
 */
export function checkPassword(password: string, options?: CheckPasswordOptions): PasswordCheckResult;

/**
 * Generates a password that meets the policy, from the browser's secure
 * random source (`crypto.getRandomValues`). No look-alike characters
 * (`l I 1 O 0`) unless the policy leaves no choice.
 *
 * `generatePassword()` → `"xK7%pQ2!vZ9m"`; `generatePassword({ memorable:
 * true })` → `"Tamo-pibu-deka47"`.
 *
 * Throws `Error("options.length: must be a whole number from 8 to 64, got
 * 7")`; `Error("random: ...")` if the secure random source fails (never
 * falls back to a weaker one).
 */
export function generatePassword(options?: GeneratePasswordOptions): string;

/**
 * Loads the words of `lang` (`"en"`; `"ru"` is built in and resolves at
 * once). `source`: the language file's bytes (`ArrayBuffer`,
 * `Uint8Array`: the way in Node, where `fetch` cannot read `file:` URLs)
 * or its URL (string or `URL`); by default `diary-texts.<lang>.bin` next to
 * this module. Rejects with an `Error` naming `lang` or `source` and the
 * reason when the file is missing, damaged or from another version; Russian
 * keeps working either way. Loading twice is harmless.
 */
export function loadLanguage(lang: Lang, source?: string | URL | ArrayBuffer | Uint8Array): Promise<void>;

/**
 * `loadLanguage` for a file already in memory, done when it returns (no
 * promise): how the Node entry loads English at import without a top-level
 * await, so CommonJS can `require()` it. `bytes`: the file's `Uint8Array`
 * or `ArrayBuffer`. Throws an `Error` naming `lang` or `bytes` and the
 * reason; Russian keeps working either way.
 */
export function loadLanguageSync(lang: Lang, bytes: ArrayBuffer | Uint8Array): void;

/**
 * The Gosuslugi password policy with rule texts in `lang` (`"ru"` by
 * default, or `"en"`).
 *
 * Throws `Error("lang: expected \"ru\" or \"en\", ...")`.
 */
export function passwordPolicy(lang?: Lang): PasswordPolicyInfo;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly checkPassword: (a: number, b: number) => [number, number, number];
    readonly generatePassword: (a: number) => [number, number, number, number];
    readonly loadLanguage: (a: number, b: number) => number;
    readonly loadLanguageSync: (a: number, b: number) => [number, number];
    readonly passwordPolicy: (a: number) => [number, number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h332025d848aac39a: (a: number, b: number, c: number) => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h8e57110186c0282a: (a: number, b: number, c: number, d: number) => void;
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

/* tslint:disable */
/* eslint-disable */

/** A built-in region profile id, or a host's own profile's id (in results; inputs take `BuiltInRegionId`, so a typo of a built-in id fails to compile, or a `RegionProfile`). */
export type RegionId = BuiltInRegionId | (string & {});



/** The input of `assessEligibility`. The members without `?` are required. */
export interface EligibilitySituation {
    /** Who is asking: `"parent"` (a guardian too) or `"student"`. */
    role: "parent" | "student";
    /** The student's birth date, "YYYY-MM-DD". */
    birthDate: string;
    /** "YYYY-MM-DD"; default: the date of `now`, else the browser's local date. */
    today?: string;
    /** Local time "YYYY-MM-DDTHH:MM" at which "overdue" is judged; default: the browser's local time (on `today` when `today` is given). */
    now?: string;
    /** The language of the words: "ru" (default) or "en". */
    lang?: Lang;
    /** An embedded profile id or a host's own profile. */
    region?: BuiltInRegionId | RegionProfile;
    /** The adult acting for the child (default: a parent). */
    representative?: "parent" | "guardian";
    /** The child's citizenship (default: Russian). */
    citizenship?: "russian" | "other";
    /** Which country issued the birth certificate (default: Russia). */
    birthCertificate?: "russian" | "foreign";
    /** The birth certificate's status in the child's card on Gosuslugi. */
    certificateStatus?: "not_added" | "entered_manually" | "checking" | "searching" | "not_found_in_zags" | "verified";
    /** The СНИЛС status in the child's card. */
    snilsStatus?: "not_added" | "entered_manually" | "checking" | "searching" | "not_found_in_sfr" | "verified";
    /** The level of the parent's own Gosuslugi account. */
    parentAccount?: "none" | "simplified" | "standard" | "confirmed";
    /** "created_by_other_parent": the other parent made it from their profile (linked to them, not to the parent at the page). */
    studentAccount?: "none" | "created_by_parent" | "created_by_other_parent" | "own_unlinked" | "own_linked";
    /** A parent's consent for a minor, or an adult student's own consent; "revoked": given, then withdrawn. */
    consent?: "not_given" | "requested" | "given" | "revoked";
    /** The parent's own consent at the parent's first diary login. */
    parentConsent?: "not_given" | "requested" | "given" | "revoked";
    /** The school-application flow (region profiles with parentFlow "application"). "student_not_found": the diary did not find the pupil; "rejected": the school did not accept. */
    application?: "not_submitted" | "student_not_found" | "submitted" | "accepted" | "rejected";
    /** Whether the student can get into the own Gosuslugi account ("forgotten" adds the password_recovery step). */
    studentPassword?: "known" | "forgotten";
    /** When the document check was requested («Запросить»/«Отправить» pressed), local time "YYYY-MM-DDTHH:MM". */
    checkRequestedAt?: string;
}


/**
 * A field of the record.
 */
export type RecordField = "last_name" | "first_name" | "middle_name" | "birth_date" | "snils" | "certificate";

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
 * A link under a step or in a region summary.
 */
export interface EligibilityLink {
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
 * A student's data as one system holds it (read into the rules crate's
 * `PersonRecord`; other keys are ignored).
 */
export interface StudentRecord {
    /**
     * Required.
     */
    lastName: string;
    /**
     * Required.
     */
    firstName: string;
    middleName?: string;
    /**
     * `YYYY-MM-DD`, `DD.MM.YYYY`, `D.M.YY` (the century taken from the
     * other record), `10 мая 2012 г.`; also with `/`, `-` or spaces.
     */
    birthDate?: string;
    snils?: string;
    certificate?: string;
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
 * An id with its words and sources (a reason, a note, a reading).
 */
export interface EligibilityNote {
    id: string;
    text: string;
    source: string[];
}

/**
 * An official page.
 */
export interface ErrorLink {
    url: string;
    label: string;
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
 * How two values differ.
 */
export type DifferenceKind = "yo_e" | "lookalike" | "whitespace" | "case" | "hyphen" | "typo" | "transposition" | "day_month_swapped" | "missing" | "different";

/**
 * One difference between the diary's record and Gosuslugi's.
 */
export interface RecordDifference {
    field: RecordField;
    kind: DifferenceKind;
    diaryValue: string;
    gosuslugiValue: string;
    /**
     * What to ask the school to fix.
     */
    hint: string;
}

/**
 * One entry of `listErrors`.
 */
export interface ErrorListItem {
    id: string;
    /**
     * The message as shown (Russian).
     */
    quote: string;
    title: string;
}

/**
 * One reading of the sources about the check's duration.
 */
export interface EstimateReading {
    id: EstimateId;
    /**
     * "YYYY-MM-DDTHH:MM", or null when the source gives no bound.
     */
    latest: string | null;
    text: string;
    source: string[];
}

/**
 * One reading of the sources about the check's duration.
 */
export type EstimateId = "five_working_days" | "five_calendar_days" | "several_days" | "average_15_20_minutes";

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
 * One step of the path.
 */
export interface EligibilityStep {
    /**
     * A stable step id (see docs/api/eligibility.md).
     */
    id: string;
    actor: Actor;
    state: StepState;
    title: string;
    text: string;
    link?: EligibilityLink;
    /**
     * Where the step's words come from (seed files, laws, pages).
     */
    source: string[];
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
 * The answer of `assessEligibility`.
 */
export interface EligibilityAssessment {
    ageYears: number;
    ageGroup: AgeGroup;
    path: EligibilityPath;
    /**
     * One sentence naming the path.
     */
    pathText: string;
    steps: EligibilityStep[];
    /**
     * The id of the first step not done; null when all is done.
     */
    next: string | null;
    /**
     * Null on the paths without «Создать».
     */
    createButton: CreateButtonDiagnosis | null;
    /**
     * Present when `checkRequestedAt` was given.
     */
    checkEstimate?: CheckEstimate;
    notes: EligibilityNote[];
    region: RegionSummary;
    lang: Lang;
}

/**
 * The answer of `explainErrorDetails`: everything the panel shows,
 * including when unsure.
 */
export interface ErrorDetails {
    /**
     * The answer, exactly as `explainError` gives it; `null` when unsure.
     */
    answer: ErrorExplanation | undefined;
    /**
     * Another entry nearly as likely as the answer: show both.
     */
    also?: ErrorExplanation;
    /**
     * With no answer: the closest catalog entries, closest first (at most
     * three; "maybe one of these"). Empty with an answer.
     */
    maybe: ErrorListItem[];
    /**
     * The side the text itself names (Gosuslugi or the diary), when it
     * names only one.
     */
    side?: ErrorSide;
    /**
     * With no answer: whom to ask on each side, for the region.
     */
    contacts?: ErrorContacts;
    /**
     * The part of the text that matched, with an answer (from the first to
     * the last matched word).
     */
    recognised?: string;
}

/**
 * The answer of `explainError`.
 */
export interface ErrorExplanation {
    /**
     * Catalog id: `"diary_not_found"`, `"parent_consent_required"`,
     * `"consent_required"`, `"create_button_missing"`,
     * `"binding_code_expired"`, `"contact_in_use"`, `"account_not_confirmed"`,
     * `"certificate_entered_manually"`, `"data_check_in_progress"`,
     * `"not_found_in_zags"`, `"not_found_in_sfr"`, `"foreign_certificate"`,
     * `"password_rejected"`, `"application_submitted"`,
     * `"diary_login_disabled"` (the diary's own login form: «Неверный логин
     * или пароль»), `"child_login_failed"` (the child's Gosuslugi password).
     */
    id: string;
    /**
     * 0..=1, rounded to two decimals.
     */
    confidence: number;
    /**
     * The message as shown (always Russian, word for word).
     */
    quote: string;
    quoteKind: QuoteKind;
    title: string;
    cause: string;
    actor: Actor;
    steps: string[];
    /**
     * Where to turn, for the region.
     */
    contact?: string;
    links?: ErrorLink[];
    /**
     * Ids of related catalog entries.
     */
    related: string[];
    /**
     * Where this message is shown: `"gosuslugi"` or `"diary"` (whom to
     * ask about it).
     */
    side: ErrorSide;
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
 * The path the student's situation puts them on.
 */
export type EligibilityPath = "parent_creates_account" | "child_registers_parent_links" | "adult_student" | "school_application";

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
 * The region profile the answer used, for display.
 */
export interface RegionSummary {
    /**
     * A built-in profile id, or the id of the host's own profile.
     */
    id: RegionId;
    name: string;
    diarySite: EligibilityLink | null;
    appName: string | null;
    apps: EligibilityLink[];
    /**
     * Where to turn with problems.
     */
    problems: EligibilityNote;
    problemsLink: EligibilityLink | null;
    source: string[];
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
 * The student's age group.
 */
export type AgeGroup = "under_14" | "from_14_to_17" | "adult";

/**
 * The verdict of `checkBirthCertificate`.
 */
export interface CertificateResult {
    valid: boolean;
    /**
     * `IV-МЮ 123456`, when series and number could be read.
     */
    normalized?: string;
    problems: CertificateProblem[];
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
 * The verdict of `checkSnils`.
 */
export interface SnilsResult {
    valid: boolean;
    /**
     * `XXX-XXX-XXX YY`, when eleven digits were read.
     */
    normalized?: string;
    problem?: SnilsProblem;
    /**
     * Only when the check number fails: valid numbers one digit or one
     * adjacent swap away, normalized, sorted, at most 10 (may be empty).
     */
    suggestions?: string[];
}

/**
 * The verdict of `compareRecords`.
 */
export interface RecordComparison {
    match: boolean;
    differences: RecordDifference[];
}

/**
 * The wait estimate of the document check.
 */
export interface CheckEstimate {
    requestedAt: string;
    earliest: string;
    latest: string;
    basis: "five_working_days";
    finished: boolean;
    overdue: boolean;
    variants: EstimateReading[];
    /**
     * The sources of the production calendar for the years in the window
     * (decrees, the Labour Code).
     */
    calendarSource: string[];
}

/**
 * What is wrong with a birth certificate.
 */
export type CertificateProblem = "empty" | "too_long" | "unexpected_characters" | "roman_has_cyrillic" | "roman_lookalike" | "roman_invalid" | "letters_have_latin" | "letters_invalid" | "missing_hyphen" | "number_length";

/**
 * What is wrong with a СНИЛС.
 */
export type SnilsProblem = "length" | "characters" | "checksum";

/**
 * What sort of text the matched quote is.
 */
export type QuoteKind = "message" | "status" | "instruction" | "paraphrase";

/**
 * What we know about the person; every field is optional, and any other
 * key is an error (a typo such as `agYears` must not be silently ignored).
 */
export interface ExplainContext {
    role?: Role;
    /**
     * The student's date of birth (for a parent: the child's), `YYYY-MM-DD`.
     * Wins over `ageYears`.
     */
    birthDate?: string;
    /**
     * The student's age in full years, 0..=100.
     */
    ageYears?: number;
    /**
     * `"kuzbass"`, `"ryazan"`, `"orenburg"` or `"generic"` (typed strictly,
     * so a typo fails to compile); at run time an unknown id is treated as
     * `"generic"`.
     */
    region?: BuiltInRegionId;
    /**
     * `"ru"` (default) or `"en"`.
     */
    lang?: Lang;
}

/**
 * Where a message is shown: on Gosuslugi or on the diary's own pages.
 */
export type ErrorSide = "diary" | "gosuslugi";

/**
 * Where a step of the path stands.
 */
export type StepState = "done" | "todo" | "waiting" | "blocked" | "not_needed";

/**
 * Where to turn with problems in the diary.
 */
export type ProblemsContact = "school" | "class_teacher" | "feedback_form";

/**
 * Who is asking.
 */
export type Role = "parent" | "student";

/**
 * Who must act.
 */
export type Actor = "parent" | "student" | "school" | "mfc" | "support";

/**
 * Whom to ask when the message was not recognised, by the side it may be
 * shown on (for the region).
 */
export interface ErrorContacts {
    /**
     * About a message on Gosuslugi: its support.
     */
    gosuslugi?: string;
    /**
     * About a message on the diary's pages: the school.
     */
    diary?: string;
}

/**
 * Why «Создать» is or is not in the child's card.
 */
export interface CreateButtonDiagnosis {
    /**
     * Expected in the card: nothing missing and nothing unknown.
     */
    visible: boolean;
    /**
     * Unmet conditions, as ids.
     */
    missing: string[];
    /**
     * Conditions the input did not tell (`<field>_unknown`).
     */
    unknown: string[];
    /**
     * `missing` then `unknown`, with words and sources.
     */
    reasons: EligibilityNote[];
}


/**
 * Answers who must do what next, what blocks it, how long the wait is and
 * why. See docs/api/eligibility.md for the fields and ids.
 *
 * `assessEligibility({ role: "parent", birthDate: "2015-09-01" })`.
 * Throws an `Error` whose message starts with the field at fault
 * (`"birthDate: birth_date_in_future: …"`).
 */
export function assessEligibility(situation: EligibilitySituation): EligibilityAssessment;

/**
 * Checks a birth certificate's series and number. Spaces, a dash before
 * the number and a number sign (`№`, `N`, `No`) are dropped; a `1`, `l` or
 * `|` where an I belongs is `roman_lookalike` (corrected in `normalized`
 * only when one reading is a Roman numeral; never `valid`).
 *
 * `checkBirthCertificate("ХII-MЮ 123456")` → `{ valid: false, normalized:
 * "XII-МЮ 123456", problems: ["roman_has_cyrillic", "letters_have_latin"] }`.
 * Texts for the problems: `certificate.problem.<id>`.
 */
export function checkBirthCertificate(text: string): CertificateResult;

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
 * Checks a СНИЛС as typed (with or without separators).
 *
 * `checkSnils("112-233-445 95")` → `{ valid: true, normalized: "112-233-445 95" }`;
 * `checkSnils("112-233-445 59")` → `{ valid: false, normalized: "112-233-445 59",
 * problem: "checksum", suggestions: ["112-233-445 95", …] }`.
 * Throws `Error("text: expected a string, got …")` for a non-string.
 */
export function checkSnils(text: string): SnilsResult;

/**
 * Compares the student's data as the diary has it with Gosuslugi's.
 *
 * `compareRecords({ lastName: "Семенова", firstName: "Анна" }, { lastName:
 * "Семёнова", firstName: "Анна" })` → `{ match: false, differences: [{ field:
 * "last_name", kind: "yo_e", diaryValue: "Семенова", gosuslugiValue:
 * "Семёнова", hint: "…" }] }`. Throws `Error("diary.lastName: …")` when a
 * required field is missing or has the wrong type.
 */
export function compareRecords(diary: StudentRecord, gosuslugi: StudentRecord, lang?: Lang): RecordComparison;

/**
 * Explains a message the user saw (typed, pasted, with typos or cut short).
 *
 * `explainError("Дневник не найден", { role: "parent", region: "ryazan" })`
 * → `{ id: "diary_not_found", confidence: 1, actor: "school", steps: [...],
 * contact: "Классный руководитель: …", ... }`; `null` when the text matches
 * no known message, or one the catalog knows to be something else (an SMS
 * code, an e-mail link, password or document expiry, a network error). Throws `Error("context.birthDate: …")` and the like for
 * a bad context, `Error("text: expected a string…")` for a non-string.
 */
export function explainError(text: string, context?: ExplainContext): ErrorExplanation | null;

/**
 * Explains a message as the panel does, also when unsure: the answer (as
 * `explainError` gives it) and a second entry nearly as likely, or, with
 * no answer, the closest entries ("maybe one of these"), the side the text
 * names and whom to ask on each side for the region.
 *
 * `explainErrorDetails("Пишет что-то про код ребёнка")` → `{ answer: null,
 * maybe: [{ id: "binding_code_expired", quote, title }, …], contacts: {
 * gosuslugi: "…", diary: "…" } }`. The same arguments and errors as
 * `explainError`.
 */
export function explainErrorDetails(text: string, context?: ExplainContext): ErrorDetails;

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
 * Every known message, for a picker: `[{ id, quote, title }]`.
 * Throws `Error("lang: …")` for a language other than `"ru"`/`"en"`.
 */
export function listErrors(lang?: Lang): ErrorListItem[];

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
    readonly assessEligibility: (a: number) => [number, number, number];
    readonly checkBirthCertificate: (a: number) => [number, number, number];
    readonly checkPassword: (a: number, b: number) => [number, number, number];
    readonly checkSnils: (a: number) => [number, number, number];
    readonly compareRecords: (a: number, b: number, c: number) => [number, number, number];
    readonly explainError: (a: number, b: number) => [number, number, number];
    readonly explainErrorDetails: (a: number, b: number) => [number, number, number];
    readonly generatePassword: (a: number) => [number, number, number, number];
    readonly listErrors: (a: number) => [number, number, number];
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

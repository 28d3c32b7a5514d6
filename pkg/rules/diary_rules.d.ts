/* tslint:disable */
/* eslint-disable */
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
}

/**
 * What is wrong with a СНИЛС.
 */
export type SnilsProblem = "length" | "characters" | "checksum";


/**
 * Checks a СНИЛС as typed (with or without separators).
 *
 * `checkSnils("112-233-445 95")` → `{ valid: true, normalized: "112-233-445 95" }`.
 * Throws `Error("text: expected a string, got …")` for a non-string.
 */
export function checkSnils(text: string): SnilsResult;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly checkSnils: (a: any) => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
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

/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const assessEligibility: (a: number) => [number, number, number];
export const checkBirthCertificate: (a: number) => [number, number, number];
export const checkPassword: (a: number, b: number) => [number, number, number];
export const checkSnils: (a: number) => [number, number, number];
export const compareRecords: (a: number, b: number, c: number) => [number, number, number];
export const explainError: (a: number, b: number) => [number, number, number];
export const explainErrorDetails: (a: number, b: number) => [number, number, number];
export const generatePassword: (a: number) => [number, number, number, number];
export const listErrors: (a: number) => [number, number, number];
export const loadLanguage: (a: number, b: number) => number;
export const loadLanguageSync: (a: number, b: number) => [number, number];
export const passwordPolicy: (a: number) => [number, number, number];
export const wasm_bindgen__convert__closures_____invoke__h332025d848aac39a: (a: number, b: number, c: number) => [number, number];
export const wasm_bindgen__convert__closures_____invoke__h8e57110186c0282a: (a: number, b: number, c: number, d: number) => void;
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __wbindgen_destroy_closure: (a: number, b: number) => void;

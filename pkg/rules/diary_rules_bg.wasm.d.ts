/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const assessEligibility: (a: any) => [number, number, number];
export const checkBirthCertificate: (a: any) => [number, number, number];
export const checkPassword: (a: any, b: any) => [number, number, number];
export const checkSnils: (a: any) => [number, number, number];
export const compareRecords: (a: any, b: any, c: any) => [number, number, number];
export const explainError: (a: any, b: any) => [number, number, number];
export const generatePassword: (a: any) => [number, number, number, number];
export const listErrors: (a: any) => [number, number, number];
export const loadLanguage: (a: any, b: number) => any;
export const passwordPolicy: (a: any) => [number, number, number];
export const wasm_bindgen__convert__closures_____invoke__h332025d848aac39a: (a: number, b: number, c: any) => [number, number];
export const wasm_bindgen__convert__closures_____invoke__h8e57110186c0282a: (a: number, b: number, c: any, d: any) => void;
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __wbindgen_destroy_closure: (a: number, b: number) => void;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;

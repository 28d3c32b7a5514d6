/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const __wbg_widgethandle_free: (a: number, b: number) => void;
export const mount: (a: number, b: number) => [number, number, number];
export const widgethandle_mounted: (a: number) => number;
export const widgethandle_setError: (a: number, b: number) => [number, number];
export const widgethandle_setLang: (a: number, b: number) => [number, number, number];
export const widgethandle_setRegion: (a: number, b: number) => [number, number];
export const widgethandle_setRole: (a: number, b: number) => [number, number];
export const widgethandle_unmount: (a: number) => void;
export const wasm_bindgen__convert__closures_____invoke__h30fbab7419bd214c: (a: number, b: number, c: number, d: number) => void;
export const wasm_bindgen__convert__closures_____invoke__hec87ae7d0126ed6f: (a: number, b: number, c: number) => [number, number];
export const wasm_bindgen__convert__closures_____invoke__h1a7c2bc9a5754b9c: (a: number, b: number, c: number) => number;
export const wasm_bindgen__convert__closures________invoke__h4647b1a89b71581f: (a: number, b: number, c: number) => void;
export const wasm_bindgen__convert__closures_____invoke__h80eae4ec92e74292: (a: number, b: number, c: number) => void;
export const wasm_bindgen__convert__closures_____invoke__hae4ad097527198dd: (a: number, b: number) => void;
export const wasm_bindgen__convert__closures_____invoke__hf676ad38fab95624: (a: number, b: number) => void;
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __wbindgen_destroy_closure: (a: number, b: number) => void;

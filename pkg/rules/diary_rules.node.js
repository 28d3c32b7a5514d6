// diary-rules in Node.js (>= 18): the same API as diary_rules.js, ready to
// call as soon as it is imported (the package's "node" export condition).
// The wasm and the English texts are read from beside this file, so no
// fetch, no init() and no loadLanguage() call:
//
//   import { checkPassword, explainError } from "diary-rules";
//
// init() and initSync() stay exported and do nothing once the module is ready.
import { readFileSync } from "node:fs";
import { webcrypto } from "node:crypto";
import { initSync, loadLanguage } from "./diary_rules.js";

// generatePassword draws from globalThis.crypto.getRandomValues, a global
// from Node 19 on; Node 18 has it only as node:crypto's webcrypto.
if (typeof globalThis.crypto?.getRandomValues !== "function") {
  Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true, writable: true });
}

initSync({ module: readFileSync(new URL("./diary_rules_bg.wasm", import.meta.url)) });
// Russian is compiled in; English is its own file (fetch cannot read file: URLs).
await loadLanguage("en", readFileSync(new URL("./diary-texts.en.bin", import.meta.url)));

export * from "./diary_rules.js";
export { default } from "./diary_rules.js";

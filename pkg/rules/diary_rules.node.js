// diary-rules in Node.js (>= 18): the same API as diary_rules.js, ready to
// call as soon as it is imported (the package's "node" export condition).
// The wasm and the English texts are read from beside this file, so no
// fetch, no init() and no loadLanguage() call:
//
//   import { checkPassword, explainError } from "diary-rules";
//   const { checkPassword } = require("diary-rules"); // CommonJS, Node >= 20.19 / 22.12
//
// No top-level await, so CommonJS can require() this ES module (Node's
// require(esm)). init() and initSync() stay exported and do nothing once
// the module is ready.
import { readFileSync } from "node:fs";
import { webcrypto } from "node:crypto";
import { initSync, loadLanguageSync } from "./diary_rules.js";

// generatePassword draws from globalThis.crypto.getRandomValues, a global
// from Node 19 on; Node 18 has it only as node:crypto's webcrypto.
if (typeof globalThis.crypto?.getRandomValues !== "function") {
  Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true, writable: true });
}

/**
 * A file's bytes as a plain Uint8Array of this realm's globals: a Node
 * Buffer is not `instanceof Uint8Array` where a test environment (Vitest
 * with jsdom) replaced the globals, and the module checks with instanceof.
 */
const bytes = (name) => {
  const b = readFileSync(new URL(name, import.meta.url));
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

initSync({ module: bytes("./diary_rules_bg.wasm") });
// Russian is compiled in; English is its own file (fetch cannot read file: URLs).
loadLanguageSync("en", bytes("./diary-texts.en.bin"));

export * from "./diary_rules.js";
export { default } from "./diary_rules.js";

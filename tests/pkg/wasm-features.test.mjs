// Which WebAssembly features the shipped .wasm files need, checked by
// binaryen's validator (npm `binaryen`, pinned by the lockfile). The module's
// own target_features section is stripped first, so the validator judges
// the instructions actually used against exactly the features we allow.
//
// Allowed: what Safari 15 (Sept 2021), Chrome/Edge 85 (Aug 2020) and
// Firefox 79 all accept. A newer feature (tail calls, GC, exceptions,
// SIMD, memory64, multi-memory, extended-const, …) creeping in fails here,
// and so does reference-types: WPE WebKit 2.38 (Safari 16.0 generation)
// traps in closure calls of code compiled with it (issue 26).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WASM_OPT = join(ROOT, "node_modules/.bin/wasm-opt");
const FILES = [
  "pkg/rules/diary_rules_bg.wasm", "pkg/rules/diary_password_bg.wasm", "pkg/widget/diary_help_bg.wasm", "pkg/widget/diary_help_sections_bg.wasm",
];

/** Feature → the oldest browsers that accept it (webassembly.org/features). */
export const ALLOWED = {
  "sign-ext": "Chrome 74, Firefox 62, Safari 14.1",
  "mutable-globals": "Chrome 74, Firefox 61, Safari 13.1",
  "nontrapping-float-to-int": "Chrome 75, Firefox 64, Safari 15",
  "bulk-memory": "Chrome 75, Firefox 79, Safari 15",
  multivalue: "Chrome 85, Firefox 78, Safari 13.1",
};

const dir = mkdtempSync(join(tmpdir(), "wasm-features-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function stripped(file) {
  const out = join(dir, file.replaceAll("/", "_"));
  execFileSync(WASM_OPT, ["--strip-target-features", join(ROOT, file), "-o", out], { stdio: "pipe" });
  return out;
}

/** Whether the module validates with only `features` enabled. */
function validates(file, features) {
  try {
    execFileSync(WASM_OPT, ["--mvp-features", ...features.map((f) => `--enable-${f}`), file, "-o", join(dir, "out.wasm")], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

for (const file of FILES) {
  test(`${file} needs no WebAssembly feature beyond Safari 15 / Chrome 85 / Firefox 79, and not reference-types`, () => {
    const wasm = stripped(file);
    const allowed = Object.keys(ALLOWED);
    assert.ok(validates(wasm, allowed), `${file} uses a feature outside: ${allowed.join(", ")}`);
    // The check can fail: the module does use features beyond the MVP, so
    // plain MVP validation must reject it (guards against a validator that
    // accepts everything).
    assert.equal(validates(wasm, []), false, "an MVP-only validation should reject the module");
    const needed = allowed.filter((f) => !validates(wasm, allowed.filter((g) => g !== f)));
    console.log(`${file}: needs ${needed.join(", ") || "only the MVP"}`);
    // Nor may the section claim it (wasm-opt would then be free to use it).
    assert.doesNotMatch(execFileSync(WASM_OPT, ["--print-features", join(ROOT, file), "-o", join(dir, "f.wasm")], { encoding: "utf8" }),
      /reference-types/, `${file}'s target_features section claims reference-types (scripts/drop-reference-types.mjs)`);
  });
}

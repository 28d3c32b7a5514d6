// Pastes wasm-bindgen's inline JS snippets into the module that imports them
// and deletes snippets/: node scripts/inline-snippets.mjs DIR NAME
//
// rules-js's snippet names the language files as literal
// `new URL("../../diary-texts.en.bin", import.meta.url)` (the snippet sits
// in snippets/<crate>/), which bundlers see and emit. Inlined, the path
// becomes "./…" relative to the module itself, and the module needs no
// second request (one round trip less on a page without a bundler). The
// widget's snippet imports its second module the same way, with a literal
// `import("../../diary_help_sections.js")` that becomes "./…".
// Only `export function` snippets are expected; anything else fails the build.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, name] = process.argv.slice(2);
const file = join(dir, `${name}.js`);
let js = readFileSync(file, "utf8");
const IMPORT = /^import \{ ([\w, ]+) \} from '\.\/(snippets\/[\w.-]+\/inline\d+\.js)';\n/gm;
// A snippet function the wasm imports as it is (no argument conversion)
// comes through a namespace import instead: `import * as import1 from "…"`.
const NAMESPACE = /^import \* as (\w+) from "\.\/(snippets\/[\w.-]+\/inline\d+\.js)"\n/gm;
const inlined = new Set();
/** The snippet's code as module-scope functions, the first time its path is seen. */
function paste(path, names) {
  let code = readFileSync(join(dir, path), "utf8");
  for (const n of names) {
    if (!new RegExp(`^export function ${n}\\(`, "m").test(code)) throw new Error(`${path}: no "export function ${n}("`);
  }
  if (inlined.has(path)) return "";
  inlined.add(path);
  code = code
    .replace(/^export function /gm, "function ")
    .replaceAll('new URL("../../', 'new URL("./')
    .replaceAll('import("../../', 'import("./');
  if (/\bimport\b|\.\.\//.test(code.replace(/import\.meta\.url|import\("\.\/[\w.-]+\.js"\)/g, ""))) {
    throw new Error(`${path}: cannot be inlined`);
  }
  return `// Inlined from wasm-bindgen's ${path.replace(/-[0-9a-f]{16}\//, "/")} by scripts/inline-snippets.mjs.${code.trimEnd()}\n`;
}
const exported = (path) => [...readFileSync(join(dir, path), "utf8").matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
js = js.replace(IMPORT, (_, names, path) => paste(path, names.split(", ")));
js = js.replace(NAMESPACE, (_, ns, path) => {
  const names = exported(path);
  return paste(path, names) + `const ${ns} = { __proto__: null, ${names.join(", ")} };\n`;
});
if (/from '\.\/snippets\//.test(js)) throw new Error(`${file}: a snippet import was left`);

// The guard: every function export of the wasm instance is wrapped, so
// that nothing thrown inside the wasm reaches the page (crates/widget/src/crash.rs
// has the whole crash net). The first error that escapes a call (a panic's
// abort, any other trap, a JS exception that unwound through the wasm
// frames) marks the module broken: its state can no longer be trusted, so
// no later call enters it. Then:
// - a function the host calls (an export named without "_": `mount`,
//   `explainError`, …) throws a plain Error with a fixed message;
// - anything else (closures the browser calls for events, timers and
//   promise jobs; a handle's methods `class_method`; the glue's own
//   `__wbindgen_*`) returns a value that reads as zeros, so the glue around
//   it returns quietly: no uncaught exception, no unhandled rejection.
// In a widget module it also shows the apology of every mounted panel
// (`crash_show_all`, pasted above from crash.rs's snippet). One kind of call
// still enters a broken module: a handle's `unmount` (`*_unmount`), which
// after a failure only takes its apology off the page (it checks
// `crash::panicked()` and touches nothing else); if even that fails, it
// returns quietly too.
const GLUE_INIT = "    wasm = instance.exports;\n";
if (js.split(GLUE_INIT).length !== 2) throw new Error(`${file}: expected one "wasm = instance.exports;"`);
const label = name === "diary_rules" || name === "diary_password" ? "diary-rules" : "diary-help";
js = js.replace(GLUE_INIT, "    wasm = guardExports(instance.exports);\n");
js += `
// Pasted by scripts/inline-snippets.mjs: the crash guard (see there).
let brokenBy = null;
const ZEROS = new Proxy(Object.freeze([]), {
  get: (_, key) => (key === Symbol.toPrimitive ? () => 0 : typeof key === "string" && /^\\d+$/.test(key) ? 0 : undefined),
});
function broken(error) {
  if (brokenBy === null) {
    brokenBy = error;
    console.error("${label}: internal error; the module stopped (the page's own login is not affected):", error);
    try { if (typeof crash_show_all === "function") crash_show_all(); } catch {}
  }
  return ZEROS;
}
function guardExports(exports) {
  const guarded = { __proto__: null };
  for (const key of Object.keys(exports)) {
    const f = exports[key];
    if (typeof f !== "function") { guarded[key] = f; continue; }
    const host = !key.includes("_");
    const cleanup = key.endsWith("_unmount");
    guarded[key] = function () {
      if (brokenBy === null || cleanup) {
        try { return f.apply(this, arguments); } catch (error) { broken(error); }
      }
      if (host) throw new Error("${label}: internal error; the module stopped (details in the console)");
      return ZEROS;
    };
  }
  return guarded;
}
`;
writeFileSync(file, js);
if (existsSync(join(dir, "snippets"))) rmSync(join(dir, "snippets"), { recursive: true });

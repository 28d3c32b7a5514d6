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
js = js.replace(IMPORT, (_, names, path) => {
  let code = readFileSync(join(dir, path), "utf8");
  for (const n of names.split(", ")) {
    if (!new RegExp(`^export function ${n}\\(`, "m").test(code)) throw new Error(`${path}: no "export function ${n}("`);
  }
  code = code
    .replace(/^export function /gm, "function ")
    .replaceAll('new URL("../../', 'new URL("./')
    .replaceAll('import("../../', 'import("./');
  if (/\bimport\b|\.\.\//.test(code.replace(/import\.meta\.url|import\("\.\/[\w.-]+\.js"\)/g, ""))) {
    throw new Error(`${path}: cannot be inlined`);
  }
  return `// Inlined from wasm-bindgen's ${path.replace(/-[0-9a-f]{16}\//, "/")} by scripts/inline-snippets.mjs.${code.trimEnd()}\n`;
});
if (/from '\.\/snippets\//.test(js)) throw new Error(`${file}: a snippet import was left`);
writeFileSync(file, js);
if (existsSync(join(dir, "snippets"))) rmSync(join(dir, "snippets"), { recursive: true });

// Gives the wasm's imports from its own glue short names, in the module and
// in the glue alike: node scripts/short-imports.mjs DIR NAME
//
// wasm-bindgen names each import after the JS function it calls plus a
// 16-hex-digit hash (`__wbg_getFullYear_94114da14f235fca`), and the names
// stand twice in the download: in the wasm's import section and as the keys
// of the glue's import object. The hashes do not compress, so the widget's
// first module carried about 5 KB of names (2 KB gz over wasm and glue). Both
// files come from the same wasm-bindgen run and nothing else reads those
// names (the glue instantiates the module itself), so the import of index i
// is renamed to the i-th short identifier (`a`, `b`, …, `aa`, …), the same
// in every build of the same module. Exports keep their names: the glue's
// crash guard (scripts/inline-snippets.mjs) reads them, and a host may too.
// Every old name must stand exactly once in the glue, or the build fails.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, name] = process.argv.slice(2);
const wasmFile = join(dir, `${name}_bg.wasm`);
const jsFile = join(dir, `${name}.js`);
const wasm = readFileSync(wasmFile);
let js = readFileSync(jsFile, "utf8");
const own = `./${name}_bg.js`;

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}
const str = (s) => {
  const bytes = Buffer.from(s, "utf8");
  return Buffer.concat([uleb(bytes.length), bytes]);
};

/** The i-th short identifier: a…z, A…Z, then two letters and so on. */
function short(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  do {
    s = letters[i % letters.length] + s;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return s;
}

let p = 8;
const leb = () => {
  let r = 0,
    shift = 0,
    b;
  do {
    b = wasm[p++];
    r += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return r;
};
const readStr = () => {
  const n = leb();
  const s = wasm.toString("utf8", p, p + n);
  p += n;
  return s;
};
// One import's description (after its names), copied as it is.
function skipDesc() {
  const kind = wasm[p++];
  if (kind === 0) leb(); // function: type index
  else if (kind === 1) {
    p++; // table: reftype, then limits
    const flags = wasm[p++];
    leb();
    if (flags & 1) leb();
  } else if (kind === 2) {
    const flags = wasm[p++]; // memory: limits
    leb();
    if (flags & 1) leb();
  } else if (kind === 3) p += 2; // global: valtype, mutability
  else throw new Error(`${wasmFile}: import kind ${kind} is not known here`);
}

const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
let found = false;
while (p < wasm.length) {
  const start = p;
  const id = wasm[p++];
  const size = leb();
  const end = p + size;
  if (id !== 2) {
    p = end;
    parts.push(wasm.subarray(start, end));
    continue;
  }
  if (found) throw new Error(`${wasmFile}: two import sections`);
  found = true;
  const count = leb();
  const body = [uleb(count)];
  for (let i = 0; i < count; i++) {
    const module = readStr();
    const field = readStr();
    const descStart = p;
    skipDesc();
    let next = field;
    if (module === own) {
      if (renamed.has(field)) throw new Error(`${wasmFile}: ${field} is imported twice`);
      next = short(renamed.size);
      renamed.set(field, next);
    }
    body.push(str(module), str(next), wasm.subarray(descStart, p));
  }
  if (p !== end) throw new Error(`${wasmFile}: the import section did not end where it said`);
  const section = Buffer.concat(body);
  parts.push(Buffer.from([2]), uleb(section.length), section);
}
if (!found) throw new Error(`${wasmFile}: no import section`);

for (const [old, next] of renamed) {
  // A key of the glue's import object: `old: function (…)` or `old: value`.
  const key = new RegExp(`(?<![\\w$])${old.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
  const seen = js.match(key)?.length ?? 0;
  if (seen !== 1) throw new Error(`${jsFile}: expected the import ${old} once, found it ${seen} times`);
  js = js.replace(key, next);
}
writeFileSync(wasmFile, Buffer.concat(parts));
writeFileSync(jsFile, js);

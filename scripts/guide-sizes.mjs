// Prints the static guide's sizes (pkg/widget/guide/, crates/guide): its
// files, raw and gzip -9 (each file compressed alone, as a static host
// serves them), the fallback JSON per language and the largest page.
// Usage: node scripts/guide-sizes.mjs pkg/widget/guide
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const root = process.argv[2];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else {
      const raw = readFileSync(p);
      files.push({ file: relative(root, p), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
    }
  }
};
walk(root);
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const sum = (list, k) => list.reduce((s, f) => s + f[k], 0);
const line = (name, raw, gzip) => console.log(`${name.padEnd(42)} ${kb(raw)} ${kb(gzip)}`);
console.log(`${"static guide (no script)".padEnd(42)} ${"raw KB".padStart(7)} ${"gzip KB".padStart(7)}`);
line(`guide/: ${files.length} files`, sum(files, "raw"), sum(files, "gzip"));
for (const f of files.filter((f) => f.file.endsWith(".json") || f.file.endsWith(".css"))) line(`guide/${f.file}`, f.raw, f.gzip);
const pages = files.filter((f) => f.file.endsWith(".html")).sort((a, b) => b.raw - a.raw);
if (pages.length) line(`largest page: ${pages[0].file}`, pages[0].raw, pages[0].gzip);

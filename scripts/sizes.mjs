// Prints raw, gzip and brotli sizes of the files a browser downloads, and
// the totals per package. Language files (*.bin) are fetched only when a
// language other than Russian is asked for: listed, not in the totals. Sizes are what a server sends with the usual
// maximum compression settings (gzip -9, brotli quality 11).
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const rows = process.argv.slice(2).map((file) => {
  const raw = readFileSync(file);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const brotli = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;
  return { file, raw: raw.length, gzip, brotli };
});

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const line = (name, r) => `${name.padEnd(34)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`;
console.log(`${"file".padEnd(34)} ${"raw KB".padStart(7)} ${"gzip KB".padStart(7)} ${"br KB".padStart(7)}`);
const totals = new Map();
for (const r of rows) {
  console.log(line(r.file, r));
  if (r.file.endsWith(".bin")) continue;
  const pkg = r.file.split("/").slice(0, -1).join("/");
  const t = totals.get(pkg) ?? { raw: 0, gzip: 0, brotli: 0 };
  t.raw += r.raw; t.gzip += r.gzip; t.brotli += r.brotli;
  totals.set(pkg, t);
}
for (const [pkg, t] of totals) console.log(line(`total ${pkg}`, t));
if (rows.some((r) => r.file.endsWith(".bin"))) console.log("(totals: what the Russian panel or API downloads; *.bin on demand)");

// Prints raw, gzip and brotli sizes of the files a browser downloads, and
// the totals per package. A file named with a leading "~" is listed but not
// in the totals: downloaded only in some cases (the English file on demand,
// the plain stylesheet that mount() hosts link instead of the element's CSS
// module). Sizes are what a server sends with the usual
// maximum compression settings (gzip -9, brotli quality 11).
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const rows = process.argv.slice(2).map((arg) => {
  const optional = arg.startsWith("~");
  const file = optional ? arg.slice(1) : arg;
  const raw = readFileSync(file);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const brotli = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;
  return { file, optional, raw: raw.length, gzip, brotli };
});

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const line = (name, r) => `${name.padEnd(34)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`;
console.log(`${"file".padEnd(34)} ${"raw KB".padStart(7)} ${"gzip KB".padStart(7)} ${"br KB".padStart(7)}`);
const totals = new Map();
for (const r of rows) {
  console.log(line(r.optional ? `(${r.file})` : r.file, r));
  if (r.optional) continue;
  const pkg = r.file.split("/").slice(0, -1).join("/");
  const t = totals.get(pkg) ?? { raw: 0, gzip: 0, brotli: 0 };
  t.raw += r.raw; t.gzip += r.gzip; t.brotli += r.brotli;
  totals.set(pkg, t);
}
for (const [pkg, t] of totals) console.log(line(`total ${pkg}`, t));
if (rows.some((r) => r.optional)) console.log("(in parentheses: not in the totals, downloaded only in some cases)");

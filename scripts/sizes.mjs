// Prints raw, gzip and brotli sizes of the files a browser downloads, and
// the totals per package. A file named with a leading "~" is listed but not
// in the totals: downloaded only in some cases (the English file on demand,
// the plain stylesheet that mount() hosts link instead of the element's CSS
// module). A file named with a leading "+" is downloaded after the first
// render (the widget's second module): listed in brackets, not in the
// package's total but in a second total with it. Sizes are what a server sends with the usual
// maximum compression settings (gzip -9, brotli quality 11).
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const rows = process.argv.slice(2).map((arg) => {
  const optional = arg.startsWith("~");
  const later = arg.startsWith("+");
  const file = optional || later ? arg.slice(1) : arg;
  const raw = readFileSync(file);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const brotli = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;
  return { file, optional, later, raw: raw.length, gzip, brotli };
});

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const line = (name, r) => `${name.padEnd(42)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`;
console.log(`${"file".padEnd(42)} ${"raw KB".padStart(7)} ${"gzip KB".padStart(7)} ${"br KB".padStart(7)}`);
const totals = new Map();
const add = (key, r) => {
  const t = totals.get(key) ?? { raw: 0, gzip: 0, brotli: 0 };
  t.raw += r.raw; t.gzip += r.gzip; t.brotli += r.brotli;
  totals.set(key, t);
};
for (const r of rows) {
  console.log(line(r.optional ? `(${r.file})` : r.later ? `[${r.file}]` : r.file, r));
  if (r.optional) continue;
  const pkg = r.file.split("/").slice(0, -1).join("/");
  if (!r.later) add(`total ${pkg}`, r);
  if (rows.some((o) => o.later && o.file.startsWith(pkg + "/"))) add(`total ${pkg} with [ ]`, r);
}
for (const [key, t] of totals) console.log(line(key, t));
if (rows.some((r) => r.later)) console.log("[in brackets: loaded after the first render, on first use or when the browser is idle]");
if (rows.some((r) => r.optional)) console.log("(in parentheses: not in the totals, downloaded only in some cases)");

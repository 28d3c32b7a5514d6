// Fails when a shipped wasm grows past its recorded gzip size by more than
// the margin: the guard that LTO (and the other size settings) still apply.
// cargo silently skips LTO for a crate that also emits an rlib; the widget
// then grows by about 20 KB gz, the rules by about 9 (issue 16).
//
//   node scripts/check-sizes.mjs           check pkg/ against scripts/size-limits.json
//   node scripts/check-sizes.mjs --record  write the current sizes as the new record
//
// A smaller file passes (and says so, so the record can be tightened).
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const LIMITS = new URL("./size-limits.json", import.meta.url);
const MARGIN = 0.015; // 1.5 %: data and code changes of a session, not a lost LTO
const FILES = ["pkg/rules/diary_rules_bg.wasm", "pkg/rules/diary_password_bg.wasm", "pkg/widget/diary_help_bg.wasm", "pkg/widget/diary_help_sections_bg.wasm"];

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

if (process.argv.includes("--record")) {
  const record = Object.fromEntries(FILES.map((f) => [f, gz(f)]));
  writeFileSync(LIMITS, JSON.stringify(record, null, 2) + "\n");
  console.log("recorded", record);
  process.exit(0);
}

const record = JSON.parse(readFileSync(LIMITS, "utf8"));
let failed = false;
for (const file of FILES) {
  const size = gz(file);
  const limit = Math.round(record[file] * (1 + MARGIN));
  const verdict = size > limit ? "TOO BIG" : size < record[file] * (1 - MARGIN) ? "smaller than recorded" : "ok";
  console.log(`${file}: ${size} B gz (recorded ${record[file]}, limit ${limit}) ${verdict}`);
  if (size > limit) failed = true;
}
if (failed) {
  console.error(
    "A wasm grew past its recorded size. If LTO stopped applying (a crate built with an rlib), fix the build;\n" +
      "if the growth is intended, run `node scripts/check-sizes.mjs --record` and say why in the commit.",
  );
  process.exit(1);
}

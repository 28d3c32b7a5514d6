// Fills in the words of a plain-JS part of the panel from the rules' text
// data: every "ui.…" string literal in SOURCE is a text id, and the line
// `const TEXTS = null;` becomes `const TEXTS = {ru:{…},en:{…}};` with those
// texts (and their «ты» variants) as crates/rules/examples/texts_json.rs
// prints them. An unknown id fails the build. With GUIDE_DIR, the line
// `const GUIDE_INTEGRITY = null;` becomes the SHA-384 of each
// GUIDE_DIR/fallback.<lang>.json, as fetch's `integrity` wants it.
//
//   node scripts/static-texts.mjs SOURCE OUT [GUIDE_DIR]
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";

const [source, out, guide] = process.argv.slice(2);
const code = readFileSync(source, "utf8");
const ids = [...new Set([...code.matchAll(/"(ui\.[a-z0-9_.]+)"/g)].map((m) => m[1]))].sort();
const json = execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "diary-rules", "--example", "texts_json", "--", ...ids], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
JSON.parse(json); // well-formed, or the build stops here
/** `code` with the one line `marker` replaced. */
function fill(code, marker, value) {
  if (code.split(marker).length !== 2) throw new Error(`${source}: expected the line "${marker}" once`);
  return code.replace(marker, value);
}
let filled = fill(code, "const TEXTS = null;", `const TEXTS = ${json.trim()};`);
if (guide) {
  const integrity = Object.fromEntries(Object.keys(JSON.parse(json)).map((lang) => [
    lang, "sha384-" + createHash("sha384").update(readFileSync(`${guide}/fallback.${lang}.json`)).digest("base64"),
  ]));
  filled = fill(filled, "const GUIDE_INTEGRITY = null;", `const GUIDE_INTEGRITY = ${JSON.stringify(integrity)};`);
}
writeFileSync(out, filled);

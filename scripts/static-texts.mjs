// Fills in the words of a plain-JS part of the panel from the rules' text
// data: every "ui.…" string literal in SOURCE is a text id, and the line
// `const TEXTS = null;` becomes `const TEXTS = {ru:{…},en:{…}};` with those
// texts (and their «ты» variants) as crates/rules/examples/texts_json.rs
// prints them. An unknown id fails the build.
//
//   node scripts/static-texts.mjs SOURCE OUT
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const [source, out] = process.argv.slice(2);
const code = readFileSync(source, "utf8");
const ids = [...new Set([...code.matchAll(/"(ui\.[a-z0-9_.]+)"/g)].map((m) => m[1]))].sort();
const json = execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "diary-rules", "--example", "texts_json", "--", ...ids], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
JSON.parse(json); // well-formed, or the build stops here
const marker = "const TEXTS = null;";
if (code.split(marker).length !== 2) throw new Error(`${source}: expected the line "${marker}" once`);
writeFileSync(out, code.replace(marker, `const TEXTS = ${json.trim()};`));

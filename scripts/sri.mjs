// Subresource Integrity hashes of the files a host page references
// directly: node scripts/sri.mjs PKG_DIR [HTML_FILE...]
//
// Writes PKG_DIR/SRI.json ({ "widget/diary-login-help.js": "sha384-…", … })
// and sets the `integrity` attribute of every <script>/<link> in the given
// HTML files whose URL ends in one of those files (the CDN example), so the
// published hashes and the example can never disagree with the files
// (tests/security/integrity.test.mjs recomputes them). What SRI covers and
// what the modules' own SHA-256 checks cover: docs/embedding.md.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SRI_FILES = [
  "widget/diary-login-help.js",
  "widget/diary-help-css.js",
  "widget/diary-help-start.js",
  "widget/diary-help.css",
  "widget/diary-help-first.css",
  "widget/diary_help.js",
  "widget/diary_help_bg.wasm",
  "rules/diary_rules.js",
  "rules/diary_rules_bg.wasm",
  "rules/diary_password.js",
  "rules/diary_password_bg.wasm",
];

export function sri(bytes) {
  return "sha384-" + createHash("sha384").update(bytes).digest("base64");
}

export function hashes(pkg) {
  return Object.fromEntries(SRI_FILES.map((f) => [f, sri(readFileSync(join(pkg, f)))]));
}

/** `html` with each referencing tag's integrity set from `table`. */
export function withIntegrity(html, table) {
  return html.replace(/<(script|link)\b[^>]*>/g, (tag) => {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    const file = url && SRI_FILES.find((f) => url.endsWith("/" + f.split("/")[1]));
    if (!file) return tag;
    const value = `integrity="${table[file]}"`;
    return /\bintegrity="[^"]*"/.test(tag) ? tag.replace(/\bintegrity="[^"]*"/, value) : tag.replace(/\s*>$/, ` ${value}>`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [pkg, ...pages] = process.argv.slice(2);
  const table = hashes(pkg);
  writeFileSync(join(pkg, "SRI.json"), JSON.stringify(table, null, 2) + "\n");
  for (const page of pages) writeFileSync(page, withIntegrity(readFileSync(page, "utf8"), table));
}

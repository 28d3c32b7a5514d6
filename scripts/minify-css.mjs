// Minifies the panel's stylesheet for shipping: comments out, whitespace
// collapsed, none around { } ; (values, selectors and strings otherwise as
// written: no rule is merged, reordered or rewritten). Its header points to
// the theming docs the source's first comment holds.
// tests/e2e/widget.test.mjs checks that the shipped sheet styles every
// section of the panel exactly as the source does.
//
//   node scripts/minify-css.mjs IN OUT
import { readFileSync, writeFileSync } from "node:fs";

const [input, out] = process.argv.slice(2);
const css = readFileSync(input, "utf8");
// Strings are the one place whitespace is content: none may hold what the
// collapsing below would change.
for (const [str] of css.replace(/\/\*[^]*?\*\//g, "").matchAll(/"[^"]*"|'[^']*'/g)) {
  if (/\s\s|[^ \S]|\s[{};]|[{};]\s/.test(str)) throw new Error(`${input}: the string ${str} would change: teach scripts/minify-css.mjs about it`);
}
const min = css
  .replace(/\/\*[^]*?\*\//g, "")
  .replace(/\s+/g, " ")
  .replace(/\s*([{};])\s*/g, "$1")
  .replace(/;}/g, "}")
  .trim();
writeFileSync(out, `/* diary-help-widget: the help panel's styles (theming: docs/api/widget.md, "Theming"). */\n${min}\n`);

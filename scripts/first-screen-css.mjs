// Writes diary-help-first.css: the rules of web/diary-help.css that the
// pasted first screen (first-screen.<lang>.html) uses, in their order, so a
// host that pastes the first screen blocks its first paint on 1.8 KB of CSS
// instead of the whole sheet (3.0 KB gz), and links diary-help.css itself
// at the end of <body>, where it no longer delays that paint (issue 25,
// item 3; docs/api/widget.md, "The first screen in the page's HTML").
//
// Which rules: every rule one of whose selectors needs only classes and ids
// that the first screen's markup has (a class inside :not() needs nothing;
// element and attribute selectors are kept). :host rules are the custom
// element's and are left out (the element styles its shadow root from the
// CSS module). @media, @supports and @container keep the rules inside them that pass;
// @keyframes stay when a kept declaration names them. The sheet's order is
// kept, and diary-help.css, loaded later, holds every one of these rules
// again in the same order, so the cascade is the whole sheet's.
// tests/e2e/pasted.test.mjs checks that the first screen's every element
// has the same computed style with this file alone as with diary-help.css.
//
// CSS is the shipped sheet, already minified by scripts/minify-css.mjs.
//
//   node scripts/first-screen-css.mjs CSS OUT FIRST_SCREEN_HTML…
import { readFileSync, writeFileSync } from "node:fs";

const [cssFile, out, ...screens] = process.argv.slice(2);
if (!screens.length) throw new Error("usage: first-screen-css.mjs CSS OUT FIRST_SCREEN_HTML…");

// What the markup offers: its class names and ids.
const classes = new Set();
const ids = new Set();
for (const file of screens) {
  const html = readFileSync(file, "utf8").replace(/<!--[^]*?-->/g, "");
  for (const [, list] of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of list.split(/\s+/)) if (c) classes.add(c);
  for (const [, id] of html.matchAll(/\sid="([^"]*)"/g)) ids.add(id);
}
if (!classes.has("dh-panel")) throw new Error("the first screen's markup has no .dh-panel");

/** Splits `s` at top-level occurrences of `sep` (outside (), [] and strings). */
function splitTop(s, sep) {
  const parts = [];
  let depth = 0, quote = null, from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) { if (c === "\\") i++; else if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === sep && depth === 0) { parts.push(s.slice(from, i)); from = i + 1; }
  }
  parts.push(s.slice(from));
  return parts;
}

/** Parses a block's content into rules: { prelude, body } with body a string or, for @media/@supports, rules. */
function parse(src) {
  const rules = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf("{", i);
    if (open < 0) {
      if (src.slice(i).trim()) throw new Error(`unexpected CSS at the end: ${src.slice(i).trim().slice(0, 40)}`);
      break;
    }
    const prelude = src.slice(i, open).trim();
    let depth = 1, j = open + 1, quote = null;
    for (; j < src.length && depth; j++) {
      const c = src[j];
      if (quote) { if (c === "\\") j++; else if (c === quote) quote = null; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
    }
    if (depth) throw new Error(`unclosed block after ${prelude.slice(0, 40)}`);
    const body = src.slice(open + 1, j - 1);
    if (prelude.includes(";")) throw new Error(`a statement before ${prelude.slice(0, 40)}: only blocks are expected`);
    rules.push(/^@(media|supports|container|layer)\b/.test(prelude) ? { prelude, rules: parse(body) } : { prelude, body });
    i = j;
  }
  return rules;
}

/** Whether one selector can match in the first screen's markup. */
function selectorUsed(selector) {
  const s = selector.trim();
  if (s.startsWith(":host")) return false;
  // A class or id required only by negation does not have to be there.
  const required = s.replace(/:not\((?:[^()]|\([^()]*\))*\)/g, "");
  for (const [, c] of required.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) if (!classes.has(c)) return false;
  for (const [, id] of required.matchAll(/#(-?[_a-zA-Z][\w-]*)/g)) if (!ids.has(id)) return false;
  return true;
}


function keep(rules) {
  const kept = [];
  for (const r of rules) {
    if (r.rules) {
      const inner = keep(r.rules);
      if (inner.length) kept.push(`${r.prelude}{${inner.join("")}}`);
    } else if (r.prelude.startsWith("@keyframes")) {
      kept.push({ keyframes: r.prelude.split(/\s+/)[1], text: `${r.prelude}{${r.body}}` });
    } else if (r.prelude.startsWith("@")) {
      throw new Error(`unexpected at-rule ${r.prelude}: teach scripts/first-screen-css.mjs about it`);
    } else {
      const used = splitTop(r.prelude, ",").filter(selectorUsed);
      if (used.length) kept.push(`${used.map((s) => s.trim().replace(/\s+/g, " ")).join(",")}{${r.body}}`);
    }
  }
  return kept;
}

const css = readFileSync(cssFile, "utf8").replace(/\/\*[^]*?\*\//g, "");
const kept = keep(parse(css));
const declared = kept.filter((k) => typeof k === "string").join("");
const text = kept
  .filter((k) => typeof k === "string" || new RegExp(`\\b${k.keyframes}\\b`).test(declared))
  .map((k) => (typeof k === "string" ? k : k.text))
  .join("\n");
writeFileSync(
  out,
  `/* diary-help-widget: the rules of diary-help.css the pasted first screen uses. Generated by\n` +
    `   scripts/build.sh (scripts/first-screen-css.mjs): do not edit. Link it in <head> and\n` +
    `   diary-help.css at the end of <body>. */\n${text}\n`,
);

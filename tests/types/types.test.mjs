// TypeScript: the packages' types, as packed, under `tsc --strict` with no
// lib beyond ES2020 (+ DOM): every JS/TS example in the README, docs/ and
// the packages' READMEs compiles, and every deliberate mistake in
// mistakes.ts fails to (an unused `@ts-expect-error` is an error).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { appWithPackages, ROOT } from "../pkg/packed.mjs";

const app = appWithPackages("diary-types-");
after(() => rmSync(app, { recursive: true, force: true }));

const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const DOCS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`),
  ...readdirSync(join(ROOT, "docs/api")).filter((f) => f.endsWith(".md")).map((f) => `docs/api/${f}`),
  "packaging/rules/README.md",
  "packaging/widget/README.md",
];

/** The names each package exports (from its .d.ts), to import them for snippets that assume them. */
function exportedNames(dts) {
  return [...readFileSync(dts, "utf8").matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
}
const RULES = exportedNames(join(app, "node_modules/diary-rules/diary_rules.d.ts"));
const WIDGET = exportedNames(join(app, "node_modules/diary-help-widget/diary_help.d.ts")).filter((n) => !RULES.includes(n));

/** A doc's ```js blocks (```ts blocks in the docs are signatures) as TypeScript modules importing from the packages. */
function examples(doc) {
  const text = readFileSync(join(ROOT, doc), "utf8");
  return [...text.matchAll(/^```(js|javascript)\n([\s\S]*?)^```/gm)].map((m, i) => {
    let code = m[2]
      .replace(/(["'])(?:\.{0,2}\/)*pkg\/rules\/diary_rules\.js\1/g, '"diary-rules"')
      .replace(/(["'])(?:\.{0,2}\/)*pkg\/widget\/diary_help\.js\1/g, '"diary-help-widget"')
      .replace(/(["'])(?:\.{0,2}\/)*pkg\/widget\/diary-login-help\.js\1/g, '"diary-help-widget/element"');
    if (!/^\s*import\b/m.test(code)) {
      // A fragment that uses the API as if imported and initialised.
      const used = (names) => names.filter((n) => new RegExp(`\\b${n}\\(`).test(code));
      const header = [];
      if (used(RULES).length) header.push(`import { ${used(RULES).join(", ")} } from "diary-rules";`);
      if (used(WIDGET).length) header.push(`import { ${used(WIDGET).join(", ")} } from "diary-help-widget";`);
      code = header.join("\n") + "\n" + code;
    }
    return { name: `${doc.replace(/[/.]/g, "_")}_${i + 1}.ts`, code: code + "\nexport {};\n" };
  });
}

function tsc(files, { target = "ES2020", lib = ["ES2020", "DOM"] } = {}) {
  writeFileSync(join(app, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target, lib, module: "ES2022",
      moduleResolution: "bundler", types: [], skipLibCheck: false, noUnusedLocals: false,
    },
    files,
  }, null, 2));
  try {
    execFileSync(process.execPath, [TSC, "-p", "tsconfig.json", "--pretty", "false"], { cwd: app, encoding: "utf8" });
    return "";
  } catch (e) {
    return e.stdout + e.stderr;
  }
}

test("every README and docs example compiles under tsc --strict (lib ES2020 + DOM)", () => {
  const all = DOCS.flatMap(examples);
  assert.ok(all.length >= 12, `found only ${all.length} examples`);
  for (const { name, code } of all) writeFileSync(join(app, name), code);
  const out = tsc(all.map((e) => e.name));
  assert.equal(out, "", out);
});

test("each deliberate mistake fails to compile", () => {
  copyFileSync(new URL("mistakes.ts", import.meta.url), join(app, "mistakes.ts"));
  const out = tsc(["mistakes.ts"]);
  assert.equal(out, "", `a mistake compiled (or the file has another error):\n${out}`);
  const expected = (readFileSync(new URL("mistakes.ts", import.meta.url), "utf8").match(/@ts-expect-error/g) ?? []).length;
  assert.ok(expected >= 20, `${expected} mistakes`);
  // Without the directives every one of them must be an error.
  const bare = readFileSync(join(app, "mistakes.ts"), "utf8").replace(/\/\/ @ts-expect-error[^\n]*\n/g, "");
  writeFileSync(join(app, "mistakes.ts"), bare);
  const errors = tsc(["mistakes.ts"]).split("\n").filter((l) => /error TS/.test(l));
  assert.equal(new Set(errors.map((l) => l.match(/\((\d+),/)[1])).size, expected, errors.join("\n"));
});

test("the types also compile with lib ESNext: `using` a panel handle, no clash with esnext.disposable", () => {
  writeFileSync(join(app, "disposable.ts"), `import init, { mount } from "diary-help-widget";
await init();
{
  using panel = mount("#help");
  panel.setLang("en");
}
export {};
`);
  const out = tsc(["disposable.ts"], { target: "ES2022", lib: ["ESNext", "DOM"] });
  assert.equal(out, "", out);
});

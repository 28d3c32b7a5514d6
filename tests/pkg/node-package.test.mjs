// diary-rules on a server: the packed tarball installed into a fresh folder,
// imported by package name from a plain Node script (no init call, no
// fetch), as docs/embedding.md's Node example does.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { appWithPackages, ROOT } from "./packed.mjs";

const app = appWithPackages("diary-node-");
after(() => rmSync(app, { recursive: true, force: true }));

const run = (file) => execFileSync(process.execPath, [file], { cwd: app, encoding: "utf8" });

test('import { … } from "diary-rules" works in Node without init()', () => {
  copyFileSync(new URL("../../docs/examples/node-server.mjs", import.meta.url), join(app, "server.mjs"));
  const out = JSON.parse(run("server.mjs"));
  // The Gosuslugi policy rejects a short password and names the rules it breaks.
  assert.equal(out.weak.ok, false);
  assert.ok(out.weak.failed.includes("min_length"), JSON.stringify(out.weak));
  assert.equal(out.strong.ok, true, JSON.stringify(out.strong));
  // A typo'd diary message still gets its explanation, in Russian by default.
  assert.equal(out.explained.id, "diary_not_found");
  assert.ok(out.explained.steps.length > 0);
  // English answers without a loadLanguage() call.
  assert.match(out.english, /^[^а-яё]*$/i);
  assert.match(out.english, /diary/i);
  // The secure random source works in Node.
  assert.match(out.generated, /^\S{8,}$/);
});

test("init() and initSync() are harmless no-ops after the node entry has loaded", () => {
  const script = join(app, "init.mjs");
  execFileSync("sh", ["-c", `cat > ${script}`], {
    input: `import init, { initSync, checkSnils } from "diary-rules";
await init();
initSync({ module: new Uint8Array([0]) }); // ignored: already initialised
console.log(JSON.stringify(checkSnils("112-233-445 95")));`,
  });
  assert.equal(JSON.parse(run("init.mjs")).valid, true);
});

test('Node resolves "diary-rules" to the node entry', () => {
  const resolved = execFileSync(process.execPath, ["--input-type=module", "-e", 'console.log(import.meta.resolve("diary-rules"))'], {
    cwd: app,
    encoding: "utf8",
  });
  assert.match(resolved.trim(), /node_modules\/diary-rules\/diary_rules\.node\.js$/);
});

test('require("diary-rules") from a CommonJS file (an Express-style server)', () => {
  const script = join(app, "server.cjs");
  writeFileSync(script, `const rules = require("diary-rules");
const { checkPassword, explainError } = rules;
console.log(JSON.stringify({
  weak: checkPassword("abc").valid,
  explained: explainError("Ваш днивник не найден").id,
  english: explainError("Ваш дневник не найден", { lang: "en" }).title,
}));`);
  const out = JSON.parse(run("server.cjs"));
  assert.equal(out.weak, false);
  assert.equal(out.explained, "diary_not_found");
  assert.match(out.english, /^[^а-яё]*$/i, "English without a loadLanguage() call");
});

test("the node entry under Vitest with jsdom (an operator's login-form unit test)", () => {
  writeFileSync(join(app, "login.test.js"), `// @vitest-environment jsdom
import { test, expect } from "vitest";
import { checkPassword, explainError } from "diary-rules";
test("the rules work in a jsdom test", () => {
  expect(typeof window).toBe("object"); // jsdom's globals are in place
  expect(checkPassword("Tamo-pibu42").valid).toBe(true);
  expect(explainError("Ваш дневник не найден", { lang: "en" }).id).toBe("diary_not_found");
});`);
  writeFileSync(join(app, "vitest.config.mjs"), "export default { test: { include: ['login.test.js'] } };\n");
  const out = execFileSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--root", app], {
    cwd: app, encoding: "utf8", env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
  });
  assert.match(out, /1 passed/, out);
});

// diary-rules/password (issue 26): the password functions alone, with their
// own wasm, for a page that only wants a meter. Checked: the download is
// well under the whole package's (issue 26 asks ≤ 35 KB gz: not met yet, a
// `todo` below); in Chromium the entry answers exactly as the full
// module does (Russian and, after loadLanguage, English from its own file);
// the package exports it with its types.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { ROOT } from "./packed.mjs";

const gz = (f) => gzipSync(readFileSync(new URL(f, `file://${ROOT}`)), { level: 9 }).length;

const entrySize = () => gz("pkg/rules/diary_password.js") + gz("pkg/rules/diary_password_bg.wasm");
const fullSize = () => gz("pkg/rules/diary_rules.js") + gz("pkg/rules/diary_rules_bg.wasm");

test("the password entry downloads well under half of the whole rules package", () => {
  console.log(`diary-rules/password: ${(entrySize() / 1024).toFixed(1)} KB gz; the whole rules package: ${(fullSize() / 1024).toFixed(1)} KB gz`);
  // A regression guard, not the budget (the todo below is): 57.1 KB gz on
  // issue 26's branch, 60.6 with issue 21's boundary copy, language-file
  // SHA-256 and crash guard (+2.7 KB wasm, +0.8 KB glue).
  assert.ok(entrySize() <= 62 * 1024, `${entrySize()} B gz`);
  assert.ok(entrySize() < fullSize() / 2);
});

test("the password entry downloads at most 35 KB gzip (issue 26's budget)", { todo: "issue 26: 60.6 KB gz now, about 40 KB of it code" }, () => {
  assert.ok(entrySize() <= 35 * 1024, `${entrySize()} B gz`);
});

test("package.json exports ./password with its types", () => {
  const pkg = JSON.parse(readFileSync(new URL("pkg/rules/package.json", `file://${ROOT}`), "utf8"));
  assert.deepEqual(pkg.exports["./password"], { types: "./diary_password.d.ts", default: "./diary_password.js" });
  const dts = readFileSync(new URL("pkg/rules/diary_password.d.ts", `file://${ROOT}`), "utf8");
  for (const name of ["checkPassword", "generatePassword", "passwordPolicy", "loadLanguage"]) assert.match(dts, new RegExp(`export function ${name}\\(`), name);
  assert.doesNotMatch(dts, /export function (explainError|assessEligibility|checkSnils)\(/);
});

let server, url, browser;
before(async () => {
  ({ server, url } = await startServer());
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
});
after(async () => { await browser?.close(); await new Promise((ok) => server?.close(ok)); });

test("in a browser the entry answers as the full module does, in Russian and in English", async () => {
  const page = await (await browser.newContext()).newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(new URL("tests/e2e/blank.html", url).href);
  const got = await page.evaluate(async () => {
    const small = await import("/pkg/rules/diary_password.js");
    await small.default();
    const full = await import("/pkg/rules/diary_rules.js");
    await full.default();
    const passwords = ["qwerty", "Пароль 1", "Tamo-pibu42", "Zvezda-lesnaya", "masha2012"];
    const same = (f) => JSON.stringify(f(small)) === JSON.stringify(f(full));
    const ru = passwords.every((p) => same((m) => m.checkPassword(p, { personal: ["Маша"] })));
    const policy = same((m) => m.passwordPolicy("ru"));
    await small.loadLanguage("en");
    await full.loadLanguage("en");
    const en = passwords.every((p) => same((m) => m.checkPassword(p, { lang: "en" })));
    const generated = small.generatePassword({ memorable: true });
    return { ru, policy, en, generated, valid: small.checkPassword(generated).valid, english: small.checkPassword("qwerty", { lang: "en" }) };
  });
  assert.equal(got.ru, true, "the same answers in Russian");
  assert.equal(got.policy, true, "the same policy");
  assert.equal(got.en, true, "the same answers in English");
  assert.equal(got.valid, true, `a generated password meets the policy: ${got.generated}`);
  assert.match(JSON.stringify(got.english), /[A-Za-z]{4}/);
  assert.ok(requests.includes("/pkg/rules/diary-texts-password.en.bin"), "English from the entry's own file");
  await page.context().close();
});

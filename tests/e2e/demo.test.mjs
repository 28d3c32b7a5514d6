// The demo login page in a real browser: the page loads, the widget renders,
// a СНИЛС typed into the widget's field gets a verdict, nothing leaves the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage, foreignRequests, ARTIFACTS } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

test("the demo page loads and the panel renders", async () => {
  const { page, context, log } = await openPage(env, "index.html");
  await page.waitForSelector("html[data-widget=ready]", { timeout: 15000 });
  const title = await page.textContent(".dh-panel .dh-title");
  assert.match(title, /Вход в дневник через Госуслуги/);
  // The host's own login button is still there and usable.
  assert.equal(await page.isEnabled("#gosuslugi-login"), true);
  await page.screenshot({ path: new URL("demo-1280x800.png", ARTIFACTS).pathname, fullPage: true });
  assert.deepEqual(log.errors, []);
  assert.deepEqual(foreignRequests(log, env.origin), []);
  await context.close();
});

test("a СНИЛС typed into the panel gets a verdict", async () => {
  const { page, context, log } = await openPage(env, "index.html", { viewport: { width: 360, height: 640 } });
  await page.waitForSelector("html[data-widget=ready]", { timeout: 15000 });
  await page.getByRole("tab", { name: "Проверить данные" }).click();
  const field = page.getByLabel("СНИЛС ученика или родителя");
  await field.pressSequentially("112-233-445 95");
  await page.waitForFunction(() => document.querySelector("#dh-snils-verdict")?.textContent.includes("верно"));
  await field.fill("");
  await field.pressSequentially("112 233 445 96");
  await page.waitForFunction(() => document.querySelector("#dh-snils-verdict")?.textContent.includes("не бывает"));
  const role = await page.getAttribute("#dh-snils-verdict", "role");
  assert.equal(role, "status");
  // No horizontal scroll on a small phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await page.screenshot({ path: new URL("demo-360x640.png", ARTIFACTS).pathname, fullPage: true });
  assert.deepEqual(log.errors, []);
  assert.deepEqual(foreignRequests(log, env.origin), []);
  await context.close();
});

test("the rules API works from the shipped pkg/rules module", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html");
  const result = await page.evaluate(async () => {
    const m = await import("/pkg/rules/diary_rules.js");
    await m.default();
    let error = null;
    try { m.checkSnils(42); } catch (e) { error = e instanceof Error ? e.message : String(e); }
    return { ok: m.checkSnils("112-233-445 95"), bad: m.checkSnils("11223344596"), error };
  });
  assert.deepEqual(result.ok, { valid: true, normalized: "112-233-445 95" });
  assert.equal(result.bad.problem, "checksum");
  assert.equal(result.bad.normalized, "112-233-445 96");
  // The likely typo (the last digit) is among the suggestions.
  assert.ok(result.bad.suggestions.includes("112-233-445 95"), result.bad.suggestions.join());
  assert.match(result.error, /^text: expected a string/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the preloaded module, wasm and stylesheet are each downloaded once", async () => {
  // index.html and element.html preload the widget's files from <head>; a
  // preload that does not match the later fetch (e.g. without `crossorigin`
  // for the wasm) would download the file a second time.
  // (The element's styles are the module diary-help-css.js, not the .css file.)
  for (const [path, ready, styles] of [
    ["index.html", "html[data-widget=ready]", "diary-help.css"],
    ["element.html", "diary-login-help >> .dh-panel", "diary-help-css.js"],
  ]) {
    const { page, context, log } = await openPage(env, path, { viewport: { width: 360, height: 640 } });
    await page.waitForSelector(ready, { timeout: 15000 });
    await page.waitForLoadState("load");
    const count = (file) => log.requests.filter((u) => new URL(u).pathname === `/pkg/widget/${file}`).length;
    for (const file of ["diary_help.js", "diary_help_bg.wasm", styles]) {
      assert.equal(count(file), 1, `${path}: ${file} requested ${count(file)} times`);
    }
    assert.deepEqual(log.warnings.filter((w) => /preload/i.test(w)), [], path);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

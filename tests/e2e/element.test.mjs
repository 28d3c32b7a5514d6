// <diary-login-help> under the strict CSP: renders into a shadow root,
// follows attribute changes live, and the host's CSS cannot reach it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage, foreignRequests, ARTIFACTS } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const inShadow = (page, selector) =>
  page.evaluate((s) => document.querySelector("diary-login-help").shadowRoot?.querySelector(s)?.textContent ?? null, selector);

test("the custom element renders in a shadow root under the strict CSP", async () => {
  const { page, context, log } = await openPage(env, "element.html");
  await page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 15000 });
  assert.match(await inShadow(page, ".dh-title"), /Вход в дневник через Госуслуги/);
  // The panel's own stylesheet applies inside the shadow root …
  const radius = await page.evaluate(() =>
    getComputedStyle(document.querySelector("diary-login-help").shadowRoot.querySelector(".dh-panel")).borderRadius);
  assert.equal(radius, "12px");
  // … and none of it leaks out into the page.
  const hostTitle = await page.evaluate(() => document.querySelector(".dh-panel"));
  assert.equal(hostTitle, null);
  await page.screenshot({ path: new URL("element-1280x800.png", ARTIFACTS).pathname, fullPage: true });
  assert.deepEqual(log.errors, [], "no console errors, no CSP violations");
  assert.deepEqual(foreignRequests(log, env.origin), []);
  await context.close();
});

test("attribute changes update the panel live", async () => {
  const { page, context, log } = await openPage(env, "element.html");
  await page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 15000 });
  const selectedRole = () => inShadow(page, "[role=tab][aria-selected=true][id^=dh-role]");
  assert.equal(await selectedRole(), "Я родитель");
  await page.evaluate(() => document.querySelector("diary-login-help").setAttribute("role", "student"));
  await page.waitForFunction(() =>
    document.querySelector("diary-login-help").shadowRoot.querySelector("#dh-role-student[aria-selected=true]"));
  await page.evaluate(() => document.querySelector("diary-login-help").setAttribute("lang", "en"));
  await page.waitForFunction(() =>
    document.querySelector("diary-login-help").shadowRoot.querySelector(".dh-title").textContent.startsWith("Logging"));
  // A bad attribute value is ignored with a warning, not an error.
  await page.evaluate(() => document.querySelector("diary-login-help").setAttribute("role", "teacher"));
  assert.equal(await selectedRole(), "I am a student");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("custom element on a page without preloads: module, wasm and styles load once, side by side", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html");
  const timings = await page.evaluate(async () => {
    const el = document.createElement("diary-login-help");
    el.innerHTML = "<p>fallback</p>";
    document.body.append(el);
    await import("/pkg/widget/diary-login-help.js");
    for (let i = 0; i < 300 && el.dataset.state !== "ready"; i++) await new Promise((r) => setTimeout(r, 50));
    const entries = performance.getEntriesByType("resource");
    const start = (file) => entries.find((e) => e.name.endsWith(`/pkg/widget/${file}`))?.startTime;
    const end = (file) => entries.find((e) => e.name.endsWith(`/pkg/widget/${file}`))?.responseEnd;
    return { state: el.dataset.state, wasmStart: start("diary_help_bg.wasm"), cssStart: start("diary-help-css.js"), moduleEnd: end("diary_help.js") };
  });
  assert.equal(timings.state, "ready");
  const count = (file) => log.requests.filter((u) => new URL(u).pathname === `/pkg/widget/${file}`).length;
  for (const file of ["diary_help.js", "diary_help_bg.wasm", "diary-help-css.js"]) assert.equal(count(file), 1, file);
  // The styles come inside a module (a constructable stylesheet): the .css file is not fetched.
  assert.equal(count("diary-help.css"), 0);
  // The wasm and the styles are requested before the module has arrived.
  assert.ok(timings.wasmStart <= timings.moduleEnd, JSON.stringify(timings));
  assert.ok(timings.cssStart <= timings.moduleEnd, JSON.stringify(timings));
  assert.deepEqual(log.errors, []);
  await context.close();
});

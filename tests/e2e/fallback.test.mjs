// The widget never breaks the login page: when WebAssembly cannot run (the
// .wasm does not load, or the page's CSP forbids compiling it), the host's
// fallback text stays visible, nothing uncaught reaches the page, and the
// page's own «Войти через Госуслуги» button still works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage, ARTIFACTS } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const blockWasm = (page) => page.route("**/*.wasm", (route) => route.abort("failed"));

/** Serves the page with an extra CSP header that allows scripts but not wasm. */
const forbidWasm = (path) => (page) =>
  page.route(`**/${path}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'" },
    });
  });

async function loginStillWorks(page) {
  await page.click("#gosuslugi-login");
  await page.waitForFunction(() => document.querySelector("#login-status")?.textContent.includes("Госуслуг"));
}

for (const [name, prepare] of [["the .wasm fails to load", blockWasm], ["the CSP forbids WebAssembly", forbidWasm("index.html")]]) {
  test(`demo page: fallback stays when ${name}`, async () => {
    const { page, context, log } = await openPage(env, "index.html", { prepare });
    await page.waitForSelector("html[data-widget=failed]", { timeout: 15000 });
    assert.equal(await page.isVisible("#diary-help .help-fallback, #diary-help > p"), true);
    assert.match(await page.textContent("#diary-help"), /Вход в дневник — только через Госуслуги/);
    assert.equal(await page.$(".dh-panel"), null);
    await loginStillWorks(page);
    assert.deepEqual(log.uncaught, [], "no uncaught exception reaches the page");
    assert.equal(log.warnings.filter((w) => w.includes("could not start")).length, 1, "one warning with context");
    await page.screenshot({ path: new URL(`fallback-${prepare === blockWasm ? "no-wasm" : "csp"}.png`, ARTIFACTS).pathname });
    await context.close();
  });
}

for (const [name, prepare] of [["the .wasm fails to load", blockWasm], ["the CSP forbids WebAssembly", forbidWasm("element.html")]]) {
  test(`custom element: light-DOM fallback stays when ${name}`, async () => {
    const { page, context, log } = await openPage(env, "element.html", { prepare });
    await page.waitForSelector("diary-login-help[data-state=failed]", { timeout: 15000 });
    assert.equal(await page.isVisible("diary-login-help .help-fallback"), true);
    assert.match(await page.textContent("diary-login-help .help-fallback"), /только через Госуслуги/);
    await loginStillWorks(page);
    assert.deepEqual(log.uncaught, []);
    await context.close();
  });
}

test("custom element: the fallback is visible while the panel loads, then replaced", async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const { page, context, log } = await openPage(env, "element.html", {
    prepare: (page) => page.route("**/*.wasm", async (route) => { await held; await route.continue(); }),
  });
  await page.waitForSelector("diary-login-help .help-fallback", { state: "visible" });
  release();
  await page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 15000 });
  assert.equal(await page.isVisible("diary-login-help .help-fallback"), false);
  assert.deepEqual(log.uncaught, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

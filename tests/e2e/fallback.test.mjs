// The widget never breaks the login page: when WebAssembly cannot run (the
// .wasm does not load, the page's CSP forbids compiling it, the browser has
// none), the host's fallback text stays visible with the static guide
// beside it, nothing uncaught reaches the page, and the page's own «Войти
// через Госуслуги» button still works.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage, ARTIFACTS, foreignRequests } from "./helpers.mjs";

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
    // The panel is not there; the static guide is, beside the fallback.
    assert.equal(await page.$(".dh-panel:not(.dh-static-guide)"), null);
    await page.waitForSelector("#diary-help .dh-static-guide", { timeout: 5000 });
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
    await page.waitForSelector("diary-login-help >> .dh-static-guide", { timeout: 5000 });
    await loginStillWorks(page);
    assert.deepEqual(log.uncaught, []);
    await context.close();
  });
}

test("custom element: the first screen replaces the fallback while the panel loads, then the panel", async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const { page, context, log } = await openPage(env, "element.html", {
    prepare: (page) => page.route("**/*.wasm", async (route) => { await held; await route.continue(); }),
  });
  await page.waitForSelector("diary-login-help >> .dh-static #dh-birth-date", { state: "visible" });
  assert.equal(await page.isVisible("diary-login-help .help-fallback"), false);
  release();
  await page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 15000 });
  assert.equal(await page.$("diary-login-help >> .dh-static"), null);
  assert.equal(await page.isVisible("diary-login-help .help-fallback"), false);
  assert.deepEqual(log.uncaught, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// Without WebAssembly at all (iPhone Lockdown Mode, hardened browsers): the
// host's fallback stays and the static guide from our own
// guide/fallback.ru.json sits beside it: a role and age chooser and the plan.
const noWebAssembly = (page) => page.addInitScript(() => { delete globalThis.WebAssembly; });

for (const [path, sel, failed] of [
  ["index.html", "#diary-help", "html[data-widget=failed]"],
  ["element.html", "diary-login-help", "diary-login-help[data-state=failed]"],
]) {
  test(`${path}: without WebAssembly the static guide shows the plan for the chosen role and age`, async () => {
    const { page, context, log } = await openPage(env, path, { viewport: { width: 360, height: 740 }, prepare: noWebAssembly });
    await page.waitForSelector(failed, { timeout: 15000 });
    const guide = `${sel} >> .dh-static-guide`;
    await page.waitForSelector(guide, { timeout: 5000 });
    // The host's own fallback text is still there, above the guide.
    assert.match(await page.textContent(path === "index.html" ? "#diary-help" : "diary-login-help .help-fallback"), /только через Госуслуги/);
    assert.equal(await page.isChecked(`${guide} input[name=dh-static-role][value=parent]`), true);
    assert.equal(await page.$$eval(`${guide} .dh-static-steps li`, (l) => l.length).catch(() => 0), 0, "no plan before an age is chosen");
    await page.check(`${guide} input[name=dh-static-age][value=parent_creates_account]`);
    const steps = await page.$$eval(`${guide} .dh-static-steps > li`, (items) => items.map((li) => li.textContent));
    assert.ok(steps.length >= 3, `a whole plan: ${steps.length} steps`);
    assert.ok(steps.some((s) => /Создать/.test(s)), "the under-14 plan names «Создать»");
    // Another reader, another plan: the student's is in «ты».
    await page.check(`${guide} input[name=dh-static-role][value=student]`);
    const student = await page.textContent(`${guide} .dh-static-steps`);
    assert.notEqual(student, steps.join(""));
    // Links: https to the sources, and the full page from our own files.
    const hrefs = await page.$$eval(`${guide} a`, (as) => as.map((a) => a.href));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) assert.match(href, new RegExp(`^(https://|${env.origin}/pkg/widget/guide/)`));
    assert.ok(hrefs.some((h) => h.startsWith(`${env.origin}/pkg/widget/guide/ru/`)), "a link to the whole plan's page");
    assert.deepEqual(foreignRequests(log, env.origin), []);
    assert.deepEqual(log.uncaught, []);
    await loginStillWorks(page);
    await page.screenshot({ path: new URL(`fallback-static-guide-${path.replace(".html", "")}.png`, ARTIFACTS).pathname, fullPage: true });
    await context.close();
  });
}

test("the host turns the static guide off: staticGuide: false and static-guide=\"false\"", async () => {
  const { page, context, log } = await openPage(env, "element.html", { prepare: noWebAssembly });
  await page.waitForSelector("diary-login-help[data-state=failed]", { timeout: 15000 });
  const shown = await page.evaluate(async () => {
    const { start } = await import("/pkg/widget/diary-help-start.js");
    const div = document.createElement("div");
    div.textContent = "fallback";
    document.body.append(div);
    const error = await start(div, { staticGuide: false }).then(() => null, (e) => String(e));
    const el = document.createElement("diary-login-help");
    el.setAttribute("static-guide", "false");
    el.innerHTML = "<p>fallback</p>";
    document.body.append(el);
    await new Promise((ok) => { const t = () => (el.dataset.state ? ok() : setTimeout(t, 20)); t(); });
    await new Promise((ok) => setTimeout(ok, 300));
    return { error, div: div.textContent, guides: div.querySelectorAll(".dh-static-guide").length + el.shadowRoot.querySelectorAll(".dh-static-guide").length };
  });
  assert.match(shown.error, /WebAssembly/);
  assert.equal(shown.div, "fallback");
  assert.equal(shown.guides, 0);
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

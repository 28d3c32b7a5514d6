// The crash net on the modules as shipped. scripts/test.sh builds them with
// scripts/build.sh plus the test-only `crash-trigger` feature into
// target/pkg-crash (PKG_OUT, WIDGET_FEATURES): the same cargo and
// wasm-bindgen steps, the same glue guard, the same panic hook set at mount,
// and nothing re-set afterwards. The page asks for a failure at a named
// place (`__diaryHelpCrashAt = "render:panic"`, crates/widget/src/trigger.rs)
// and counts what reaches its own `error` / `unhandledrejection` listeners,
// registered before the module loads, as a host's would be.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { setUp, tearDown, openPage } from "../e2e/helpers.mjs";

const BUILD = "/target/pkg-crash/widget/diary_help.js";
const APOLOGY = "Помощник временно не работает";
let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

/** A blank page with a failure asked for at `at`, the host's listeners, and the panel mounted. */
async function crashPage(at, { mountOptions = {} } = {}) {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html", {
    prepare: (p) => p.addInitScript((at) => {
      globalThis.__diaryHelpCrashAt = at;
      globalThis.hostSaw = [];
      addEventListener("error", (e) => hostSaw.push("error: " + (e.error?.name ?? e.message)));
      addEventListener("unhandledrejection", (e) => hostSaw.push("rejection: " + (e.reason?.name ?? e.reason)));
    }, at),
  });
  const mounted = await page.evaluate(async ([url, options]) => {
    const host = document.createElement("div");
    host.id = "help";
    document.body.append(host);
    const m = await import(url);
    await m.default();
    try {
      window.handle = m.mount(host, options);
      return { ok: true };
    } catch (e) {
      return { ok: false, name: e.name, message: e.message, runtime: e instanceof WebAssembly.RuntimeError };
    }
  }, [BUILD, mountOptions]);
  return { page, context, log, mounted };
}

async function apologyShown(page) {
  await page.waitForFunction((t) => document.body.textContent.includes(t), APOLOGY, { timeout: 10000 });
  return page.evaluate(() => ({
    text: document.body.textContent,
    alerts: document.querySelectorAll("[role=alert].dh-crash").length,
    tabs: document.querySelectorAll("[role=tablist]").length,
    hostSaw: globalThis.hostSaw,
  }));
}

function assertQuiet(state, log) {
  assert.deepEqual(state.hostSaw, [], "the host's error listeners saw our error");
  assert.deepEqual(log.uncaught, [], "an uncaught exception reached the page");
  const reports = log.errors.filter((e) => /internal error/.test(e));
  assert.ok(reports.length >= 1 && reports.length <= 2, `one report (a panic's and the guard's at most): ${log.errors}`);
}

test("the shipped pkg/ has no crash trigger; the test build has", () => {
  const shipped = readdirSync("pkg/widget", { recursive: true })
    .filter((f) => statSync(`pkg/widget/${f}`).isFile())
    .map((f) => readFileSync(`pkg/widget/${f}`));
  for (const bytes of shipped) assert.ok(!bytes.includes("__diaryHelpCrashAt") && !bytes.includes("crash-trigger"));
  assert.ok(existsSync("target/pkg-crash/widget/diary_help.js"), "run scripts/test.sh: it builds target/pkg-crash");
  assert.ok(readFileSync("target/pkg-crash/widget/diary_help.js").includes("__diaryHelpCrashAt"));
  // The shipped glue has the guard.
  for (const f of ["pkg/widget/diary_help.js", "pkg/widget/diary_help_sections.js", "pkg/rules/diary_rules.js"]) {
    assert.match(readFileSync(f, "utf8"), /internal error; the module stopped/, f);
  }
});

for (const how of ["panic", "trap", "throw"]) {
  test(`a ${how} in the first render: the apology, nothing reaches the host`, async () => {
    const { page, context, log, mounted } = await crashPage(`render:${how}`);
    try {
      assert.ok(mounted.ok, JSON.stringify(mounted));
      const state = await apologyShown(page);
      assert.equal(state.alerts, 1);
      assert.equal(state.tabs, 0, "the broken panel is gone");
      assertQuiet(state, log);
      // The handle keeps accepting calls and does nothing; unmount takes the apology away.
      await page.evaluate(() => { handle.setRole("student"); handle.setError("x"); handle.setRegion("kuzbass"); });
      await page.evaluate(() => handle.unmount());
      assert.equal(await page.evaluate(() => document.querySelectorAll(".dh-crash").length), 0);
      assert.deepEqual(await page.evaluate(() => hostSaw), []);
    } finally {
      await context.close();
    }
  });
}

for (const how of ["panic", "trap", "throw"]) {
  test(`a ${how} in an event handler (a role tab): the apology, nothing reaches the host`, async () => {
    const { page, context, log } = await crashPage(`role:${how}`);
    try {
      await page.click("#dh-role-student");
      const state = await apologyShown(page);
      assertQuiet(state, log);
      // The page's own code goes on working.
      assert.equal(await page.evaluate(() => 1 + 1), 2);
    } finally {
      await context.close();
    }
  });
}

test("a panic during mount(): a plain Error at the call site, never a RuntimeError", async () => {
  const { page, context, log, mounted } = await crashPage("mount:panic");
  try {
    assert.equal(mounted.ok, false);
    assert.equal(mounted.runtime, false);
    assert.match(mounted.message, /^diary-help: internal error/);
    const state = await apologyShown(page);
    assert.deepEqual(state.hostSaw, []);
    assert.deepEqual(log.uncaught, []);
    // A second mount on the broken module throws the same plain Error.
    const again = await page.evaluate(async (url) => {
      const m = await import(url);
      try { m.mount(document.body.appendChild(document.createElement("div")), {}); return "mounted"; }
      catch (e) { return e instanceof WebAssembly.RuntimeError ? "runtime" : e.message; }
    }, BUILD);
    assert.match(again, /^diary-help: internal error/);
  } finally {
    await context.close();
  }
});

test("a panic in the idle prefetch of the sections: the apology, nothing reaches the host", async () => {
  const { page, context, log } = await crashPage("idle:panic");
  try {
    const state = await apologyShown(page);
    assertQuiet(state, log);
  } finally {
    await context.close();
  }
});

for (const how of ["panic", "trap"]) {
  test(`a ${how} in a lazily loaded section: its apology in the section, the panel goes on`, async () => {
    const { page, context, log } = await crashPage(`section:${how}`);
    try {
      await page.click("#dh-section-error");
      const state = await apologyShown(page);
      assertQuiet(state, log);
      // The first module is fine: its tabs are still there and work.
      assert.ok(state.tabs >= 1);
      await page.click("#dh-section-next");
      await page.waitForSelector("#dh-birth-date");
      assert.deepEqual(await page.evaluate(() => hostSaw), []);
    } finally {
      await context.close();
    }
  });
}

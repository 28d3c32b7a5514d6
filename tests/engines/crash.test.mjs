// The crash net in the other engines: the modules as shipped plus the
// test-only trigger (target/pkg-crash, built by scripts/test.sh with
// scripts/build.sh before this step; tests/security/crash.test.mjs has the
// whole set in Chromium). A trap that is not a panic, as WPE 2.38's engine
// bug raised, and a panic, each in an event handler: the apology replaces
// the panel, and the page's own error listeners see nothing.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { startServer } from "../../scripts/serve.mjs";
import { selectedEngines, startEngine } from "./engines.mjs";

let server;
let base;
before(async () => { ({ server, url: base } = await startServer()); });
after(async () => { await new Promise((ok) => server.close(ok)); });

for (const name of selectedEngines()) {
  describe(name, () => {
    let engine;
    before(async () => { engine = await startEngine(name); });
    after(async () => { await engine?.quit(); });

    for (const how of ["trap", "panic"]) {
      test(`a ${how} in an event handler shows the apology; the page sees no error`, async () => {
        assert.ok(existsSync("target/pkg-crash/widget/diary_help.js"), "scripts/test.sh builds target/pkg-crash first");
        const d = engine.driver;
        await d.get(new URL("tests/e2e/blank.html", base).href);
        const mounted = await d.executeAsyncScript(`
          const done = arguments[arguments.length - 1];
          window.hostSaw = [];
          addEventListener("error", (e) => hostSaw.push("error: " + (e.error && e.error.name || e.message)));
          addEventListener("unhandledrejection", (e) => hostSaw.push("rejection: " + String(e.reason)));
          globalThis.__diaryHelpCrashAt = arguments[0];
          const host = document.body.appendChild(document.createElement("div"));
          import("/target/pkg-crash/widget/diary_help.js")
            .then(async (m) => { await m.default(); window.handle = m.mount(host, {}); done("ok"); })
            .catch((e) => done(String(e)));`, `role:${how}`);
        assert.equal(mounted, "ok");
        await d.wait(async () => d.executeScript("return !!document.querySelector('#dh-role-student')"), 15000, "the panel");
        await d.executeScript("document.querySelector('#dh-role-student').click()");
        await d.wait(async () => d.executeScript("return document.body.textContent.includes('Помощник временно не работает')"),
          10000, "the apology");
        const state = await d.executeScript(`return { hostSaw, alerts: document.querySelectorAll("[role=alert].dh-crash").length,
          tabs: document.querySelectorAll("[role=tablist]").length }`);
        assert.deepEqual(state.hostSaw, [], "the host's listeners saw our error");
        assert.equal(state.alerts, 1);
        assert.equal(state.tabs, 0);
        // The handle still takes calls quietly, and unmount takes the apology away.
        await d.executeScript("handle.setRole('parent'); handle.unmount();");
        assert.equal(await d.executeScript("return document.querySelectorAll('.dh-crash').length"), 0);
        assert.deepEqual(await d.executeScript("return hostSaw"), []);
      });
    }
  });
}

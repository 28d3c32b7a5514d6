// The packages in real bundler builds: docs/examples/bundler-app (the
// element, mount() with its CSS imported, the rules API) is built offline
// with Vite and with webpack (with the usual style-loader + css-loader rule
// for .css) against the `npm pack` tarballs, then loaded in headless
// Chromium: the element is defined, rendered and styled, mount() is styled,
// the API answers, nothing is logged as an error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { build as viteBuild } from "vite";
import webpack from "webpack";
import { startServer } from "../../scripts/serve.mjs";
import { appWithPackages, ROOT } from "../pkg/packed.mjs";

const EXAMPLE = join(ROOT, "docs/examples/bundler-app");
let app, browser;
before(async () => {
  app = appWithPackages("diary-bundlers-");
  cpSync(EXAMPLE, app, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => {
  await browser?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

async function buildWithVite(dist) {
  await viteBuild({
    root: app,
    configFile: false,
    logLevel: "error",
    build: { outDir: dist, emptyOutDir: true },
  });
}

async function buildWithWebpack(dist) {
  const config = {
    mode: "production",
    context: app,
    entry: "./main.js",
    output: { path: dist, filename: "main.js", publicPath: "auto", clean: true },
    // docs/embedding.md's rule: CSS imports through the loaders; a CSS file
    // referenced as new URL(…, import.meta.url) (the element's <link>
    // fallback) stays a file (webpack's default asset for a URL).
    module: { rules: [{ test: /\.css$/i, dependency: { not: ["url"] }, use: ["style-loader", "css-loader"] }] },
    resolveLoader: { modules: [join(ROOT, "node_modules")] },
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
  };
  const stats = await new Promise((ok, fail) => webpack(config, (err, s) => (err ? fail(err) : ok(s))));
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  // A classic deferred script, the way webpack bundles are usually loaded.
  const html = readFileSync(join(app, "index.html"), "utf8").replace('<script type="module" src="./main.js">', '<script defer src="./main.js">');
  assert.notEqual(html, readFileSync(join(app, "index.html"), "utf8"));
  writeFileSync(join(dist, "index.html"), html);
  return stats;
}

/** What the built page shows in Chromium. */
async function inspect(dist) {
  const { server, url } = await startServer({ root: dist });
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`); });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${new URL(r.url()).pathname}`); });
    await page.goto(url);
    await page.waitForFunction(() => window.hostResult && document.querySelector("diary-login-help")?.dataset.state,
      null, { timeout: 20000 });
    // mount() asked for English: its file (diary-texts.en.bin, emitted by the bundler) loads, then the panel re-renders.
    await page.waitForFunction(() => /^Logging/.test(document.querySelector("#help .dh-title")?.textContent ?? ""),
      null, { timeout: 10000 }).catch(() => {});
    // «Пароль» and «Ошибка» come from the second module, which the bundler
    // emitted as a chunk of its own with its wasm; loaded on first use.
    await page.locator("#help #dh-section-password").click();
    await page.locator("#help #dh-pw").waitFor({ timeout: 10000 });
    await page.locator("diary-login-help #dh-section-error").click();
    await page.locator("diary-login-help #dh-error-pick").waitFor({ timeout: 10000 });
    const seen = await page.evaluate(() => {
      const el = document.querySelector("diary-login-help");
      const shadowPanel = el.shadowRoot?.querySelector(".dh-panel");
      const lightPanel = document.querySelector("#help .dh-panel");
      return {
        defined: customElements.get("diary-login-help") !== undefined,
        state: el.dataset.state,
        shadowTitle: el.shadowRoot?.querySelector(".dh-title")?.textContent ?? null,
        shadowRadius: shadowPanel && getComputedStyle(shadowPanel).borderRadius,
        shadowTabMinHeight: shadowPanel && getComputedStyle(shadowPanel.querySelector(".dh-tab")).minHeight,
        lightTitle: lightPanel?.querySelector(".dh-title")?.textContent ?? null,
        lightRadius: lightPanel && getComputedStyle(lightPanel).borderRadius,
        fallbackShown: el.querySelector(".fallback").assignedSlot !== null,
        lightPasswordLabel: document.querySelector('#help label[for="dh-pw"]')?.textContent ?? null,
        shadowErrorPick: el.shadowRoot?.querySelectorAll("#dh-error-pick option").length ?? 0,
        result: window.hostResult,
      };
    });
    return { seen, errors };
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
  }
}

function assertWorks({ seen, errors }) {
  assert.equal(seen.defined, true, "customElements.define ran: the element script was not tree-shaken away");
  assert.equal(seen.state, "ready");
  assert.match(seen.shadowTitle, /Вход в дневник через Госуслуги/);
  assert.equal(seen.shadowRadius, "12px", "the element's own styles apply in its shadow root");
  assert.equal(seen.shadowTabMinHeight, "44px");
  assert.equal(seen.fallbackShown, false);
  assert.match(seen.lightTitle, /Logging/);
  assert.equal(seen.lightRadius, "12px", "the imported diary-help.css styles mount()'s panel");
  assert.match(seen.lightPasswordLabel, /^[A-Z][a-z]/, "the lazily loaded section follows the panel's English");
  assert.ok(seen.shadowErrorPick > 5, "the lazily loaded «Ошибка» section lists the catalog");
  assert.equal(seen.result.error, undefined);
  assert.equal(seen.result.mounted, true);
  assert.deepEqual(seen.result.failedRules, ["uppercase", "lowercase", "allowed_chars"]);
  assert.equal(seen.result.layoutFix, "Gfhjkm1!");
  assert.ok(seen.result.generatedLength >= 8);
  assert.deepEqual(errors, []);
}

test("Vite build: element, mount() and API work", async () => {
  const dist = join(app, "dist-vite");
  await buildWithVite(dist);
  assertWorks(await inspect(dist));
});

test("webpack build with a style-loader/css-loader rule: element, mount() and API work", async () => {
  const dist = join(app, "dist-webpack");
  await buildWithWebpack(dist);
  assertWorks(await inspect(dist));
});

/**
 * The element where the page's policy allows only style files (style-src
 * 'self') and there are no constructable stylesheets (Safari < 16.4): the
 * panel must be styled by its <link> to diary-help.css, as emitted by the bundler.
 */
async function fallbackLook(dist) {
  const { server, url } = await startServer({
    root: dist,
    headers: { "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" },
  });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => { delete ShadowRoot.prototype.adoptedStyleSheets; });
    const linked = [];
    page.on("response", (r) => { if (new URL(r.url()).pathname.endsWith(".css")) linked.push({ path: new URL(r.url()).pathname, type: r.headers()["content-type"] }); });
    await page.goto(url);
    await page.waitForFunction(() => ["ready", "unstyled", "failed"].includes(document.querySelector("diary-login-help")?.dataset.state), null, { timeout: 20000 });
    return await page.evaluate((linked) => {
      const el = document.querySelector("diary-login-help");
      const panel = el.shadowRoot?.querySelector(".dh-panel");
      return { state: el.dataset.state, radius: panel && getComputedStyle(panel).borderRadius, links: [...el.shadowRoot.querySelectorAll("link")].length, linked };
    }, linked);
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
  }
}

for (const [name, build] of [["Vite", buildWithVite], ["webpack", buildWithWebpack]]) {
  test(`${name} build: the element's <link> fallback stylesheet works (style-src 'self', no constructable stylesheets)`, async () => {
    const dist = join(app, `dist-fallback-${name}`);
    await build(dist);
    const look = await fallbackLook(dist);
    assert.equal(look.state, "ready", JSON.stringify(look));
    assert.equal(look.links, 1, "styled through its <link>");
    assert.equal(look.radius, "12px", `the emitted stylesheet styles the panel: ${JSON.stringify(look)}`);
    assert.ok(look.linked.length >= 1 && look.linked.every((l) => /^text\/css/.test(l.type)), JSON.stringify(look.linked));
  });
}

// The first screen and the static guide (pkg/widget/diary-help-start.js)
// attacked as a buggy host or a tampered file would: polluted prototypes,
// hostile option objects, a guide file with markup and javascript: links,
// Trusted Types. Against the shipped files.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage } from "../e2e/helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const noWebAssembly = (page) => page.addInitScript(() => { delete globalThis.WebAssembly; });

/** Calls start() on a fresh element of a blank page; resolves to what the page saw. */
function startOn(page, { setup = "", options = "({})" } = {}) {
  return page.evaluate(async ([setup, options]) => {
    if (setup) (0, eval)(setup);
    const { start } = await import("/pkg/widget/diary-help-start.js");
    const host = document.createElement("div");
    host.id = "help";
    host.innerHTML = "<p class=fallback>fallback</p>";
    document.body.append(host);
    let error = null;
    try {
      await start(host, (0, eval)(options));
    } catch (e) {
      error = `${e?.constructor?.name}: ${e?.message}`;
    }
    // The static guide is appended after its file has been read.
    await new Promise((ok) => setTimeout(ok, 500));
    return { error, html: host.innerHTML, text: host.textContent };
  }, [setup, options]);
}

test("inherited options are not options: a polluted Object.prototype changes nothing", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html", { prepare: noWebAssembly });
  const seen = await startOn(page, {
    setup: `Object.prototype.staticGuide = false; Object.prototype.role = "student"; Object.prototype.lang = "en";
      Object.prototype.region = { id: "evil" };`,
  });
  assert.match(seen.error, /WebAssembly/);
  assert.match(seen.html, /dh-static-guide/, "the guide still shows");
  assert.match(seen.text, /Кто спрашивает/, "in Russian");
  assert.ok(!seen.html.includes("evil"));
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

test("hostile option objects: throwing getters and proxies give a plain Error or are ignored, never a trap", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html");
  const hostile = [
    `({ get lang() { throw new Error("host getter"); } })`,
    `new Proxy({}, { getOwnPropertyDescriptor() { throw new Error("host trap"); }, ownKeys() { return ["lang"]; } })`,
    `new Proxy({}, { ownKeys() { throw new Error("host trap"); } })`,
    `({ role: { toString() { throw new Error("host toString"); } }, region: new Proxy({}, { get() { throw new Error("trap"); } }) })`,
  ];
  for (const options of hostile) {
    const seen = await startOn(page, { options });
    assert.ok(seen.error === null || /^(Error|TypeError): /.test(seen.error), `${options}: ${seen.error}`);
    assert.ok(!/RuntimeError|host getter|host trap|host toString/.test(seen.error ?? ""), `${options}: ${seen.error}`);
    assert.ok(/dh-panel/.test(seen.html), `${options}: the panel or the guide is there`);
    await page.evaluate(() => document.getElementById("help").remove());
  }
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

/** A fallback.ru.json with markup and javascript:/data: links in every plan. */
function tamperGuide(page) {
  return page.route("**/guide/fallback.ru.json", async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    const evil = '<img src=x onerror="window.pwned=1">';
    data.texts.heading = evil;
    for (const region of Object.values(data.regions)) {
      for (const plan of Object.values(region.plans)) {
        plan.steps[0].title = evil;
        plan.steps[0].link = { href: "javascript:window.pwned=2", label: "нажмите" };
        if (plan.steps[1]) plan.steps[1].link = { href: "data:text/html,<script>1</script>", label: "ещё" };
        plan.page = "javascript:window.pwned=3";
      }
    }
    await route.fulfill({ response, json: data });
  });
}

test("a tampered guide file is refused: start.js reads only the file it was built with", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html", {
    prepare: async (page) => { await noWebAssembly(page); await tamperGuide(page); },
  });
  const seen = await startOn(page);
  assert.match(seen.error, /WebAssembly/);
  assert.equal(seen.text, "fallback", "the host's fallback, and no guide");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

test("defence in depth: even an accepted guide file's markup stays text and its javascript:/data: links are dropped", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html", {
    prepare: async (page) => {
      await noWebAssembly(page);
      await tamperGuide(page);
      // A start.js without the file's hash, so the tampered file gets through.
      await page.route("**/pkg/widget/diary-help-start.js", async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        const open = body.replace(/\{ru:"sha384-[^"]+",en:"sha384-[^"]+"\}/, "null");
        assert.notEqual(open, body, "the hash is in the shipped file");
        await route.fulfill({ response, body: open });
      });
    },
  });
  await startOn(page);
  await page.check("#help input[name=dh-static-age]");
  const html = await page.evaluate(() => document.getElementById("help").innerHTML);
  assert.ok(!html.includes("<img"), "markup is text");
  assert.ok(html.includes("&lt;img"), "shown as the characters it is");
  const hrefs = await page.$$eval("#help a", (as) => as.map((a) => a.getAttribute("href")));
  for (const href of hrefs) assert.match(href, /^https:|^http:\/\/127\.0\.0\.1:\d+\/pkg\/widget\/guide\//, href);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

test("under Trusted Types ('none') and a strict CSP, without WebAssembly: the guide works, no violation", async () => {
  const { page, context, log } = await openPage(env, "index.html", {
    prepare: async (p) => {
      await p.route("**/index.html", async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers(), "content-security-policy":
          "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'" };
        await route.fulfill({ response, headers });
      });
      await p.addInitScript(() => {
        globalThis.violations = [];
        document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      });
    },
  });
  await page.waitForSelector("#diary-help .dh-static-guide", { timeout: 15000 });
  await page.check("#diary-help input[name=dh-static-age][value=parent_creates_account]");
  assert.ok((await page.$$("#diary-help .dh-static-steps > li")).length >= 3);
  // The page's CSP forbids compiling wasm here (no 'wasm-unsafe-eval'):
  // that refusal is the only report.
  const violations = await page.evaluate(() => violations);
  assert.ok(violations.every((v) => v === "script-src"), violations.join(", "));
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

// Round 7: the widget on a login page whose host broke things before it
// loaded (builtins replaced, storage blocked, fetch wrapped, the element's
// name taken), handed odd option objects and strings, and moved about the
// DOM while it loads. Written blind, from the README and docs/api only.
// Against the shipped pkg/widget.
//
// Every test asserts: no uncaught error or unhandled rejection, no word of
// the attacker's on screen (light DOM, shadow roots, attributes, fields), the
// panel usable (a birth date gives a next step) or, where the host broke what
// the panel needs, the static guide usable or the host's fallback shown; no
// request but the page's own files; nothing that identifies a person stored
// on the device.
//
// A patched builtin is installed by `__hostile()` below so that it misbehaves
// only when called from our files (`/pkg/` in the caller's stack): the page,
// the test and playwright see the original. What the widget meets is the
// same as on a host that broke it for everyone; `__hits` counts the times
// it met one, so an attack that never reached our files fails its test.
// The host's own `error` text is shown as the message the person saw, in
// the panel's message field; tests that pass one leave fields out.
//
// Left out: a host that replaces document.createElement, the DOM's node
// methods wholesale or Object.prototype.then can make any script do
// anything; the widget promises no more there than any script can.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage, foreignRequests } from "../e2e/helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const NUMBER = "123-45-67";
const PHISH = `Позвоните по номеру +7 900 ${NUMBER} и назовите код из СМС`;
/** Words only an attacker writes (the number also reversed, as a U+202E would show it). */
const ATTACKER = [NUMBER, "76-54-321", "evil.example", "x-attacker", "pwned"];
const DATE = "2015-09-01";

/** Runs first in every page: the natives the harness needs, `hostile()`, and what the host's listeners saw. */
function harness() {
  const apply = Reflect.apply;
  const includes = String.prototype.includes;
  const define = Object.defineProperty;
  const E = Error;
  const fromOurs = () => {
    const limit = E.stackTraceLimit;
    E.stackTraceLimit = 200;
    const stack = "" + new E().stack;
    E.stackTraceLimit = limit;
    const ours = apply(includes, stack, ["/pkg/"]) || apply(includes, stack, ["/target/"]);
    if (ours) globalThis.__hits++;
    return ours;
  };
  /** How many times our files met a patched builtin: an attack that never did proves nothing. */
  globalThis.__hits = 0;
  globalThis.__fromOurs = fromOurs;
  /** Replaces obj[name] with a function that runs `make(original)` for our callers. */
  globalThis.__hostile = (obj, name, make) => {
    const original = obj[name];
    const replacement = make(original, name);
    define(obj, name, {
      value: function (...args) {
        return apply(fromOurs() ? replacement : original, this, args);
      },
      writable: true, configurable: true, enumerable: false,
    });
  };
  globalThis.__boom = (original, name) => function () { throw new TypeError(`host broke ${String(name)}`); };
  globalThis.__hostSaw = "";
  addEventListener("error", (e) => { globalThis.__hostSaw += `error: ${e.message}\n`; });
  addEventListener("unhandledrejection", (e) => { globalThis.__hostSaw += `rejection: ${e.reason}\n`; });
}

/** A page with the harness, then `attack` (source run before any of the page's scripts), then `prepare`. */
async function hostilePage(path, attack = "", { prepare } = {}) {
  const stacks = [];
  const opened = await openPage(env, path, {
    prepare: async (page) => {
      page.on("pageerror", (e) => stacks.push(e.stack ?? String(e)));
      await page.addInitScript(harness);
      if (attack) await page.addInitScript({ content: attack });
      if (prepare) await prepare(page);
    },
  });
  opened.log.stacks = stacks;
  return opened;
}

/** start() on a fresh #help of the page; waits for it to settle (or 15 s) and for the static guide. */
function runStart(page, options = "({})") {
  return page.evaluate(async (options) => {
    const host = document.createElement("div");
    host.id = "help";
    const fallback = document.createElement("p");
    fallback.className = "fallback";
    fallback.textContent = "Не получается войти? Спросите классного руководителя.";
    host.appendChild(fallback);
    document.body.appendChild(host);
    const seen = { settled: "pending", error: null };
    try {
      const { start } = await import("/pkg/widget/diary-help-start.js");
      start(host, (0, eval)(options)).then(
        (handle) => { seen.settled = "resolved"; window.handle = handle; },
        (e) => { seen.settled = "rejected"; seen.error = `${e?.name}: ${e?.message}`; });
    } catch (e) {
      seen.settled = "threw";
      seen.error = `${e?.name}: ${e?.message}`;
    }
    for (let i = 0; i < 150 && seen.settled === "pending"; i++) await new Promise((ok) => setTimeout(ok, 100));
    await new Promise((ok) => setTimeout(ok, 700));
    return seen;
  }, options);
}

/** A <diary-login-help> with `attrs` and a fallback, then its script; waits for data-state (or 15 s). */
function runElement(page, { attrs = {}, scripts = ["/pkg/widget/diary-login-help.js"], id = "help" } = {}) {
  return page.evaluate(async ({ attrs, scripts, id }) => {
    const el = document.createElement("diary-login-help");
    el.id = id;
    for (const name of Object.keys(attrs)) el.setAttribute(name, attrs[name]);
    const fallback = document.createElement("p");
    fallback.className = "fallback";
    fallback.textContent = "Не получается войти? Спросите классного руководителя.";
    el.appendChild(fallback);
    document.body.appendChild(el);
    const seen = { imported: [], state: null };
    for (const src of scripts) {
      try { await import(src); seen.imported.push("ok"); } catch (e) { seen.imported.push(`${e?.name}: ${e?.message}`); }
    }
    for (let i = 0; i < 150 && !el.dataset.state; i++) await new Promise((ok) => setTimeout(ok, 100));
    await new Promise((ok) => setTimeout(ok, 700));
    seen.state = el.dataset.state ?? null;
    return seen;
  }, { attrs, scripts, id });
}

/** What `root` shows: the panel, the static guide, the host's fallback, an apology, or nothing usable. */
async function outcome(page, root = "#help") {
  if (await page.locator(`${root} .dh-crash`).count()) return "crash";
  const panel = page.locator(`${root} .dh-panel:not(.dh-static):not(.dh-static-guide) #dh-section-next`);
  if (await panel.count()) return "panel";
  if (await page.locator(`${root} .dh-static-guide`).count()) return "guide";
  if (await page.locator(`${root} .fallback`).first().isVisible()) return "fallback";
  return "broken";
}

/** Asserts `root` is one of `allow`, and uses it: a birth date gives a step, an age gives a plan. */
async function assertUsable(page, root = "#help", allow = ["panel"]) {
  const kind = await outcome(page, root);
  if (!allow.includes(kind)) {
    const html = await page.evaluate((r) => { const el = document.querySelector(r); return (el?.shadowRoot ?? el)?.innerHTML ?? "none"; }, root);
    assert.fail(`${root}: ${kind}, expected ${allow.join(" or ")}: ${html.slice(0, 600)}`);
  }
  if (kind === "panel") {
    // Wherever it opened (a host error opens «Ошибка»), the guide is a tab away.
    await page.click(`${root} #dh-section-next`);
    if (!(await page.locator(`${root} #dh-birth-date`).count())) await page.click(`${root} #dh-change-birth_date, ${root} text=Изменить >> nth=0`);
    await page.fill(`${root} #dh-birth-date`, DATE);
    await page.click(`${root} #dh-birth-next`);
    await page.waitForSelector(`${root} .dh-card h3, ${root} .dh-now`, { timeout: 5000 });
  } else if (kind === "guide") {
    await page.check(`${root} .dh-static-guide input[name=dh-static-age][value=parent_creates_account]`);
    assert.ok(await page.locator(`${root} .dh-static-steps > li`).count() >= 3, `${root}: the guide's plan`);
  }
  return kind;
}

/**
 * Every word of the page, its open shadow roots, attributes and (unless
 * `fields` is false) field values, read with no builtin the attacks patch.
 * A host's own `error` text is the message the person saw: the panel puts
 * it in its message field, so those tests leave fields out.
 */
function deepText(page, { fields = true } = {}) {
  return page.evaluate((fields) => {
    let out = document.title + "\n";
    const visit = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.currentNode; n; n = walker.nextNode()) {
        if (n.nodeType === 3) { out += n.data + "\n"; continue; }
        if (n.nodeType !== 1) continue;
        if (n.tagName === "SCRIPT" || n.tagName === "STYLE") continue;
        // (The element's own attributes are the host's markup, not on screen.)
        if (n.tagName !== "DIARY-LOGIN-HELP") for (let i = 0; i < n.attributes.length; i++) out += n.attributes[i].value + "\n";
        if (fields && typeof n.value === "string") out += n.value + "\n";
        if (n.shadowRoot) visit(n.shadowRoot);
      }
    };
    visit(document);
    return out;
  }, fields);
}

/** The checks every test ends with. `words`: the attacker's words in this test. */
async function assertClean(page, log, { words = ATTACKER, hostSaw = true, fields = true } = {}) {
  assert.deepEqual(log.uncaught, [], `an uncaught error reached the page:\n${(log.stacks ?? []).join("\n")}`);
  if (hostSaw) assert.equal(await page.evaluate(() => globalThis.__hostSaw), "", "the host's error listeners saw something");
  const text = await deepText(page, { fields });
  for (const w of words) assert.ok(!text.includes(w), `the attacker's "${w}" is on screen: ${text.slice(Math.max(0, text.indexOf(w) - 200), text.indexOf(w) + 50)}`);
  assert.ok(!/\bundefined\b|\[object Object\]|\bNaN\b/.test(text.replace(/https?:\S+/g, "")), "a broken value is on screen");
  assert.deepEqual(foreignRequests(log, env.origin), [], "a request to another origin");
  for (const u of log.requests) {
    const path = new URL(u).pathname;
    assert.ok(/^\/(pkg\/widget\/|tests\/e2e\/|web\/|index\.html$|element\.html$|favicon)/.test(path), `a request for ${path}`);
  }
  // Nothing on the device that identifies the child: no birth date kept beyond
  // the tab, no attacker's words (read through CDP, not the page's own storage API).
  const state = await page.context().storageState();
  const stored = JSON.stringify(state.origins) + JSON.stringify(state.cookies);
  assert.ok(!stored.includes(DATE), `the birth date is on the device: ${stored}`);
  for (const w of words) assert.ok(!stored.includes(w), `the attacker's "${w}" is stored`);
}

/** One attack, run on start() and on the element, each in a page of its own. */
async function onBothEntries(attack, { allow = ["panel"], prepare, options, attrs, reached = attack.includes("__hostile(") } = {}) {
  for (const entry of ["start", "element"]) {
    const { page, context, log } = await hostilePage("tests/e2e/blank.html", attack, { prepare });
    try {
      const seen = entry === "start" ? await runStart(page, options) : await runElement(page, { attrs });
      await assertUsable(page, "#help", allow).catch((e) => { e.message = `${entry} ${JSON.stringify(seen)}: ${e.message}`; throw e; });
      await assertClean(page, log);
      if (reached) assert.ok(await page.evaluate(() => globalThis.__hits) > 0, `${entry}: the attack never reached our files`);
    } finally {
      await context.close();
    }
  }
}

// ---------------------------------------------------------------- builtins

test("Array.prototype methods that throw for our files: the panel or the guide, no uncaught error", async () => {
  const names = ["includes", "at", "map", "find", "findIndex", "filter", "forEach", "some", "every", "flatMap", "flat",
    "join", "indexOf", "lastIndexOf", "reduce", "sort", "reverse", "fill", "concat", "keys", "entries", "values", "toString"];
  await onBothEntries(`for (const n of ${JSON.stringify(names)}) __hostile(Array.prototype, n, __boom);`,
    { allow: ["panel", "guide", "fallback"] });
});

test("a Prototype.js / MooTools-era page: junk on prototypes, toJSON, an array-likes-only Array.from, an old bind", async () => {
  // What those libraries did to every page that loaded them: enumerable
  // methods on Object.prototype and Array.prototype (seen by for-in),
  // Array.prototype.toJSON returning a string (so JSON.stringify([1]) is
  // '"[1]"'), Array.from that only copies array-likes (a Set gives []),
  // Function.prototype.bind taking its arguments as one array.
  const attack = `
    Object.prototype.each = function () {}; Object.prototype.label = "x-attacker";
    Array.prototype.x_attacker = "x-attacker"; Array.prototype.toJSON = function () { return "x-attacker"; };
    String.prototype.toJSON = function () { return "x-attacker"; };
    const nativeBind = Function.prototype.bind;
    __hostile(Array, "from", () => function (a) { const out = []; for (let i = 0; i < (a?.length ?? 0); i++) out.push(a[i]); return out; });
    __hostile(Function.prototype, "bind", () => function (self, args) {
      const fn = this; return function () { return fn.apply(self, Array.isArray(args) ? args : args === undefined ? [] : [args]); };
    });`;
  // (Our files call neither Array.from nor bind today: the junk is what they meet.)
  await onBothEntries(attack, { allow: ["panel", "guide", "fallback"], reached: false });
});

test("Object.keys / entries / values / fromEntries / assign / freeze / hasOwn that throw for our files", async () => {
  const names = ["keys", "entries", "values", "fromEntries", "assign", "freeze", "hasOwn", "getOwnPropertyNames",
    "getOwnPropertyDescriptor", "getPrototypeOf", "create", "is"];
  await onBothEntries(`for (const n of ${JSON.stringify(names)}) __hostile(Object, n, __boom);`,
    { allow: ["panel", "guide", "fallback"] });
});

test("String.prototype methods that throw for our files", async () => {
  const names = ["split", "trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "replace", "replaceAll",
    "startsWith", "endsWith", "includes", "slice", "substring", "padStart", "normalize", "indexOf", "match", "search",
    "charCodeAt", "codePointAt", "repeat", "localeCompare"];
  await onBothEntries(`for (const n of ${JSON.stringify(names)}) __hostile(String.prototype, n, __boom);`,
    { allow: ["panel", "guide", "fallback"] });
});

test("JSON.parse and JSON.stringify that throw for our files, with and without WebAssembly", async () => {
  const attack = `__hostile(JSON, "parse", __boom); __hostile(JSON, "stringify", __boom);`;
  await onBothEntries(attack, { allow: ["panel", "guide", "fallback"] });
  await onBothEntries(attack + "delete globalThis.WebAssembly;", { allow: ["guide", "fallback"] });
});

test("Promise.prototype.then / catch / finally that throw for our files", async () => {
  const attack = `for (const n of ["then", "catch", "finally"]) __hostile(Promise.prototype, n, __boom);`;
  await onBothEntries(attack, { allow: ["panel", "guide", "fallback"] });
});

test("Array.prototype[Symbol.iterator] and Map/Set iterators that throw for our files", async () => {
  const attack = `__hostile(Array.prototype, Symbol.iterator, __boom); __hostile(Map.prototype, Symbol.iterator, __boom);
    __hostile(Set.prototype, Symbol.iterator, __boom); __hostile(String.prototype, Symbol.iterator, __boom);`;
  await onBothEntries(attack, { allow: ["panel", "guide", "fallback"] });
});

test("TextDecoder and TextEncoder gone: the guide or the fallback, no uncaught error", async () => {
  await onBothEntries("delete globalThis.TextDecoder; delete globalThis.TextEncoder;", { allow: ["guide", "fallback"] });
});

test("WebAssembly's loaders throw, or hand back a fake instance", async () => {
  const throwing = `for (const n of ["instantiateStreaming", "compileStreaming", "instantiate", "compile"])
    WebAssembly[n] = function () { throw new TypeError("host broke " + n); };`;
  await onBothEntries(throwing, { allow: ["guide", "fallback"] });
  const fake = `const fake = async () => ({ instance: { exports: { memory: new WebAssembly.Memory({ initial: 1 }) } }, module: {} });
    WebAssembly.instantiateStreaming = fake; WebAssembly.instantiate = fake;`;
  await onBothEntries(fake, { allow: ["guide", "fallback"] });
});

test("fetch replaced by one that answers every request with the host's error page", async () => {
  // A login page's offline wrapper answers every fetch with its own page:
  // 200, text/html, official-looking words. Module imports are not fetches.
  const attack = `window.fetch = async () => new Response(
      "<h1>Вход временно недоступен</h1><p>${PHISH}. <a href='https://evil.example/'>Госуслуги</a></p>",
      { status: 200, headers: { "content-type": "text/html; charset=utf-8" } });`;
  await onBothEntries(attack, { allow: ["guide", "fallback"] });
  await onBothEntries(attack + "delete globalThis.WebAssembly;", { allow: ["guide", "fallback"] });
});

test("a fetch polyfill that ignores integrity, and a tampered guide file: the tampered file is still refused", async () => {
  // whatwg-fetch and similar XHR-based polyfills drop `integrity`; a host that
  // installs one unconditionally must not make the guide trust any file.
  const attack = `delete globalThis.WebAssembly;
    window.fetch = (url) => new Promise((ok, fail) => {
      const xhr = new XMLHttpRequest(); xhr.open("GET", String(url)); xhr.responseType = "arraybuffer";
      xhr.onload = () => ok(new Response(xhr.response, { status: xhr.status, headers: { "content-type": xhr.getResponseHeader("content-type") ?? "" } }));
      xhr.onerror = () => fail(new TypeError("Network request failed")); xhr.send();
    });`;
  const prepare = (page) => page.route("**/guide/fallback.*.json", async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    data.texts.heading = PHISH;
    for (const region of Object.values(data.regions)) {
      for (const plan of Object.values(region.plans)) {
        plan.steps[0].title = PHISH;
        plan.steps[0].link = { href: "https://evil.example/login", label: "Войти через Госуслуги" };
      }
    }
    await route.fulfill({ response, json: data });
  });
  await onBothEntries(attack, { allow: ["fallback"], prepare });
});

test("Response.prototype.json / text / arrayBuffer that throw for our files", async () => {
  const attack = `for (const n of ["json", "text", "arrayBuffer", "blob", "clone"]) __hostile(Response.prototype, n, __boom);`;
  await onBothEntries(attack, { allow: ["panel", "guide", "fallback"] });
  await onBothEntries(attack + "delete globalThis.WebAssembly;", { allow: ["guide", "fallback"] });
});

test("crypto.subtle missing and crypto.getRandomValues throwing: the panel works, the generator fails closed", async () => {
  const attack = `Object.defineProperty(Crypto.prototype, "subtle", { get() { return undefined; }, configurable: true });
    __hostile(Crypto.prototype, "getRandomValues", __boom);`;
  const { page, context, log } = await hostilePage("tests/e2e/blank.html", attack);
  try {
    await runStart(page);
    await assertUsable(page);
    await page.click("#help #dh-section-password");
    await page.waitForSelector("#help .dh-section input[type=password], #help .dh-crash", { timeout: 15000 });
    const generate = page.locator("#help button", { hasText: /Придумать надёжный пароль/ }).first();
    await generate.click({ timeout: 15000 });
    await page.waitForTimeout(500);
    assert.ok(await page.evaluate(() => globalThis.__hits) > 0, "the generator never asked for random values");
    // Whatever the generator did, the guide still answers.
    await page.click("#help #dh-section-next");
    await page.waitForSelector("#help .dh-card h3, #help .dh-now", { timeout: 5000 });
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test("localStorage and sessionStorage that throw on access, or on every write (quota)", async () => {
  const blocked = `for (const n of ["localStorage", "sessionStorage"])
    Object.defineProperty(window, n, { get() { throw new DOMException("The operation is insecure.", "SecurityError"); }, configurable: true });`;
  const quota = `for (const n of ["setItem", "removeItem", "getItem", "clear", "key"])
    Storage.prototype[n] = function () { throw new DOMException("quota", "QuotaExceededError"); };`;
  for (const attack of [blocked, quota]) {
    await onBothEntries(attack);
    // The answers still carry through the page's own state.
    const { page, context, log } = await hostilePage("tests/e2e/blank.html", attack);
    try {
      await runStart(page);
      await assertUsable(page);
      await page.click("#help #dh-birth-remember").catch(() => {});
      await assertClean(page, log);
    } finally {
      await context.close();
    }
  }
});

test("a host's innerHTML guard (innerHTML, outerHTML, insertAdjacentHTML, document.write throw): nothing needs them", async () => {
  const attack = `
    for (const proto of [Element.prototype, ShadowRoot.prototype]) for (const n of ["innerHTML", "outerHTML"]) {
      const d = Object.getOwnPropertyDescriptor(proto, n); if (!d) continue;
      Object.defineProperty(proto, n, { get: d.get, set() { if (__fromOurs()) throw new TypeError("host guard: " + n); return d.set.apply(this, arguments); }, configurable: true });
    }
    for (const n of ["insertAdjacentHTML", "setHTMLUnsafe"]) if (Element.prototype[n]) __hostile(Element.prototype, n, __boom);
    __hostile(Document.prototype, "write", __boom); __hostile(Range.prototype, "createContextualFragment", __boom);
    __hostile(DOMParser.prototype, "parseFromString", __boom);`;
  // Nothing of ours may even try them (a try would throw): reached is false by design.
  await onBothEntries(attack, { reached: false });
  await onBothEntries(attack + "delete globalThis.WebAssembly;", { allow: ["guide"], reached: false });
});

test("a host's DOM wrapper that forgets to return the node (appendChild, insertBefore, replaceChild)", async () => {
  // A classic logging wrapper: calls the original and returns undefined.
  const attack = `for (const n of ["appendChild", "insertBefore", "replaceChild", "removeChild"])
    __hostile(Node.prototype, n, (original) => function () { original.apply(this, arguments); });
    __hostile(Element.prototype, "setAttribute", (original) => function (name, value) { original.call(this, name, value); return "x-attacker"; });`;
  await onBothEntries(attack, { allow: ["panel", "guide", "fallback"] });
});

test("attachShadow throws: the element keeps its fallback, data-state=failed, no uncaught error", async () => {
  const { page, context, log } = await hostilePage("tests/e2e/blank.html",
    `Element.prototype.attachShadow = function () { throw new DOMException("not supported", "NotSupportedError"); };`);
  try {
    const seen = await runElement(page);
    assert.equal(seen.state, "failed", JSON.stringify(seen));
    await assertUsable(page, "#help", ["fallback", "guide"]);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test("the element's name is already taken, or its script loads twice from two URLs", async () => {
  // A host's own <diary-login-help> (an older copy of the widget, a placeholder).
  {
    const { page, context, log } = await hostilePage("tests/e2e/blank.html",
      `customElements.define("diary-login-help", class extends HTMLElement {});`);
    try {
      const seen = await runElement(page);
      assert.deepEqual(seen.imported, ["ok"], "the script threw at evaluation");
      await assertUsable(page, "#help", ["fallback"]);
      await assertClean(page, log);
    } finally {
      await context.close();
    }
  }
  // The same script under two URLs (a cache-busting query added by one template, not another).
  {
    const { page, context, log } = await hostilePage("tests/e2e/blank.html");
    try {
      const seen = await runElement(page, { scripts: ["/pkg/widget/diary-login-help.js", "/pkg/widget/diary-login-help.js?v=2"] });
      assert.deepEqual(seen.imported, ["ok", "ok"], "the second copy threw at evaluation");
      assert.equal(seen.state, "ready");
      await assertUsable(page);
      await assertClean(page, log);
    } finally {
      await context.close();
    }
  }
});

test("getters on Object.prototype named like options: never read, no attacker words, the panel works", async () => {
  // Reading one from our files throws, and so does an assignment `o.lang = …`
  // to a plain object (as a getter-only accessor does in strict code).
  const names = ["lang", "region", "role", "error", "errorFromUrl", "remember", "history", "staticGuide", "static-guide",
    "profile", "id", "name", "diarySite", "href", "label", "problems"];
  const getters = `for (const n of ${JSON.stringify(names)}) Object.defineProperty(Object.prototype, n, {
      get() { if (__fromOurs()) throw new Error("host getter " + n); return undefined; },
      set(x) { if (__fromOurs()) throw new Error("host setter " + n); Object.defineProperty(this, n, { value: x, writable: true, enumerable: true, configurable: true }); },
      configurable: true });`;
  await onBothEntries(getters, { allow: ["panel", "guide", "fallback"] });
  // And with options and attributes given, which the loaders copy.
  await onBothEntries(getters, { options: `({ region: "kuzbass", role: "student", lang: "ru", remember: false })`,
    attrs: { region: "kuzbass", role: "student", lang: "ru", remember: "false" } });
  const values = `const evil = { id: "evil", name: "${PHISH}", diarySite: { href: "https://evil.example/", label: "${PHISH}" } };
    for (const [n, v] of [["lang", "en"], ["region", evil], ["role", "student"], ["error", "${PHISH}"], ["href", "https://evil.example/"],
      ["label", "${PHISH}"], ["title", "${PHISH}"], ["text", "${PHISH}"], ["staticGuide", false], ["remember", true]])
      Object.defineProperty(Object.prototype, n, { get() { return __fromOurs() ? v : undefined; }, set(x) { Object.defineProperty(this, n, { value: x, writable: true, enumerable: true, configurable: true }); }, configurable: true });`;
  await onBothEntries(values);
});

test("without WebAssembly: Object.prototype fields named like the guide file's never reach the static guide", async () => {
  // A plan step without a link, a plan without notes: an inherited `link`,
  // `notes`, `time` or `page` must not fill them in.
  const attack = `delete globalThis.WebAssembly;
    const link = { href: "https://evil.example/login", label: "${PHISH}" };
    for (const [n, v] of [["link", link], ["notes", ["${PHISH}"]], ["time", "${PHISH}"], ["who", "${PHISH}"], ["actor", "${PHISH}"],
      ["press", "${PHISH}"], ["conditions", ["${PHISH}"]], ["page", "https://evil.example/"], ["text", "${PHISH}"], ["hint", "${PHISH}"],
      ["source", "${PHISH}"], ["title", "${PHISH}"], ["heading", "${PHISH}"], ["intro", "${PHISH}"], ["ages", ["${PHISH}"]]])
      Object.defineProperty(Object.prototype, n, { get() { return __fromOurs() ? v : undefined; },
        set(x) { Object.defineProperty(this, n, { value: x, writable: true, enumerable: true, configurable: true }); }, configurable: true });`;
  for (const entry of ["start", "element"]) {
    const { page, context, log } = await hostilePage("tests/e2e/blank.html", attack);
    try {
      if (entry === "start") await runStart(page); else await runElement(page);
      await assertUsable(page, "#help", ["guide"]);
      for (const role of ["student", "guardian"]) {
        const radio = page.locator(`#help .dh-static-guide input[name=dh-static-role][value=${role}]`);
        if (await radio.count()) await radio.check();
      }
      await assertClean(page, log);
    } finally {
      await context.close();
    }
  }
});

// ---------------------------------------------------------------- options

test("options of every odd shape: proxies, a Proxy prototype, arrays, functions, strings, frozen objects", async () => {
  const shapes = [
    `Object.create(new Proxy({}, { get() { throw new Error("host trap"); }, has() { throw new Error("host trap"); } }))`,
    `new Proxy({ lang: "ru" }, { get() { throw new Error("host trap"); }, has() { throw new Error("host trap"); } })`,
    `Object.freeze({ lang: "ru", role: "parent", region: Object.freeze({ id: "generic" }) })`,
    `Object.seal(Object.create(null))`,
    `["ru", "student"]`, `Object.assign(() => {}, { lang: "ru" })`, `"lang=en&role=student"`, `42`, `Symbol("x")`, `10n`, `null`,
    `({ lang: Symbol("ru"), role: 10n, region: () => "kuzbass", error: Symbol("x") })`,
    `({ lang: new String("ru"), role: { toString() { return "student"; } }, remember: "false" })`,
    `({ region: { id: "generic", diarySite: { href: "javascript:alert(1)//evil.example", label: "x-attacker" } } })`,
  ];
  const { page, context, log } = await hostilePage("tests/e2e/blank.html");
  try {
    for (const options of shapes) {
      const seen = await runStart(page, options);
      assert.ok(seen.settled === "resolved" || (seen.settled === "rejected" && /^(Error|TypeError): /.test(seen.error)),
        `${options}: ${JSON.stringify(seen)}`);
      assert.ok(!/RuntimeError|host trap|unreachable/.test(seen.error ?? ""), `${options}: ${seen.error}`);
      assert.ok(["panel", "guide"].includes(await outcome(page)), `${options}: ${await outcome(page)}`);
      await page.evaluate(() => { window.handle?.unmount?.(); window.handle = null; document.getElementById("help").remove(); });
    }
    await runStart(page);
    await assertUsable(page);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test("strings in options: 10 MB, bidi controls around a phone number, lone surrogates, NUL", async () => {
  const strings = [
    `"Ваш дневник не найден ".repeat(500000)`,
    `"\\u202E${PHISH}\\u202C. Ваш дневник не найден"`,
    `"\\u2066\\u202E76-54-321 9 00 7+\\u202C\\u2069 Ваш дневник не найден"`,
    `"Ваш дневник \\uD800 не найден\\uDFFF"`,
    `"Ваш дневник не найден\\u0000${PHISH}"`,
    `"\\u0000".repeat(1 << 20)`,
  ];
  const { page, context, log } = await hostilePage("tests/e2e/blank.html");
  try {
    for (const s of strings) {
      for (const options of [`({ error: ${s} })`, `({ region: ${s}, lang: ${s}, role: ${s} })`]) {
        const seen = await runStart(page, options);
        assert.ok(["resolved", "rejected"].includes(seen.settled), `${options.slice(0, 80)}: ${JSON.stringify(seen)}`);
        assert.ok(!/RuntimeError|unreachable/.test(seen.error ?? ""), seen.error);
        assert.ok((seen.error ?? "").length < 300, "the error repeats the value");
        assert.ok(["panel", "guide"].includes(await outcome(page)), `${options.slice(0, 80)}: ${await outcome(page)}`);
        const text = await deepText(page, { fields: false });
        for (const w of ATTACKER) assert.ok(!text.includes(w), `${options.slice(0, 80)}: "${w}" on screen`);
        await page.evaluate(() => { window.handle?.unmount?.(); window.handle = null; document.getElementById("help").remove(); });
      }
    }
    await runStart(page);
    await assertUsable(page);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- the element

test("element attributes with markup, script, a phishing text and 10 MB", async () => {
  const xss = `"><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>${PHISH}`;
  const cases = [
    { region: xss, role: xss, lang: xss, error: xss, remember: xss, history: xss, "static-guide": xss, "error-from-url": xss },
    { error: `<a href="https://evil.example/">${PHISH}</a>` },
    { error: "\u202E" + PHISH + "\u202C", lang: "ru\u0000en", role: "student\uD800" },
    { error: "Ваш дневник не найден ".repeat(500000) },
  ];
  for (const attrs of cases) {
    const { page, context, log } = await hostilePage("tests/e2e/blank.html");
    try {
      const seen = await runElement(page, { attrs });
      assert.ok(["ready", "unstyled"].includes(seen.state), JSON.stringify(seen));
      assert.equal(await page.evaluate(() => window.pwned), undefined);
      assert.equal(await page.locator("#help img, #help script:not([src])").count(), 0, "markup became elements");
      await assertUsable(page);
      await assertClean(page, log, { fields: false });
    } finally {
      await context.close();
    }
  }
});

/** Holds the panel's wasm until `release()`. */
async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route("**/pkg/widget/diary_help_bg.wasm", async (route) => { await held; await route.continue(); });
  return () => release();
}

test("attributes changed again and again while the wasm loads: the panel follows the last values", async () => {
  let release;
  const { page, context, log } = await hostilePage("tests/e2e/blank.html", "", { prepare: async (p) => { release = await holdWasm(p); } });
  try {
    const started = runElement(page, { attrs: { region: "kuzbass", role: "parent", lang: "ru" } });
    await page.waitForSelector("#help >> .dh-static", { timeout: 10000 });
    await page.evaluate(async () => {
      const el = document.getElementById("help");
      const values = { region: ["ryazan", "<b>x-attacker</b>", "orenburg"], role: ["guardian", "teacher", "student"],
        lang: ["en", "xx", "en"], error: ["x-attacker", ""], remember: ["false", "true"] };
      for (let round = 0; round < 20; round++) {
        for (const name of Object.keys(values)) el.setAttribute(name, values[name][round % values[name].length]);
        if (round % 3 === 0) el.removeAttribute("error");
        await new Promise((ok) => setTimeout(ok, 10));
      }
      el.setAttribute("region", "orenburg");
      el.setAttribute("role", "student");
      el.setAttribute("lang", "en");
      el.removeAttribute("error");
    });
    release();
    const seen = await started;
    assert.equal(seen.state, "ready", JSON.stringify(seen));
    await page.waitForSelector("#help >> #dh-role-student[aria-selected=true]", { timeout: 10000 });
    await page.waitForFunction(() => document.getElementById("help").shadowRoot.querySelector(".dh-title")?.textContent.startsWith("Logging"),
      null, { timeout: 10000 });
    await assertUsable(page);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test("the element removed, re-added and moved while the wasm loads: one panel, where it is", async () => {
  let release;
  const { page, context, log } = await hostilePage("tests/e2e/blank.html", "", { prepare: async (p) => { release = await holdWasm(p); } });
  try {
    const started = runElement(page);
    await page.waitForSelector("#help >> .dh-static", { timeout: 10000 });
    await page.evaluate(async () => {
      const el = document.getElementById("help");
      const other = document.body.appendChild(document.createElement("section"));
      for (let i = 0; i < 10; i++) {
        el.remove();
        await new Promise((ok) => setTimeout(ok, 5));
        (i % 2 ? document.body : other).appendChild(el);
      }
      other.appendChild(el);
    });
    release();
    const seen = await started;
    assert.equal(seen.state, "ready", JSON.stringify(seen));
    const panels = await page.evaluate(() => document.getElementById("help").shadowRoot.querySelectorAll(".dh-panel").length);
    assert.equal(panels, 1, "one panel in the element");
    await assertUsable(page);
    // Removed for good after it is ready, then back: still one working panel.
    await page.evaluate(async () => {
      const el = document.getElementById("help");
      el.remove();
      await new Promise((ok) => setTimeout(ok, 100));
      document.body.appendChild(el);
      await new Promise((ok) => setTimeout(ok, 300));
    });
    assert.equal(await page.evaluate(() => document.getElementById("help").shadowRoot.querySelectorAll(".dh-panel").length), 1);
    await page.click("#help #dh-section-error");
    await page.waitForSelector("#help #dh-error-pick", { timeout: 15000 });
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test("two elements at once, and a start() beside them: each its own panel, region and role", async () => {
  const { page, context, log } = await hostilePage("tests/e2e/blank.html");
  try {
    await page.evaluate(() => {
      for (const [id, region, role] of [["a", "kuzbass", "parent"], ["b", "orenburg", "student"]]) {
        const el = document.createElement("diary-login-help");
        el.id = id; el.setAttribute("region", region); el.setAttribute("role", role);
        document.body.appendChild(el);
      }
    });
    const seen = await runElement(page, { attrs: { region: "ryazan", role: "guardian" } });
    assert.equal(seen.state, "ready");
    for (const id of ["a", "b"]) await page.waitForSelector(`#${id}[data-state=ready]`, { timeout: 15000 });
    assert.equal(await page.locator("#a >> #dh-role-parent[aria-selected=true]").count(), 1);
    assert.equal(await page.locator("#b >> #dh-role-student[aria-selected=true]").count(), 1);
    assert.equal(await page.locator("#help >> #dh-role-guardian[aria-selected=true]").count(), 1);
    await page.click("#b >> #dh-role-parent");
    assert.equal(await page.locator("#a >> #dh-role-parent[aria-selected=true]").count(), 1, "a stays");
    for (const root of ["#a", "#b", "#help"]) await assertUsable(page, root);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test("the element adopted into an iframe's document, while loading and once ready: no uncaught error in either", async () => {
  for (const when of ["loading", "ready"]) {
    let release = () => {};
    const { page, context, log } = await hostilePage("tests/e2e/blank.html", "",
      { prepare: async (p) => { if (when === "loading") release = await holdWasm(p); } });
    try {
      await page.evaluate(async () => {
        const frame = document.createElement("iframe");
        frame.id = "frame";
        frame.src = "/tests/e2e/blank.html";
        document.body.appendChild(frame);
        await new Promise((ok) => frame.addEventListener("load", ok, { once: true }));
      });
      const started = runElement(page);
      if (when === "loading") await page.waitForSelector("#help >> .dh-static", { timeout: 10000 });
      else await started;
      await page.evaluate(() => {
        const frameDoc = document.getElementById("frame").contentDocument;
        const el = frameDoc.adoptNode(document.getElementById("help"));
        frameDoc.body.appendChild(el);
      });
      release();
      await started;
      await page.waitForTimeout(1500);
      assert.ok(await page.evaluate(() => !!document.getElementById("frame").contentDocument.getElementById("help")));
      // A fresh element on the main page still works.
      await runElement(page, { id: "again" });
      await assertUsable(page, "#again");
      await assertClean(page, log);
    } finally {
      await context.close();
    }
  }
});

// ---------------------------------------------------------------- the demo pages' URL

test("the demo pages' ?error=: script, bidi, a long value, broken and doubled percent-encoding, an official-looking instruction", async () => {
  const queries = [
    "?error=" + encodeURIComponent(`<script>window.pwned=1</script><img src=x onerror="window.pwned=2">${PHISH}`),
    "?error=" + encodeURIComponent(`Ваш дневник не найден. ${PHISH}. Подробнее: https://evil.example/gosuslugi`),
    "?error=" + encodeURIComponent("\u202E" + PHISH + "\u202C Ваш дневник не найден"),
    "?error=%E0%A4%A&lang=%FF&region=%C0%AF",
    "?error=%253Cscript%253Ewindow.pwned%253D1%253C%252Fscript%253E" + encodeURIComponent(PHISH),
    // As long as the test server takes (its header limit is 16 KB).
    "?error=" + encodeURIComponent("Ваш дневник не найден ".repeat(30)) + "%20".repeat(3000) + "&error=" + encodeURIComponent(PHISH),
    "?error=diary_not_found&error=" + encodeURIComponent(PHISH) + "#error=" + encodeURIComponent(PHISH),
    "?error=__proto__&__proto__[region]=evil&constructor[prototype][lang]=en&region=evil.example&role=x-attacker",
    "?error=%00" + encodeURIComponent(PHISH) + "%00",
  ];
  for (const path of ["index.html", "element.html"]) {
    for (const query of queries) {
      const { page, context, log } = await hostilePage(path + query);
      try {
        const root = path === "index.html" ? "#diary-help" : "#help";
        await page.waitForSelector(`${root} .dh-panel:not(.dh-static)`, { timeout: 15000 });
        await page.waitForTimeout(1000);
        assert.equal(await page.evaluate(() => window.pwned), undefined, `${path}${query.slice(0, 60)}`);
        const text = await deepText(page);
        for (const w of ATTACKER) {
          assert.ok(!text.includes(w), `${path}${query.slice(0, 60)}: "${w}" on screen`);
        }
        await page.click(`${root} #dh-section-next`);
        await page.waitForSelector(`${root} #dh-birth-date`, { timeout: 5000 }).catch(() => {});
        await assertUsable(page, root);
        await assertClean(page, log);
      } catch (e) {
        e.message = `${path}${query.slice(0, 80)}: ${e.message.slice(0, 2000)}`;
        throw e;
      } finally {
        await context.close();
      }
    }
  }
});

test("the element demo's own parameters (lang, role) reach the panel, set after the element has connected", async () => {
  // element-demo.js sets the attributes after diary-login-help.js has
  // defined the element and it has started loading.
  const { page, context, log } = await hostilePage("element.html?lang=en&role=student&error=diary_not_found");
  try {
    await page.waitForSelector("#help[data-state=ready]", { timeout: 15000 });
    await page.waitForSelector("#help >> #dh-role-student[aria-selected=true]", { timeout: 10000 });
    await page.waitForFunction(() => document.getElementById("help").shadowRoot.querySelector(".dh-title")?.textContent.startsWith("Logging"),
      null, { timeout: 10000 });
    // The error section is in the lazily loaded sections module: as long
    // as the other section waits (a loaded CI machine took over 5 s).
    await page.waitForSelector("#help >> #dh-section-error[aria-selected=true]", { timeout: 15000 });
    await assertUsable(page);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

// Embedding scenarios of docs/embedding.md that need a browser: plain HTML,
// the element from a CDN (another origin, with and without CORS headers),
// strict CSP with nonces (and the fallbacks of browsers without
// constructable stylesheets), and theming on a dark host page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { setUp, tearDown, openPage, foreignRequests, ARTIFACTS } from "./helpers.mjs";
import { startServer } from "../../scripts/serve.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const NONCE_POLICY = (nonce) =>
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'nonce-${nonce}'; img-src 'self' data:`;

/** Serves docs/examples/csp-nonce.html the way a server would: a fresh nonce in the header and the page. */
function withNonce({ pageNonce, noConstructable = false }) {
  return async (page) => {
    const nonce = "n" + Math.random().toString(36).slice(2);
    if (noConstructable) {
      // Safari < 16.4: no adoptedStyleSheets on shadow roots.
      await page.addInitScript(() => { delete ShadowRoot.prototype.adoptedStyleSheets; });
    }
    await page.route("**/docs/examples/csp-nonce.html", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll("{NONCE}", pageNonce ?? nonce);
      await route.fulfill({ response, body, headers: { ...response.headers(), "content-security-policy": NONCE_POLICY(nonce) } });
    });
  };
}

async function shadowLook(page) {
  await page.waitForFunction(() => document.querySelector("diary-login-help")?.dataset.state, null, { timeout: 15000 });
  return page.evaluate(() => {
    const el = document.querySelector("diary-login-help");
    const panel = el.shadowRoot.querySelector(".dh-panel");
    return {
      state: el.dataset.state,
      title: el.shadowRoot.querySelector(".dh-title")?.textContent ?? null,
      radius: panel && getComputedStyle(panel).borderRadius,
      styleElements: [...el.shadowRoot.querySelectorAll("style,link")].map((n) => n.localName),
    };
  });
}

test("strict CSP with a nonce policy: styled by a constructable stylesheet, no violations", async () => {
  const { page, context, log } = await openPage(env, "docs/examples/csp-nonce.html", { prepare: withNonce({}) });
  const look = await shadowLook(page);
  assert.equal(look.state, "ready");
  assert.match(look.title, /Вход в дневник/);
  assert.equal(look.radius, "12px");
  assert.deepEqual(look.styleElements, [], "no <style> or <link>: adoptedStyleSheets only");
  assert.deepEqual(log.errors, [], "no CSP violations");
  assert.deepEqual(log.warnings, []);
  assert.deepEqual(foreignRequests(log, env.origin), []);
  await context.close();
});

test("nonce policy without constructable stylesheets: a <style> with the page's csp-nonce", async () => {
  const { page, context, log } = await openPage(env, "docs/examples/csp-nonce.html", {
    prepare: withNonce({ noConstructable: true }),
  });
  const look = await shadowLook(page);
  assert.equal(look.state, "ready");
  assert.equal(look.radius, "12px");
  assert.deepEqual(look.styleElements, ["style"]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("styles refused (stale nonce, no constructable stylesheets): data-state=unstyled and one warning", async () => {
  const { page, context, log } = await openPage(env, "docs/examples/csp-nonce.html", {
    prepare: withNonce({ noConstructable: true, pageNonce: "stale" }),
  });
  const look = await shadowLook(page);
  assert.equal(look.state, "unstyled");
  assert.match(look.title, /Вход в дневник/, "the panel still shows, unstyled");
  assert.notEqual(look.radius, "12px");
  const ours = log.warnings.filter((w) => w.includes("<diary-login-help>"));
  assert.equal(ours.length, 1, JSON.stringify(log.warnings));
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

test("style-src 'self' without constructable stylesheets: the <link> fallback styles the panel", async () => {
  const { page, context, log } = await openPage(env, "element.html", {
    prepare: (p) => p.addInitScript(() => { delete ShadowRoot.prototype.adoptedStyleSheets; }),
  });
  const look = await shadowLook(page);
  assert.equal(look.state, "ready");
  assert.equal(look.radius, "12px");
  assert.deepEqual(look.styleElements, ["link"]);
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

test("theming: a dark host page themes both panels; a light page keeps a light panel in dark mode", async () => {
  const { page, context, log } = await openPage(env, "docs/examples/theming.html", {
    viewport: { width: 1280, height: 900 },
    contextOptions: { colorScheme: "dark", bypassCSP: true },
  });
  await page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 15000 });
  await page.waitForSelector("body[data-mounted=true] #mounted .dh-panel");
  const look = await page.evaluate(() => {
    const el = document.querySelector("diary-login-help");
    const shadow = el.shadowRoot.querySelector(".dh-panel");
    const light = document.querySelector("#mounted .dh-panel");
    const css = (n) => getComputedStyle(n);
    return {
      shadowBg: css(shadow).backgroundColor,
      shadowRadius: css(shadow).borderRadius,
      shadowSelectedTab: css(shadow.querySelector(".dh-tab-selected")).backgroundColor,
      shadowFont: css(shadow).fontFamily,
      partTitleSpacing: css(el.shadowRoot.querySelector(".dh-title")).letterSpacing,
      lightBg: css(light).backgroundColor,
      lightFg: css(light).color,
      lightFont: css(light).fontFamily,
      lightRadius: css(light).borderRadius,
      lightSelectedTab: css(light.querySelector(".dh-tab-selected")).backgroundColor,
    };
  });
  assert.equal(look.shadowBg, rgb("#1c2026"), "dark default background (the page's color-scheme is dark)");
  assert.equal(look.lightBg, rgb("#1c2026"));
  assert.equal(look.lightFg, rgb("#e8ebef"));
  assert.equal(look.shadowSelectedTab, rgb("#ffb454"), "--diary-help-accent on :root reaches the shadow root");
  assert.equal(look.lightSelectedTab, rgb("#ffb454"));
  assert.equal(look.shadowRadius, "4px");
  assert.equal(look.lightRadius, "4px");
  assert.match(look.lightFont, /Georgia/, "mount() inherits the host's font");
  assert.match(look.shadowFont, /Georgia/, "so does the element");
  assert.notEqual(look.partTitleSpacing, "normal", "::part(title) reaches the title");
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ["color-contrast"] }));
  assert.deepEqual(result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" "))), [], "contrast on the dark theme");
  await page.screenshot({ path: new URL("theming-dark-1280x900.png", ARTIFACTS).pathname, fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();

  // The demo page declares no color-scheme: dark mode in the OS leaves its panel light.
  const light = await openPage(env, "element.html", { contextOptions: { colorScheme: "dark" } });
  await light.page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 15000 });
  const bg = await light.page.evaluate(() =>
    getComputedStyle(document.querySelector("diary-login-help").shadowRoot.querySelector(".dh-panel")).backgroundColor);
  assert.equal(bg, rgb("#ffffff"));
  await light.context.close();
});

test("plain HTML: the element and mount() on one page under the strict CSP", async () => {
  const { page, context, log } = await openPage(env, "docs/examples/plain.html");
  await page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 15000 });
  await page.waitForSelector("body[data-mounted=true] #diary-help .dh-panel");
  const radii = await page.evaluate(() => [
    getComputedStyle(document.querySelector("diary-login-help").shadowRoot.querySelector(".dh-panel")).borderRadius,
    getComputedStyle(document.querySelector("#diary-help .dh-panel")).borderRadius,
  ]);
  assert.deepEqual(radii, ["12px", "12px"]);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(foreignRequests(log, env.origin), []);
  await context.close();
});

/**
 * The CDN's stand-in: a server on another origin (localhost, the page being
 * on 127.0.0.1) serving pkg/widget with `headers`; the page's server
 * rewrites cdn.html's https://cdn.example.org/npm/diary-help-widget@0.1.0/
 * to it.
 */
async function withCdn(headers, look) {
  const cdnServer = (await startServer({ headers })).server;
  const base = `http://localhost:${cdnServer.address().port}/pkg/widget/`;
  const { server: pageServer, url } = await startServer({
    transform: (path, body) =>
      path === "/docs/examples/cdn.html"
        ? Buffer.from(body.toString("utf8").replaceAll("https://cdn.example.org/npm/diary-help-widget@0.1.0/", base))
        : body,
  });
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const log = { errors: [], requests: [] };
    page.on("console", (m) => { if (m.type() === "error") log.errors.push(m.text()); });
    page.on("pageerror", (e) => log.errors.push(String(e)));
    page.on("request", (r) => log.requests.push(r.url()));
    await page.goto(new URL("docs/examples/cdn.html", url).href);
    await look(page, log, base);
  } finally {
    await context.close();
    for (const server of [cdnServer, pageServer]) {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    }
  }
}

test("from a CDN with CORS headers: module, wasm and styles load cross-origin", async () => {
  await withCdn({ "access-control-allow-origin": "*" }, async (page, log, base) => {
    await page.waitForSelector("diary-login-help[data-state]", { timeout: 15000 }).catch(() => {});
    assert.equal(await page.getAttribute("diary-login-help", "data-state"), "ready", JSON.stringify(log));
    const radius = await page.evaluate(() =>
      getComputedStyle(document.querySelector("diary-login-help").shadowRoot.querySelector(".dh-panel")).borderRadius);
    assert.equal(radius, "12px");
    // The sections after the first screen come from the CDN too (on first
    // use, or earlier when the browser is idle).
    await page.locator("diary-login-help #dh-section-password").click();
    await page.locator("diary-login-help #dh-pw").waitFor();
    const fromCdn = [...new Set(log.requests.filter((u) => u.startsWith(base)).map((u) => u.slice(base.length)))].sort();
    assert.deepEqual(fromCdn, [
      "diary-help-css.js", "diary-help-start.js", "diary-login-help.js", "diary_help.js", "diary_help_bg.wasm",
      "diary_help_sections.js", "diary_help_sections_bg.wasm",
    ]);
    assert.deepEqual(log.errors, []);
  });
});

test("from a CDN without CORS headers: the module is refused and the fallback stays", async () => {
  await withCdn({}, async (page, log) => {
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => ({
      defined: customElements.get("diary-login-help") !== undefined,
      fallbackVisible: document.querySelector(".fallback").getBoundingClientRect().height > 0,
    }));
    assert.deepEqual(seen, { defined: false, fallbackVisible: true });
    assert.ok(log.errors.some((e) => /CORS|Access-Control-Allow-Origin/.test(e)), JSON.stringify(log.errors));
  });
});

test("operator profiles: mount() and the element take a profile object; a bad field is refused by name", async () => {
  const { page, context, log } = await openPage(env, "docs/examples/operator-profile.html");
  await page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 15000 });
  await page.waitForSelector("body[data-mounted=true] #mounted .dh-panel");
  assert.match(await page.getAttribute("body", "data-rejected"), /^options\.region\.diarySite\.href: bad_href: /);
  // The region box is part of the plan: give a birth date in both panels,
  // then «Не знаю» to every question the guide asks.
  const birth = `${new Date().getFullYear() - 10}-03-01`;
  for (const scope of ["#mounted", "diary-login-help"]) {
    await page.locator(`${scope} #dh-birth-date`).fill(birth);
    await page.locator(`${scope} #dh-birth-next`).click();
    for (let guard = 0; guard < 12; guard++) {
      await page.locator(`${scope} #dh-now-title, ${scope} #dh-a-unknown`).first().waitFor();
      if (await page.locator(`${scope} #dh-now-title`).count()) break;
      await page.locator(`${scope} #dh-a-unknown`).click();
    }
  }
  const regionBox = (root) =>
    page.waitForFunction((r) => {
      const scope = r === "element" ? document.querySelector("diary-login-help").shadowRoot : document.querySelector("#mounted");
      const box = scope.querySelector(".dh-region");
      return box && { text: box.textContent, links: [...box.querySelectorAll("a")].map((a) => a.href) };
    }, root, { timeout: 10000 }).then((h) => h.jsonValue());
  for (const root of ["element", "mounted"]) {
    const box = await regionBox(root);
    assert.match(box.text, /Примерская область/, root);
    assert.ok(box.links.includes("https://dnevnik.primer.example/"), `${root}: ${box.links}`);
    assert.ok(box.links.includes("https://dnevnik.primer.example/support"), `${root}: ${box.links}`);
  }
  assert.match((await regionBox("element")).text, /Дневник\.Пример/);
  // «Ошибка»: the diary side's contact is the operator's (its feedback form
  // and support link), not a built-in region's; Gosuslugi support stays.
  await page.click("#mounted #dh-section-error");
  await page.selectOption("#mounted #dh-error-pick", "diary_not_found");
  await page.waitForSelector("#mounted .dh-explanation .dh-contact");
  const explained = await page.$eval("#mounted .dh-explanation", (box) => ({
    contact: box.querySelector(".dh-contact").textContent,
    links: [...box.querySelectorAll(".dh-links a")].map((a) => a.href),
  }));
  assert.match(explained.contact, /форму обратной связи/);
  assert.ok(explained.links.includes("https://dnevnik.primer.example/support"), explained.links.join(" "));
  // The element, read by a parent: the built-in answer would be «Школа ребёнка…»; the profile's form instead.
  await page.evaluate(() => document.querySelector("diary-login-help").shadowRoot.querySelector("#dh-section-error").click());
  await page.waitForFunction(() => document.querySelector("diary-login-help").shadowRoot.querySelector("#dh-error-pick"));
  await page.evaluate(() => {
    const pick = document.querySelector("diary-login-help").shadowRoot.querySelector("#dh-error-pick");
    pick.value = "diary_not_found";
    pick.dispatchEvent(new Event("change", { bubbles: true }));
  });
  const elementContact = await page.waitForFunction(() =>
    document.querySelector("diary-login-help").shadowRoot.querySelector(".dh-explanation .dh-contact")?.textContent).then((h) => h.jsonValue());
  assert.match(elementContact, /сообщите через форму обратной связи/);
  await page.evaluate(() => document.querySelector("diary-login-help").shadowRoot.querySelector("#dh-section-next").click());
  // The property: a bad profile throws naming the field and the panel keeps its profile; a good one replaces it.
  const result = await page.evaluate(() => {
    const el = document.querySelector("diary-login-help");
    let error = null;
    try {
      el.profile = { ...el.profile, name: { ru: "", en: "X" } };
    } catch (e) {
      error = e.message;
    }
    const kept = el.profile.id;
    el.profile = { id: "other", name: { ru: "Другая область", en: "Other" } };
    return { error, kept };
  });
  assert.match(result.error, /^region\.name\.ru: empty: /);
  assert.equal(result.kept, "primer");
  await page.waitForFunction(() =>
    /Другая область/.test(document.querySelector("diary-login-help").shadowRoot.querySelector(".dh-region")?.textContent ?? ""));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an element whose JSON profile is not valid JSON keeps its fallback and says why", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html");
  await page.evaluate(async () => {
    const el = document.createElement("diary-login-help");
    el.innerHTML = '<script type="application/json">{ "id": "x", </script><p class="fallback">fallback</p>';
    document.body.append(el);
    await import("/pkg/widget/diary-login-help.js");
  });
  await page.waitForSelector("diary-login-help[data-state=failed]", { timeout: 15000 });
  assert.ok(log.warnings.some((w) => /region profile's JSON is not valid/.test(w)), JSON.stringify(log.warnings));
  assert.equal(await page.locator(".fallback").isVisible(), true);
  await context.close();
});

// A login card's typography (issue 26): a 62.5 % root font size (the
// "1rem = 10px" convention), bold italic spaced capitals, centred.
const HOSTILE = `html { font-size: 62.5%; }
body, .card { font-style: italic; font-weight: 700; letter-spacing: 3px; word-spacing: 6px;
  text-transform: uppercase; text-align: center; text-indent: 20px; }`;

/** Computed styles of the panel's title, intro, a tab and a hint, in the document or the element's shadow root. */
const typography = (page, where) => page.evaluate((where) => {
  const root = where === "element" ? document.querySelector("diary-login-help").shadowRoot : document.querySelector(".card");
  const pick = (sel) => {
    const s = getComputedStyle(root.querySelector(sel));
    return { size: s.fontSize, style: s.fontStyle, weight: s.fontWeight, spacing: s.letterSpacing, words: s.wordSpacing,
      transform: s.textTransform, align: s.textAlign, indent: s.textIndent };
  };
  return { title: pick(".dh-title"), intro: pick(".dh-intro"), tab: pick(".dh-sections .dh-tab"), hint: pick(".dh-birth-date-hint, #dh-birth-date-hint") };
}, where);

for (const where of ["mount", "element"]) {
  test(`a hostile host stylesheet does not reach the panel (${where}); --diary-help-font-size scales all of it`, async () => {
    const { page, context, log } = await openPage(env, "tests/e2e/blank.html");
    await page.evaluate(async ({ where, css }) => {
      document.head.append(Object.assign(document.createElement("style"), { textContent: css }));
      const card = document.body.appendChild(Object.assign(document.createElement("div"), { className: "card" }));
      if (where === "element") {
        card.append(document.createElement("diary-login-help"));
        await import("/pkg/widget/diary-login-help.js");
        for (let i = 0; i < 300 && card.firstChild.dataset.state !== "ready"; i++) await new Promise((r) => setTimeout(r, 50));
      } else {
        const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: "/pkg/widget/diary-help.css" });
        document.head.append(link);
        await new Promise((ok) => { link.onload = ok; });
        const m = await import("/pkg/widget/diary_help.js");
        await m.default();
        m.mount(card.appendChild(document.createElement("div")), {});
      }
    }, { where, css: HOSTILE });
    await page.waitForFunction((where) => (where === "element" ? document.querySelector("diary-login-help").shadowRoot : document)
      ?.querySelector(".dh-title"), where);
    const got = await typography(page, where);
    // The panel's own sizes from its 16 px base, whatever the root's.
    assert.deepEqual([got.title.size, got.intro.size, got.tab.size, got.hint.size], ["18.4px", "15.2px", "15.2px", "14.4px"], JSON.stringify(got));
    for (const [name, s] of Object.entries(got)) {
      assert.equal(s.style, "normal", `${name} not italic`);
      assert.equal(s.spacing, "normal", `${name} letter-spacing`);
      assert.equal(s.words, "0px", `${name} word-spacing`);
      assert.equal(s.transform, "none", `${name} text-transform`);
      assert.equal(s.indent, "0px", `${name} text-indent`);
      // (A tab is a button: centred by the panel's own design.)
      if (name !== "tab") assert.ok(["start", "left"].includes(s.align), `${name} text-align ${s.align}`);
    }
    assert.equal(got.intro.weight, "400", "the host's bold stops at the panel");
    assert.ok(Number(got.title.weight) >= 600, "the title keeps its own weight");
    // The theming property still scales the whole panel, the title too.
    await page.evaluate(() => document.querySelector(".card").style.setProperty("--diary-help-font-size", "20px"));
    const big = await typography(page, where);
    assert.deepEqual([big.title.size, big.intro.size, big.tab.size, big.hint.size], ["23px", "19px", "19px", "18px"], JSON.stringify(big));
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

// The first screen before the wasm (pkg/widget/diary-help-start.js): drawn
// at once as plain DOM, the same markup the Yew panel renders, and what the
// person does on it carries over to the panel when the wasm arrives.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage, foreignRequests } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

/** Holds every .wasm response until `release()`. */
function holdWasm() {
  let release;
  const held = new Promise((ok) => { release = ok; });
  return { release, prepare: (page) => page.route("**/*.wasm", async (route) => { await held; await route.continue(); }) };
}

const PAGES = [
  { path: "index.html", sel: "" },
  { path: "element.html", sel: "diary-login-help >> " },
];

/**
 * The panel's markup as a comparable tree: tags, attributes and text, without
 * what only one side has for a reason (the static screen's marker class,
 * aria-busy and its disabled «Забыть» button before the rules can forget).
 */
function shape(selector) {
  return (page) => page.evaluate((selector) => {
    const host = document.querySelector("diary-login-help")?.shadowRoot ?? document;
    const root = host.querySelector(selector);
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() ? node.textContent.trim() : null;
      if (node.nodeType !== Node.ELEMENT_NODE) return null;
      const attrs = {};
      for (const a of node.attributes) {
        if (["aria-busy", "disabled"].includes(a.name) || a.name.startsWith("data-")) continue;
        attrs[a.name] = a.name === "class" ? a.value.split(/\s+/).filter((c) => c !== "dh-static").join(" ") : a.value;
      }
      const kids = [...node.childNodes].map(walk).filter((k) => k !== null);
      // Adjacent text nodes (Yew writes «a», « », «b» apart) as one.
      const merged = [];
      for (const k of kids) {
        if (typeof k === "string" && typeof merged.at(-1) === "string") merged[merged.length - 1] += " " + k;
        else merged.push(k);
      }
      return { tag: node.tagName.toLowerCase(), attrs, kids: merged };
    };
    return root && walk(root);
  }, selector);
}

for (const { path, sel } of PAGES) {
  for (const query of ["", "?role=student", "?lang=en"]) {
    if (path === "element.html" && query) continue; // the element page has no URL parameters
    test(`${path}${query}: the first screen is the panel's own markup, drawn before the wasm`, async () => {
      const hold = holdWasm();
      const { page, context, log } = await openPage(env, path + query, { viewport: { width: 360, height: 740 }, prepare: hold.prepare });
      await page.waitForSelector(sel + ".dh-static #dh-birth-date", { timeout: 10000 });
      assert.equal(await page.isVisible(sel + "#dh-birth-date"), true);
      const before = await shape(".dh-static")(page);
      assert.ok(JSON.stringify(before).includes("dh-birth-remember"), "the first screen was read");
      hold.release();
      await page.waitForSelector(sel + ".dh-panel:not(.dh-static)", { timeout: 15000 });
      if (query === "?lang=en") await page.waitForSelector(sel + ".dh-panel[lang=en]", { timeout: 15000 });
      const after = await shape(".dh-panel")(page);
      assert.deepEqual(before, after);
      assert.deepEqual(log.uncaught, []);
      assert.deepEqual(log.errors, []);
      assert.deepEqual(foreignRequests(log, env.origin), []);
      await context.close();
    });
  }

  test(`${path}: what the person does before the wasm carries over to the panel`, async () => {
    const hold = holdWasm();
    const { page, context, log } = await openPage(env, path, { viewport: { width: 360, height: 740 }, prepare: hold.prepare });
    await page.waitForSelector(sel + ".dh-static #dh-birth-date");
    await page.click(sel + "#dh-role-student");
    // The student's words at once («ты»), from the same texts.
    assert.equal(await page.textContent(sel + "label[for=dh-birth-date]"), "Твоя дата рождения");
    await page.fill(sel + "#dh-birth-date", "2012-05-03");
    await page.check(sel + "#dh-birth-remember");
    await page.focus(sel + "#dh-birth-date");
    hold.release();
    await page.waitForSelector(sel + ".dh-panel:not(.dh-static)", { timeout: 15000 });
    await page.waitForFunction(
      (sel) => {
        const host = document.querySelector("diary-login-help")?.shadowRoot ?? document;
        return host.querySelector("#dh-birth-date")?.value === "2012-05-03";
      }, sel, { timeout: 5000 });
    assert.equal(await page.getAttribute(sel + "#dh-role-student", "aria-selected"), "true");
    assert.equal(await page.isChecked(sel + "#dh-birth-remember"), true);
    const focused = await page.evaluate(() => (document.querySelector("diary-login-help")?.shadowRoot ?? document).activeElement?.id);
    assert.equal(focused, "dh-birth-date");
    // The carried-over date is the panel's own: «Дальше» moves on.
    await page.click(sel + "#dh-birth-next");
    await page.waitForFunction((sel) => {
      const host = document.querySelector("diary-login-help")?.shadowRoot ?? document;
      return !host.querySelector("#dh-birth-date");
    }, sel, { timeout: 5000 });
    assert.deepEqual(log.uncaught, []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test(`${path}: «Дальше» pressed before the wasm is pressed again when it arrives`, async () => {
    const hold = holdWasm();
    const { page, context, log } = await openPage(env, path, { viewport: { width: 360, height: 740 }, prepare: hold.prepare });
    await page.waitForSelector(sel + ".dh-static #dh-birth-date");
    await page.fill(sel + "#dh-birth-date", "2010-01-15");
    await page.click(sel + "#dh-birth-next");
    // The person is told it is loading, in words from the texts.
    assert.match(await page.textContent(sel + "#dh-birth-date-error"), /Загружаем подсказки/);
    hold.release();
    await page.waitForSelector(sel + ".dh-panel:not(.dh-static)", { timeout: 15000 });
    await page.waitForFunction((sel) => {
      const host = document.querySelector("diary-login-help")?.shadowRoot ?? document;
      return host.querySelector(".dh-panel") && !host.querySelector("#dh-birth-date");
    }, sel, { timeout: 5000 });
    assert.deepEqual(log.uncaught, []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test(`${path}: a section tab pressed before the wasm opens that section`, async () => {
    const hold = holdWasm();
    const { page, context, log } = await openPage(env, path, { viewport: { width: 360, height: 740 }, prepare: hold.prepare });
    await page.waitForSelector(sel + ".dh-static #dh-section-error");
    await page.click(sel + "#dh-section-error");
    assert.equal(await page.getAttribute(sel + "#dh-section-error", "aria-selected"), "true");
    hold.release();
    await page.waitForSelector(sel + ".dh-panel:not(.dh-static)", { timeout: 15000 });
    await page.waitForFunction((sel) => {
      const host = document.querySelector("diary-login-help")?.shadowRoot ?? document;
      return host.querySelector("#dh-section-error")?.getAttribute("aria-selected") === "true"
        && host.querySelector("#dh-section-error-panel textarea, #dh-section-error-panel input");
    }, sel, { timeout: 15000 });
    assert.deepEqual(log.uncaught, []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

// The first screen reads a language tag as the panel does (Lang::parse: the
// primary subtag, any case): a tag like «en-GB» or «EN» must not draw a
// Russian first screen that the panel then redraws in English.
test("start(): the first screen and the panel agree on every language tag", async () => {
  const hold = holdWasm();
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html", { prepare: hold.prepare });
  const TAGS = [["en", "en"], ["en-GB", "en"], ["EN", "en"], ["en_US", "en"], [" en ", "en"], ["ru-RU", "ru"], ["de", "ru"], ["", "ru"], [42, "ru"], [null, "ru"]];
  await page.evaluate(async (tags) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: "/pkg/widget/diary-help.css" });
    document.head.append(link);
    const { start } = await import("/pkg/widget/diary-help-start.js");
    for (const [i, [tag]] of tags.entries()) {
      const div = Object.assign(document.createElement("div"), { id: `p${i}` });
      document.body.append(div);
      start(div, { lang: tag }).catch(() => {});
    }
  }, TAGS);
  const langs = (static_) => page.evaluate(({ n, static_ }) => [...Array(n).keys()].map((i) =>
    document.querySelector(`#p${i} .dh-panel${static_ ? ".dh-static" : ":not(.dh-static)"}`)?.getAttribute("lang") ?? null),
  { n: TAGS.length, static_ });
  await page.waitForFunction((n) => document.querySelectorAll(".dh-static").length === n, TAGS.length, { timeout: 10000 });
  assert.deepEqual(await langs(true), TAGS.map(([, lang]) => lang), "the first screens");
  hold.release();
  await page.waitForFunction((n) => document.querySelectorAll(".dh-panel:not(.dh-static)").length === n, TAGS.length, { timeout: 20000 });
  await page.waitForTimeout(500); // a panel that redraws in another language has done so
  assert.deepEqual(await langs(false), TAGS.map(([, lang]) => lang), "the panels");
  assert.deepEqual(log.uncaught, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

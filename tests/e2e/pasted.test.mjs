// The first screen pasted into the host's HTML (pkg/widget/first-screen.<lang>.html,
// docs/examples/first-screen*.html): on screen before any of our scripts
// runs, adopted by start() and by <diary-login-help> as it is (the same
// nodes, what was typed kept), and the panel takes over with those answers.
// The pasted copy is the markup diary-help-start.js draws itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setUp, tearDown, openPage, foreignRequests, computedStyles } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const ROOT = new URL("../../", import.meta.url);
/** The markup line of pkg/widget/first-screen.<lang>.html (after its comment). */
const snippet = (lang) => {
  const file = readFileSync(new URL(`pkg/widget/first-screen.${lang}.html`, ROOT), "utf8");
  const line = file.split("\n").find((l) => l.startsWith("<section"));
  assert.ok(line, `first-screen.${lang}.html has the markup`);
  return line;
};

/** Holds every response whose URL matches `pattern` until `release()`. */
function hold(pattern) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  return { release, route: (page) => page.route(pattern, async (route) => { await held; await route.continue(); }) };
}

const PAGES = [
  { path: "docs/examples/first-screen.html", sel: "#diary-help " },
  { path: "docs/examples/first-screen-element.html", sel: "diary-login-help >> " },
];

test("the examples paste exactly the built first-screen.ru.html", () => {
  for (const { path } of PAGES) {
    const page = readFileSync(new URL(path, ROOT), "utf8");
    const copy = page.match(/<!-- first-screen\.ru\.html -->\n\s*(.*)\n\s*<!-- \/first-screen\.ru\.html -->/);
    assert.ok(copy, `${path}: the markers`);
    assert.equal(copy[1], snippet("ru"), `${path}: stale copy (run scripts/build.sh)`);
  }
});

for (const [query, lang] of [["", "ru"], ["?lang=en", "en"]]) {
  test(`first-screen.${lang}.html is the first screen start() draws itself (index.html${query})`, async () => {
    const wasm = hold("**/*.wasm");
    const { page, context } = await openPage(env, "index.html" + query, { prepare: wasm.route });
    try {
      await page.waitForSelector(".dh-static #dh-birth-date", { timeout: 10000 });
      const same = await page.evaluate((markup) => {
        const drawn = document.querySelector(".dh-static").cloneNode(true);
        // The date limits depend on today: the script sets them on the pasted copy.
        drawn.querySelector("#dh-birth-date").removeAttribute("min");
        drawn.querySelector("#dh-birth-date").removeAttribute("max");
        const parsed = new DOMParser().parseFromString(`<body>${markup}`, "text/html").body.firstElementChild;
        return { equal: parsed.isEqualNode(drawn), drawn: drawn.outerHTML, parsed: parsed.outerHTML };
      }, snippet(lang));
      assert.equal(same.drawn, same.parsed);
      assert.ok(same.equal);
    } finally {
      wasm.release();
      await context.close();
    }
  });
}

/** Every computed style of the pasted first screen's elements. */
const firstScreenStyles = (page) => computedStyles(page, "#diary-help section.dh-static, #diary-help section.dh-static *");

test("diary-help-first.css styles the pasted first screen exactly as diary-help.css does", async () => {
  const css = readFileSync(new URL("pkg/widget/diary-help-first.css", ROOT), "utf8");
  // The cut is worth it only while it holds a small part of the sheet's rules.
  const rules = (text) => text.split("{").length - 1;
  assert.ok(rules(css) < rules(readFileSync(new URL("pkg/widget/diary-help.css", ROOT), "utf8")) / 2, "diary-help-first.css is a cut");
  const seen = {};
  for (const only of ["diary-help-first.css", "diary-help.css"]) {
    const other = only === "diary-help.css" ? "diary-help-first.css" : "diary-help.css";
    const { page, context } = await openPage(env, "docs/examples/first-screen.html", {
      viewport: { width: 360, height: 740 },
      prepare: async (p) => {
        // No script and no wasm: the page's own HTML, styled by one of the two sheets.
        await p.route("**/*.wasm", (route) => route.abort());
        await p.route("**/*.js", (route) => route.abort());
        await p.route(`**/pkg/widget/${other}`, (route) => route.fulfill({ contentType: "text/css", body: "" }));
      },
    });
    try {
      await page.waitForSelector("#diary-help section.dh-static #dh-birth-date", { state: "visible" });
      const sheets = await page.evaluate(() => [...document.styleSheets].filter((s) => s.cssRules.length).map((s) => s.href?.split("/").pop()));
      assert.deepEqual(sheets.filter((h) => h.startsWith("diary-help")), [only], "one of the two sheets applies");
      const states = [];
      for (const [width, scheme] of [[360, "light"], [1280, "light"], [360, "dark"]]) {
        await page.setViewportSize({ width, height: 740 });
        await page.emulateMedia({ colorScheme: scheme });
        states.push(await firstScreenStyles(page));
      }
      // Keyboard focus (focus-visible) on a tab, on the date, on the tick and on «Дальше».
      await page.focus("#dh-role-parent");
      for (let i = 0; i < 4; i++) {
        states.push(await firstScreenStyles(page));
        await page.keyboard.press("Tab");
      }
      await page.hover("#dh-birth-next");
      states.push(await firstScreenStyles(page));
      seen[only] = states;
    } finally {
      await context.close();
    }
  }
  const [first, whole] = [seen["diary-help-first.css"], seen["diary-help.css"]];
  assert.equal(first.length, whole.length);
  for (let s = 0; s < whole.length; s++) {
    const differ = whole[s].filter((line, i) => first[s][i] !== line).map((line) => `${line}  ≠  ${first[s][whole[s].indexOf(line)]}`);
    assert.deepEqual(differ.slice(0, 10), [], `state ${s}: styled otherwise by diary-help-first.css`);
    assert.equal(first[s].length, whole[s].length);
  }
});

for (const { path, sel } of PAGES) {
  test(`${path}: the first question is on screen with no script run and the wasm blocked`, async () => {
    const { page, context, log } = await openPage(env, path, {
      viewport: { width: 360, height: 740 },
      prepare: async (p) => {
        await p.route("**/*.wasm", (route) => route.abort());
        // No script of ours at all yet: what the page's own HTML shows.
        await p.route("**/pkg/widget/*.js", (route) => route.abort());
        await p.route("**/docs/examples/*.js", (route) => route.abort());
      },
    });
    try {
      // The light-DOM copy (the element is not defined: its script is blocked).
      const light = sel.replace(" >> ", " > ").replace(/^#diary-help $/, "#diary-help > ");
      await page.waitForSelector(light + "section.dh-static #dh-birth-date", { state: "visible" });
      assert.equal(await page.textContent(light + "section.dh-static label[for=dh-birth-date]"), "Дата рождения ученика");
      assert.equal(await page.getAttribute(light + "section.dh-static #dh-role-parent", "aria-selected"), "true");
      // Styled by the page's stylesheet from the first paint: the tabs are a row of buttons, not bare text.
      const tab = await page.$eval(light + "section.dh-static #dh-role-parent", (b) => getComputedStyle(b).cursor);
      assert.equal(tab, "pointer");
      assert.deepEqual(foreignRequests(log, env.origin), []);
    } finally {
      await context.close();
    }
  });

  test(`${path}: typed before the scripts, kept by the adoption (same nodes) and by the panel`, async () => {
    const scripts = hold("**/pkg/widget/*.js");
    const wasm = hold("**/*.wasm");
    const { page, context, log } = await openPage(env, path, {
      viewport: { width: 360, height: 740 }, waitUntil: "commit",
      prepare: async (p) => { await scripts.route(p); await wasm.route(p); },
    });
    try {
      const light = sel.replace(" >> ", " > ").replace(/^#diary-help $/, "#diary-help > ");
      await page.waitForSelector(light + "section.dh-static #dh-birth-date", { state: "visible" });
      await page.fill(light + "section.dh-static #dh-birth-date", "2012-05-03");
      await page.check(light + "section.dh-static #dh-birth-remember");
      await page.focus(light + "section.dh-static #dh-birth-date");
      await page.evaluate((light) => { window.pastedCopy = document.querySelector(light + "section.dh-static"); }, light);
      scripts.release();
      // The script adopts the copy: the same element, moved (the element's
      // shadow root) or left where it is (start()), with the date still in it.
      await page.waitForFunction(() => {
        const element = document.querySelector("diary-login-help");
        return element ? element.shadowRoot?.contains(window.pastedCopy)
          : window.pastedCopy.isConnected && window.pastedCopy.querySelector("#dh-birth-date").min !== "";
      }, null, { timeout: 10000 });
      const adopted = await page.evaluate(() => {
        const host = document.querySelector("diary-login-help")?.shadowRoot ?? document;
        return {
          value: host.querySelector("#dh-birth-date").value,
          min: host.querySelector("#dh-birth-date").min,
          focused: host.activeElement?.id,
          copies: host.querySelectorAll("#dh-birth-date").length + document.querySelectorAll("#dh-birth-date").length,
        };
      });
      assert.equal(adopted.value, "2012-05-03");
      assert.match(adopted.min, /^\d{4}-\d\d-\d\d$/, "the script set today's limits");
      assert.equal(adopted.focused, "dh-birth-date");
      // Between the script and the wasm the first screen works as start()'s own.
      await page.click(sel + "#dh-role-student");
      assert.equal(await page.textContent(sel + "label[for=dh-birth-date]"), "Твоя дата рождения");
      assert.equal(await page.inputValue(sel + "#dh-birth-date"), "2012-05-03");
      await page.focus(sel + "#dh-birth-date");
      wasm.release();
      await page.waitForSelector(sel + ".dh-panel:not(.dh-static)", { timeout: 20000 });
      await page.waitForFunction(() => {
        const host = document.querySelector("diary-login-help")?.shadowRoot ?? document;
        return host.querySelector("#dh-birth-date")?.value === "2012-05-03";
      }, null, { timeout: 5000 });
      assert.equal(await page.getAttribute(sel + "#dh-role-student", "aria-selected"), "true");
      assert.equal(await page.isChecked(sel + "#dh-birth-remember"), true);
      const focused = await page.evaluate(() => (document.querySelector("diary-login-help")?.shadowRoot ?? document).activeElement?.id);
      assert.equal(focused, "dh-birth-date");
      // One panel: the pasted copy is gone, not left beside it.
      assert.equal(await page.evaluate(() => document.querySelectorAll(".dh-static").length
        + (document.querySelector("diary-login-help")?.shadowRoot?.querySelectorAll(".dh-static").length ?? 0)), 0);
      await page.click(sel + "#dh-birth-next");
      await page.waitForFunction(() => !(document.querySelector("diary-login-help")?.shadowRoot ?? document).querySelector("#dh-birth-date"),
        null, { timeout: 5000 });
      assert.deepEqual(log.uncaught, []);
      assert.deepEqual(log.errors, []);
      assert.deepEqual(foreignRequests(log, env.origin), []);
    } finally {
      scripts.release();
      wasm.release();
      await context.close();
    }
  });

  test(`${path}: where the wasm cannot load, the pasted copy gives way to the fallback and the static guide`, async () => {
    const { page, context, log } = await openPage(env, path, {
      prepare: (p) => p.route("**/*.wasm", (route) => route.abort()),
    });
    try {
      await page.waitForSelector(sel + ".dh-static-guide", { timeout: 15000 });
      assert.equal(await page.isVisible("text=Не получается войти?"), true);
      const left = await page.evaluate(() => document.querySelectorAll("#dh-birth-date").length
        + (document.querySelector("diary-login-help")?.shadowRoot?.querySelectorAll("#dh-birth-date").length ?? 0));
      assert.equal(left, 0, "the first screen's question is gone");
      assert.deepEqual(log.uncaught, []);
      assert.deepEqual(foreignRequests(log, env.origin), []);
    } finally {
      await context.close();
    }
  });

  test(`${path}: under Trusted Types ('none') and a strict CSP: adopted, the panel works, no violation`, async () => {
    const { page, context, log } = await openPage(env, path, {
      prepare: async (p) => {
        await p.route("**/" + path, async (route) => {
          const response = await route.fetch();
          const headers = { ...response.headers(), "content-security-policy":
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'" };
          await route.fulfill({ response, headers });
        });
        await p.addInitScript(() => {
          globalThis.violations = [];
          document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
        });
      },
    });
    try {
      await page.waitForSelector(sel + ".dh-panel:not(.dh-static)", { timeout: 20000 });
      await page.fill(sel + "#dh-birth-date", "2015-09-01");
      await page.click(sel + "#dh-birth-next");
      await page.click(sel + "#dh-section-error");
      await page.waitForSelector(sel + "#dh-error-pick", { timeout: 15000 });
      assert.deepEqual(await page.evaluate(() => violations), []);
      assert.deepEqual(log.uncaught, []);
      assert.deepEqual(foreignRequests(log, env.origin), []);
    } finally {
      await context.close();
    }
  });
}

test("an edited or foreign-language copy is drawn anew, still keeping the typed date", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html");
  try {
    const result = await page.evaluate(async (markup) => {
      const host = document.createElement("div");
      document.body.append(host);
      // Parsed as the host's HTML would be: no script of ours involved.
      const copy = new DOMParser().parseFromString(`<body>${markup}`, "text/html").body.firstElementChild;
      copy.querySelector("h2").textContent = "Позвоните +7 900 000-00-00"; // edited by someone
      host.append(document.adoptNode(copy));
      host.querySelector("#dh-birth-date").value = "2011-02-03";
      const { start } = await import("/pkg/widget/diary-help-start.js");
      const panel = start(host, { lang: "ru" });
      const adopted = host.querySelector("section.dh-static") === copy;
      const title = host.querySelector("#dh-title").textContent;
      const value = host.querySelector("#dh-birth-date").value;
      await panel;
      return { adopted, title, value, after: host.querySelector("#dh-birth-date")?.value };
    }, snippet("en"));
    assert.equal(result.adopted, false, "not adopted as it is");
    assert.doesNotMatch(result.title, /Позвоните/);
    assert.equal(result.value, "2011-02-03");
    assert.equal(result.after, "2011-02-03");
    assert.deepEqual(log.uncaught, []);
  } finally {
    await context.close();
  }
});

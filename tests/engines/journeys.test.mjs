// The main journeys of tests/e2e/ in the other engines (issue 26): Firefox
// ESR, WebKitGTK (the current Safari generation) and WPE WebKit 2.38 (the
// Safari 16.0 generation), each driven through WebDriver by
// selenium-webdriver against the served index.html, element.html and a
// blank page that mounts the panel. The journeys: the guide for each age
// path (under 14, 14–17, 18+), «Ваш дневник не найден» explained, the
// password checklist and its meter, a СНИЛС checked, the element's guide
// in its shadow root, the lazily loaded sections, the panel in English, and
// WebAssembly switched off (the host's fallback stays with the static
// guide beside it, its login works).
// Chromium runs the same journeys (and more) in tests/e2e/.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync } from "node:fs";
import { startServer } from "../../scripts/serve.mjs";
import { selectedEngines, startEngine } from "./engines.mjs";
import { meterColour } from "./png.mjs";

const ARTIFACTS = new URL("../artifacts/", import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });
const report = [];

let server;
let base;
before(async () => { ({ server, url: base } = await startServer()); });
after(async () => {
  writeFileSync(new URL("engines.json", ARTIFACTS), JSON.stringify(report, null, 2));
  await new Promise((ok) => server.close(ok));
});

/** A birth date `years` (and a few days) ago, in local time, as YYYY-MM-DD. */
function born(years) {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - 3);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** `YYYY-MM-DDTHH:MM`, `days` ago, in local time. */
function ago(days) {
  const d = new Date(Date.now() - days * 86400000);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

// Runs in the page: the panel's root (the element's shadow root, or the document).
const ROOT = "const help = document.querySelector('diary-login-help'); const root = help ? help.shadowRoot : document;";

/** Driving one session: queries in the panel's root, waits, typed input. */
function pageOf(driver) {
  const self = {
    open: async (path) => {
      await driver.get(new URL(path, base).href);
      // Errors that reach the page from here on (a trap in an event handler
      // is reported as the window's error event).
      await driver.executeScript(`
        window.__uncaught = [];
        addEventListener("error", (e) => window.__uncaught.push(String(e.message || e.error)));
        addEventListener("unhandledrejection", (e) => window.__uncaught.push("unhandled: " + String(e.reason)));`);
    },
    uncaught: () => driver.executeScript("return window.__uncaught || []"),
    run: (body, ...args) => driver.executeScript(`${ROOT} ${body}`, ...args),
    el: (sel) => self.run("return root.querySelector(arguments[0])", sel),
    has: async (sel) => (await self.el(sel)) !== null,
    text: (sel) => self.run("const e = root.querySelector(arguments[0]); return e ? e.textContent : null", sel),
    attr: (sel, name) => self.run("const e = root.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null", sel, name),
    waitFor: async (sel, timeout = 15000) => {
      await driver.wait(async () => self.has(sel), timeout, `waiting for ${sel}`);
      return self.el(sel);
    },
    until: (body, timeout = 15000, what = body) => driver.wait(async () => self.run(body), timeout, `waiting until ${what}`),
    click: async (sel) => (await self.waitFor(sel)).click(),
    type: async (sel, text) => (await self.waitFor(sel)).sendKeys(text),
    clear: async (sel) => (await self.waitFor(sel)).clear(),
    /**
     * A date (`YYYY-MM-DD`) or date and time (`YYYY-MM-DDTHH:MM`) as a person
     * enters it: the picker's value where there is a picker, else typed as
     * ДД.ММ.ГГГГ [ЧЧ:ММ] into the text box the browser shows instead.
     */
    date: async (sel, iso) => {
      const el = await self.waitFor(sel);
      const kind = await self.run("return root.querySelector(arguments[0]).type", sel);
      if (kind === "date" || kind === "datetime-local") {
        // A picker cannot be typed into portably; set it as a pick does.
        await self.run(`const i = root.querySelector(arguments[0]); i.value = arguments[1];
          i.dispatchEvent(new Event("input", { bubbles: true })); i.dispatchEvent(new Event("change", { bubbles: true }));`, sel, iso);
        assert.equal(await self.run("return root.querySelector(arguments[0]).value", sel), iso, "the picker took the value");
        return "picker";
      }
      const [date, time] = iso.split("T");
      const [y, m, d] = date.split("-");
      await el.clear();
      await el.sendKeys(`${d}.${m}.${y}${time ? " " + time : ""}`);
      return "typed";
    },
  };
  return self;
}

/** The guide: the birth date, then each question from `plan` or «Не знаю», until the plan. */
async function guide(page, birth, plan = {}) {
  const how = await page.date("#dh-birth-date", birth);
  await page.click("#dh-birth-next");
  const asked = [];
  for (let i = 0; i < 12; i++) {
    await page.waitFor(".dh-ask, #dh-now-title");
    const heading = await page.attr(".dh-ask h3[id^=dh-q-]", "id");
    if (heading === null) {
      if (await page.has("#dh-birth-yes")) { await page.click("#dh-birth-yes"); continue; }
      if (await page.has("#dh-now-title")) break;
      // The birth date refused: say what the panel says.
      throw new Error(`the guide stopped at the birth date (${how}): ${await page.text(".dh-ask")}`);
    }
    const q = heading.replace(/^dh-q-/, "").replace(/-title$/, "");
    asked.push(q);
    const before = heading;
    if (q === "check_requested_at" && q in plan) {
      await page.date("#dh-q-check_requested_at", plan[q]);
      await page.click("#dh-q-next");
    } else await page.click(q in plan ? `#dh-a-${q}-${plan[q]}` : "#dh-a-unknown");
    // The next question (or the plan) replaces this one.
    await page.until(`const h = root.querySelector(".dh-ask h3[id^=dh-q-]"); return !h || h.id !== arguments[0] || !!root.querySelector("#dh-now-title");`
      .replace("arguments[0]", JSON.stringify(before)), 5000, `the question after ${q}`);
  }
  await page.waitFor("#dh-now-title", 5000);
  return { asked, how };
}

const shownSteps = (page) => page.run(`return [...root.querySelectorAll(".dh-plan > li")].map((li) => li.dataset.step + ":" + li.dataset.state)`);

/** The same situation through the shipped rules module, in the same engine. */
const assessed = (driver, input) => driver.executeAsyncScript(`
  const done = arguments[arguments.length - 1];
  import("/pkg/rules/diary_rules.js").then(async (rules) => {
    await rules.default();
    const a = rules.assessEligibility(arguments[0]);
    done({ steps: a.steps.map((s) => s.id + ":" + s.state), next: a.next });
  }, (e) => done({ error: String(e) }));`, input);

const PATHS = [
  {
    name: "the guide for a parent of a 10-year-old (under 14)",
    path: "index.html?region=kuzbass",
    birth: born(10),
    plan: { parent_account: "confirmed", student_account: "none", certificate_status: "checking", snils_status: "searching", check_requested_at: ago(1) },
    input: { role: "parent", region: "kuzbass" },
    next: "certificate_check",
  },
  {
    name: "the guide for a student of 15 (14–17)",
    path: "index.html?region=orenburg&role=student",
    birth: born(15),
    plan: { student_account: "none" },
    input: { role: "student", region: "orenburg" },
    next: "student_register",
  },
  {
    name: "the guide for a student of 18 (18+)",
    path: "index.html?region=kuzbass&role=student",
    birth: born(18),
    plan: { student_account: "none" },
    input: { role: "student", region: "kuzbass" },
    next: "adult_account",
  },
];

const camel = (q) => q.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

for (const name of selectedEngines()) {
  describe(name, () => {
    let engine;
    let page;
    before(async () => {
      engine = await startEngine(name);
      page = pageOf(engine.driver);
      report.push({ engine: name, label: engine.label, version: engine.version });
    });
    after(async () => { await engine?.quit(); });

    const ready = async () => {
      await page.until("return document.documentElement.dataset.widget === 'ready' || document.documentElement.dataset.widget === 'failed'", 20000, "the panel starts");
      assert.equal(await page.run("return document.documentElement.dataset.widget"), "ready", "the panel started");
      await page.waitFor(".dh-panel [role=tabpanel]");
    };
    const fresh = async (path) => {
      await page.open(path);
      await page.run("localStorage.clear(); sessionStorage.clear()");
      await page.open(path);
    };
    const noErrors = async () => assert.deepEqual(await page.uncaught(), [], "nothing uncaught reaches the page");

    for (const p of PATHS) {
      test(p.name, async () => {
        await fresh(p.path);
        await ready();
        const { asked, how } = await guide(page, p.birth, p.plan);
        const input = { ...p.input, birthDate: p.birth };
        for (const q of asked) if (q in p.plan) input[camel(q)] = p.plan[q];
        const expected = await assessed(engine.driver, input);
        assert.equal(expected.error, undefined, expected.error);
        assert.equal(expected.next, p.next, "the rules' next step");
        assert.equal(await page.attr(".dh-plan > li[aria-current=step]", "data-step"), p.next, "the panel's next step");
        assert.deepEqual(await shownSteps(page), expected.steps, "the plan equals assessEligibility");
        assert.equal(await page.run("return document.activeElement && document.activeElement.id"), "dh-now-title", "focus on the next step");
        await noErrors();
        report.push({ engine: name, journey: p.name, birthDate: how, asked });
      });
    }

    test("a birth date typed as ДД.ММ.ГГГГ is kept, and one that is not a date is said so", async () => {
      await fresh("index.html?region=kuzbass");
      await ready();
      const field = await page.waitFor("#dh-birth-date");
      const picker = await page.run("return root.querySelector('#dh-birth-date').type === 'date'");
      report.push({ engine: name, birthDateField: picker ? "date picker" : "text box" });
      if (picker) {
        // A picker takes no typing; the text-box form is what the other engines get.
        assert.equal(await page.attr("#dh-birth-date", "type"), "date");
        return;
      }
      // No picker: the format is shown, a typed value stays, a bad one is refused by name.
      assert.match(await page.attr("#dh-birth-date", "placeholder") ?? "", /ДД\.ММ\.ГГГГ/);
      await field.sendKeys("31.02.2016");
      await page.click("#dh-birth-next");
      await page.until("return root.querySelector('#dh-birth-date-error').textContent.trim() !== ''", 5000, "an error for 31.02");
      assert.equal(await page.run("return root.querySelector('#dh-birth-date').value"), "31.02.2016", "the typed value stays");
      await page.clear("#dh-birth-date");
      await page.type("#dh-birth-date", "03.12.2016");
      await page.click("#dh-birth-next");
      await page.waitFor(".dh-ask h3[id^=dh-q-]", 5000);
      assert.match(await page.text(".dh-summary"), /03\.12\.2016/);
      await noErrors();
    });

    test("«Ваш дневник не найден» is explained", async () => {
      await fresh("index.html?region=kuzbass");
      await ready();
      await page.click("#dh-section-error");
      const pick = await page.waitFor("#dh-error-pick");
      await page.run(`const s = root.querySelector("#dh-error-pick"); s.value = "diary_not_found"; s.dispatchEvent(new Event("change", { bubbles: true }));`);
      assert.ok(pick);
      await page.waitFor("#dh-explanation-title");
      assert.match(await page.text("#dh-explanation-title"), /Дневник не найден/);
      // Typed text finds it too.
      await page.clear("#dh-error-text");
      await page.type("#dh-error-text", "Ваш днивник не найден");
      await page.click("#dh-error-explain");
      await page.until("return /не найден/.test(root.querySelector('#dh-explanation-title')?.textContent ?? '')", 5000);
      await noErrors();
    });

    test("the password checklist follows the keys; the meter colours each score alike", async () => {
      await fresh("index.html");
      await ready();
      await page.click("#dh-section-password");
      await page.waitFor("#dh-pw");
      const failed = () => page.run("return root.querySelectorAll('#dh-pw-rules li.dh-fail').length");
      assert.equal(await failed(), 5);
      const seen = [];
      for (const key of "Tamo-pibu42") {
        await page.type("#dh-pw", key);
        seen.push(await failed());
      }
      assert.equal(seen.at(-1), 0, seen.join());
      assert.ok(new Set(seen).size >= 3, `the checklist changed while typing: ${seen.join()}`);
      assert.match(await page.text("#dh-pw-summary"), /подходит/);
      // The meter: the same colour for the same score in every engine
      // (Firefox counts a value equal to `high` as sub-optimum).
      const colours = {};
      for (const pw of ["qwerty", "kot-sobaka", "Gorod2019", "Zvezda-lesnaya", "korova-mylo-7"]) {
        await page.clear("#dh-pw");
        await page.type("#dh-pw", pw);
        const value = await page.run("return Number(root.querySelector('#dh-pw-strength').value)");
        // Scrolled to the middle; the rect read again after the shot must match
        // (a scroll still moving would misplace it).
        await page.run("root.querySelector('#dh-pw-strength').scrollIntoView({ block: 'center' })");
        const where = () => page.run(`const r = root.querySelector('#dh-pw-strength').getBoundingClientRect(); const k = devicePixelRatio;
          return { left: r.left * k, right: r.right * k, top: r.top * k, bottom: r.bottom * k };`);
        let rect, shot;
        for (let tries = 0; tries < 20; tries++) {
          rect = await where();
          // Two frames and a moment, so the shot shows the scrolled page.
          await engine.driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));");
          shot = Buffer.from(await engine.driver.takeScreenshot(), "base64");
          if (JSON.stringify(rect) === JSON.stringify(await where())) break;
        }
        writeFileSync(new URL(`meter-${name}-${value}.png`, ARTIFACTS), shot);
        colours[value] = meterColour(shot, rect);
      }
      report.push({ engine: name, meter: colours });
      for (const [value, colour] of Object.entries(colours)) {
        const expect = Number(value) >= 3 ? "green" : Number(value) === 2 ? "yellow" : Number(value) === 1 ? "red" : /^(red|none)$/;
        if (expect instanceof RegExp) assert.match(colour, expect, `meter at ${value}/4: ${JSON.stringify(colours)}`);
        else assert.equal(colour, expect, `meter at ${value}/4: ${JSON.stringify(colours)}`);
      }
      await noErrors();
    });

    test("a СНИЛС gets its verdict", async () => {
      await fresh("index.html");
      await ready();
      await page.click("#dh-section-data");
      await page.type("#dh-snils", "112-233-445 95");
      await page.until("return /верно/.test(root.querySelector('#dh-snils-verdict')?.textContent ?? '')", 5000, "«верно»");
      await page.clear("#dh-snils");
      await page.type("#dh-snils", "112 233 445 96");
      await page.until("return /не бывает/.test(root.querySelector('#dh-snils-verdict')?.textContent ?? '')", 5000, "«не бывает»");
      assert.equal(await page.attr("#dh-snils-verdict", "role"), "status");
      await noErrors();
    });

    test("the element runs the guide in its shadow root and follows its attributes", async () => {
      await fresh("element.html");
      await page.until("return document.querySelector('diary-login-help').dataset.state === 'ready'", 20000, "the element is ready");
      assert.match(await page.text(".dh-title"), /Вход в дневник через Госуслуги/);
      assert.equal(await page.run("return getComputedStyle(root.querySelector('.dh-panel')).borderRadius"), "12px", "its stylesheet applies");
      await guide(page, born(10));
      assert.match(await page.text(".dh-path"), /создаёт родитель/);
      await page.run("help.setAttribute('lang', 'en')");
      await page.until("return root.querySelector('.dh-title').textContent.startsWith('Logging')", 5000, "English");
      await noErrors();
    });

    test("the sections after the first screen load on first use", async () => {
      await fresh("index.html");
      await ready();
      for (const [section, field] of [["password", "#dh-pw"], ["data", "#dh-snils"]]) {
        await page.click(`#dh-section-${section}`);
        await page.waitFor(field, 10000);
      }
      const loaded = await page.run("return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('sections'))");
      assert.ok(loaded.includes("/pkg/widget/diary_help_sections_bg.wasm"), JSON.stringify(loaded));
      assert.equal(await page.run("return root.querySelectorAll('.dh-lazy-status').length"), 0);
      await noErrors();
    });

    test("in English: the panel and its sections", async () => {
      await page.open("tests/e2e/blank.html");
      await engine.driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: "/pkg/widget/diary-help.css" });
        document.head.append(link);
        import("/pkg/widget/diary_help.js").then(async (m) => {
          await m.default();
          m.mount(document.body.appendChild(document.createElement("div")), { lang: "en" });
          done();
        }, (e) => done(String(e)));`);
      await page.until("return (document.querySelector('.dh-title')?.textContent ?? '').startsWith('Logging')", 10000, "the English title");
      const latin = /^“?[A-Z][a-z]/;
      for (const [section, label] of [["password", "label[for=dh-pw]"], ["data", "label[for=dh-snils]"], ["error", "label[for=dh-error-pick]"]]) {
        await page.click(`#dh-section-${section}`);
        await page.waitFor(label, 10000);
        await page.until(`return /^“?[A-Z][a-z]/.test(root.querySelector(${JSON.stringify(label)}).textContent.trim())`, 5000, `${section} in English`);
        assert.match((await page.text(label)).trim(), latin, section);
      }
      await noErrors();
    });
  });

  describe(`${name} without WebAssembly`, () => {
    let engine;
    let page;
    before(async () => {
      engine = await startEngine(name, { wasm: false });
      page = pageOf(engine.driver);
    });
    after(async () => { await engine?.quit(); });

    test("the demo page keeps its fallback, shows the static guide, and its login works", async () => {
      await page.open("index.html");
      assert.equal(await page.run("return typeof WebAssembly"), "undefined", "WebAssembly is off");
      await page.until("return document.documentElement.dataset.widget === 'failed'", 15000, "the panel gives up");
      assert.match(await page.text("#diary-help"), /Вход в дневник — только через Госуслуги/);
      assert.equal(await page.has(".dh-panel:not(.dh-static-guide)"), false);
      await staticGuide(page);
      await page.click("#gosuslugi-login");
      await page.until("return (document.querySelector('#login-status')?.textContent ?? '').includes('Госуслуг')", 5000);
      await noErrorsOf(page);
    });

    test("the element keeps its light-DOM fallback, with the static guide beside it", async () => {
      await page.open("element.html");
      await page.until("return document.querySelector('diary-login-help').dataset.state === 'failed'", 15000, "the element gives up");
      assert.match(await page.run("return document.querySelector('diary-login-help .help-fallback').textContent"), /только через Госуслуги/);
      assert.equal(await page.run("return document.querySelector('diary-login-help .help-fallback').getBoundingClientRect().height > 0"), true, "visible");
      await staticGuide(page);
      await noErrorsOf(page);
    });
  });
}

/** The static guide (diary-help-start.js without WebAssembly): choose an age, see the whole plan. */
async function staticGuide(page) {
  await page.waitFor(".dh-static-guide input[name=dh-static-age][value=parent_creates_account]");
  await page.click(".dh-static-guide input[name=dh-static-age][value=parent_creates_account]");
  await page.until("return root.querySelectorAll('.dh-static-steps > li').length >= 3", 5000, "the plan shows");
  assert.match(await page.text(".dh-static-steps"), /Создать/);
  assert.equal(await page.run("return root.querySelector('.dh-static-guide').getBoundingClientRect().height > 0"), true, "visible");
}

async function noErrorsOf(page) {
  assert.deepEqual(await page.uncaught(), [], "nothing uncaught reaches the page");
}

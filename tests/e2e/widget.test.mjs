// The panel's user journeys on the demo page, driven by a real keyboard and
// mouse: the wizard for a parent and for a student, an error explained, the
// password checklist, keyboard-only tabs; no foreign requests, no console
// errors, no serious axe-core violations, no horizontal scroll at 320 px,
// and screenshots of every section at 360×640 and 1280×800.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { setUp, tearDown, openPage, foreignRequests, computedStyles, ARTIFACTS } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const SECTIONS = [
  ["next", "Что делать сейчас"],
  ["error", "Я вижу ошибку"],
  ["password", "Пароль"],
  ["data", "Проверить данные"],
];

const bornYearsAgo = (years) => `${new Date().getFullYear() - years}-01-01`;

async function ready(page) {
  await page.waitForSelector("html[data-widget=ready]", { timeout: 15000 });
  await page.waitForSelector(".dh-panel [role=tabpanel]");
}

function clean(log) {
  assert.deepEqual(log.errors, [], "no console errors");
  assert.deepEqual(foreignRequests(log, env.origin), [], "no requests to other hosts");
}

/** Steps of the plan as { title, state, status, next }. */
const stepsOf = (page) => page.$$eval(".dh-plan > li", (items) => items.map((li) => ({
  title: li.querySelector(".dh-step-title").textContent,
  state: li.dataset.state,
  status: li.querySelector(".dh-status").textContent,
  next: li.getAttribute("aria-current") === "step",
})));

/**
 * The guide (`root`: the page or a locator): the birth date, then each
 * question as it comes, answered from `plan` or «Не знаю», until the plan.
 */
async function guide(root, birth, plan = {}) {
  await root.locator("#dh-birth-date").fill(birth);
  await root.locator("#dh-birth-next").click();
  for (let i = 0; i < 12; i++) {
    await root.locator(".dh-ask, #dh-now-title").first().waitFor();
    const heading = root.locator(".dh-ask h3[id^=dh-q-]");
    if ((await heading.count()) === 0) break;
    const q = (await heading.getAttribute("id")).replace(/^dh-q-/, "").replace(/-title$/, "");
    if (!(q in plan)) await root.locator("#dh-a-unknown").click();
    else if (q === "check_requested_at") {
      await root.locator("#dh-q-check_requested_at").fill(plan[q]);
      await root.locator("#dh-q-next").click();
    } else await root.locator(`#dh-a-${q}-${plan[q]}`).click();
  }
  await root.locator("#dh-now-title").waitFor();
}

/** Puts something in every section, so axe and the screenshots see results. */
async function fillSection(page, id) {
  if (id === "next") {
    if (await page.$("#dh-now-title")) await page.click("#dh-forget");
    await guide(page, bornYearsAgo(10), { certificate_status: "checking", check_requested_at: "2020-03-02T10:00" });
    // Overdue: the card says so in its text, with the wait folded under it.
    await page.waitForSelector(".dh-overdue", { state: "attached" });
  } else if (id === "error") {
    await page.selectOption("#dh-error-pick", "diary_not_found");
    await page.waitForSelector("#dh-explanation-title");
  } else if (id === "password") {
    await page.locator("#dh-pw").pressSequentially("Пароль 1");
    await page.locator("#dh-pw-confirm").pressSequentially("Gfhjkm");
    await page.click("#dh-gen-memorable");
    await page.waitForSelector("#dh-pw-generated");
  } else if (id === "data") {
    await page.locator("#dh-snils").pressSequentially("112-233-445 59");
    await page.locator("#dh-cert").pressSequentially("ХII-MЮ № 123456");
    await page.fill("#dh-rec-diary-last_name", "Семенова");
    await page.fill("#dh-rec-diary-first_name", "Анна");
    await page.fill("#dh-rec-gosuslugi-last_name", "Семёнова");
    await page.fill("#dh-rec-gosuslugi-first_name", "Анна");
    await page.click("#dh-rec-compare");
    await page.waitForSelector(".dh-differences li");
  }
}

test("the shipped diary-help.css (minified by the build) styles every section exactly as its source", async () => {
  const source = readFileSync(new URL("../../web/diary-help.css", import.meta.url), "utf8");
  const seen = [];
  for (const shipped of [true, false]) {
    const { page, context } = await openPage(env, "index.html?region=kuzbass", {
      viewport: { width: 360, height: 640 },
      prepare: shipped ? undefined : (p) => p.route("**/pkg/widget/diary-help.css", (r) => r.fulfill({ contentType: "text/css", body: source })),
    });
    try {
      await ready(page);
      const styles = [];
      for (const [id] of SECTIONS) {
        await page.click(`#dh-section-${id}`);
        await page.locator(`#dh-section-${id}-panel`).waitFor();
        // As fillSection, without the generator (its random words would change the sizes).
        if (id === "password") await page.locator("#dh-pw").pressSequentially("Пароль 1");
        else await fillSection(page, id);
        styles.push(await computedStyles(page, ".dh-panel, .dh-panel *"));
      }
      seen.push(styles);
    } finally {
      await context.close();
    }
  }
  const [shipped, source_] = seen;
  for (let s = 0; s < SECTIONS.length; s++) {
    const differ = source_[s].filter((line, i) => shipped[s][i] !== line).slice(0, 10);
    assert.deepEqual(differ, [], `${SECTIONS[s][0]}: styled otherwise by the shipped sheet`);
    assert.equal(shipped[s].length, source_[s].length, SECTIONS[s][0]);
  }
});

test("a parent of a 10-year-old reaches «Создать» with the reasons it is missing", async () => {
  const { page, context, log } = await openPage(env, "index.html?region=kuzbass");
  await ready(page);
  assert.equal(await page.getAttribute("#dh-section-next", "aria-selected"), "true", "the guide opens first");
  assert.equal(await page.$(".dh-ask h3[id^=dh-q-]"), null, "only the birth date is asked at first");
  await guide(page, bornYearsAgo(10), { parent_account: "confirmed", student_account: "none", certificate_status: "checking" });
  assert.match(await page.textContent(".dh-path"), /создаёт родитель/);
  const steps = await stepsOf(page);
  const create = steps.find((s) => s.title.includes("«Создать»"));
  assert.ok(create, JSON.stringify(steps));
  assert.equal(create.state, "blocked");
  const next = steps.find((s) => s.next);
  assert.match(next.title, /свидетельства/);
  assert.match(next.status, /ждём/);
  assert.match(await page.textContent("#dh-now-title"), /свидетельства/);
  const reasons = await page.textContent(".dh-create");
  assert.match(reasons, /«Проверка данных»/);
  assert.match(reasons, /СНИЛС/);
  // Links into Gosuslugi and the region's diary open in a new tab.
  const links = await page.$$eval(".dh-result a, .dh-region a", (as) => as.map((a) => [a.href, a.target, a.rel]));
  assert.ok(links.some(([href]) => href.startsWith("https://www.gosuslugi.ru/")), JSON.stringify(links));
  assert.ok(links.some(([href]) => href.includes("ruobr.ru")), JSON.stringify(links));
  assert.ok(links.every(([, target, rel]) => target === "_blank" && rel === "noopener noreferrer"));
  // The wait estimate: an old request is overdue.
  await page.click("#dh-change-check_requested_at");
  await page.fill("#dh-q-check_requested_at", "2020-03-02T10:00");
  await page.click("#dh-q-next");
  assert.match(await page.textContent(".dh-wait"), /в поддержку/);
  clean(log);
  await context.close();
});

test("a 15-year-old student gets the link-and-consent path", async () => {
  const { page, context, log } = await openPage(env, "index.html?role=student", { viewport: { width: 360, height: 640 } });
  await ready(page);
  await guide(page, bornYearsAgo(15), { student_account: "own_unlinked" });
  assert.match(await page.textContent(".dh-path"), /привязывает/);
  const titles = (await stepsOf(page)).map((s) => s.title).join(" | ");
  assert.match(titles, /код/i);
  assert.match(titles, /[Сс]огласие/);
  assert.doesNotMatch(titles, /кнопка «Создать»/);
  const next = (await stepsOf(page)).find((s) => s.next);
  assert.match(next.title, /родителя/);
  clean(log);
  await context.close();
});

test("a pasted, typo'd «Ваш днивник не найден» gets its explanation", async () => {
  const { page, context, log } = await openPage(env, "index.html");
  await ready(page);
  await page.getByRole("tab", { name: "Я вижу ошибку" }).click();
  await page.getByLabel("Или текст ошибки (можно вставить)").click();
  await page.keyboard.insertText("Ваш днивник не найден. Чтобы решить проблему, попросите родителей");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#dh-explanation-title");
  assert.match(await page.textContent("#dh-explanation-title"), /Дневник не найден/);
  assert.ok((await page.$$(".dh-explanation ol li")).length > 0);
  // Focus moved to the answer.
  assert.equal(await page.evaluate(() => document.activeElement.id), "dh-explanation-title");
  // Unrecognised text points to the list («Неверный логин или пароль» now has
  // its own answer: the diary's own login was switched off).
  await page.fill("#dh-error-text", "Сервис временно недоступен, повторите попытку позже");
  await page.click("#dh-error-explain");
  await page.waitForSelector(".dh-unknown");
  await page.click(".dh-unknown button");
  assert.equal(await page.evaluate(() => document.activeElement.id), "dh-error-pick");
  clean(log);
  await context.close();
});

test("explanations when unsure: maybe one of these, two candidates, a long paste", async () => {
  const { page, context, log } = await openPage(env, "index.html");
  await ready(page);
  await page.getByRole("tab", { name: "Я вижу ошибку" }).click();
  const explain = async (text) => {
    await page.fill("#dh-error-text", text);
    await page.click("#dh-error-explain");
  };
  // Not recognised: says so, suggests the closest entries and whom to ask
  // on each side (Gosuslugi support, the diary's side).
  await explain("Что-то с кодом привязки");
  await page.waitForSelector(".dh-unknown .dh-maybe");
  assert.match(await page.textContent(".dh-unknown"), /не узнали|не распознали|Не удалось/i);
  const maybe = await page.$$eval(".dh-maybe li", (l) => l.map((li) => li.textContent));
  assert.ok(maybe.length >= 1 && maybe.length <= 3, maybe.join(" | "));
  assert.ok(maybe.some((m) => /привязк/i.test(m)), maybe.join(" | "));
  assert.ok((await page.textContent(".dh-ask-gosuslugi")).trim().length > 0);
  assert.ok((await page.textContent(".dh-ask-diary")).trim().length > 0);
  // Two entries about as likely: both shown.
  await explain("Код привязки истёк, номер уже используется");
  await page.waitForSelector(".dh-also");
  assert.match(await page.textContent("#dh-explanation-title"), /привязк/i);
  assert.ok((await page.textContent(".dh-also")).trim().length > 0);
  // A whole page pasted, the message at its end past 2,000 characters.
  const long = `${"Новости школы, расписание и объявления. ".repeat(150)} Ошибка входа: Дневник не найден.`;
  assert.ok(long.length > 2000);
  await explain(long);
  await page.waitForFunction(() => /Дневник не найден/.test(document.querySelector(".dh-recognised")?.textContent ?? ""));
  assert.match(await page.textContent("#dh-explanation-title"), /Дневник не найден/);
  assert.equal(await page.$(".dh-also"), null);
  clean(log);
  await context.close();
});

test("an error in the page URL opens its explanation directly", async () => {
  const { page, context, log } = await openPage(env, "index.html?error=" + encodeURIComponent("Не найден в СФР"));
  await ready(page);
  assert.equal(await page.getAttribute("#dh-section-error", "aria-selected"), "true");
  assert.match(await page.textContent("#dh-explanation-title"), /СФР/);
  clean(log);
  await context.close();
});

test("the password checklist updates as keys are typed", async () => {
  const { page, context, log } = await openPage(env, "index.html");
  await ready(page);
  await page.getByRole("tab", { name: "Пароль" }).click();
  const field = page.locator("#dh-pw");
  await field.waitFor();
  const failed = () => page.$$eval("#dh-pw-rules li.dh-fail", (l) => l.length);
  assert.equal(await failed(), 5);
  await field.focus();
  const seen = [];
  for (const key of "Tamo-pibu42") {
    await page.keyboard.type(key);
    seen.push(await failed());
  }
  assert.equal(seen.at(-1), 0, seen.join());
  assert.ok(new Set(seen).size >= 3, `the checklist changed while typing: ${seen.join()}`);
  assert.match(await page.textContent("#dh-pw-summary"), /подходит/);
  assert.equal(await field.getAttribute("type"), "password");
  await page.getByRole("button", { name: "Показать пароль" }).click();
  assert.equal(await field.getAttribute("type"), "text");
  await page.getByRole("button", { name: "Скрыть пароль" }).click();
  assert.equal(await field.getAttribute("type"), "password");
  // A mismatch shows on leaving the confirmation, not while typing.
  await page.locator("#dh-pw-confirm").pressSequentially("Tamo-pib");
  assert.equal(await page.isVisible("#dh-pw-confirm-verdict .dh-bad"), false);
  await page.keyboard.press("Tab");
  assert.equal(await page.isVisible("#dh-pw-confirm-verdict .dh-bad"), true);
  // The Russian layout warning with the fixed text.
  await field.fill("");
  await field.pressSequentially("Пароль");
  assert.match(await page.textContent("#dh-pw-warnings"), /Gfhjkm/);
  // The layout fix comes first: it says what to do; the refused letters after it (issue 24).
  const warned = await page.$$eval("#dh-pw-warnings li", (lis) => lis.map((li) => li.textContent));
  assert.match(warned[0], /русская раскладка.*Gfhjkm/, warned.join(" | "));
  assert.ok(warned.slice(1).some((w) => /Этих знаков нет в списке/.test(w)), warned.join(" | "));
  // Nothing is stored.
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes("Gfhjkm") || JSON.stringify(localStorage).includes("Пароль")), false);
  clean(log);
  await context.close();
});

test("keyboard only: through the tabs and into a section", async () => {
  const { page, context, log } = await openPage(env, "index.html");
  await ready(page);
  // Tab from the start of the page until the role tabs.
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement.id)) !== "dh-role-parent"; i++) {
    await page.keyboard.press("Tab");
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), "dh-role-parent");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "visible focus");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getAttribute("#dh-role-guardian", "aria-selected"), "true");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getAttribute("#dh-role-student", "aria-selected"), "true");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "dh-section-next");
  const order = [];
  for (const key of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight", "End", "Home"]) {
    await page.keyboard.press(key);
    order.push(await page.evaluate(() => document.activeElement.id));
  }
  assert.deepEqual(order, ["dh-section-error", "dh-section-password", "dh-section-data", "dh-section-next",
    "dh-section-data", "dh-section-next"]);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Tab"); // the section panel
  await page.keyboard.press("Tab"); // its first field
  assert.equal(await page.evaluate(() => document.activeElement.id), "dh-error-pick");
  await page.keyboard.press("ArrowDown");
  await page.waitForSelector("#dh-explanation-title");
  clean(log);
  await context.close();
});

for (const viewport of [{ width: 360, height: 640 }, { width: 1280, height: 800 }]) {
  test(`every section at ${viewport.width}×${viewport.height}: axe-core, screenshots`, async () => {
    const { page, context, log } = await openPage(env, "index.html", { viewport, contextOptions: { bypassCSP: true } });
    await ready(page);
    await page.addScriptTag({ path: AXE });
    for (const [id, name] of SECTIONS) {
      await page.getByRole("tab", { name, exact: true }).click();
      await fillSection(page, id);
      const result = await page.evaluate(() => window.axe.run(".dh-panel", { resultTypes: ["violations"] }));
      const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [], `axe in ${id}`);
      await page.screenshot({ path: new URL(`widget-${id}-${viewport.width}x${viewport.height}.png`, ARTIFACTS).pathname, fullPage: true });
    }
    clean(log);
    await context.close();
  });
}

test("no horizontal scroll at 320 px in any section", async () => {
  const { page, context, log } = await openPage(env, "index.html", { viewport: { width: 320, height: 640 } });
  await ready(page);
  for (const [id, name] of SECTIONS) {
    await page.getByRole("tab", { name, exact: true }).click();
    await fillSection(page, id);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${id}: horizontal overflow of ${overflow}px`);
  }
  clean(log);
  await context.close();
});

test("answers survive a reload; «Забыть мои ответы» clears them; nothing personal is stored", async () => {
  const { page, context, log } = await openPage(env, "index.html");
  await ready(page);
  await guide(page, bornYearsAgo(10), { certificate_status: "checking" });
  await page.getByRole("tab", { name: "Проверить данные", exact: true }).click();
  await page.locator("#dh-snils").pressSequentially("112-233-445 95");
  await page.fill("#dh-rec-diary-last_name", "Иванова");
  await page.getByRole("tab", { name: "Пароль", exact: true }).click();
  await page.locator("#dh-pw").pressSequentially("Secret-pass1");
  const stored = await page.evaluate(() => ({ ...localStorage }));
  assert.deepEqual(Object.keys(stored), ["diary-login-help:v1"]);
  const value = JSON.parse(stored["diary-login-help:v1"]);
  // The birth date is kept for the tab only (no «Запомнить» tick).
  assert.equal(value.birthDate, undefined);
  const tab = JSON.parse(await page.evaluate(() => sessionStorage.getItem("diary-login-help:v1")));
  assert.equal(tab.birthDate, bornYearsAgo(10));
  assert.deepEqual(value.answers, { certificate_status: "checking" });
  assert.equal(value.section, "password");
  assert.ok(Array.isArray(value.unknown) && value.unknown.length > 0, JSON.stringify(value));
  assert.deepEqual(Object.keys(value).sort(), ["answers", "role", "section", "unknown"]);
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute("#dh-section-password", "aria-selected"), "true", "the section is remembered");
  await page.getByRole("tab", { name: "Что делать сейчас", exact: true }).click();
  assert.match(await page.textContent(".dh-summary"), /«Проверка данных»/);
  await page.getByRole("button", { name: "Забыть мои ответы" }).click();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.equal(await page.inputValue("#dh-birth-date"), "");
  assert.match(await page.textContent(".dh-remember [role=status]"), /забыты/);
  clean(log);
  await context.close();
});

test("the custom element runs the wizard inside its shadow root", async () => {
  const { page, context, log } = await openPage(env, "element.html");
  await page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 15000 });
  const help = page.locator("diary-login-help");
  await guide(help, bornYearsAgo(10));
  assert.match(await help.locator(".dh-path").textContent(), /создаёт родитель/);
  await page.evaluate(() => document.querySelector("diary-login-help").setAttribute("error", "Дневник не найден"));
  await help.locator("#dh-explanation-title").waitFor();
  assert.equal(await help.locator("#dh-section-error").getAttribute("aria-selected"), "true");
  clean(log);
  await context.close();
});

test("the sections after the first screen load on first use; when they cannot, the section says so and «Попробовать ещё раз» works", async () => {
  let block = true;
  const { page, context, log } = await openPage(env, "index.html", {
    prepare: (p) => p.route("**/diary_help_sections_bg.wasm", (route) => (block ? route.abort("failed") : route.continue())),
  });
  await ready(page);
  await page.click("#dh-section-password");
  const alert = page.locator(".dh-section .dh-lazy-status[role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /Раздел не загрузился/);
  // The rest of the panel keeps working.
  await page.click("#dh-section-next");
  await page.locator("#dh-birth-date").waitFor();
  await page.click("#dh-section-password");
  await alert.waitFor();
  block = false;
  await page.getByRole("button", { name: "Попробовать ещё раз" }).click();
  await page.locator("#dh-pw").waitFor();
  assert.equal(await page.locator(".dh-lazy-status").count(), 0);
  // A failed load is not an error of the host page.
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

test("works offline once loaded: the sections module arrives when the browser is idle, before any section is opened", async () => {
  const { page, context } = await openPage(env, "index.html");
  const prefetched = page.waitForResponse((r) => r.url().endsWith("/diary_help_sections_bg.wasm"), { timeout: 15000 });
  await ready(page);
  await prefetched;
  // Instantiation follows the download; give it a moment, then cut the network.
  await page.waitForTimeout(500);
  await context.setOffline(true);
  await page.click("#dh-section-password");
  await page.locator("#dh-pw").waitFor({ timeout: 5000 });
  await page.click("#dh-section-data");
  await page.locator("#dh-snils").waitFor({ timeout: 5000 });
  await context.close();
});

test("with Save-Data on, the sections module waits for first use", async () => {
  const { page, context, log } = await openPage(env, "index.html", {
    prepare: (p) => p.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "connection", { get: () => ({ saveData: true }), configurable: true });
    }),
  });
  await ready(page);
  await page.waitForTimeout(1500);
  assert.equal(log.requests.some((u) => u.includes("diary_help_sections")), false, "nothing fetched ahead");
  await page.click("#dh-section-password");
  await page.locator("#dh-pw").waitFor();
  assert.ok(log.requests.some((u) => u.endsWith("/diary_help_sections_bg.wasm")));
  await context.close();
});

test("in English: each module loads its own language file once, ahead of use; every section is in English, with no text id showing", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html");
  const sectionsWords = page.waitForResponse((r) => r.url().endsWith("/pkg/widget/diary-texts-sections.en.bin"), { timeout: 15000 });
  await page.evaluate(async () => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: "/pkg/widget/diary-help.css" });
    document.head.append(link);
    const m = await import("/pkg/widget/diary_help.js");
    await m.default();
    const div = document.body.appendChild(document.createElement("div"));
    m.mount(div, { lang: "en" });
  });
  await page.waitForFunction(() => document.querySelector(".dh-title")?.textContent.startsWith("Logging"));
  // The sections module, imported when the browser is idle, loads its own
  // words before any section is opened.
  await sectionsWords;
  await page.waitForTimeout(300);
  const TEXT_ID = /\b(?:ui|elig|explain|password|records|snils|certificate)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*/;
  const latin = /^“?[A-Z][a-z]/;
  const english = {
    next: "#dh-now-title",
    error: "#dh-explanation-title",
    password: "label[for=dh-pw]",
    data: "label[for=dh-snils]",
  };
  for (const [id] of SECTIONS) {
    await page.click(`#dh-section-${id}`);
    if (id === "password") {
      // The section's first render is already in English.
      await page.locator("#dh-pw").waitFor();
      assert.match(await page.locator(english.password).innerText(), latin, "first render of «Пароль»");
    }
    await fillSection(page, id);
    assert.match(await page.locator(english[id]).first().innerText(), latin, id);
    assert.doesNotMatch(await page.locator(".dh-panel").innerText(), TEXT_ID, `no text id in ${id}`);
  }
  const count = (file) => log.requests.filter((u) => new URL(u).pathname === `/pkg/widget/${file}`).length;
  assert.equal(count("diary-texts.en.bin"), 1);
  assert.equal(count("diary-texts-sections.en.bin"), 1);
  clean(log);
  await context.close();
});

test("in English with Save-Data on: a section opened first waits for its words and opens in English", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html", {
    prepare: (p) => p.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "connection", { get: () => ({ saveData: true }), configurable: true });
    }),
  });
  await page.evaluate(async () => {
    const m = await import("/pkg/widget/diary_help.js");
    await m.default();
    m.mount(document.body.appendChild(document.createElement("div")), { lang: "en" });
  });
  await page.waitForFunction(() => document.querySelector(".dh-title")?.textContent.startsWith("Logging"));
  assert.equal(log.requests.some((u) => u.includes("sections")), false, "nothing of the second module fetched ahead");
  await page.click("#dh-section-password");
  await page.locator("#dh-pw").waitFor();
  assert.match(await page.locator("label[for=dh-pw]").innerText(), /^[A-Z][a-z]/, "the first render is in English");
  clean(log);
  await context.close();
});

test("in English, without the sections' language file: the panel is in English, the sections in Russian, and one warning says why", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html", {
    prepare: (p) => p.route("**/diary-texts-sections.en.bin", (route) => route.fulfill({ status: 404, body: "" })),
  });
  await page.evaluate(async () => {
    const m = await import("/pkg/widget/diary_help.js");
    await m.default();
    m.mount(document.body.appendChild(document.createElement("div")), { lang: "en" });
  });
  await page.waitForFunction(() => document.querySelector(".dh-title")?.textContent.startsWith("Logging"));
  await page.click("#dh-section-password");
  await page.locator("#dh-pw").waitFor();
  assert.match(await page.locator("label[for=dh-pw]").innerText(), /[А-Яа-я]/, "the section falls back to Russian");
  assert.match(await page.locator(".dh-title").innerText(), /^Logging/, "the panel stays in English");
  await page.waitForTimeout(300);
  const warnings = log.warnings.filter((w) => w.includes("stay in Russian"));
  assert.equal(warnings.length, 1, JSON.stringify(log.warnings));
  assert.match(warnings[0], /diary-texts-sections\.en\.bin: HTTP 404/);
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

// The «Дневник не найден» kit (issue 24, item 5): right under the
// explanation, fields for what the class teacher compares (ФИО as in
// Gosuslugi, date of birth, СНИЛС, certificate, class) that fill an editable
// message, «Скопировать» and «Отправить». What is typed stays in the page:
// not in localStorage, sessionStorage or the URL. For a parent and a student.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage, foreignRequests } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const PHONE = { width: 360, height: 740 };
const YOU_INFORMAL = /\b(ты|тебе|тебя|твой|твоя|твоё|твои)\b/i;
const YOU_FORMAL = /(Впишите|Отправьте|Скопируйте|вставьте)/;

const CHILD = {
  name: "Фёдорова Варвара Олеговна",
  birth: "14.03.2013",
  snils: "112-233-445 95",
  certificate: "IV-МЮ 654321",
  klass: "5 «Б»",
};
const SLOTS = [["name", CHILD.name], ["birth", CHILD.birth], ["snils", CHILD.snils], ["certificate", CHILD.certificate], ["class", CHILD.klass]];

/** A birth date `years` (and a few days) ago. */
function born(years) {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - 3);
  return d.toISOString().slice(0, 10);
}

/** `navigator.share` recorded (headless Chromium has none): what was shared. */
async function recordShare(page) {
  await page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(navigator, "share", { configurable: true, value: (data) => { window.__shared.push(data); return Promise.resolve(); } });
  });
}

async function storage(page) {
  return page.evaluate(() => {
    const dump = (s) => Object.keys(s).sort().map((k) => `${k}=${s.getItem(k)}`).join("\n");
    return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie };
  });
}

async function openKit(page, role) {
  await page.waitForSelector("html[data-widget=ready]", { timeout: 15000 });
  await page.waitForSelector(".dh-panel [role=tabpanel]");
  if (role === "student") {
    await page.click("#dh-role-student");
    // The wizard's birth date (kept for the tab by the wizard itself) fills the kit's date.
    await page.fill("#dh-birth-date", born(12));
    await page.click("#dh-birth-next");
    await page.waitForSelector(".dh-ask h3, #dh-now-title");
  }
  await page.click("#dh-section-error");
  await page.selectOption("#dh-error-pick", "diary_not_found");
  await page.waitForSelector("#dh-kit-text");
}

async function checkKit(role) {
  const { page, context, log } = await openPage(env, "index.html?region=kuzbass", { viewport: PHONE, prepare: recordShare });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openKit(page, role);
  const url = page.url();
  const before = await storage(page);

  // Right under the explanation: after who fixes it, before the steps.
  const order = await page.evaluate(() => {
    const kit = document.querySelector(".dh-kit");
    const title = document.querySelector("#dh-explanation-title").getBoundingClientRect();
    return {
      previous: kit.previousElementSibling?.className,
      next: kit.nextElementSibling?.tagName,
      gap: Math.round(kit.getBoundingClientRect().top - title.bottom),
    };
  });
  assert.equal(order.previous, "dh-who", JSON.stringify(order));
  assert.equal(order.next, "H4", "the steps come after the kit");
  assert.ok(order.gap < 600, `the kit starts ${order.gap} px under the explanation's title`);

  // The reader's register and the feedback form.
  const hint = await page.textContent("#dh-kit-hint");
  assert.match(hint, /форм[уыа] обратной связи/, "the diary's feedback form is named");
  const kitText = await page.textContent(".dh-kit");
  if (role === "student") {
    assert.match(hint, /Впиши/);
    assert.match(hint, /родител/, "the student is sent to the parent");
    assert.doesNotMatch(kitText, YOU_FORMAL, "a student is «ты»");
  } else {
    assert.match(hint, /Впишите/);
    assert.doesNotMatch(kitText, YOU_INFORMAL, "a parent is never «ты»");
  }

  // The slots: empty ones are blanks in the message (the student's birth date comes from the wizard).
  const empty = await page.inputValue("#dh-kit-text");
  assert.match(empty, /ФИО — как на Госуслугах: ______/);
  if (role === "student") {
    const iso = await page.inputValue("#dh-kit-birth");
    assert.match(iso, /^\d\d\.\d\d\.\d{4}$/, "the wizard's date, as DD.MM.YYYY");
    assert.ok(empty.includes(`Дата рождения: ${iso}`));
  }
  for (const [slot, value] of SLOTS) await page.fill(`#dh-kit-${slot}`, value);
  let message = await page.inputValue("#dh-kit-text");
  for (const [, value] of SLOTS) assert.ok(message.includes(value), `${value} in the message: ${message}`);
  assert.doesNotMatch(message, /______/, "no blank left");

  // The message is editable, and a slot changed afterwards keeps the edit.
  await page.fill("#dh-kit-text", `${message}\nПрошу ответить в чате.`);
  await page.fill("#dh-kit-class", "6 «А»");
  message = await page.inputValue("#dh-kit-text");
  assert.match(message, /Прошу ответить в чате\./);
  assert.match(message, /Класс: 6 «А»/);
  assert.doesNotMatch(message, /5 «Б»/);

  // «Скопировать»: the message as shown.
  await page.click("#dh-kit-copy");
  await page.waitForFunction(() => document.querySelector(".dh-kit [role=status]").textContent !== "");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), message);
  // «Отправить»: the share sheet with the same text.
  await page.click("#dh-kit-share");
  assert.deepEqual(await page.evaluate(() => window.__shared), [{ text: message }]);

  // Nothing stored: the storage is as before the typing, none of the values in it, the URL unchanged.
  await page.waitForTimeout(300);
  const after = await storage(page);
  assert.deepEqual(after, before, "the storage did not change");
  const all = JSON.stringify(after) + page.url();
  for (const needle of ["Фёдорова", "Варвара", CHILD.birth, "2013-03-14", CHILD.snils, "11223344595", "654321", "«Б»", "«А»", "ответить"]) {
    assert.ok(!all.includes(needle), `${needle} is stored: ${all}`);
  }
  assert.equal(page.url(), url, "the URL did not change");
  assert.equal(after.cookie, "");

  assert.deepEqual(log.errors, [], "no console errors");
  assert.deepEqual(foreignRequests(log, env.origin), [], "no requests to other hosts");
  await context.close();
}

test("the «Дневник не найден» kit for a parent: slots fill the message, copied and shared, nothing stored", async () => {
  await checkKit("parent");
});

test("the «Дневник не найден» kit for a student: «ты», the parent named, nothing stored", async () => {
  await checkKit("student");
});

test("without a share sheet the kit has no «Отправить»: «Скопировать» is the way", async () => {
  const { page, context, log } = await openPage(env, "index.html?region=kuzbass", { viewport: PHONE,
    prepare: (p) => p.addInitScript(() => { delete Navigator.prototype.share; }) });
  await openKit(page, "parent");
  assert.equal(await page.$("#dh-kit-share"), null);
  assert.ok(await page.$("#dh-kit-copy"));
  assert.deepEqual(log.errors, [], "no console errors");
  await context.close();
});

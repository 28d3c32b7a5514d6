// The persona journeys of issue 13 measured on the form UI it replaced
// (commit c89a875): check that commit out with its pkg/ and run
// `node bench/guide-personas-before.mjs` from its root. The same journeys on
// the guide are tests/e2e/guide.test.mjs.
import { setUp, tearDown, openPage } from "../tests/e2e/helpers.mjs";
const env = await setUp();
const born = (y, extraDays = 0) => { const d = new Date(); d.setFullYear(d.getFullYear() - y); d.setDate(d.getDate() - 3 - extraDays); return d.toISOString().slice(0, 10); };
async function measure(page, sel) {
  return page.evaluate((sel) => {
    const panel = document.querySelector(".dh-panel").getBoundingClientRect();
    const h = document.querySelector(sel).getBoundingClientRect();
    return { distance: Math.round(h.top - panel.top), inView: h.top >= 0 && h.bottom <= innerHeight, top: Math.round(h.top), pageHeight: document.documentElement.scrollHeight };
  }, sel);
}
const personas = [
  ["parent, 10, Kuzbass, documents checked", "index.html?region=kuzbass", async (p, c) => {
    await p.fill("#dh-birth-date", born(10)); c.a++; c.t++;
    for (const [q, v] of [["parent_account", "confirmed"], ["student_account", "none"], ["certificate_status", "checking"], ["snils_status", "searching"]]) { await p.selectOption("#dh-q-" + q, v); c.a++; c.t += 2; }
  }, ".dh-step-next .dh-step-title"],
  ["student, 15, Orenburg", "index.html?region=orenburg", async (p, c) => {
    await p.click("#dh-role-student"); c.a++; c.t++;
    await p.fill("#dh-birth-date", born(15)); c.a++; c.t++;
    await p.selectOption("#dh-q-student_account", "none"); c.a++; c.t += 2;
  }, ".dh-step-next .dh-step-title"],
  ["grandmother, guardian of a 10-year-old", "index.html?region=generic", async (p, c) => {
    await p.fill("#dh-birth-date", born(10)); c.a++; c.t++;
    await p.click(".dh-special summary"); c.t++;
    await p.selectOption("#dh-q-representative", "guardian"); c.a++; c.t += 2;
    for (const [q, v] of [["parent_account", "confirmed"], ["student_account", "none"], ["certificate_status", "entered_manually"]]) { await p.selectOption("#dh-q-" + q, v); c.a++; c.t += 2; }
  }, ".dh-step-next .dh-step-title"],
  ["parent seeing «Ваш дневник не найден»", "index.html?region=kuzbass", async (p, c) => {
    await p.click("#dh-section-error"); c.t++;
    await p.selectOption("#dh-error-pick", "diary_not_found"); c.a++; c.t += 2;
  }, "#dh-explanation-title"],
  ["parent of a child turning 14 next week, documents checked", "index.html?region=kuzbass", async (p, c) => {
    const d = new Date(); d.setDate(d.getDate() + 6); d.setFullYear(d.getFullYear() - 14);
    const pad = (n) => String(n).padStart(2, "0");
    await p.fill("#dh-birth-date", `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`); c.a++; c.t++;
    for (const [q, v] of [["parent_account", "confirmed"], ["student_account", "none"], ["certificate_status", "verified"], ["snils_status", "verified"]]) { await p.selectOption("#dh-q-" + q, v); c.a++; c.t += 2; }
  }, ".dh-step-next .dh-step-title"],
  ["parent of a 9-year-old with a foreign birth certificate", "index.html?region=generic", async (p, c) => {
    await p.fill("#dh-birth-date", born(9)); c.a++; c.t++;
    await p.click(".dh-special summary"); c.t++;
    await p.selectOption("#dh-q-birth_certificate", "foreign"); c.a++; c.t += 2;
    for (const [q, v] of [["parent_account", "confirmed"], ["student_account", "none"], ["certificate_status", "entered_manually"]]) { await p.selectOption("#dh-q-" + q, v); c.a++; c.t += 2; }
  }, ".dh-step-next .dh-step-title"],
  ["student, 18", "index.html?region=kuzbass", async (p, c) => {
    await p.click("#dh-role-student"); c.a++; c.t++;
    await p.fill("#dh-birth-date", born(18)); c.a++; c.t++;
    await p.selectOption("#dh-q-student_account", "none"); c.a++; c.t += 2;
  }, ".dh-step-next .dh-step-title"],
];
for (const [name, path, run, sel] of personas) {
  const { page, context } = await openPage(env, path, { viewport: { width: 360, height: 740 } });
  await page.waitForSelector("html[data-widget=ready]");
  const c = { a: 0, t: 0 };
  await run(page, c);
  await page.waitForSelector(sel);
  const m = await measure(page, sel);
  const title = await page.textContent(sel);
  console.log(JSON.stringify({ name, answers: c.a, taps: c.t, ...m, title }));
  await context.close();
}
await tearDown(env);

// Every scenario of tests/fixtures/eligibility.toml in the panel at
// 360×740 (issue 24), read by its own reader and by the other one (a parent
// case read by the student, a student case by a parent): after the last
// answer the whole «Сейчас» card — heading, who, how long, what to do, the
// link and «Сделано» — is inside the 740 px viewport (card heights go to
// tests/artifacts/plan-cards.json); the words are the reader's own (the
// student is «ты», never «ученик» or «он», no masculine-only «входил»; a
// guardian's path text is not «родитель»); a parent-made account's binding
// code is «не нужно», not «сделано». Then the layout at 180 px and at 200 %
// zoom, and the copied plan (checklist, times, notes).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { setUp, tearDown, ARTIFACTS } from "./helpers.mjs";
import { cases, saved, STORAGE_KEY } from "./fixtures.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const PHONE = { width: 360, height: 740 };

/** Each case with each reader it can have, as saved panel states. */
export function shown() {
  const out = [];
  for (const c of cases()) {
    const own = saved(c);
    if (!own) continue;
    const other = own.state.role === "student" ? "parent" : "student";
    out.push({ c, reader: own.state.role, ...own });
    out.push({ c, reader: other, ...saved(c, other) });
  }
  return out;
}

/** Opens the panel on a saved state, then gives the last answer again. */
async function open(page, url, s) {
  await page.goto(`${url}index.html?region=${s.region}`);
  await page.evaluate(([k, v]) => { localStorage.clear(); sessionStorage.clear(); localStorage.setItem(k, v); }, [STORAGE_KEY, JSON.stringify(s.state)]);
  await page.reload();
  await page.waitForSelector("html[data-widget=ready]", { timeout: 15000 });
  await page.waitForSelector("#dh-now-title");
  // The last answer given (the last «Изменить» of an answered row), given again.
  const rows = await page.$$eval(".dh-summary .dh-change", (bs) => bs.map((b) => b.id));
  const answered = Object.keys(s.state.answers);
  const last = [...rows].reverse().find((id) => answered.includes(id.replace("dh-change-", ""))) ?? "dh-change-birth";
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click(`#${last}`);
  if (last === "dh-change-birth") {
    await page.click("#dh-birth-next");
  } else if (last === "dh-change-check_requested_at") {
    await page.click("#dh-q-next");
  } else {
    await page.click(".dh-ask [aria-pressed=true]");
  }
  await page.waitForSelector("#dh-now-title");
  await page.waitForFunction(() => document.activeElement?.id === "dh-now-title");
}

test("the whole «Сейчас» card is on the 360×740 screen after the last answer, for every case and reader", async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const rows = [];
  const bad = [];
  const wording = [];
  for (const s of shown()) {
    await open(page, env.url, s);
    const m = await page.evaluate(() => {
      const card = document.querySelector(".dh-now").getBoundingClientRect();
      return { top: Math.round(card.top), bottom: Math.round(card.bottom), height: Math.round(card.height), step: document.querySelector(".dh-plan > li[aria-current=step]")?.dataset.step ?? "" };
    });
    // The words are this reader's.
    const words = await page.evaluate(() => ({
      section: document.querySelector(".dh-section").innerText,
      path: document.querySelector(".dh-path")?.textContent ?? "",
      binding: [...document.querySelectorAll(".dh-plan > li[data-step^=link_]")].map((li) => `${li.dataset.step}:${li.dataset.state}:${li.querySelector(".dh-status").textContent}`),
    }));
    const where = `#${s.c.index} ${s.reader} «${s.c.name}»`;
    if (s.reader === "student") {
      const third = words.section.match(/(^|[^а-яё])(у ученика|ученик вводит|ученик входит|ученика есть|он нажимает)(?![а-яё])/i);
      if (third) wording.push(`${where}: third person «${third[2]}»`);
      const masc = words.section.match(/(^|[^а-яё])(входил|зарегистрировался|получил|ввёл)(?![а-яё(])/i);
      if (masc) wording.push(`${where}: masculine-only «${masc[2]}»`);
    }
    if (s.reader === "guardian" && /родител/.test(words.path)) wording.push(`${where}: guardian's path «${words.path}»`);
    if (s.c.input.studentAccount === "created_by_parent") {
      for (const b of words.binding) if (!/:not_needed:не нужно$/.test(b)) wording.push(`${where}: binding ${b}`);
    }
    const row = { case: s.c.index, name: s.c.name, reader: s.reader, ...m };
    rows.push(row);
    if (m.top < 0 || m.bottom > PHONE.height) bad.push(`#${s.c.index} ${s.reader} ${m.step}: ${m.top}..${m.bottom} (${m.height} px) «${s.c.name}»`);
  }
  writeFileSync(new URL("plan-cards.json", ARTIFACTS), JSON.stringify(rows, null, 1));
  const heights = rows.map((r) => r.height).sort((a, b) => a - b);
  console.log(`cards: ${rows.length}, height min ${heights[0]}, median ${heights[heights.length >> 1]}, max ${heights.at(-1)}; bottoms over 740: ${bad.length}`);
  assert.deepEqual(errors, []);
  assert.ok(rows.length > 100, `${rows.length} cards`);
  assert.deepEqual(wording, [], "each reader's own words; «не нужно» for a parent-made account's code");
  assert.deepEqual(bad, [], "the whole card within the first 740 px");
  await context.close();
});

/** A case by name, shown to `reader` (its own when undefined). */
function one(name, reader) {
  const c = cases().find((x) => x.name === name);
  assert.ok(c, name);
  return saved(c, reader);
}

for (const [label, viewport, scale] of [["180 px", { width: 180, height: 740 }, 1], ["200 % zoom (360 px at 2×, 180 CSS px)", { width: 180, height: 370 }, 2]]) {
  test(`layout at ${label}: role tabs apart, nothing sticks out, no mid-word breaking rules`, async () => {
    const context = await env.browser.newContext({ viewport, deviceScaleFactor: scale });
    const page = await context.newPage();
    await open(page, env.url, one("under 14, check running: waiting, «Создать» missing with the two statuses"));
    await page.$$eval(".dh-panel details", (ds) => ds.forEach((d) => { d.open = true; }));
    const problems = await page.evaluate(() => {
      const out = [];
      const panel = document.querySelector(".dh-panel").getBoundingClientRect();
      const tabs = [...document.querySelectorAll(".dh-tab")].map((t) => ({ t, r: t.getBoundingClientRect() }));
      for (let i = 0; i < tabs.length; i++) {
        const { t, r } = tabs[i];
        if (t.scrollWidth > t.clientWidth + 1) out.push(`tab «${t.textContent}» cuts its text`);
        for (let j = i + 1; j < tabs.length; j++) {
          const q = tabs[j].r;
          const apart = r.right <= q.left + 0.5 || q.right <= r.left + 0.5 || r.bottom <= q.top + 0.5 || q.bottom <= r.top + 0.5;
          if (!apart) out.push(`tabs «${t.textContent}» and «${tabs[j].t.textContent}» overlap`);
        }
      }
      for (const el of document.querySelectorAll(".dh-panel, .dh-panel *")) {
        const st = getComputedStyle(el);
        if (st.overflowWrap === "anywhere" || st.wordBreak === "break-all" || st.hyphens === "auto") {
          out.push(`${el.tagName.toLowerCase()}.${el.className}: ${st.overflowWrap} ${st.wordBreak} ${st.hyphens}`);
          break;
        }
        const r = el.getBoundingClientRect();
        if (el.getClientRects().length && !el.closest(".dh-sr") && (r.right > panel.right + 1 || r.left < panel.left - 1)) out.push(`${el.tagName.toLowerCase()}.${el.className} sticks out`);
      }
      return out;
    });
    await page.screenshot({ path: new URL(`plan-${viewport.width}x${scale}.png`, ARTIFACTS).pathname, fullPage: true });
    assert.deepEqual(problems, [], label);
    await context.close();
  });
}

test("«Скопировать план» carries the whole plan: the «Создать» conditions, the times, the notes", async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await open(page, env.url, one("under 14, check running: waiting, «Создать» missing with the two statuses"));
  await page.click("#dh-plan-copy");
  await page.waitForFunction(() => document.querySelector(".dh-plan-actions [role=status]").textContent !== "");
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^Вход в электронный дневник/);
  assert.match(text, /Сколько времени: /, "the times");
  assert.match(text, /Условия кнопки «Создать»/, "the «Создать» verdict");
  assert.match(text, /\n✓ .+\n/, "a met condition");
  assert.match(text, /\n✗ .+\n/, "a missing condition, with its reason");
  assert.match(text, /\n— .+/, "the step's notes");
  assert.match(text, /Если в разных инструкциях написано по-разному\n— /, "the notes of no step");
  // «Причины — в списке ниже» is followed by the list itself.
  if (/Причины — в списке ниже/.test(text)) assert.match(text, /Причины — в списке ниже[^\n]*\n(— [^\n]*\n)*Условия кнопки «Создать»/);
  await context.close();
});

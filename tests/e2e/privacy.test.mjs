// Privacy, proven: a full set of personal data typed through every section
// of the panel (names, birth date, СНИЛС, birth certificate, password, an
// error message with the child's name in it), then: no request of any kind
// after the page loaded (not even to its own origin), no WebSocket, the
// page's URL unchanged, and none of the values anywhere the page can keep
// data: localStorage, sessionStorage, cookies, IndexedDB, Cache Storage,
// service workers. Both on the demo page and in the custom element's shadow
// root under the strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

const PERSON = {
  lastName: "Кузнецова",
  firstName: "Варвара",
  middleName: "Олеговна",
  birthDate: "14.03.2012",
  snils: "112-233-445 95",
  certificate: "IV-МЮ 654321",
  password: "Varvara2012!Kz",
  // What the Gosuslugi side shows, slightly different (so differences render).
  lastName2: "Кузнецёва",
  snils2: "112-233-454 95",
};

/** Every form a value could be stored in (as typed, without separators, ISO date). */
const NEEDLES = [
  PERSON.lastName, PERSON.firstName, PERSON.middleName, PERSON.lastName2,
  PERSON.birthDate, "2012-03-14",
  PERSON.snils, "11223344595", PERSON.snils2, "11223345495",
  PERSON.certificate, "654321",
  PERSON.password,
];

async function typeEverything(page) {
  // What to do now: the wizard (its answers may be remembered; nothing personal).
  await page.click("#dh-section-next");
  await page.fill("#dh-birth-date", "2015-09-01");
  await page.click("#dh-birth-next");
  // One question at a time: the certificate's status, «Не знаю» to the rest.
  for (let i = 0; i < 12; i++) {
    await page.locator(".dh-ask, #dh-now-title").first().waitFor();
    const heading = page.locator(".dh-ask h3[id^=dh-q-]");
    if ((await heading.count()) === 0) break;
    if ((await heading.getAttribute("id")) === "dh-q-certificate_status-title") await page.click("#dh-a-certificate_status-checking");
    else await page.click("#dh-a-unknown");
  }
  await page.waitForSelector(".dh-steps");

  // I see an error: pasted with the child's name in it.
  await page.click("#dh-section-error");
  await page.fill("#dh-error-text", `${PERSON.lastName} ${PERSON.firstName}: Ваш дневник не найден`);
  await page.click("#dh-error-explain");
  await page.waitForSelector("#dh-explanation-title");
  // The «Дневник не найден» kit's slots, filled in for the class teacher.
  for (const [slot, value] of [["name", `${PERSON.lastName} ${PERSON.firstName} ${PERSON.middleName}`], ["birth", PERSON.birthDate],
    ["snils", PERSON.snils], ["certificate", PERSON.certificate]]) await page.fill(`#dh-kit-${slot}`, value);
  assert.match(await page.inputValue("#dh-kit-text"), new RegExp(PERSON.certificate));

  // Password: typed key by key, confirmed, shown.
  await page.click("#dh-section-password");
  await page.locator("#dh-pw").pressSequentially(PERSON.password);
  await page.locator("#dh-pw-confirm").pressSequentially(PERSON.password);
  await page.click("#dh-pw-show");
  await page.click("#dh-gen");
  await page.waitForSelector("#dh-pw-generated");

  // Check data: СНИЛС, certificate, both records.
  await page.click("#dh-section-data");
  await page.locator("#dh-snils").pressSequentially(PERSON.snils);
  await page.locator("#dh-cert").pressSequentially(PERSON.certificate);
  const fields = [
    ["last_name", PERSON.lastName, PERSON.lastName2],
    ["first_name", PERSON.firstName, PERSON.firstName],
    ["middle_name", PERSON.middleName, PERSON.middleName],
    ["birth_date", PERSON.birthDate, PERSON.birthDate],
    ["snils", PERSON.snils, PERSON.snils2],
    ["certificate", PERSON.certificate, PERSON.certificate],
  ];
  for (const [field, diary, gosuslugi] of fields) {
    await page.fill(`#dh-rec-diary-${field}`, diary);
    await page.fill(`#dh-rec-gosuslugi-${field}`, gosuslugi);
  }
  await page.click("#dh-rec-compare");
  await page.waitForSelector(".dh-differences li");
  // Let any timer, idle callback or debounced save run.
  await page.waitForTimeout(500);
}

/** Everything the page's origin keeps, as one string. */
async function everythingStored(page, context) {
  const inPage = await page.evaluate(async () => {
    const dump = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join("\n");
    const out = { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie, idb: [], caches: [], workers: 0 };
    for (const { name } of (await indexedDB.databases?.()) ?? []) {
      const db = await new Promise((ok, fail) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = fail; });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
        out.idb.push(`${name}/${store}: ${JSON.stringify(all)}`);
      }
      db.close();
    }
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const req of await cache.keys()) out.caches.push(`${key}: ${req.url} ${await (await cache.match(req)).text()}`);
    }
    out.workers = (await navigator.serviceWorker?.getRegistrations?.())?.length ?? 0;
    return out;
  });
  const cookies = await context.cookies();
  return { ...inPage, cookies: JSON.stringify(cookies) };
}

async function checkJourney(path, ready) {
  const { page, context, log } = await openPage(env, path);
  const sockets = [];
  page.on("websocket", (ws) => sockets.push(ws.url()));
  await page.waitForSelector(ready, { timeout: 15000 });
  await page.waitForSelector(".dh-panel [role=tabpanel]");
  // The panel's second module arrives when the browser is idle after the
  // first render: its own file, not a request the typing makes. Wait for it,
  // so that everything counted below comes from the typing alone.
  await page.waitForFunction(() => performance.getEntriesByType("resource")
    .some((e) => e.name.endsWith("/diary_help_sections_bg.wasm") && e.responseEnd > 0), null, { timeout: 15000 });
  await page.waitForTimeout(300);
  const url = page.url();
  const loadRequests = log.requests.length;

  await typeEverything(page);

  assert.deepEqual(log.requests.slice(loadRequests), [], "requests after the page loaded");
  assert.deepEqual(sockets, [], "WebSockets");
  assert.equal(page.url(), url, "the page's URL changed");
  assert.deepEqual(log.errors, [], "console errors");

  const stored = await everythingStored(page, context);
  const all = JSON.stringify(stored);
  for (const needle of NEEDLES) {
    assert.ok(!all.includes(needle), `${needle} is stored: ${all}`);
  }
  // The birth date (typed in the guide) is kept for the tab only, and nothing else is.
  const tab = JSON.parse(stored.session.replace(/^diary-login-help:v1=/, "") || "{}");
  assert.deepEqual(Object.keys(tab), ["birthDate"], `sessionStorage: ${stored.session}`);
  assert.equal(tab.birthDate, "2015-09-01");
  assert.equal(stored.cookie, "", "cookies are set");
  assert.deepEqual(stored.idb, [], "IndexedDB is used");
  assert.deepEqual(stored.caches, [], "Cache Storage is used");
  assert.equal(stored.workers, 0, "a service worker is registered");
  // The one thing remembered: the wizard's answers, under one key.
  const remembered = JSON.parse(stored.local.replace(/^diary-login-help:v1=/, ""));
  // (the answers, «Не знаю» answers by question id, the role and the open section).
  // No birth date on the device: «Запомнить дату рождения» was not ticked.
  assert.deepEqual(Object.keys(remembered).sort(), ["answers", "role", "section", "unknown"]);
  assert.ok(remembered.unknown.every((q) => /^[a-z_]+$/.test(q)), JSON.stringify(remembered));
  assert.deepEqual(Object.keys(remembered.answers), ["certificate_status"]);

  // And the values really went through the panel (the test is not vacuous).
  const shown = await page.locator("#dh-rec-result").textContent();
  assert.match(shown, /Кузнец/);
  await context.close();
}

test("demo page: personal data typed into every section stays on the page", async () => {
  await checkJourney("index.html", "html[data-widget=ready]");
});

test("custom element under the strict CSP: personal data stays on the page", async () => {
  await checkJourney("element.html", "diary-login-help[data-state=ready]");
});

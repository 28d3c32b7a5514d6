// The rules JS API (pkg/rules, as shipped) under bad input, in Node: wrong
// types, missing fields, 1 MB strings, deep and cyclic objects, NaN dates.
// Each bad call throws an Error whose message starts with the field at fault
// and reads as one clear sentence; huge inputs get an answer, not a hang or
// a trap; and the module keeps working after every one of them.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

const PKG = new URL("../../pkg/rules/", import.meta.url);
let m;
before(async () => {
  m = await import(new URL("diary_rules.js", PKG));
  await m.default({ module_or_path: await readFile(new URL("diary_rules_bg.wasm", PKG)) });
});

const cyclic = () => {
  const o = { role: "parent", birthDate: "2015-01-01" };
  o.self = o;
  return o;
};
const deep = (n) => {
  let o = {};
  for (let i = 0; i < n; i++) o = { a: o };
  return o;
};
const MB = "1".repeat(1 << 20);

/** [name, call, the field the message starts with (a regex), optional extra pattern]. */
const BAD = [
  ["situation not an object", () => m.assessEligibility(42), "situation", /object/],
  ["birthDate missing", () => m.assessEligibility({ role: "parent" }), "birthDate", /required/],
  ["role a number", () => m.assessEligibility({ role: 5, birthDate: "2015-01-01" }), "role", /string/],
  ["role unknown", () => m.assessEligibility({ role: "teacher", birthDate: "2015-01-01" }), "role", /parent/],
  ["birthDate 1 MB", () => m.assessEligibility({ role: "parent", birthDate: MB }), "birthDate", /YYYY-MM-DD/],
  ["birthDate NaN", () => m.assessEligibility({ role: "parent", birthDate: NaN }), "birthDate", /YYYY-MM-DD|string/],
  ["birthDate invalid Date", () => m.assessEligibility({ role: "parent", birthDate: new Date(NaN) }), "birthDate", /YYYY-MM-DD|string/],
  ["birthDate 30 February", () => m.assessEligibility({ role: "parent", birthDate: "2015-02-30" }), "birthDate"],
  ["birth date in the future", () => m.assessEligibility({ role: "parent", birthDate: "2015-01-01", today: "2014-01-01" }), "birthDate"],
  ["age over 100", () => m.assessEligibility({ role: "parent", birthDate: "1900-01-01", today: "2026-01-01" }), "birthDate"],
  ["impossible time", () => m.assessEligibility({ role: "parent", birthDate: "2015-01-01", checkRequestedAt: "2026-02-30T25:00" }), "checkRequestedAt"],
  ["unknown field", () => m.assessEligibility({ role: "parent", birthDate: "2015-01-01", birthdate: "x" }), "birthdate", /unknown/],
  ["cyclic situation", () => m.assessEligibility(cyclic()), "situation|self"],
  ["deep region", () => m.assessEligibility({ role: "parent", birthDate: "2015-01-01", region: deep(100000) }), "situation|region(\\.\\w+)*"],
  ["password a number", () => m.checkPassword(42), "password", /string/],
  ["personal not a list", () => m.checkPassword("x", { personal: "Маша" }), "options\\.personal", /list|array|sequence/],
  ["cyclic options", () => m.checkPassword("x", cyclic()), "options\\.\\w+"],
  ["deep options", () => m.checkPassword("x", deep(100000)), "options(\\.\\w+)+", /nested too deeply/],
  ["length NaN", () => m.generatePassword({ length: NaN }), "options\\.length", /8 to 64/],
  ["length a string", () => m.generatePassword({ length: "12" }), "options\\.length", /number/],
  ["length 7", () => m.generatePassword({ length: 7 }), "options\\.length", /8 to 64/],
  ["policy lang a number", () => m.passwordPolicy(7), "lang", /string/],
  ["error text null", () => m.explainError(null), "text", /string/],
  ["ageYears NaN", () => m.explainError("Дневник не найден", { ageYears: NaN }), "context\\.ageYears", /whole number of years/],
  ["cyclic context", () => m.explainError("Дневник не найден", cyclic()), "context\\.\\w+"],
  ["listErrors lang", () => m.listErrors(7), "lang", /string/],
  ["certificate an object", () => m.checkBirthCertificate({}), "text", /string/],
  ["record a string", () => m.compareRecords("a", {}), "diary", /object/],
  ["record without names", () => m.compareRecords({}, {}), "diary\\.lastName", /string|required/],
  ["cyclic records", () => m.compareRecords(cyclic(), cyclic()), "diary\\.\\w+"],
  ["СНИЛС an object", () => m.checkSnils({}), "text", /string/],
];

for (const [name, call, field, pattern] of BAD) {
  test(`bad input: ${name}`, () => {
    let error;
    try {
      call();
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof Error, `expected an Error, got ${error === undefined ? "a result" : String(error)}`);
    const message = error.message;
    assert.match(message, new RegExp(`^(${field}): `), message);
    // One clear sentence: short, no nested error names, nothing of the input echoed at length.
    assert.ok(message.length < 400, `message of ${message.length} characters`);
    assert.doesNotMatch(message, /Error:|Reflect|undefined is not|\bat \w+ \(/, message);
    if (pattern) assert.match(message, pattern, message);
    // The module keeps working.
    assert.equal(m.checkSnils("112-233-445 95").valid, true);
    assert.equal(m.assessEligibility({ role: "parent", birthDate: "2015-01-01", today: "2026-01-01" }).path, "parent_creates_account");
  });
}

test("1 MB inputs get an answer", () => {
  assert.equal(m.checkSnils(MB).problem, "length");
  assert.deepEqual(m.checkBirthCertificate(MB).problems, ["too_long"]);
  assert.equal(m.checkPassword(MB).valid, false);
  assert.equal(m.checkPassword("Abc", { personal: [MB, MB] }).valid, false);
  assert.equal(m.explainError(MB), null);
  assert.equal(m.explainError(`${MB} Ваш дневник не найден`)?.id, "diary_not_found");
  assert.equal(m.compareRecords({ lastName: MB, firstName: "a" }, { lastName: `${MB}x`, firstName: "a" }).match, false);
  assert.equal(m.checkSnils("112-233-445 95").valid, true);
});

test("explainErrorDetails: the answer, or the near entries and whom to ask", () => {
  const sure = m.explainErrorDetails("Скрин 12:40. Дневник не найден. Что делать?", { region: "ryazan" });
  assert.equal(sure.answer.id, "diary_not_found");
  assert.equal(sure.answer.side, "diary");
  assert.equal(sure.recognised, "Дневник не найден");
  assert.deepEqual(sure.maybe, []);
  assert.equal("contacts" in sure, false);
  // The same answer as explainError, which keeps its shape (plus `side`).
  assert.deepEqual(sure.answer, m.explainError("Скрин 12:40. Дневник не найден. Что делать?", { region: "ryazan" }));
  assert.equal(m.explainError("Код привязки истёк").side, "gosuslugi");
  const unsure = m.explainErrorDetails("Пишет что-то про код привязки у ребёнка на госуслугах", { region: "ryazan" });
  assert.equal(unsure.answer, null);
  assert.ok(unsure.maybe.length >= 1 && unsure.maybe.length <= 3, JSON.stringify(unsure.maybe));
  for (const item of unsure.maybe) {
    assert.equal(typeof item.id, "string");
    assert.ok(item.quote && item.title);
  }
  assert.equal(unsure.side, "gosuslugi");
  assert.ok(unsure.contacts.gosuslugi && unsure.contacts.diary);
  // Another service: no answer and no suggestion, but still whom to ask.
  const other = m.explainErrorDetails("Этот номер уже используется в Telegram");
  assert.equal(other.answer, null);
  assert.deepEqual(other.maybe, []);
  assert.ok(other.contacts.gosuslugi && other.contacts.diary);
  assert.throws(() => m.explainErrorDetails(null), /^Error: text/);
  assert.equal(m.explainErrorDetails(`${MB} Ваш дневник не найден`).answer?.id, "diary_not_found");
});

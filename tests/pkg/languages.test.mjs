// Languages on demand (pkg/rules as shipped, in Node): Russian is built in;
// English is the separate file diary-texts.en.bin. Before it is loaded, a
// call that asks for English throws an Error naming the field and the way
// out; a missing or damaged file is refused with the reason and Russian keeps
// working; after loadLanguage("en", bytes) English answers, and the words are
// the ones the texts data holds (checked against passwordPolicy's ids).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

const PKG = new URL("../../pkg/rules/", import.meta.url);
let m;
let en;
before(async () => {
  m = await import(new URL("diary_rules.js", PKG));
  await m.default({ module_or_path: await readFile(new URL("diary_rules_bg.wasm", PKG)) });
  en = await readFile(new URL("diary-texts.en.bin", PKG));
});

test("English before loading: a clear Error naming the field; Russian works", async () => {
  const calls = [
    ["options.lang", () => m.checkPassword("x", { lang: "en" })],
    ["lang", () => m.passwordPolicy("en")],
    ["lang", () => m.listErrors("en")],
    ["context.lang", () => m.explainError("Ваш дневник не найден", { lang: "en" })],
    ["lang", () => m.assessEligibility({ role: "parent", birthDate: "2015-01-01", lang: "en" })],
  ];
  for (const [field, call] of calls) {
    assert.throws(call, (e) => e instanceof Error && e.message.startsWith(`${field}: `) && /loadLanguage\("en"\)/.test(e.message), field);
  }
  assert.match(m.passwordPolicy("ru").rules[0].text, /[а-я]/);
  // A message pasted in English is recognised without the English file: the
  // error quotes' English is compiled in (the answer's words are Russian).
  const e = m.explainError("Your diary was not found. Ask your parents to report it");
  assert.equal(e?.id, "diary_not_found");
  assert.match(e.title, /[а-я]/);
});

test("a missing, damaged or foreign file is refused with the reason; Russian keeps working", async () => {
  await assert.rejects(m.loadLanguage("en", new Uint8Array([1, 2, 3])), /^Error: source: .*not a language file/);
  const cut = en.subarray(0, en.length - 3);
  await assert.rejects(m.loadLanguage("en", cut), /source: .*damaged/);
  const other = Buffer.from(en);
  other[9] ^= 0xff; // the id table's fingerprint: built from other texts
  await assert.rejects(m.loadLanguage("en", other), /source: .*another version/);
  // In Node, fetch cannot read the file: URL next to the module.
  await assert.rejects(m.loadLanguage("en"), /^Error: source: could not load file:/);
  await assert.rejects(m.loadLanguage("de"), /^Error: lang: expected "ru" or "en"$/);
  await assert.rejects(m.loadLanguage(5), /^Error: lang: expected a string/);
  assert.throws(() => m.passwordPolicy("en"), /not loaded/);
  assert.equal(m.explainError("Ваш дневник не найден").id, "diary_not_found");
});

test("after loadLanguage(\"en\", bytes) every API answers in English", async () => {
  await m.loadLanguage("ru"); // built in: resolves at once
  await m.loadLanguage("en", en);
  await m.loadLanguage("en", en); // twice is harmless
  const ru = m.passwordPolicy("ru").rules;
  const english = m.passwordPolicy("en").rules;
  assert.deepEqual(english.map((r) => r.id), ru.map((r) => r.id));
  for (const [i, r] of english.entries()) {
    assert.notEqual(r.text, ru[i].text, r.id);
    assert.doesNotMatch(r.text, /[а-яё]{4}/i, r.id);
  }
  assert.doesNotMatch(m.explainError("Ваш дневник не найден", { lang: "en" }).title, /[а-яё]{4}/i);
  assert.ok(m.assessEligibility({ role: "parent", birthDate: "2015-01-01", lang: "en" }).steps.length > 0);
});

// The document checks and password rules through the shipped JS API
// (pkg/rules), as docs/api/documents.md and password.md describe them: the
// shapes (which fields are present when), the documented examples, the
// documented errors, and a sample of how parents type things. Written from
// the docs alone (the native blind corpus, crates/rules/tests/
// blind_documents.rs, has the full tables). Only behaviour the committed
// pkg already has: the readings added natively on branch docs6 (labels,
// other digits, invisible marks, «2012г.», a dropped hyphen) are covered
// there, not here.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

const PKG = new URL("../../pkg/rules/", import.meta.url);
let m;
before(async () => {
  m = await import(new URL("diary_rules.js", PKG));
  await m.default({ module_or_path: await readFile(new URL("diary_rules_bg.wasm", PKG)) });
});

const own = (o) => Object.keys(o).sort();

test("checkSnils: the documented shape", () => {
  const ok = m.checkSnils("112-233-445 95");
  assert.deepEqual(ok, { valid: true, normalized: "112-233-445 95" });
  const bad = m.checkSnils("112-233-445 59");
  assert.deepEqual(own(bad), ["normalized", "problem", "suggestions", "valid"]);
  assert.equal(bad.problem, "checksum");
  assert.ok(bad.suggestions.includes("112-233-445 95"));
  assert.ok(bad.suggestions.length <= 10);
  assert.deepEqual([...bad.suggestions].sort(), bad.suggestions);
  for (const s of bad.suggestions) assert.equal(m.checkSnils(s).valid, true, s);
  for (const [text, problem] of [["112-233-445", "length"], ["", "length"], ["112-233-44S 95", "characters"]]) {
    const r = m.checkSnils(text);
    assert.equal(r.valid, false, text);
    assert.equal(r.problem, problem, text);
    assert.equal("suggestions" in r, false, `${text}: suggestions only for checksum`);
    assert.equal("normalized" in r, false, `${text}: no eleven digits, no normalized`);
  }
});

test("checkSnils: how parents separate the digits, and the check-number edges", () => {
  const rows = [
    ["11223344595", true], ["112 233 445 95", true], ["112-233-445-95", true], ["112.233.445.95", true],
    ["112\u00a0233\u00a0445\u00a095", true], ["  112-233-445 95\n", true], ["112–233–445 95", true],
    ["002-506-816 00", true], ["002-229-651 00", true], ["002-158-380 01", true], ["007-994-683 00", true],
    ["001-001-998 47", true], ["001-001-999 65", true], ["001-001-999 00", false], ["112-233-445 96", false],
  ];
  for (const [text, valid] of rows) {
    const r = m.checkSnils(text);
    assert.equal(r.valid, valid, text);
    assert.match(r.normalized, /^\d{3}-\d{3}-\d{3} \d{2}$/, text);
  }
});

test("checkBirthCertificate: the documented examples and shape", () => {
  assert.deepEqual(m.checkBirthCertificate("ХII-MЮ № 123456"),
    { valid: false, normalized: "XII-МЮ 123456", problems: ["roman_has_cyrillic", "letters_have_latin"] });
  assert.deepEqual(m.checkBirthCertificate("IV МЮ 12345"), { valid: false, problems: ["missing_hyphen", "number_length"] });
  assert.deepEqual(m.checkBirthCertificate("lV-МЮ 123456"),
    { valid: false, normalized: "IV-МЮ 123456", problems: ["roman_lookalike"] });
  assert.deepEqual(m.checkBirthCertificate("IV-МЮ N 123 456"), { valid: true, normalized: "IV-МЮ 123456", problems: [] });
  assert.deepEqual(m.checkBirthCertificate("LV-МЮ 123456"), { valid: true, normalized: "LV-МЮ 123456", problems: [] });
  assert.deepEqual(m.checkBirthCertificate(""), { valid: false, problems: ["empty"] });
  const l = m.checkBirthCertificate("l-МЮ 123456");
  assert.deepEqual(l.problems, ["roman_lookalike"]);
  assert.equal("normalized" in l, false, "a lone l is I or L: no guess");
});

test("checkBirthCertificate: how parents type the series and number", () => {
  const valid = ["iv-мю 123456", "IV-МЮ-123456", "IV - МЮ 123456", "IV–МЮ 123456", "IV—МЮ №123456",
    "IV-МЮ No. 123456", "IV-МЮ Nº 123456", "IV-МЮ N° 123456", "IV-МЮ123456", "xl-мю 123456", "IV-МИ\u0306 123456"];
  for (const text of valid) assert.equal(m.checkBirthCertificate(text).valid, true, text);
  const rows = [
    ["ІV-МЮ 123456", ["roman_has_cyrillic"], "IV-МЮ 123456"],
    ["СI-МЮ 123456", ["roman_has_cyrillic"], "CI-МЮ 123456"],
    ["iv-mo 123456", ["letters_have_latin"], "IV-МО 123456"],
    ["1V-МЮ 123456", ["roman_lookalike"], "IV-МЮ 123456"],
    ["VL-МЮ 123456", ["roman_lookalike"], "VI-МЮ 123456"],
    ["IVМЮ 123456", ["missing_hyphen"], "IV-МЮ 123456"],
  ];
  for (const [text, problems, normalized] of rows) {
    assert.deepEqual(m.checkBirthCertificate(text), { valid: false, normalized, problems }, text);
  }
  for (const text of ["IIII-МЮ 123456", "VX-МЮ 123456", "IV-М 123456", "IV-МЮ 1234567", "AB 1234567", "😀"]) {
    const r = m.checkBirthCertificate(text);
    assert.equal(r.valid, false, text);
    assert.ok(r.problems.length > 0, text);
  }
  assert.deepEqual(m.checkBirthCertificate("IV-МЮ 123456 ".repeat(100_000)).problems, ["too_long"]);
});

test("compareRecords: the documented examples", async () => {
  const r = m.compareRecords(
    { lastName: "Семенова", firstName: "Aнна", snils: "112-233-445 59" },
    { lastName: "Семёнова", firstName: "Анна", snils: "112-233-445 95" });
  assert.equal(r.match, false);
  assert.deepEqual(r.differences.map((d) => [d.field, d.kind]),
    [["last_name", "yo_e"], ["first_name", "lookalike"], ["snils", "transposition"]]);
  assert.deepEqual(own(r.differences[0]), ["diaryValue", "field", "gosuslugiValue", "hint", "kind"]);
  assert.equal(r.differences[0].diaryValue, "Семенова");
  assert.equal(r.differences[0].gosuslugiValue, "Семёнова");
  assert.ok(r.differences.every((d) => typeof d.hint === "string" && d.hint.length > 0));
  // English is loaded on demand (README, "Languages on demand").
  await m.loadLanguage("en", await readFile(new URL("diary-texts.en.bin", PKG)));
  const en = m.compareRecords({ lastName: "Фёдоров", firstName: "Иван" }, { lastName: "Федоров", firstName: "Иван" }, "en");
  assert.doesNotMatch(en.differences[0].hint, /[а-я]{6}/i, "the English hint is English");
  assert.deepEqual(m.compareRecords({ lastName: "Иванов", firstName: "Иван" }, { lastName: "Иванов", firstName: "Иван" }),
    { match: true, differences: [] });
});

test("compareRecords: names, dates, documents as parents type them", () => {
  const base = { lastName: "Иванов", firstName: "Иван", middleName: "Иванович", birthDate: "2012-05-10",
    snils: "112-233-445 95", certificate: "IV-МЮ 123456" };
  const rows = [
    [{ lastName: "СЕМЕНОВА" }, { lastName: "Семёнова" }, [["last_name", "case"], ["last_name", "yo_e"]]],
    [{ lastName: "Римский-Корсаков" }, { lastName: "Римский Корсаков" }, [["last_name", "hyphen"]]],
    [{ lastName: "Иванова  Петрова" }, { lastName: "Иванова Петрова" }, [["last_name", "whitespace"]]],
    [{ lastName: "Ивнов" }, {}, [["last_name", "typo"]]],
    [{ lastName: "Иавнов" }, {}, [["last_name", "transposition"]]],
    [{ middleName: undefined }, {}, [["middle_name", "missing"]]],
    [{ birthDate: "10.5.12" }, {}, []],
    [{ birthDate: "10 мая 2012 г." }, {}, []],
    [{ birthDate: "10/05/2012" }, {}, []],
    [{ birthDate: "2012-10-05" }, {}, [["birth_date", "day_month_swapped"]]],
    [{ snils: "11223344595" }, {}, []],
    [{ certificate: "IV-МЮ №123456" }, {}, []],
    [{ certificate: "IV-MЮ 123456" }, {}, [["certificate", "lookalike"]]],
    [{ certificate: "IVМЮ 123456" }, {}, [["certificate", "hyphen"]]],
  ];
  for (const [d, g, want] of rows) {
    const diary = { ...base, ...d };
    for (const k of Object.keys(diary)) if (diary[k] === undefined) delete diary[k];
    const r = m.compareRecords(diary, { ...base, ...g });
    const got = r.differences.map((x) => [x.field, x.kind]).sort();
    assert.deepEqual(got, [...want].sort(), JSON.stringify(d));
    assert.equal(r.match, want.length === 0);
  }
});

test("compareRecords: the documented errors name the field", () => {
  const ok = { lastName: "Иванов", firstName: "Иван" };
  assert.throws(() => m.compareRecords(null, ok), /^Error: diary: expected an object/);
  assert.throws(() => m.compareRecords({ firstName: "Иван" }, ok), /^Error: diary\.lastName: /);
  assert.throws(() => m.compareRecords(ok, { ...ok, snils: 112 }), /^Error: gosuslugi\.snils: /);
  assert.throws(() => m.compareRecords(ok, ok, "de"), /^Error: lang: /);
  for (const f of [m.checkSnils, m.checkBirthCertificate]) {
    assert.throws(() => f(112), /^Error: text: expected a string/);
  }
  assert.equal(m.checkSnils("112-233-445 95").valid, true, "the module keeps working");
});

test("checkPassword: rules, warnings and the layout fix as documented", () => {
  const p = m.checkPassword("Пароль1!", { personal: ["Маша", "2012-05-10"] });
  assert.deepEqual(p.rules.map((r) => r.id), ["min_length", "uppercase", "lowercase", "digit", "symbol", "allowed_chars"]);
  assert.equal(p.rules[0].passed, true, "8 characters, counted as characters");
  assert.equal(p.rules[1].passed, false);
  assert.equal(p.layoutFix, "Gfhjkm1!");
  assert.ok(p.warnings.includes("cyrillic_layout"));
  assert.equal(m.checkPassword("Пароль 1").layoutFix, "Gfhjkm 1");
  const good = m.checkPassword("Masha2012!", { personal: ["Маша", "2012-05-10"], confirm: "Masha2012!" });
  assert.equal(good.valid, true);
  assert.deepEqual(good.warnings, ["common_password", "date", "personal_info"]);
  assert.equal("layoutFix" in good, false);
  const rows = [
    ["With Space1!", ["allowed_chars"], ["whitespace"], [" "]],
    ["Hash#Tag12", ["symbol", "allowed_chars"], [], ["#"]],
    ["Star*Tag12!", ["allowed_chars"], [], ["*"]],
    ["kv7!mq2zpt", ["uppercase"], [], []],
    ["Kv7mq2zpT4", ["symbol"], [], []],
    ["Aa1!aaa", ["min_length"], [], []],
  ];
  for (const [pw, failed, warnings, invalid] of rows) {
    const r = m.checkPassword(pw);
    assert.deepEqual(r.rules.filter((x) => !x.passed).map((x) => x.id), failed, pw);
    for (const w of warnings) assert.ok(r.warnings.includes(w), `${pw}: ${w}`);
    assert.deepEqual(r.invalidChars, invalid, pw);
    assert.equal(r.valid, failed.length === 0, pw);
  }
  for (const c of "!\"$%&'()+,-./:;<=>?@[]^_{}~") assert.equal(m.checkPassword(`Kv7mq2zT${c}`).valid, true, c);
  const mismatch = m.checkPassword("Kv7!mq2zpT", { confirm: "Kv7!mq2zpT " });
  assert.deepEqual(mismatch.rules.at(-1), { id: "confirm_matches", passed: false });
  assert.ok(m.checkPassword("Anastasia!7Q", { personal: ["Анастасия"] }).warnings.includes("personal_info"));
  assert.throws(() => m.checkPassword("x", { confrim: "x" }), /^Error: options\.confrim: unknown field/);
  assert.throws(() => m.checkPassword(12), /^Error: password: expected a string/);
});

test("generatePassword: always passes the policy", () => {
  for (let i = 0; i < 200; i++) {
    for (const opts of [undefined, { memorable: true }, { length: 8 }, { length: 64 }, { memorable: true, length: 20 }]) {
      const pw = m.generatePassword(opts);
      assert.equal(m.checkPassword(pw).valid, true, pw);
      if (opts?.length && !opts.memorable) assert.equal(pw.length, opts.length, pw);
      if (opts?.length && opts.memorable) assert.ok(pw.length >= opts.length, pw);
    }
  }
  assert.throws(() => m.generatePassword({ length: 7 }), /^Error: options\.length: must be a whole number from 8 to 64/);
  assert.throws(() => m.generatePassword({ length: 8.5 }), /^Error: options\.length: /);
});

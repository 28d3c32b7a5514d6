// The JS boundary of the rules API as shipped (pkg/rules), attacked as a
// buggy or hostile host page would: throwing getters and Proxy traps,
// prototype pollution, huge inputs, personal data in wrong values. Every
// call must end in a plain Error naming the field, never a wasm trap, never
// the value echoed; the module must keep working and its memory stay flat.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as api from "../../pkg/rules/diary_rules.js";

const wasm = api.initSync({ module: readFileSync(new URL("../../pkg/rules/diary_rules_bg.wasm", import.meta.url)) });
const memory = () => wasm.memory.buffer.byteLength;

const SITUATION = { role: "parent", birthDate: "2015-09-01", region: "kuzbass", now: "2026-03-16T18:01" };

/** Hostile values, each with the field its error must name. */
function hostile() {
  const boom = () => { throw new Error("host getter"); };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  return [
    ["a throwing getter", Object.defineProperty({ ...SITUATION }, "birthDate", { get: boom, enumerable: true }), "birthDate"],
    ["a Proxy whose ownKeys throws", new Proxy({}, { ownKeys: boom }), "situation"],
    ["a Proxy whose get throws", new Proxy({ ...SITUATION }, { get: boom }), "role"],
    ["a revoked Proxy", revoked.proxy, "situation"],
    ["a Proxy array", { ...SITUATION, done: new Proxy([], { get: boom }) }, "done"],
    ["an array with a throwing index", { ...SITUATION, done: Object.defineProperty([1], 0, { get: boom }) }, "done[0]"],
  ];
}

test("10,000 hostile calls: each a plain Error naming the field; the module keeps working, memory flat", () => {
  const good = api.assessEligibility(SITUATION);
  const start = memory();
  for (let i = 0; i < 10000; i++) {
    for (const [what, value, field] of hostile()) {
      if (i > 0 && field !== "birthDate" && i % 50) continue; // all kinds often, one kind every time
      let thrown;
      try { api.assessEligibility(value); } catch (e) { thrown = e; }
      assert.ok(thrown instanceof Error, `${what}: no error`);
      assert.ok(!(thrown instanceof WebAssembly.RuntimeError), `${what}: a wasm trap`);
      assert.ok(thrown.message.startsWith(field) || thrown.message.startsWith("situation"), `${what}: ${thrown.message}`);
      assert.doesNotMatch(thrown.message, /host getter/);
    }
  }
  // The other entry points too.
  const throwing = new Proxy({}, { ownKeys() { throw new Error("x"); }, get() { throw new Error("x"); } });
  for (const call of [
    () => api.explainError("Ваш дневник не найден", throwing),
    () => api.checkPassword("Abcdef1!", throwing),
    () => api.generatePassword(throwing),
    () => api.compareRecords(throwing, {}),
    () => api.passwordPolicy(throwing),
    () => api.listErrors(throwing),
  ]) {
    assert.throws(call, (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && /cannot be read|expected/.test(e.message));
  }
  assert.deepEqual(api.assessEligibility(SITUATION), good, "the module still answers the same");
  assert.equal(api.explainError("Ваш дневник не найден")?.id, "diary_not_found");
  assert.ok(memory() - start <= 1 << 20, `wasm memory grew by ${memory() - start} bytes`);
});

test("prototype pollution is never read", () => {
  const clean = {
    eligibility: api.assessEligibility(SITUATION),
    explained: api.explainError("Ваш дневник не найден", { role: "parent" }),
    password: api.checkPassword("Abcdef12!"),
  };
  const evil = { id: "evil", diarySite: { href: "https://evil.example/", label: "Сайт дневника" } };
  const polluted = ["region", "lang", "role", "policy", "ageYears", "birthDate", "length", "done"];
  try {
    for (const k of polluted) Object.prototype[k] = k === "region" ? evil : "en";
    Array.prototype[0] = "evil";
    assert.deepEqual(api.assessEligibility({ ...SITUATION }), clean.eligibility);
    assert.deepEqual(api.explainError("Ваш дневник не найден", { role: "parent" }), clean.explained);
    assert.deepEqual(api.checkPassword("Abcdef12!", {}), clean.password);
    assert.ok(!JSON.stringify(api.explainError("Ваш дневник не найден", {})).includes("evil.example"));
  } finally {
    for (const k of polluted) delete Object.prototype[k];
    delete Array.prototype[0];
  }
});

test("inputs over 2 MiB are refused before they are copied in, quickly and without echo", () => {
  const start = memory();
  const huge = "дневник не найден ".repeat(240000); // 4.3 M characters
  for (const call of [
    () => api.explainError(huge),
    () => api.checkPassword(huge),
    () => api.passwordPolicy(huge),
    () => api.checkSnils(huge),
    () => api.assessEligibility({ ...SITUATION, birthDate: huge }),
  ]) {
    const t = performance.now();
    assert.throws(call, (e) => e instanceof Error && /longer than the limit of 2097152 characters/.test(e.message)
      && e.message.length < 200);
    assert.ok(performance.now() - t < 100, "refused at once");
  }
  assert.ok(memory() - start <= 1 << 20, `memory grew by ${memory() - start}`);
  // Exactly at the limit is accepted.
  assert.doesNotThrow(() => api.explainError("a".repeat(1 << 21)));
});

test("error messages name the field and never echo the value", () => {
  const name = "Маша Иванова 2012-05-10";
  const cases = [
    () => api.assessEligibility({ ...SITUATION, birthDate: name }),
    () => api.assessEligibility({ ...SITUATION, role: name }),
    () => api.assessEligibility({ ...SITUATION, region: 11223344595 }),
    () => api.explainError("x", { birthDate: name }),
    () => api.explainError("x", { ageYears: 1e9 }),
    () => api.explainError("x", { role: name }),
    () => api.passwordPolicy(name),
    () => api.checkPassword(name, { lang: name }),
    () => api.generatePassword({ length: 112233 }),
    () => api.compareRecords({ lastName: 12345678901 }, {}),
    () => api.listErrors(name),
  ];
  for (const call of cases) {
    let message;
    try { call(); } catch (e) { message = e.message; }
    assert.ok(message, `no error for ${call}`);
    assert.match(message, /^[a-zA-Z.[\]0-9]+: /, message);
    for (const secret of ["Маша", "2012-05-10", "11223344595", "1000000000", "112233", "12345678901"]) {
      assert.ok(!message.includes(secret), `echoed ${secret}: ${message}`);
    }
  }
});

test("a language file's source: hostile objects are refused with a plain Error; a Buffer of another realm loads", async () => {
  const { runInNewContext } = await import("node:vm");
  const boom = () => { throw new Error("host getter"); };
  class Hostile extends URL { get href() { throw new Error("host getter"); } }
  const bytes = readFileSync(new URL("../../pkg/rules/diary-texts.en.bin", import.meta.url));
  for (const source of [
    new Proxy(new Uint8Array(bytes), { get: boom, getPrototypeOf: boom }),
    new Hostile("https://example.org/x.bin"),
    { byteLength: 5 },
    new Proxy({}, { getPrototypeOf: boom }),
  ]) {
    await assert.rejects(api.loadLanguage("en", source), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError)
      && /^source: /.test(e.message) && !/host getter/.test(e.message));
  }
  // The module still works, and a Uint8Array made in another realm (jsdom's globals, a vm context) is bytes.
  const foreign = runInNewContext("new Uint8Array(n)", { n: bytes.length });
  foreign.set(bytes);
  assert.ok(!(foreign instanceof Uint8Array));
  await api.loadLanguage("en", foreign);
  assert.equal(typeof api.passwordPolicy("en").rules[0].text, "string");
});

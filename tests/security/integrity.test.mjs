// Verified files: each module accepts only the language file it was built
// with (SHA-256 compiled in) served as application/octet-stream, the panel
// runs only the sections' wasm it was built with, and the published SRI
// hashes (pkg/SRI.json, the CDN example) are the files' own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setUp, tearDown, openPage } from "../e2e/helpers.mjs";
import { hashes, SRI_FILES } from "../../scripts/sri.mjs";
import * as api from "../../pkg/rules/diary_rules.js";

api.initSync({ module: readFileSync(new URL("../../pkg/rules/diary_rules_bg.wasm", import.meta.url)) });
const EN = readFileSync(new URL("../../pkg/rules/diary-texts.en.bin", import.meta.url));

/** FNV-1a, 32 bits: the language file's own checksum, which an attacker can recompute. */
function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/** The English file with one word changed and its checksum fixed up. */
function tampered(file) {
  const b = Buffer.from(file);
  const at = b.indexOf(Buffer.from("Gosuslugi"));
  assert.ok(at > 24);
  b.write("Gosusluga", at);
  b.writeUInt32LE(fnv1a(b.subarray(24)), 20);
  return b;
}

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

test("a tampered language file with a fixed-up checksum is refused; the real one loads", async () => {
  await assert.rejects(api.loadLanguage("en", tampered(EN)), /not the file this module was built with/);
  assert.throws(() => api.passwordPolicy("en"), /not loaded/);
  await api.loadLanguage("en", EN);
  assert.equal(typeof api.passwordPolicy("en").rules[0].text, "string");
});

for (const [what, fulfil, warning] of [
  ["a tampered file", (route, body) => route.fulfill({ body: tampered(body), contentType: "application/octet-stream" }), /SHA-256/],
  ["an HTML page in its place", (route) => route.fulfill({ body: "<!doctype html><p>index", contentType: "text/html" }), /served as/],
  ["the right bytes as text/plain", (route, body) => route.fulfill({ body, contentType: "text/plain" }), /served as/],
]) {
  test(`the panel refuses ${what} for English, stays Russian, warns once`, async () => {
    const { page, context, log } = await openPage(env, "tests/e2e/blank.html", {
      prepare: (p) => p.route("**/pkg/widget/diary-texts.en.bin", async (route) => {
        const response = await route.fetch();
        await fulfil(route, await response.body());
      }),
    });
    try {
      await page.evaluate(async () => {
        const m = await import("/pkg/widget/diary_help.js");
        await m.default();
        window.handle = m.mount(document.body.appendChild(document.createElement("div")), { lang: "en" });
      });
      await page.waitForSelector(".dh-panel");
      await page.waitForTimeout(800);
      const lang = await page.evaluate(() => document.querySelector(".dh-panel").getAttribute("lang"));
      assert.equal(lang, "ru");
      const warnings = log.warnings.filter((w) => /could not load/.test(w));
      assert.equal(warnings.length, 1, log.warnings.join("\n"));
      assert.match(warnings[0], warning);
    } finally {
      await context.close();
    }
  });
}

test("the panel runs only the sections' wasm it was built with", async () => {
  const { page, context, log } = await openPage(env, "tests/e2e/blank.html", {
    prepare: (p) => p.route("**/pkg/widget/diary_help_sections_bg.wasm", async (route) => {
      const body = Buffer.from(await (await route.fetch()).body());
      body[body.length - 1] ^= 1;
      await route.fulfill({ body, contentType: "application/wasm" });
    }),
  });
  try {
    await page.evaluate(async () => {
      const m = await import("/pkg/widget/diary_help.js");
      await m.default();
      window.handle = m.mount(document.body.appendChild(document.createElement("div")), {});
    });
    await page.click("#dh-section-password");
    await page.waitForTimeout(1500);
    assert.equal(await page.$("#dh-pw"), null, "the tampered sections ran");
    assert.ok(log.warnings.some((w) => /SHA-256 differs/.test(w)), log.warnings.join("\n"));
    // The first module goes on working.
    await page.click("#dh-section-next");
    await page.waitForSelector("#dh-birth-date");
    assert.deepEqual(log.uncaught, []);
  } finally {
    await context.close();
  }
});

test("pkg/SRI.json and the CDN example carry the files' own SRI hashes", () => {
  const published = JSON.parse(readFileSync("pkg/SRI.json", "utf8"));
  assert.deepEqual(published, hashes("pkg"));
  assert.deepEqual(Object.keys(published), SRI_FILES);
  const cdn = readFileSync("docs/examples/cdn.html", "utf8");
  for (const tag of cdn.match(/<(script|link)\b[^>]*cdn\.example\.org[^>]*>/g)) {
    const file = SRI_FILES.find((f) => tag.includes("/" + f.split("/")[1] + '"'));
    assert.ok(file, tag);
    assert.ok(tag.includes(`integrity="${published[file]}"`), `${tag} lacks ${published[file]}`);
  }
});

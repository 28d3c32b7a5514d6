// The static guide as shipped (pkg/widget/guide/, written by crates/guide
// through scripts/build.sh): a page for every region × reader × path, in
// Russian and English; no script, no inline event handler, nothing fetched
// but its own stylesheet; lang, one h1, headings in order, landmarks, an
// ordered list of steps; axe-core clean (serious and critical) in Chromium;
// a print-media screenshot to tests/artifacts/static-guide-print.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, relative } from "node:path";
import { setUp, tearDown, openPage, foreignRequests, ARTIFACTS } from "../e2e/helpers.mjs";

const GUIDE = fileURLToPath(new URL("../../pkg/widget/guide/", import.meta.url));
const REGIONS_TOML = fileURLToPath(new URL("../../crates/rules/data/regions.toml", import.meta.url));
const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const LANGS = ["ru", "en"];

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(relative(GUIDE, p).split("\\").join("/"));
  }
};
walk(GUIDE);
const pages = files.filter((f) => f.endsWith(".html"));
const read = (f) => readFileSync(join(GUIDE, f), "utf8");
const fallback = (lang) => JSON.parse(read(`fallback.${lang}.json`));

test("every region × reader × path has its page in both languages, and the fallback names it", () => {
  // The regions from their one definition; the readers from the fallback's chooser.
  const regions = [...readFileSync(REGIONS_TOML, "utf8").matchAll(/^\[\[region\]\]\s*\nid = "([^"]+)"/gm)].map((m) => m[1]);
  assert.ok(regions.length >= 4, `regions: ${regions}`);
  for (const lang of LANGS) {
    const fb = fallback(lang);
    assert.equal(fb.lang, lang);
    for (const key of ["heading", "chooseRole", "chooseAge", "openFull"]) assert.equal(typeof fb.texts[key], "string", key);
    const roles = Object.keys(fb.texts.roles);
    assert.deepEqual(roles, ["guardian", "parent", "student"]);
    assert.deepEqual(Object.keys(fb.regions).sort(), [...regions].sort());
    for (const region of regions) {
      for (const role of roles) {
        const plans = Object.entries(fb.regions[region].plans).filter(([k]) => k.startsWith(`${role}/`));
        assert.ok(plans.length >= 2, `${lang} ${region} ${role}: ${plans.length} paths`);
        for (const [key, plan] of plans) {
          const path = key.split("/")[1];
          assert.ok(fb.texts.ages.some((a) => a.id === path && a.label), `${key}: no age label`);
          assert.equal(plan.page, `${lang}/${region}/${role}-${path}.html`);
          assert.ok(existsSync(join(GUIDE, plan.page)), `${plan.page} missing`);
          assert.ok(plan.steps.length > 0);
          plan.steps.forEach((s, i) => {
            assert.equal(s.n, i + 1);
            for (const k of ["who", "title", "text"]) assert.ok(typeof s[k] === "string" && s[k] && !/[<>]/.test(s[k]), `${key} ${k}`);
            if (s.link !== null) assert.match(s.link.href, /^https?:\/\//);
          });
          // The page lists the same steps.
          const html = read(plan.page);
          assert.equal((html.match(/<ol class="steps">[\s\S]*?<\/ol>\n<\/section>/) ?? [""])[0].split("<h3>").length - 1, plan.steps.length, plan.page);
        }
      }
    }
    const index = read(`${lang}/index.html`);
    for (const href of index.matchAll(/href="([^"]+\.html)"/g)) {
      assert.ok(existsSync(join(GUIDE, lang, href[1])), `${lang}/index.html links ${href[1]}`);
    }
    for (const f of ["index.html", "errors.html", "password.html"]) assert.ok(pages.includes(`${lang}/${f}`), `${lang}/${f}`);
  }
});

test("the fallback JSON stays well under 30 KB gzip", async () => {
  const { gzipSync } = await import("node:zlib");
  for (const lang of LANGS) {
    const size = gzipSync(readFileSync(join(GUIDE, `fallback.${lang}.json`)), { level: 9 }).length;
    assert.ok(size < 20 * 1024, `fallback.${lang}.json: ${size} B gzip`);
  }
});

test("every page: no script, no handlers, no foreign resources, lang, one h1, headings in order, landmarks", () => {
  for (const f of pages) {
    const html = read(f);
    assert.ok(!/<script/i.test(html), `${f}: <script`);
    assert.ok(!/\son[a-z]+\s*=/i.test(html), `${f}: inline event handler`);
    assert.ok(!/javascript:/i.test(html), `${f}: javascript: URL`);
    assert.ok(!/<(img|iframe|object|embed|video|audio|source|style)\b/i.test(html), `${f}: embedded resource`);
    assert.ok(!/\sstyle\s*=/i.test(html), `${f}: inline style`);
    // The one resource: the guide's own stylesheet, by a relative address.
    const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
    for (const l of links) {
      if (/rel="stylesheet"/.test(l)) assert.match(l, /href="(\.\.\/)+guide\.css"/, `${f}: ${l}`);
      else assert.match(l, /rel="alternate"/, `${f}: ${l}`);
    }
    const lang = f.split("/")[0];
    assert.match(html, new RegExp(`<html lang="${lang}">`), `${f}: lang`);
    assert.equal(html.match(/<h1[\s>]/g)?.length, 1, `${f}: one h1`);
    assert.match(html, /<title>[^<]+<\/title>/, `${f}: title`);
    assert.match(html, /<main>/, `${f}: main`);
    assert.match(html, /<nav aria-label="[^"]+">/, `${f}: nav`);
    let level = 0;
    for (const m of html.matchAll(/<h([1-6])[\s>]/g)) {
      const next = Number(m[1]);
      assert.ok(next <= level + 1, `${f}: h${next} after h${level}`);
      level = next;
    }
    // Every link has words, and every outside link shows its address.
    for (const a of html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>( <span class="url">([^<]*)<\/span>)?/g)) {
      assert.ok(a[2].trim(), `${f}: empty link text for ${a[1]}`);
      if (/^https?:/.test(a[1])) assert.equal(a[4], a[1], `${f}: ${a[1]} not written out`);
    }
    if (/\/[a-z]+-[a-z_]+\.html$/.test(f)) assert.match(html, /<ol class="steps">/, `${f}: steps as <ol>`);
  }
});

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

test("in Chromium: axe clean on every page, nothing fetched from elsewhere; a print screenshot", async () => {
  assert.ok(existsSync(AXE), "axe-core is in node_modules (npm ci)");
  const axeSource = readFileSync(AXE, "utf8");
  const { page, context, log } = await openPage(env, `pkg/widget/guide/ru/index.html`, { viewport: { width: 390, height: 844 } });
  // Every response: a missing file is an error (the browser's own favicon request aside).
  const missing = [];
  page.on("response", (r) => { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) missing.push(r.url()); });
  const bad = [];
  for (const f of pages) {
    await page.goto(new URL(`pkg/widget/guide/${f}`, env.url).href);
    // Evaluated, not a script tag: the pages themselves hold no script.
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    for (const v of result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      bad.push(`${f}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  assert.deepEqual(bad, []);
  assert.deepEqual(foreignRequests(log, env.origin), []);
  assert.deepEqual(missing, []);
  assert.deepEqual(log.uncaught, []);
  // Print: the navigation hides, the steps and their links stay.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.goto(new URL("pkg/widget/guide/ru/kuzbass/parent-parent_creates_account.html", env.url).href);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("nav")).display), "none");
  assert.ok(await page.evaluate(() => document.querySelector("ol.steps li .url")?.offsetHeight > 0), "addresses print");
  await page.screenshot({ path: fileURLToPath(new URL("static-guide-print.png", ARTIFACTS)), fullPage: true });
  await context.close();
});

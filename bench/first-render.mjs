// Time from navigation to the help panel's first render, in headless
// Chromium, beside a page that loads only npm zxcvbn (the usual way login
// pages add a password meter), in the same run.
//
//   node bench/first-render.mjs [--runs 15] [--profiles 3g] [--pages script,pasted,peer]
//
// Every run is a fresh browser context (cold cache), served by the local
// static server with gzip, as a static host would. Two network/CPU profiles:
// local (no throttling) and a slow phone (Chrome DevTools' "Fast 3G":
// 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, with the CPU slowed 4×).
// The pages take turns run by run (not all runs of one page, then the
// next), so a busy moment of the machine falls on every page alike.
// "First question" is the first animation frame in which the birth-date
// question is on screen (the static first screen of diary-help-start.js, the
// copy pasted into the page, or the panel's own); "panel" the first frame in
// which the Yew panel itself (or zxcvbn's first verdict) is in the DOM;
// "first paint" the page's first contentful paint (Paint Timing).
// The floor pages are the host page alone (its HTML and CSS, nothing of
// ours), and with the pasted first screen and diary-help-first.css but no script:
// what no script can beat.
import { loadavg } from "node:os";
import { readFileSync } from "node:fs";
import { PROFILES, median, launch } from "./browser.mjs";
import { startServer } from "../scripts/serve.mjs";

const args = process.argv.slice(2);
const arg = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(arg("--runs") || 15) || 15;
// --root DIR: serve another site root (bench/one-module.sh makes one whose
// pkg/widget is the panel as one module).
const ROOT = arg("--root") ? new URL(arg("--root") + "/", new URL("..", import.meta.url)).pathname : undefined;
const SITE = ROOT ?? new URL("..", import.meta.url).pathname;

const PAGES = [
  { id: "floor", name: "floor: the host page alone (HTML + CSS, nothing of ours)", path: "floor.html" },
  { id: "floor-pasted", name: "floor: host page + pasted first screen + diary-help-first.css, no script", path: "floor-pasted.html" },
  { id: "script", name: "index.html: start() draws the first screen (pkg/widget)", path: "index.html" },
  { id: "pasted", name: "first-screen.html: start() adopts the pasted first screen", path: "docs/examples/first-screen.html" },
  { id: "element", name: "element.html: <diary-login-help> in a shadow root", path: "element.html" },
  { id: "element-pasted", name: "first-screen-element.html: <diary-login-help>, pasted first screen", path: "docs/examples/first-screen-element.html" },
  { id: "peer", name: "peer: a page loading only zxcvbn 4.4.2", path: "bench/zxcvbn-only.html" },
].filter((p) => !arg("--pages") || arg("--pages").split(",").includes(p.id));
const profiles = PROFILES.filter((p) => !arg("--profiles") || arg("--profiles").split(",").some((k) => (k === "3g" ? p.cpu > 1 : p.name === k)));

// The floor pages are index.html itself, served at /floor.html and
// /floor-pasted.html, so the host page's markup is written once: "floor"
// drops every module preload, preload, script and our stylesheet (nothing
// of ours is left, only the host page's HTML and CSS); "floor-pasted" links
// diary-help-first.css in its place and puts the first screen as built
// (pkg/widget/first-screen.ru.html) before the host's fallback paragraph,
// where the file's own comment says to paste it.
const floorPage = (pasted) => () => {
  let html = readFileSync(SITE + "index.html", "utf8")
    .replace("<html ", '<html data-bench="floor" ')
    .replace(/ *<!--[^]*?-->\n/g, "")
    .replace(/ *<link rel="(?:modulepreload|preload)"[^>]*>\n/g, "")
    .replace(/ *<script\b[^>]*><\/script>\n/g, "");
  if (!pasted) return html.replace(/ *<link rel="stylesheet" href="pkg\/widget\/diary-help\.css">\n/, "");
  const screen = readFileSync(SITE + "pkg/widget/first-screen.ru.html", "utf8");
  html = html.replace('href="pkg/widget/diary-help.css"', 'href="pkg/widget/diary-help-first.css"');
  return html.replace(/(<div id="diary-help"[^>]*>\n)/, (_, target) => target + screen + "\n");
};
const pages = { "/floor.html": floorPage(false), "/floor-pasted.html": floorPage(true) };

// Runs in the page before any of its scripts: records when each holds first.
const PROBE = () => {
  const root = () => document.querySelector("diary-login-help")?.shadowRoot ?? document;
  const floor = () => document.documentElement.dataset.bench === "floor";
  const question = () => {
    const input = root().querySelector(floor() && !document.querySelector("#dh-birth-date") ? "#login-title" : "#dh-birth-date");
    return input && input.getBoundingClientRect().height > 0;
  };
  const panel = () => root().querySelector(".dh-panel:not(.dh-static)") || document.documentElement.dataset.ready === "zxcvbn"
    || (floor() && window.__questionAt !== undefined && document.readyState === "complete");
  const tick = () => {
    if (window.__questionAt === undefined && (question() || document.documentElement.dataset.ready === "zxcvbn")) {
      window.__questionAt = performance.now();
    }
    if (panel()) window.__readyAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
const loadBefore = load();
const { server, url } = await startServer({ gzip: true, pages, ...(ROOT ? { root: ROOT.replace(/\/$/, "") } : {}) });
const browser = await launch();
const results = [];
try {
  for (const profile of profiles) {
    const runs = new Map(PAGES.map((p) => [p, { times: [], questions: [], paints: [], bytes: 0 }]));
    for (let i = 0; i < RUNS; i++) {
      for (const target of PAGES) {
        const r = runs.get(target);
        const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
        if (profile.network) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...profile.network });
        if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
        let transferred = 0;
        cdp.on("Network.loadingFinished", (e) => { transferred += e.encodedDataLength; });
        await page.addInitScript(PROBE);
        await page.goto(new URL(target.path, url).href);
        await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60000 });
        r.times.push(await page.evaluate(() => window.__readyAt));
        r.questions.push(await page.evaluate(() => window.__questionAt ?? window.__readyAt));
        r.paints.push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN));
        r.bytes = transferred;
        await context.close();
      }
    }
    for (const target of PAGES) {
      const r = runs.get(target);
      const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
      results.push({
        profile: profile.name, page: target.name, bytes: r.bytes,
        paint: stat(r.paints), question: stat(r.questions), panel: stat(r.times),
      });
    }
    process.stderr.write(`${profile.name} done\n`);
  }
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}

console.log(`Chromium ${browser.version()} headless, ${RUNS} cold runs each (pages in turn), 360×640, gzip.`);
console.log(`Load average (1, 5, 15 min): ${loadBefore} before, ${load()} after.\n`);
const ms = (t) => `${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;
console.log("| Profile | Page | First paint | First question: median (min–max) | Panel: median (min–max) | Transferred |");
console.log("|---|---|---:|---:|---:|---:|");
for (const r of results) {
  console.log(`| ${r.profile} | ${r.page} | ${r.paint.median.toFixed(0)} ms | ${ms(r.question)} | ${ms(r.panel)} | ${(r.bytes / 1024).toFixed(1)} KB |`);
}

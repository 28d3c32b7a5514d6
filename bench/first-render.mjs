// Time from navigation to the help panel's first render, in headless
// Chromium, beside a page that loads only npm zxcvbn (the usual way login
// pages add a password meter), in the same run.
//
//   node bench/first-render.mjs [--runs 15]
//
// Every run is a fresh browser context (cold cache), served by the local
// static server with gzip, as a static host would. Two network/CPU profiles:
// local (no throttling) and a slow phone (Chrome DevTools' "Fast 3G":
// 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, with the CPU slowed 4×).
// "First question" is the first animation frame in which the birth-date
// question is on screen (the static first screen of diary-help-start.js, or
// the panel's own); "panel" the first frame in which the Yew panel itself
// (or zxcvbn's first verdict) is in the DOM.
import { PROFILES, median, launch } from "./browser.mjs";
import { startServer } from "../scripts/serve.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1] || 15) || 15;
// --root DIR: serve another site root (bench/one-module.sh makes one whose
// pkg/widget is the panel as one module).
const ROOT = args.includes("--root") ? new URL(args[args.indexOf("--root") + 1] + "/", new URL("..", import.meta.url)).pathname : undefined;

const PAGES = [
  { name: "index.html: the help panel (pkg/widget)", path: "index.html" },
  { name: "element.html: <diary-login-help> in a shadow root", path: "element.html" },
  { name: "peer: a page loading only zxcvbn 4.4.2", path: "bench/zxcvbn-only.html" },
];

// Runs in the page before any of its scripts: records when each holds first.
const PROBE = () => {
  const root = () => document.querySelector("diary-login-help")?.shadowRoot ?? document;
  const question = () => {
    const input = root().querySelector("#dh-birth-date");
    return input && input.getBoundingClientRect().height > 0;
  };
  const panel = () => root().querySelector(".dh-panel:not(.dh-static)") || document.documentElement.dataset.ready === "zxcvbn";
  const tick = () => {
    if (window.__questionAt === undefined && (question() || document.documentElement.dataset.ready === "zxcvbn")) {
      window.__questionAt = performance.now();
    }
    if (panel()) window.__readyAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

const { server, url } = await startServer({ gzip: true, ...(ROOT ? { root: ROOT.replace(/\/$/, "") } : {}) });
const browser = await launch();
const results = [];
try {
  for (const profile of PROFILES) {
    for (const target of PAGES) {
      const times = [];
      const questions = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
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
        times.push(await page.evaluate(() => window.__readyAt));
        questions.push(await page.evaluate(() => window.__questionAt ?? window.__readyAt));
        bytes = transferred;
        await context.close();
      }
      results.push({
        profile: profile.name, page: target.name, bytes,
        question: { median: median(questions), min: Math.min(...questions), max: Math.max(...questions) },
        panel: { median: median(times), min: Math.min(...times), max: Math.max(...times) },
      });
      process.stderr.write(`${profile.name}: ${target.name} done\n`);
    }
  }
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}

console.log(`Chromium ${browser.version()} headless, ${RUNS} cold runs each, 360×640, gzip.\n`);
const ms = (t) => `${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;
console.log("| Profile | Page | First question: median (min–max) | Panel: median (min–max) | Transferred |");
console.log("|---|---|---:|---:|---:|");
for (const r of results) {
  console.log(`| ${r.profile} | ${r.page} | ${ms(r.question)} | ${ms(r.panel)} | ${(r.bytes / 1024).toFixed(1)} KB |`);
}

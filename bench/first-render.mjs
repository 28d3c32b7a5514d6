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
// "Ready" is the first animation frame in which the panel (or zxcvbn's
// first verdict) is in the DOM.
import { PROFILES, median, launch } from "./browser.mjs";
import { startServer } from "../scripts/serve.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1] || 15) || 15;

const PAGES = [
  { name: "index.html: the help panel (pkg/widget)", path: "index.html" },
  { name: "element.html: <diary-login-help> in a shadow root", path: "element.html" },
  { name: "peer: a page loading only zxcvbn 4.4.2", path: "bench/zxcvbn-only.html" },
];

// Runs in the page before any of its scripts: records when "ready" first holds.
const PROBE = () => {
  const ready = () =>
    document.querySelector(".dh-panel") ||
    document.querySelector("diary-login-help")?.shadowRoot?.querySelector(".dh-panel") ||
    document.documentElement.dataset.ready === "zxcvbn";
  const tick = () => {
    if (ready()) window.__readyAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};


const { server, url } = await startServer({ gzip: true });
const browser = await launch();
const results = [];
try {
  for (const profile of PROFILES) {
    for (const target of PAGES) {
      const times = [];
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
        bytes = transferred;
        await context.close();
      }
      results.push({ profile: profile.name, page: target.name, median: median(times), min: Math.min(...times), max: Math.max(...times), bytes });
      process.stderr.write(`${profile.name}: ${target.name} done\n`);
    }
  }
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}

console.log(`Chromium ${browser.version()} headless, ${RUNS} cold runs each, 360×640, gzip.\n`);
console.log("| Profile | Page | Ready: median (min–max) | Transferred |");
console.log("|---|---|---:|---:|");
for (const r of results) {
  console.log(`| ${r.profile} | ${r.page} | ${r.median.toFixed(0)} ms (${r.min.toFixed(0)}–${r.max.toFixed(0)}) | ${(r.bytes / 1024).toFixed(1)} KB |`);
}

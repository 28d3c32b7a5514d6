// Switching the panel to English: how long from the moment the language
// file (diary-texts.en.bin) has arrived to the first frame that shows the
// panel in English, and how big the download is. Headless Chromium against
// element.html: the element is ready in Russian, then `lang="en"` is set.
//
//   node bench/lang-switch.mjs [--runs 10]
//
// Profiles as bench/first-render.mjs: local, and "Fast 3G" with a 4× slower
// CPU. Not a test: a measurement for the README (budget: render within
// 300 ms of the file arriving; file at most 15 KB gz).
import { PROFILES, median, launch } from "./browser.mjs";
import { startServer } from "../scripts/serve.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1] || 10) || 10;

const { server, url } = await startServer({ gzip: true });
const browser = await launch();
const rows = [];
try {
  for (const profile of PROFILES) {
    const afterArrival = [];
    const total = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      let fileBytes = 0;
      const ids = new Set();
      cdp.on("Network.requestWillBeSent", (e) => { if (e.request.url.endsWith(".en.bin")) ids.add(e.requestId); });
      cdp.on("Network.loadingFinished", (e) => { if (ids.has(e.requestId)) fileBytes = e.encodedDataLength; });
      await page.goto(new URL("element.html", url).href);
      await page.waitForSelector("diary-login-help[data-state=ready]", { timeout: 60000 });
      if (profile.network) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...profile.network });
      if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
      const t = await page.evaluate(() => new Promise((done) => {
        const el = document.querySelector("diary-login-help");
        const start = performance.now();
        el.setAttribute("lang", "en");
        const tick = () => {
          const title = el.shadowRoot.querySelector(".dh-title")?.textContent ?? "";
          if (/^[A-Za-z]/.test(title)) {
            const shown = performance.now();
            const file = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".en.bin"));
            done({ total: shown - start, afterArrival: file ? shown - file.responseEnd : NaN });
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }));
      afterArrival.push(t.afterArrival);
      total.push(t.total);
      bytes = fileBytes;
      await context.close();
    }
    rows.push({ profile: profile.name, afterArrival: median(afterArrival), max: Math.max(...afterArrival), total: median(total), bytes });
    process.stderr.write(`${profile.name} done\n`);
  }
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}
console.log(`Chromium ${browser.version()} headless, ${RUNS} runs each, element.html, gzip.\n`);
console.log("| Profile | File arrived → English on screen: median (max) | Attribute set → English on screen | File transferred |");
console.log("|---|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.profile} | ${r.afterArrival.toFixed(0)} ms (${r.max.toFixed(0)}) | ${r.total.toFixed(0)} ms | ${(r.bytes / 1024).toFixed(1)} KB |`);
}

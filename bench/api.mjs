// Time per call of every rules API function (pkg/rules as shipped), under
// Node and in headless Chromium, in one run. Prints a Markdown table.
//
//   node bench/api.mjs
import { readFile } from "node:fs/promises";
import { chromium } from "playwright-core";
import { startServer } from "../scripts/serve.mjs";
import { cases, timeAll } from "./api-cases.mjs";

const pkg = new URL("../pkg/rules/", import.meta.url);
const m = await import(new URL("diary_rules.js", pkg));
await m.default({ module_or_path: await readFile(new URL("diary_rules_bg.wasm", pkg)) });
const node = timeAll(cases(m));

const { server, url } = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let browserRows;
try {
  const page = await browser.newPage();
  await page.goto(new URL("tests/e2e/blank.html", url).href);
  browserRows = await page.evaluate(async () => {
    const m = await import("/pkg/rules/diary_rules.js");
    await m.default();
    const { cases, timeAll } = await import("/bench/api-cases.mjs");
    return timeAll(cases(m));
  });
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}

const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
console.log(`| Call | Node ${process.version} | Chromium ${browser.version()} |`);
console.log("|---|---:|---:|");
node.forEach((r, i) => console.log(`| ${r.name} | ${fmt(r.ms)} | ${fmt(browserRows[i].ms)} |`));

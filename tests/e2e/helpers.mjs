// Shared set-up of the end-to-end tests: a static server on 127.0.0.1 and a
// headless Chromium from Debian driven by playwright-core. Every test page
// records console errors, page errors and every request, so a test can
// assert that nothing left the page's own origin.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { startServer } from "../../scripts/serve.mjs";

export const ARTIFACTS = new URL("../artifacts/", import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export async function setUp() {
  const { server, url } = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return { server, url, browser, origin: new URL(url).origin };
}

export async function tearDown({ server, browser }) {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
}

/**
 * A new page with logs of console errors, page errors (uncaught exceptions,
 * also kept apart in `log.uncaught`) and requests. `prepare(page)` runs
 * before the navigation (e.g. to install routes); `contextOptions` go to
 * playwright's `newContext` (e.g. `bypassCSP` to inject axe-core as a script
 * tag); `waitUntil` goes to `page.goto` (e.g. "commit" while a test holds
 * the page's scripts).
 */
export async function openPage(env, path, { viewport = { width: 1280, height: 800 }, prepare, contextOptions = {}, waitUntil } = {}) {
  const context = await env.browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const log = { errors: [], requests: [], uncaught: [], warnings: [] };
  page.on("pageerror", (e) => log.uncaught.push(String(e)));
  page.on("console", (m) => { if (m.type() === "warning") log.warnings.push(m.text()); });
  if (prepare) await prepare(page);
  page.on("console", (m) => { if (m.type() === "error") log.errors.push(m.text()); });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("request", (r) => log.requests.push(r.url()));
  await page.goto(new URL(path, env.url).href, waitUntil ? { waitUntil } : {});
  return { page, context, log };
}

/** Requests that went anywhere but the page's own origin. */
export function foreignRequests(log, origin) {
  return log.requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:"));
}

/**
 * Every computed style of the elements `selector` matches and of their
 * ::before, ::after and ::marker boxes (those with content), one sorted
 * line per property: two pages styled alike give equal arrays.
 */
export function computedStyles(page, selector) {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].flatMap((el, i) => {
    const name = `${i} ${el.tagName.toLowerCase()}#${el.id}.${el.className}`;
    return [null, "::before", "::after", "::marker"].flatMap((pseudo) => {
      const cs = getComputedStyle(el, pseudo);
      if (pseudo && cs.content === "none") return [];
      return [...cs].map((p) => `${name}${pseudo ?? ""} ${p}: ${cs.getPropertyValue(p)}`).sort();
    });
  }), selector);
}

// The browser engines of the cross-engine tests (issue 26) and one
// selenium-webdriver session per engine: Firefox ESR (geckodriver),
// WebKitGTK (WebKitWebDriver under Xvfb; the current Safari generation) and
// WPE WebKit 2.38 (WPEWebDriver + cog; the Safari 16.0 generation, the
// oldest WebKit Debian ships). scripts/setup.sh --engines installs them;
// a missing one fails its tests (it is never skipped). `DIARY_ENGINES`
// (comma-separated names) picks a subset, e.g. while working on one engine.
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { Builder } from "selenium-webdriver";

const GECKODRIVER_VERSION = "0.37.1";
const cacheDir = process.env.DIARY_TOOL_CACHE ?? `${process.env.XDG_CACHE_HOME ?? `${homedir()}/.cache`}/diary-help`;
export const GECKODRIVER = process.env.GECKODRIVER ?? `${cacheDir}/geckodriver-${GECKODRIVER_VERSION}/bin/geckodriver`;
const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/**
 * name → { driver: [command, ...args], env, capabilities(wasm) , version() }.
 * `wasm: false` switches WebAssembly off: a Firefox pref, or JSC_useWasm=0 in
 * the WebKit driver's environment (inherited by the web process).
 */
export const ENGINES = {
  firefox: {
    label: "Firefox ESR",
    needs: [GECKODRIVER, FIREFOX],
    driver: (port) => [GECKODRIVER, ["--port", String(port), "--binary", FIREFOX]],
    env: () => ({}),
    capabilities: ({ wasm }) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: FIREFOX,
        args: ["-headless", "--width=1280", "--height=900"],
        prefs: { "javascript.options.wasm": wasm, "browser.shell.checkDefaultBrowser": false },
      },
    }),
    version: () => execFileSync(FIREFOX, ["--version"], { encoding: "utf8" }).trim(),
  },
  webkitgtk: {
    label: "WebKitGTK",
    needs: ["/usr/bin/WebKitWebDriver", "/usr/bin/xvfb-run", MINIBROWSER],
    driver: (port) => ["/usr/bin/xvfb-run", ["-a", "-s", "-screen 0 1400x1100x24", "/usr/bin/WebKitWebDriver", `--port=${port}`]],
    env: ({ wasm }) => (wasm ? {} : { JSC_useWasm: "0" }),
    capabilities: () => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    }),
    version: () => dpkgVersion("libwebkit2gtk-4.1-0"),
  },
  wpe: {
    label: "WPE WebKit",
    needs: ["/usr/bin/WPEWebDriver", "/usr/bin/cog"],
    driver: (port) => ["/usr/bin/WPEWebDriver", [`--port=${port}`]],
    // 2.38 names the option useWebAssembly (JSC_useWasm=0 alone leaves
    // WebAssembly defined there, measured); later WebKits name it useWasm.
    env: ({ wasm }) => (wasm ? {} : { JSC_useWasm: "0", JSC_useWebAssembly: "0" }),
    capabilities: () => ({
      browserName: "cog",
      "wpe:browserOptions": { binary: "/usr/bin/cog", args: ["--automation", "-P", "headless"] },
    }),
    version: () => dpkgVersion("libwpewebkit-1.1-0"),
  },
};

function dpkgVersion(pkg) {
  return execFileSync("dpkg-query", ["-W", "-f", "${Version}", pkg], { encoding: "utf8" }).trim();
}

/** The engines to test: all, or those named in DIARY_ENGINES. */
export function selectedEngines() {
  const names = (process.env.DIARY_ENGINES ?? Object.keys(ENGINES).join(",")).split(",").map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!ENGINES[n]) throw new Error(`DIARY_ENGINES: unknown engine ${n}`);
  return names;
}

/** What is missing to run `name` (empty when everything is installed). */
export function missing(name) {
  return ENGINES[name].needs.filter((p) => !existsSync(p));
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

async function waitForDriver(url, child, timeout = 20000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the driver exited with ${child.exitCode}`);
    try {
      const r = await fetch(new URL("status", url));
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`the driver did not answer at ${url} within ${timeout} ms`);
}

/**
 * Starts the engine's WebDriver server and a session. Resolves to
 * { driver, quit(), name, label, version }.
 */
export async function startEngine(name, { wasm = true } = {}) {
  const engine = ENGINES[name];
  const gone = missing(name);
  if (gone.length) throw new Error(`${engine.label} is not installed (missing ${gone.join(", ")}): run scripts/setup.sh --engines`);
  const port = await freePort();
  const [cmd, args] = engine.driver(port);
  const child = spawn(cmd, args, {
    env: { ...process.env, ...engine.env({ wasm }) },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr = (stderr + d).slice(-4000); });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForDriver(url, child);
  } catch (e) {
    kill(child);
    throw new Error(`${engine.label}: ${e.message}\n${stderr}`);
  }
  let driver;
  try {
    driver = await new Builder().usingServer(url).withCapabilities(engine.capabilities({ wasm })).build();
  } catch (e) {
    kill(child);
    throw new Error(`${engine.label}: no session: ${e.message}\n${stderr}`);
  }
  return {
    name,
    label: engine.label,
    version: engine.version(),
    driver,
    async quit() {
      try { await driver.quit(); } catch { /* the browser may already be gone */ }
      kill(child);
    },
  };
}

function kill(child) {
  // The driver's own process group (xvfb-run starts Xvfb and the driver).
  try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
}

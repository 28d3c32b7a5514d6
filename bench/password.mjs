// Password benchmark: checkPassword (pkg/rules) vs npm zxcvbn and
// @zxcvbn-ts/core, on the same inputs (bench/password-inputs.json), in one
// run under Node and in headless Chromium. Prints a Markdown table for the
// README: median time per call and the gzip bytes each needs to load.
//
//   node bench/password.mjs [--timeout-ms 5000] [--only node|chromium]
//
// Each adversarial (peer, input) job runs in its own worker and is stopped
// after the timeout: zxcvbn is known to hang on long crafted strings. Once a peer times
// out at a size it is not run on that size's other units or larger sizes
// (its worst case there is "more than the timeout").
import { readFile, readdir } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { Worker } from "node:worker_threads";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../scripts/serve.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const TIMEOUT_MS = Number(option("--timeout-ms", 5000));
const ONLY = option("--only", null);
const BUDGET_MS = 150;

const inputs = JSON.parse(await readFile(join(ROOT, "bench/password-inputs.json"), "utf8"));
const PEERS = ["diary-rules", "zxcvbn", "zxcvbn-ts"];

function adversarial(unit, size) {
  const chars = Array.from(unit);
  return Array.from({ length: size }, (_, i) => chars[i % chars.length]).join("");
}

/** Jobs for one peer: the typical set, then adversarial (size, unit) pairs. */
function typicalJob(peer) {
  return {
    peer,
    budgetMs: BUDGET_MS,
    cases: inputs.typical.map((password) => ({ label: password, password, personal: inputs.personal_for_typical })),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs every job of every peer through `runJob(job) → result | "timeout"`. */
async function measure(envName, runJob) {
  const rows = {};
  for (const peer of PEERS) {
    const row = (rows[peer] = { typical: null, typicalMax: null, sizes: {} });
    const typical = await runJob(typicalJob(peer));
    if (typical === "timeout") row.typical = "timeout";
    else {
      const times = typical.results.map((r) => r.medianMs);
      row.typical = median(times);
      row.typicalMax = Math.max(...times);
    }
    let timedOut = false;
    for (const size of inputs.adversarial.sizes) {
      let worst = { ms: 0, unit: null };
      if (timedOut) {
        row.sizes[size] = { timeout: true, skipped: true };
        continue;
      }
      for (const unit of inputs.adversarial.units) {
        const password = adversarial(unit, size);
        const result = await runJob({ peer, budgetMs: BUDGET_MS, cases: [{ label: unit, password, personal: [] }] });
        if (result === "timeout") {
          timedOut = true;
          worst = { timeout: true, unit };
          break;
        }
        const ms = result.results[0].medianMs;
        if (ms >= worst.ms) worst = { ms, unit };
      }
      row.sizes[size] = worst;
    }
    process.stderr.write(`${envName}: ${peer} done\n`);
  }
  return rows;
}

/** The time a job may take: loading, then the timeout per case beyond the sampling budget. */
const jobTimeout = (job) => 2000 + job.cases.length * (TIMEOUT_MS + 2 * BUDGET_MS);

function nodeJob(job) {
  return new Promise((ok, fail) => {
    const worker = new Worker(new URL("./password-worker.mjs", import.meta.url), { workerData: job });
    const timer = setTimeout(() => {
      worker.terminate();
      ok("timeout");
    }, jobTimeout(job));
    worker.once("message", (m) => {
      clearTimeout(timer);
      worker.terminate();
      m.ok ? ok(m) : fail(new Error(m.error));
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      fail(e);
    });
  });
}

/** Bare specifiers inside npm packages, mapped to files for the browser. */
const BARE = {
  "@zxcvbn-ts/dictionary-compression/decompress": "/node_modules/@zxcvbn-ts/dictionary-compression/dist/decompress.mjs",
  "fastest-levenshtein": "/node_modules/fastest-levenshtein/esm/mod.js",
};
function rewriteBare(path, body) {
  if (!path.startsWith("/node_modules/") || !/\.(mjs|js)$/.test(path)) return body;
  let text = body.toString("utf8");
  for (const [bare, file] of Object.entries(BARE)) text = text.replaceAll(`'${bare}'`, `'${file}'`).replaceAll(`"${bare}"`, `"${file}"`);
  return Buffer.from(text);
}

async function chromiumRows() {
  const { server, url } = await startServer({ transform: rewriteBare });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(new URL("tests/e2e/blank.html", url).href);
    const runJob = (job) =>
      page.evaluate(
        ({ job, timeoutMs }) =>
          new Promise((ok, fail) => {
            const worker = new Worker("/bench/password-worker.mjs", { type: "module" });
            const timer = setTimeout(() => {
              worker.terminate();
              ok("timeout");
            }, timeoutMs);
            worker.onmessage = ({ data }) => {
              clearTimeout(timer);
              worker.terminate();
              data.ok ? ok(data) : fail(new Error(data.error));
            };
            worker.onerror = (e) => {
              clearTimeout(timer);
              fail(new Error(e.message));
            };
            worker.postMessage(job);
          }),
        { job, timeoutMs: jobTimeout(job) },
      );
    return { version: browser.version(), rows: await measure("chromium", runJob) };
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}

// ---- bytes to load (gzip -9 of every file a browser fetches) ----

const gz = async (file) => gzipSync(await readFile(file), { level: 9 }).length;

/** The ES module graph from `entry` (static imports only, bare ones via BARE). */
async function moduleGraph(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, "utf8");
    for (const [, spec] of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
      const target = spec.startsWith(".") ? resolve(dirname(file), spec) : BARE[spec] ? join(ROOT, BARE[spec]) : null;
      if (!target) throw new Error(`unresolved import ${spec} in ${file}`);
      queue.push(target);
    }
  }
  return [...seen];
}

async function loadBytes() {
  const nm = (p) => join(ROOT, "node_modules", p);
  const zxcvbnTs = new Set();
  for (const entry of ["@zxcvbn-ts/core/dist/index.mjs", "@zxcvbn-ts/language-common/dist/index.mjs", "@zxcvbn-ts/language-en/dist/index.mjs"]) {
    for (const f of await moduleGraph(nm(entry))) zxcvbnTs.add(f);
  }
  const sum = async (files) => (await Promise.all(files.map(gz))).reduce((a, b) => a + b, 0);
  return {
    "diary-rules": { bytes: await sum([join(ROOT, "pkg/rules/diary_rules.js"), join(ROOT, "pkg/rules/diary_rules_bg.wasm")]), files: 2 },
    zxcvbn: { bytes: await gz(nm("zxcvbn/dist/zxcvbn.js")), files: 1 },
    "zxcvbn-ts": { bytes: await sum([...zxcvbnTs]), files: zxcvbnTs.size },
  };
}

// ---- report ----

async function version(pkg) {
  return JSON.parse(await readFile(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
}
const fmtMs = (v) => (v === "timeout" ? `> ${TIMEOUT_MS} ms` : v < 0.01 ? `${(v * 1000).toFixed(1)} µs` : v < 10 ? `${v.toFixed(3)} ms` : `${v.toFixed(0)} ms`);
const fmtSize = (s) => (s.timeout ? `> ${TIMEOUT_MS} ms${s.skipped ? "" : ` (${JSON.stringify(s.unit)})`}` : `${fmtMs(s.ms)} (${JSON.stringify(s.unit)})`);

const envs = {};
if (ONLY !== "chromium") envs[`Node ${process.version}`] = await measure("node", nodeJob);
if (ONLY !== "node") {
  const { version, rows } = await chromiumRows();
  envs[`Chromium ${version} headless`] = rows;
}
const bytes = await loadBytes();

const names = {
  "diary-rules": `diary-rules checkPassword (pkg/rules ${JSON.parse(await readFile(join(ROOT, "pkg/rules/package.json"), "utf8")).version})`,
  zxcvbn: `zxcvbn ${await version("zxcvbn")}`,
  "zxcvbn-ts": `@zxcvbn-ts/core ${await version("@zxcvbn-ts/core")} + language-common ${await version("@zxcvbn-ts/language-common")} + language-en ${await version("@zxcvbn-ts/language-en")} (checks only the first 256 characters)`,
};

const lines = [];
lines.push(`| Environment | Peer | Load (gzip) | Typical: median (slowest) | 1 KB worst | 10 KB worst | 100 KB worst |`);
lines.push(`|---|---|---:|---:|---:|---:|---:|`);
for (const [env, rows] of Object.entries(envs)) {
  for (const peer of PEERS) {
    const r = rows[peer];
    const typical = r.typical === "timeout" ? fmtMs("timeout") : `${fmtMs(r.typical)} (${fmtMs(r.typicalMax)})`;
    lines.push(`| ${env} | ${names[peer]} | ${(bytes[peer].bytes / 1024).toFixed(1)} KB (${bytes[peer].files} files) | ${typical} | ${inputs.adversarial.sizes.map((s) => fmtSize(r.sizes[s])).join(" | ")} |`);
  }
}
lines.push("");
for (const [env, rows] of Object.entries(envs)) {
  const ours = rows["diary-rules"].typical;
  for (const peer of ["zxcvbn", "zxcvbn-ts"]) {
    const theirs = rows[peer].typical;
    if (typeof theirs === "number" && typeof ours === "number") {
      lines.push(`- ${env}: typical passwords ${(theirs / ours).toFixed(1)}× faster than ${peer}.`);
    }
  }
}
lines.push(`- Load sizes are gzip -9 of every file fetched (pkg/rules is the whole rules API, not only passwords). Timeout per job: ${TIMEOUT_MS} ms.`);
console.log(lines.join("\n"));
if (args.includes("--json")) console.log(JSON.stringify({ envs, bytes }, null, 2));

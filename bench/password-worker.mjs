// One benchmark job, run in a worker (worker_threads under Node, a module
// Worker in Chromium) so that a peer that hangs on an input can be stopped by
// the parent without stopping the whole run.
//
// Message in:  { peer, cases: [{ label, password, personal }], budgetMs }
// Message out: { ok: true, results: [{ label, medianMs, calls, score }] }
//           or { ok: false, error }
const isNode = typeof process !== "undefined" && !!process.versions?.node;

async function nodeReadFile(relative) {
  const { readFile } = await import("node:fs/promises");
  return readFile(new URL(relative, import.meta.url));
}

/** Loads a peer; resolves to `check(password, personal) → score`. */
async function load(peer) {
  switch (peer) {
    case "diary-rules": {
      const m = await import("../pkg/rules/diary_rules.js");
      if (isNode) await m.default({ module_or_path: await nodeReadFile("../pkg/rules/diary_rules_bg.wasm") });
      else await m.default();
      return (password, personal) => m.checkPassword(password, { personal }).strength.score;
    }
    case "zxcvbn": {
      let zxcvbn;
      if (isNode) {
        const { createRequire } = await import("node:module");
        zxcvbn = createRequire(import.meta.url)("../node_modules/zxcvbn/dist/zxcvbn.js");
      } else {
        // A UMD bundle: evaluated at global scope it sets self.zxcvbn.
        const source = await (await fetch(new URL("../node_modules/zxcvbn/dist/zxcvbn.js", import.meta.url))).text();
        (0, eval)(source);
        zxcvbn = self.zxcvbn;
      }
      return (password, personal) => zxcvbn(password, personal).score;
    }
    case "zxcvbn-ts": {
      const core = await import("../node_modules/@zxcvbn-ts/core/dist/index.mjs");
      const common = await import("../node_modules/@zxcvbn-ts/language-common/dist/index.mjs");
      const en = await import("../node_modules/@zxcvbn-ts/language-en/dist/index.mjs");
      // Default options: like every user of the package, it checks only the
      // first `maxLength` (256) characters.
      const factory = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      });
      return (password, personal) => factory.check(password, personal).score;
    }
    default:
      throw new Error(`unknown peer ${peer}`);
  }
}

/**
 * Median time of one call. Calls are timed in batches long enough for the
 * clock's resolution (browsers round performance.now() to 0.1 ms without
 * cross-origin isolation): the batch size doubles until a batch takes 5 ms,
 * then batches repeat until the budget is spent (at least 5 of them).
 */
function time(check, password, personal, budgetMs) {
  const first = performance.now();
  const score = check(password, personal);
  const firstMs = performance.now() - first;
  if (firstMs > 1000) return { medianMs: firstMs, calls: 1, score };
  const batch = (k) => {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) check(password, personal);
    return performance.now() - t0;
  };
  let k = 1;
  let calls = 1;
  for (let t = batch(k); t < 5 && k < 1 << 16; t = batch(k)) {
    calls += k;
    k *= 2;
  }
  const samples = [];
  const start = performance.now();
  while (samples.length < 5 || (samples.length < 101 && performance.now() - start < budgetMs)) {
    samples.push(batch(k) / k);
    calls += k;
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[samples.length >> 1], calls, score };
}

async function run({ peer, cases, budgetMs }) {
  try {
    const check = await load(peer);
    const results = cases.map(({ label, password, personal }) => ({ label, ...time(check, password, personal, budgetMs) }));
    return { ok: true, results };
  } catch (e) {
    return { ok: false, error: String(e?.stack ?? e) };
  }
}

if (isNode) {
  const { parentPort, workerData } = await import("node:worker_threads");
  parentPort.postMessage(await run(workerData));
} else {
  self.onmessage = async (event) => self.postMessage(await run(event.data));
}

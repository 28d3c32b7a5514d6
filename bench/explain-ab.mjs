// Old against new rules module, side by side in one Node process:
//   node bench/explain-ab.mjs DIR_A DIR_B [ROUNDS]
// (each DIR holds diary_rules.js and diary_rules_bg.wasm, e.g. pkg/rules and a
// copy of it from another commit). Interleaved rounds of explainError on
// bench/api-cases.mjs' texts; prints the median time per call of each.
import { readFile } from "node:fs/promises";
import { cases } from "./api-cases.mjs";
const dirs = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));
const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 9);
const mods = [];
for (const d of dirs) {
  const m = await import(new URL(d + "/diary_rules.js", `file://${process.cwd()}/`).href);
  await m.default({ module_or_path: await readFile(d + "/diary_rules_bg.wasm") });
  mods.push(Object.fromEntries(cases(m).filter(([n]) => n.startsWith("explainError")).map(([n, f]) => [n, f])));
}
const names = Object.keys(mods[0]);
const res = mods.map(() => Object.fromEntries(names.map((n) => [n, []])));
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < mods.length; i++) {
    for (const n of names) {
      const f = mods[i][n];
      const reps = n.includes("1 MB") ? 3 : n.includes("100 KB") ? 10 : n.includes("10 KB") ? 50 : 300;
      f();
      const t0 = performance.now();
      for (let k = 0; k < reps; k++) f();
      res[i][n].push((performance.now() - t0) / reps);
    }
  }
}
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
for (const n of names) console.log(n.padEnd(48), dirs.map((d, i) => `${med(res[i][n]).toFixed(3)} ms`).join("  "));

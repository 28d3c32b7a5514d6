// Writes the package.json of a built package: node package-json.mjs DIR NAME STEM VERSION DESCRIPTION [EXTRA_FILE...]
import { writeFileSync } from "node:fs";

const [dir, name, stem, version, description, ...extra] = process.argv.slice(2);
const pkg = {
  name,
  version,
  description,
  license: "MIT",
  type: "module",
  module: `${stem}.js`,
  types: `${stem}.d.ts`,
  files: [`${stem}.js`, `${stem}_bg.wasm`, `${stem}.d.ts`, `${stem}_bg.wasm.d.ts`, ...extra],
  sideEffects: [`./${stem}.js`],
};
writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2) + "\n");

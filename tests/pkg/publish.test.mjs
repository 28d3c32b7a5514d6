// The packages as they would be published (`npm pack`): every file that
// package.json names is in the tarball, README and LICENSE ride along, the
// element script and the stylesheet are declared side effects (so bundlers
// keep them), and publint finds nothing to say, not even a suggestion.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { PACKAGES } from "./packed.mjs";

function packedFiles(dir) {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return new Set(JSON.parse(out)[0].files.map((f) => f.path));
}

/** Every file an `exports` map can resolve to, under any condition. */
function targets(value) {
  if (typeof value === "string") return [value];
  return Object.values(value).flatMap(targets);
}

for (const [kind, dir] of Object.entries(PACKAGES)) {
  test(`${kind}: npm pack ships every file package.json names, with README and LICENSE`, () => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const files = packedFiles(dir);
    for (const must of ["package.json", "README.md", "LICENSE"]) assert.ok(files.has(must), must);
    for (const f of pkg.files) {
      const packed = f.endsWith("/") ? [...files].some((p) => p.startsWith(f)) : files.has(f);
      assert.ok(packed, `files: ${f}`);
    }
    for (const t of [pkg.main, pkg.module, pkg.types, ...targets(pkg.exports)]) {
      assert.ok(files.has(t.replace(/^\.\//, "")), `${t} is named in package.json but not packed`);
    }
    for (const field of ["name", "version", "description", "license", "keywords", "engines", "exports", "sideEffects"]) {
      assert.ok(pkg[field], `package.json lacks ${field}`);
    }
    assert.equal(pkg.license, "MIT");
    assert.equal(readFileSync(join(dir, "LICENSE"), "utf8"), readFileSync(new URL("../../LICENSE", import.meta.url), "utf8"));
    assert.equal(typeof pkg.exports["."], "object");
    assert.equal(Object.keys(pkg.exports["."])[0], "types", "types must come first in exports[\".\"]");
  });

  test(`${kind}: every shipped .js has a .d.ts beside it`, () => {
    const files = packedFiles(dir);
    const js = [...files].filter((f) => f.endsWith(".js"));
    assert.ok(js.length >= 2, JSON.stringify(js));
    assert.deepEqual(js.filter((f) => !files.has(f.replace(/\.js$/, ".d.ts"))), [], "a .js without its .d.ts");
  });

  test(`${kind}: publint reports nothing`, async () => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const { messages } = await publint({ pkgDir: dir, level: "suggestion", strict: true, pack: "npm" });
    assert.deepEqual(messages.map((m) => `${m.type}: ${formatMessage(m, pkg)}`), []);
  });
}

test("widget: the element script and the stylesheet are side effects, the rules' node entry too", () => {
  const widget = JSON.parse(readFileSync(join(PACKAGES.widget, "package.json"), "utf8"));
  assert.ok(widget.sideEffects.includes("./diary-login-help.js"));
  assert.ok(widget.sideEffects.includes("./diary-help.css"));
  const rules = JSON.parse(readFileSync(join(PACKAGES.rules, "package.json"), "utf8"));
  assert.ok(rules.sideEffects.includes("./diary_rules.node.js"));
  assert.equal(rules.exports["."].node, "./diary_rules.node.js");
});

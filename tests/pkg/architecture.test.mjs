// ARCHITECTURE.md stays true about where things are: every path it names
// (a backticked token with a slash, from the repository root) exists.
// Build outputs under target/ are left out: a clean clone has none yet.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";

const ROOT = new URL("../../", import.meta.url);

test("every path ARCHITECTURE.md and CONTRIBUTING.md name exists", () => {
  for (const doc of ["ARCHITECTURE.md", "CONTRIBUTING.md"]) {
    const text = readFileSync(new URL(doc, ROOT), "utf8");
    const paths = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1])
      .filter((t) => t.includes("/") && /^[\w.][\w./-]*$/.test(t) && !t.includes("://") && !t.startsWith("target/"));
    assert.ok(paths.length > 10, `${doc}: too few paths found (${paths.length}) for the check to mean anything`);
    const missing = [...new Set(paths)].filter((p) => !existsSync(new URL(p, ROOT)));
    assert.deepEqual(missing, [], `${doc} names paths that do not exist`);
  }
});

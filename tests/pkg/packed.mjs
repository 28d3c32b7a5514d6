// Packs pkg/rules and pkg/widget with `npm pack` (offline: it only reads the
// folders) and installs the tarballs into a throw-away app folder the way a
// registry install would lay them out: APP/node_modules/<name>/… . The
// bundler, Node and TypeScript tests build against these, not against pkg/,
// so they see exactly what would be published.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PACKAGES = { rules: join(ROOT, "pkg/rules"), widget: join(ROOT, "pkg/widget") };

/** `npm pack` of each package into `dest`; returns { name: tarball path }. */
export function pack(dest, which = Object.values(PACKAGES)) {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dest, ...which], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return Object.fromEntries(JSON.parse(out).map((p) => [p.name, join(dest, p.filename)]));
}

/** A new temporary app folder with both packages installed from their tarballs. */
export function appWithPackages(prefix = "diary-app-") {
  const app = mkdtempSync(join(tmpdir(), prefix));
  const tarballs = pack(app);
  for (const [name, tgz] of Object.entries(tarballs)) {
    const dir = join(app, "node_modules", name);
    mkdirSync(dir, { recursive: true });
    execFileSync("tar", ["-xzf", tgz, "-C", dir, "--strip-components=1"]);
    rmSync(tgz);
  }
  return app;
}

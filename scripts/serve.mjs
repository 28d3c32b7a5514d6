// A small static file server for the demo and the end-to-end tests.
// Serves the repository root on 127.0.0.1 with the right MIME types (wasm
// must be application/wasm for streaming compilation). Pages under
// /csp/ get the strict Content-Security-Policy the widget promises to work
// under. Usage: node scripts/serve.mjs [port]
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

/**
 * Starts the server; resolves to { server, url }. Port 0 picks a free one.
 * `transform(urlPath, body)` may rewrite a file's bytes (the benchmarks use it
 * to resolve npm packages' bare import specifiers for the browser).
 * `gzip: true` compresses responses for clients that accept it, as a real
 * static host does (the first-render benchmark uses it). `headers` are
 * added to every 200 response (e.g. CORS headers, to stand for a CDN).
 * `pages` maps URL paths to functions returning a page's HTML that is not a
 * file (the first-render benchmark derives its floor pages from index.html).
 */
export function startServer({ port = 0, host = "127.0.0.1", root = ROOT, transform, pages = {}, gzip = false, headers: extra = {} } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
      let file = join(root, path);
      if (!file.startsWith(root)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      const page = Object.hasOwn(pages, url.pathname) ? pages[url.pathname] : undefined;
      if (!page && (await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = page ? Buffer.from(page()) : await readFile(file);
      if (transform) body = transform(url.pathname, body);
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        ...extra,
      };
      if (url.pathname.startsWith("/csp/") || url.pathname.startsWith("/web/csp")) {
        headers["content-security-policy"] = STRICT_CSP;
      }
      if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        body = gzipSync(body, { level: 9 });
        headers["content-encoding"] = "gzip";
        headers.vary = "accept-encoding";
      }
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === "ENOENT" || e.code === "EISDIR" ? 404 : 500, { "content-type": "text/plain" });
      res.end(String(e.code ?? "error"));
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port } = server.address();
      ok({ server, url: `http://${host}:${port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8000);
  const { url } = await startServer({ port });
  console.log(`Serving the demo at ${url}  (Ctrl+C to stop)`);
}

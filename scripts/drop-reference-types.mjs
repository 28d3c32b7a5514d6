// Rewrites a .wasm's `target_features` section without `reference-types`.
//
// Why: WPE WebKit 2.38 (Safari 16.0 generation) traps with «Out of bounds
// table access» in a wasm-bindgen closure call when our crates are compiled
// with the reference-types feature (Rust's default since 1.82); compiled
// without it, the same guide works (issue 26). scripts/env.sh compiles our
// crates with `-C target-feature=-reference-types`, but the prebuilt
// standard library still says it uses the feature, and the linker copies
// that into the module's section. wasm-bindgen reads the section to decide
// whether to keep JS values in a wasm table (which needs functions that
// crates built without the feature do not have), and wasm-opt reads it to
// know which instructions it may emit: both must see the feature gone.
//
//   node scripts/drop-reference-types.mjs IN.wasm [OUT.wasm]   (OUT defaults to IN)
import { readFileSync, writeFileSync } from "node:fs";

function readLeb(buf, off) {
  let value = 0, shift = 0, byte;
  do {
    byte = buf[off++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, off];
}

function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

const name = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);

export function dropReferenceTypes(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const parts = [wasm.subarray(0, 8)];
  let off = 8;
  let found = false;
  while (off < wasm.length) {
    const start = off;
    const id = wasm[off++];
    let size;
    [size, off] = readLeb(wasm, off);
    const body = wasm.subarray(off, off + size);
    off += size;
    if (id === 0) {
      const [len, p] = readLeb(body, 0);
      if (body.toString("utf8", p, p + len) === "target_features") {
        found = true;
        let q = p + len;
        let count;
        [count, q] = readLeb(body, q);
        const kept = [];
        for (let i = 0; i < count; i++) {
          const prefix = body[q++];
          let n;
          [n, q] = readLeb(body, q);
          const feature = body.toString("utf8", q, q + n);
          q += n;
          if (feature !== "reference-types") kept.push(Buffer.concat([Buffer.from([prefix]), name(feature)]));
        }
        const content = Buffer.concat([name("target_features"), leb(kept.length), ...kept]);
        parts.push(Buffer.from([0]), leb(content.length), content);
        continue;
      }
    }
    parts.push(wasm.subarray(start, off));
  }
  if (!found) throw new Error("no target_features section (built with strip = true?)");
  return Buffer.concat(parts);
}

if (process.argv[1] && import.meta.url === new URL(process.argv[1], "file://").href) {
  const [input, output = input] = process.argv.slice(2);
  writeFileSync(output, dropReferenceTypes(readFileSync(input)));
}

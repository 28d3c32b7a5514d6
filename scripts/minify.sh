#!/usr/bin/env bash
# Minifies shipped ES modules in place with terser (from package-lock.json):
# the wasm-bindgen glue and the custom element script. Export names, string
# property names (the wasm's import object) and `import.meta.url` patterns
# stay as they are.
#
#   scripts/minify.sh FILE.js...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
for file in "$@"; do
  "$root/node_modules/.bin/terser" "$file" --module --ecma 2020 --compress passes=2 --mangle \
    --format ascii_only=false,comments=false -o "$file.min"
  mv "$file.min" "$file"
done

#!/usr/bin/env bash
# wasm-bindgen --target web, then wasm-opt -Oz and terser on the JS glue: how every wasm this project
# ships or measures is made from cargo's output (scripts/build.sh and the
# size benchmarks call this, so their numbers compare).
#
#   scripts/bind.sh CRATE.wasm OUT_DIR OUT_NAME
set -euo pipefail
input=$1 dir=$2 name=$3
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
# Our crates are compiled without reference-types (scripts/env.sh); the
# prebuilt std's claim to it is dropped before wasm-bindgen and wasm-opt see it.
node "$root/scripts/drop-reference-types.mjs" "$input" "$dir/${name}.in.wasm"
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir "$dir" --out-name "$name" "$dir/${name}.in.wasm"
rm "$dir/${name}.in.wasm"
node "$root/scripts/inline-snippets.mjs" "$dir" "$name"
# --zero-filled-memory: the module's own memory starts zeroed, so zero
# bytes of data segments need not be shipped; --low-memory-unused: Rust's
# wasm32 layout puts the stack first, nothing lives below 1 KB; --converge:
# -Oz again until the module stops shrinking (0.2–0.4 KB gz per module).
"$root/node_modules/.bin/wasm-opt" -Oz --converge --zero-filled-memory --low-memory-unused --strip-debug --strip-producers \
  "$dir/${name}_bg.wasm" -o "$dir/${name}_bg.wasm.opt"
mv "$dir/${name}_bg.wasm.opt" "$dir/${name}_bg.wasm"
# Short names for the imports, in the wasm and the glue alike (see there).
node "$root/scripts/short-imports.mjs" "$dir" "$name"
# The JS glue minified (exports and the wasm import names are kept): the
# widget's glue 8.6 → about 6 KB gz. The .d.ts files document the API.
"$root/scripts/minify.sh" "$dir/${name}.js"

#!/usr/bin/env bash
# cargo's runner for wasm32 tests (.cargo/config.toml): wasm-bindgen-test-runner
# on a copy of the test module whose target_features section no longer
# claims reference-types (see scripts/env.sh and scripts/drop-reference-types.mjs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
input=$1; shift
copy="${input%.wasm}.norefs.wasm"
node "$root/scripts/drop-reference-types.mjs" "$input" "$copy"
exec wasm-bindgen-test-runner "$copy" "$@"

#!/usr/bin/env bash
# The widget as ONE module against the shipped two (issue 25, item 4): builds
# the whole panel into one wasm (no lazy sections; the same texts the two
# shipped modules carry together), as scripts/build.sh builds a module, into
# target/pkg-one/widget (pkg/widget with that module in place of the two),
# and a site root target/one-root that serves it under the demo pages.
# Then bench/first-render.mjs --root target/one-root times it. Not a test.
#
#   bench/one-module.sh && node bench/first-render.mjs --root target/one-root
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
root=$(pwd)
export CARGO_TARGET_DIR="$root/target/one-module"
texts=$(cargo rustc --quiet --locked --release --target wasm32-unknown-unknown -p diary-help-widget --lib --crate-type cdylib \
  --no-default-features \
  --features diary-rules/texts-ui,diary-rules/texts-eligibility,diary-rules/texts-explain,diary-rules/texts-password,diary-rules/texts-documents \
  --message-format json-render-diagnostics |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const dirs=s.split("\n").filter(Boolean).map(JSON.parse)
    .filter(m=>m.reason==="build-script-executed"&&/[#/]diary-rules[@#]/.test(m.package_id)).map(m=>m.out_dir);console.log(dirs[0])})')
out=target/pkg-one/widget
rm -rf target/pkg-one && mkdir -p target/pkg-one
cp -r pkg/widget "$out"
rm -f "$out"/diary_help_sections* "$out"/diary-texts-sections.en.bin
scripts/bind.sh "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/diary_help_widget.wasm" target/pkg-one/bind diary_help
cp target/pkg-one/bind/diary_help.js target/pkg-one/bind/diary_help_bg.wasm "$out/"
cp "$texts/texts.en.bin" "$out/diary-texts.en.bin"
rm -rf target/pkg-one/bind target/one-root && mkdir -p target/one-root/pkg
for f in index.html element.html web bench docs node_modules; do ln -s "$root/$f" "target/one-root/$f"; done
ln -s "$root/pkg/rules" target/one-root/pkg/rules
ln -s "$root/$out" target/one-root/pkg/widget
node scripts/sizes.mjs "$out"/diary_help.js "$out"/diary_help_bg.wasm "$out"/diary-help-css.js "$out"/diary-help-start.js "$out"/diary-login-help.js

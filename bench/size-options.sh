#!/usr/bin/env bash
# What the widget package would weigh under the size options not taken, to
# set against issue 16's budget (at most 195 KB gzip for everything a browser
# downloads for the Russian panel: wasm + js + css). Builds the widget again,
# into target/size-options, as:
#   1. shipped: pkg/widget as committed (the panel and its first screen; the
#      other sections are a second module loaded on first use);
#   2. api: one module with the whole panel re-exporting the whole rules JS
#      API too (feature `api` on), for a host that wants both;
#   3. nightly: (1) with std rebuilt for size on a nightly toolchain
#      (-Zbuild-std, optimize_for_size, -Zfmt-debug=none,
#      -Zlocation-detail=none); skipped without `rustup +nightly` and its
#      rust-src component.
# Same wasm-bindgen / wasm-opt steps as scripts/build.sh (scripts/bind.sh).
# Not a test: a measurement for the README.
#
#   bench/size-options.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$root/target/size-options"
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/diary_help_widget.wasm"
static=(pkg/widget/diary-help-css.js pkg/widget/diary-login-help.js)

# total NAME DIR: gzip -9 and brotli 11 of wasm + js + the static files,
# as scripts/sizes.mjs (the build's size report) measures them.
total() {
  local name=$1 dir=$2
  [ "$dir" = pkg/widget ] || cp "${static[@]}" "$dir/"
  node scripts/sizes.mjs "$dir/diary_help_bg.wasm" "$dir/diary_help.js" "$dir/diary-help-css.js" "$dir/diary-login-help.js" \
    | awk -v name="$name" '/^total / { printf "%-28s %7s %7s\n", name, $(NF-1), $NF }'
}

echo "widget package variant        gzip KB   br KB"
total "shipped (pkg/widget)" pkg/widget

# cdylib alone, as scripts/build.sh builds it (else LTO does not apply).
cargo rustc --quiet --locked --release --target wasm32-unknown-unknown -p diary-help-widget --lib --crate-type cdylib --features api
scripts/bind.sh "$wasm" "$work/api" diary_help
total "api (re-exported JS API)" "$work/api"

if cargo +nightly --version >/dev/null 2>&1 \
  && rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'; then
  CARGO_TARGET_DIR="$root/target/size-options-nightly" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS -Zfmt-debug=none -Zlocation-detail=none" \
    cargo +nightly rustc --quiet --locked --release --target wasm32-unknown-unknown -p diary-help-widget --lib --crate-type cdylib \
      --no-default-features --features lazy-sections -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
  scripts/bind.sh "$root/target/size-options-nightly/wasm32-unknown-unknown/release/diary_help_widget.wasm" "$work/nightly" diary_help
  total "nightly build-std" "$work/nightly"
else
  echo "nightly build-std            skipped: no nightly toolchain with rust-src"
fi

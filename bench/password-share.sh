#!/usr/bin/env bash
# The password code's share of the gzipped rules package (pkg/rules):
# builds pkg/rules a second time from a copy of the sources whose JS API has
# no password functions (checkPassword, generatePassword, passwordPolicy),
# so the linker drops every bit of code and data only they reach, and prints
# the gzip -9 sizes of both builds and the difference. Same toolchain and
# flags as scripts/build.sh. Not a test: a measurement for the README.
#
#   bench/password-share.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git ls-files -z Cargo.toml Cargo.lock crates | xargs -0 -I{} cp --parents {} "$work/"
lib="$work/crates/rules-js/src/lib.rs"
grep -q '^mod password;' "$lib" && grep -q '^pub use password::\*;' "$lib"
# Each line goes with the #[cfg] line above it.
perl -0pi -e 's/(#\[cfg\(feature = "api"\)\]\n)?(mod password;|pub use password::\*;)\n//g' "$lib"
# Only the rules API is built; drop the widget from the copy's workspace.
sed -i -e 's|, "crates/widget"||' "$work/Cargo.toml"
rm -rf "$work/crates/widget"

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$work=/diary ${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS#* }"
(cd "$work" && CARGO_TARGET_DIR="$root/target/password-share" cargo rustc --quiet --release --target wasm32-unknown-unknown -p diary-rules-js --lib --crate-type cdylib)
out="$root/target/password-share/wasm32-unknown-unknown/release"
scripts/bind.sh "$out/diary_rules_js.wasm" "$work/pkg" diary_rules

gz() { gzip -9 -n -c "$1" | wc -c; }
with=$(( $(gz pkg/rules/diary_rules_bg.wasm) + $(gz pkg/rules/diary_rules.js) ))
without=$(( $(gz "$work/pkg/diary_rules_bg.wasm") + $(gz "$work/pkg/diary_rules.js") ))
awk -v w="$with" -v wo="$without" 'BEGIN {
  printf "pkg/rules (wasm + js, gzip -9):          %6.1f KB\n", w / 1024
  printf "the same without the password API:       %6.1f KB\n", wo / 1024
  printf "password share:                          %6.1f KB\n", (w - wo) / 1024
}'

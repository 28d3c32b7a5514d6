#!/usr/bin/env bash
# The README's test command: sets up what is missing and runs every test:
#   0. cargo fmt --check and clippy -D warnings (native and wasm32);
#   1. native tests of every crate (rules tables, fixtures, property tests, doctests);
#   2. the wasm build, a check that the committed pkg/ matches it, and that
#      no wasm grew past its recorded size (the guard that LTO applies);
#   3. wasm-bindgen-test in headless Chromium (JS API and widget);
#   4. end-to-end tests: node --test + playwright-core + Chromium against index.html;
#   5. the main journeys in Firefox ESR, WebKitGTK and WPE WebKit 2.38
#      (tests/engines/, selenium-webdriver);
#   6. the security suite (tests/security/): the shipped modules attacked, and
#      their crash net tested on a build with a test-only trigger.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser --engines
source scripts/env.sh

step() { printf '\n=== %s\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings
# The API docs build without a warning (broken links, private items).
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --workspace --quiet
cargo clippy --locked --target wasm32-unknown-unknown -p diary-rules-js -p diary-help-widget --all-targets -- -D warnings
# The password-only rules module (diary-rules/password).
cargo clippy --locked --target wasm32-unknown-unknown -p diary-rules-js --no-default-features --features password-api -- -D warnings
# The widget's two shipped modules (crates/widget/src/lazy.rs).
for feature in lazy-sections sections-module; do
  cargo clippy --locked --target wasm32-unknown-unknown -p diary-help-widget --no-default-features --features "$feature" -- -D warnings
done

step "native tests"
cargo test --locked --workspace

step "wasm build and pkg/ freshness"
scripts/build.sh
if [ -n "$(git status --porcelain -- pkg docs/examples/cdn.html docs/examples/first-screen.html docs/examples/first-screen-element.html)" ]; then
  git status --short -- pkg docs/examples/cdn.html docs/examples/first-screen.html docs/examples/first-screen-element.html
  echo "pkg/ is stale: the sources build to different files. Run scripts/build.sh and commit pkg/ (and docs/examples/cdn.html)." >&2
  exit 1
fi
node scripts/check-sizes.mjs
# The crash net is tested (tests/security/, tests/engines/crash.test.mjs) on
# the shipped modules plus a trigger: the same scripts/build.sh, into
# target/pkg-crash, with the test-only feature.
PKG_OUT=target/pkg-crash WIDGET_FEATURES=,crash-trigger scripts/build.sh >/dev/null

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown -p diary-rules-js -p diary-help-widget

step "end-to-end tests (playwright-core, Chromium)"
node --test --test-reporter=spec tests/pkg/ tests/types/ tests/e2e/ tests/integration/

step "cross-engine journeys (selenium-webdriver: Firefox ESR, WebKitGTK, WPE WebKit)"
node --test --test-reporter=spec tests/engines/

step "security suite (tests/security/)"
node --test --test-reporter=spec tests/security/

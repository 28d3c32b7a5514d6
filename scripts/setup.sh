#!/usr/bin/env bash
# Installs whatever this project needs and is missing. Idempotent and quick
# when everything is there. `--browser` also installs Chromium and
# ChromeDriver (needed by the tests, not by the demo); `--engines` the other
# engines of tests/engines/: Firefox ESR with geckodriver, WebKitGTK
# (WebKitWebDriver, under Xvfb) and WPE WebKit (WPEWebDriver + cog).
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
want_engines=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    --engines) want_engines=1 ;;
    *) echo "setup.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*"; }

# Rust's WebAssembly target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# rustfmt and clippy (the test command checks formatting and lints).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# wasm-bindgen CLI at exactly Cargo.lock's wasm-bindgen version.
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -z "$want" ]; then
  echo "setup: Cargo.lock names no wasm-bindgen version" >&2; exit 1
fi
if [ "$want" != "$have" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --locked \
    || cargo install wasm-bindgen-cli --version "$want" --force
fi

# JS tools (wasm-opt from npm binaryen, playwright-core, axe-core, peers for
# the benchmarks), exactly as package-lock.json pins them.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Chromium and ChromeDriver from Debian, for the browser tests.
if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing chromium and chromium-driver from Debian"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The other engines, from Debian: Firefox ESR, WebKitGTK's driver and
# MiniBrowser with Xvfb, WPE WebKit's driver and cog.
if [ "$want_engines" = 1 ]; then
  engine_debs=()
  for pair in firefox-esr:/usr/bin/firefox-esr webkit2gtk-driver:/usr/bin/WebKitWebDriver xvfb:/usr/bin/xvfb-run \
    wpewebkit-driver:/usr/bin/WPEWebDriver cog:/usr/bin/cog; do
    [ -x "${pair#*:}" ] || engine_debs+=("${pair%%:*}")
  done
  if [ "${#engine_debs[@]}" -gt 0 ]; then
    say "installing ${engine_debs[*]} from Debian"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${engine_debs[@]}" >/dev/null
  fi
  # geckodriver is in neither Debian nor a binary npm package: built from
  # crates.io once per version into the tool cache (tests/engines/engines.mjs
  # looks there; keep the two versions equal).
  gecko_version=0.37.1
  gecko_root="${DIARY_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/diary-help}/geckodriver-$gecko_version"
  if [ ! -x "$gecko_root/bin/geckodriver" ]; then
    say "building geckodriver $gecko_version (a few minutes, once)"
    cargo install geckodriver --version "$gecko_version" --locked --root "$gecko_root"
  fi
fi
exit 0

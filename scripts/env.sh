# Shared environment of build.sh and test.sh (sourced, not run).
# The same wasm RUSTFLAGS everywhere, so switching between building pkg/ and
# running the browser tests never forces a rebuild of every dependency.
_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# -reference-types: WPE WebKit 2.38 (Safari 16.0 generation) traps in a
# closure call of code compiled with it (issue 26); see
# scripts/drop-reference-types.mjs, which every wasm-bindgen run needs with it.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types --remap-path-prefix=$_root=/diary --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo --remap-path-prefix=${RUSTUP_HOME:-$HOME/.rustup}=/rustup"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
unset _root

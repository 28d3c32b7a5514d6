#!/usr/bin/env bash
# Builds pkg/rules and pkg/widget from the sources:
#   cargo (release, wasm32) → wasm-bindgen --target web → wasm-opt -Oz
# and prints the size of every file a browser downloads. Byte-reproducible
# in any checkout folder: absolute paths are remapped before they can end up
# in the .wasm (panic locations).
#
# Environment (tests only): PKG_OUT=DIR builds into DIR instead of pkg/;
# WIDGET_FEATURES=",crash-trigger" adds cargo features to both widget
# modules (tests/security/ builds the crash-trigger modules this way, into
# target/pkg-crash, so they are made exactly as the shipped ones).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
pkg=${PKG_OUT:-pkg}
extra=${WIDGET_FEATURES:-}

# Each crate is built as a cdylib alone: cargo silently skips LTO for a unit
# that also emits an rlib (rust-lang/cargo#9672), and the crates' manifests
# keep "rlib" for the tests. One invocation per crate also keeps their
# features apart (the widget's rules-js dependency without the JS API).
# scripts/check-sizes.mjs fails the test command if LTO silently stops.
# The widget is two modules from one crate (crates/widget/src/lazy.rs): the
# panel with its first screen, and the sections it loads on first use.
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
out="$target_dir/wasm32-unknown-unknown/release"
# Each module compiles in only the texts its code asks for (diary-rules'
# `texts-*` features, set by the features below), so each has its own
# English file: the one diary-rules' build script made in that same build.
# cdylib PACKAGE [CARGO ARGS…]: prints that build script's OUT_DIR.
cdylib() {
  cargo rustc --quiet --locked --release --target wasm32-unknown-unknown -p "$@" --lib --crate-type cdylib \
    --message-format json-render-diagnostics |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const dirs=s.split("\n").filter(Boolean).map(JSON.parse)
      .filter(m=>m.reason==="build-script-executed"&&/[#/]diary-rules[@#]/.test(m.package_id)).map(m=>m.out_dir);
      if(dirs.length!==1){console.error("expected one diary-rules build, got "+dirs.length);process.exit(1)}console.log(dirs[0])})'
}
# The password-only entry first: it is the same crate (its own features),
# so its wasm is copied before the full build overwrites the file.
password_texts=$(cdylib diary-rules-js --no-default-features --features password-api)
cp "$out/diary_rules_js.wasm" "$out/diary_password.wasm"
# bind CRATE_WASM OUT_DIR OUT_NAME
bind() {
  rm -rf "$2.tmp"
  scripts/bind.sh "$1" "$2.tmp" "$3"
}
mkdir -p "$pkg"
rules_texts=$(cdylib diary-rules-js)
bind "$out/diary_rules_js.wasm" "$pkg"/rules diary_rules
bind "$out/diary_password.wasm" "$pkg"/rules.password diary_password
mv "$pkg"/rules.password.tmp/diary_password.js "$pkg"/rules.password.tmp/diary_password.d.ts \
  "$pkg"/rules.password.tmp/diary_password_bg.wasm "$pkg"/rules.password.tmp/diary_password_bg.wasm.d.ts "$pkg"/rules.tmp/
rm -rf "$pkg"/rules.password.tmp
sections_texts=$(cdylib diary-help-widget --no-default-features --features "sections-module$extra")
cp "$out/diary_help_widget.wasm" "$out/diary_help_sections.wasm"
bind "$out/diary_help_sections.wasm" "$pkg"/widget.sections diary_help_sections
# The panel fetches the sections' wasm itself and runs it only if its
# SHA-256 is the one compiled in here (crates/widget/src/lazy.rs).
DIARY_SECTIONS_WASM_SHA256=$(sha256sum "$pkg/widget.sections.tmp/diary_help_sections_bg.wasm" | cut -d' ' -f1)
export DIARY_SECTIONS_WASM_SHA256
panel_texts=$(cdylib diary-help-widget --no-default-features --features "lazy-sections$extra")
bind "$out/diary_help_widget.wasm" "$pkg"/widget diary_help
# Only the module, its types and its wasm: its exports are the panel's, not the host's.
mv "$pkg"/widget.sections.tmp/diary_help_sections.js "$pkg"/widget.sections.tmp/diary_help_sections.d.ts \
  "$pkg"/widget.sections.tmp/diary_help_sections_bg.wasm "$pkg"/widget.tmp/
rm -rf "$pkg"/widget.sections.tmp
cp web/diary-login-help.js "$pkg"/widget.tmp/
# The stylesheet without its comments and spare whitespace (4.5 -> 3.1 KB gz).
node scripts/minify-css.mjs web/diary-help.css "$pkg"/widget.tmp/diary-help.css
scripts/minify.sh "$pkg"/widget.tmp/diary-login-help.js
# The element's stylesheet as a module (its text as the default export): the
# element builds a constructable stylesheet from it, so no bundler CSS rule
# or style-src policy can get between the element and its styles.
node -e 'const fs=require("fs");fs.writeFileSync(process.argv[2],"// Generated from web/diary-help.css by scripts/build.sh.\nexport default "+JSON.stringify(fs.readFileSync(process.argv[1],"utf8"))+";\n")' \
  "$pkg"/widget.tmp/diary-help.css "$pkg"/widget.tmp/diary-help-css.js
# English, loaded on demand (loadLanguage / setLang): each module's own
# language file, for exactly the texts compiled into it.
cp "$rules_texts/texts.en.bin" "$pkg"/rules.tmp/diary-texts.en.bin
cp "$password_texts/texts.en.bin" "$pkg"/rules.tmp/diary-texts-password.en.bin
cp "$panel_texts/texts.en.bin" "$pkg"/widget.tmp/diary-texts.en.bin
cp "$sections_texts/texts.en.bin" "$pkg"/widget.tmp/diary-texts-sections.en.bin
cp packaging/rules/diary_rules.node.js packaging/rules/diary_rules.node.d.ts "$pkg"/rules.tmp/
cp packaging/widget/diary-login-help.d.ts packaging/widget/diary-help-css.d.ts packaging/widget/diary-help-start.d.ts "$pkg"/widget.tmp/
for d in rules widget; do
  cp LICENSE "$pkg/$d.tmp/"
  cp "packaging/$d/README.md" "$pkg/$d.tmp/"
done

# The static guide (crates/guide): every region's plans, the error catalog
# and the password policy as HTML without script, and the fallback panel's
# JSON, generated natively from the same rules and texts (deterministic).
cargo run --quiet --locked -p diary-guide -- --guide "$pkg"/widget.tmp/guide
# The first screen before the wasm, and the static guide without it: plain
# JS with its words filled in from the rules' text data, and the SHA-384 of
# the guide's fallback files it reads (fetched with `integrity`).
node scripts/static-texts.mjs web/diary-help-start.js "$pkg"/widget.tmp/diary-help-start.js "$pkg"/widget.tmp/guide
# The same first screen as HTML a host pastes into its page
# (first-screen.<lang>.html), from that module's own drawing function; the
# examples that paste it get the fresh copy.
examples=()
if [ "$pkg" = pkg ]; then examples=(docs/examples/first-screen.html docs/examples/first-screen-element.html); fi
node scripts/first-screen-html.mjs "$pkg"/widget.tmp/diary-help-start.js "$pkg"/widget.tmp "${examples[@]}"
# The rules of diary-help.css that pasted copy uses, for the host's <head>
# (its first paint waits on 1.8 KB of CSS, not the whole sheet's 3.0).
node scripts/first-screen-css.mjs "$pkg"/widget.tmp/diary-help.css "$pkg"/widget.tmp/diary-help-first.css "$pkg"/widget.tmp/first-screen.*.html
scripts/minify.sh "$pkg"/widget.tmp/diary-help-start.js

version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
node scripts/package-json.mjs "$pkg"/rules.tmp rules "$version"
node scripts/package-json.mjs "$pkg"/widget.tmp widget "$version"

for d in rules widget; do
  rm -rf "$pkg/$d" && mv "$pkg/$d.tmp" "$pkg/$d"
done

# Subresource Integrity of the files a page references (pkg/SRI.json), and
# the CDN example's integrity attributes from it.
if [ "$pkg" = pkg ]; then node scripts/sri.mjs pkg docs/examples/cdn.html; fi

# Totals: what a browser downloads for the Russian panel as the custom
# element (mount() hosts link diary-help.css instead of the CSS module) and
# for the rules API; English is on demand.
node scripts/sizes.mjs "$pkg"/rules/diary_rules.js "$pkg"/rules/diary_rules_bg.wasm \
  "$pkg"/widget/diary_help.js "$pkg"/widget/diary_help_bg.wasm "$pkg"/widget/diary-login-help.js "$pkg"/widget/diary-help-css.js "$pkg"/widget/diary-help-start.js \
  +"$pkg"/widget/diary_help_sections.js +"$pkg"/widget/diary_help_sections_bg.wasm ~"$pkg"/rules/diary_password.js ~"$pkg"/rules/diary_password_bg.wasm ~"$pkg"/widget/diary-help.css ~"$pkg"/widget/diary-help-first.css ~"$pkg"/rules/diary-texts.en.bin ~"$pkg"/rules/diary-texts-password.en.bin ~"$pkg"/widget/diary-texts.en.bin ~"$pkg"/widget/diary-texts-sections.en.bin | tee "$pkg/SIZES.txt"
node scripts/guide-sizes.mjs "$pkg"/widget/guide | tee -a "$pkg/SIZES.txt"

#!/usr/bin/env bash
# Fuzzes the public API of crates/rules with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 600); TARGETs default to all of
# eligibility password explain documents records. Targets run one at a
# time, under `nice -n 19`. Installs cargo-fuzz if missing; needs the
# nightly toolchain (`rustup toolchain install nightly`) and python3 (for
# the seeds, made from tests/fixtures/*.toml).
#
# Environment:
#   BUILD_LOCK=/path/to/lock  hold this flock for the builds (shared machines)
#   CMIN=1                    minimize each corpus after its run (cargo fuzz cmin)
#
# Corpora are kept in the repository as fuzz/corpus/<target>.tar.xz
# (deterministic tar, minimized with cmin): unpacked into fuzz/corpus/<target>/
# before a run and packed again after it. Commit the .tar.xz files.
#
# Logs go to fuzz/logs/<target>.log (libFuzzer's final stats are at the end);
# crashing inputs to fuzz/artifacts/<target>/. The normal test command
# (`cargo test --workspace`) never runs this: fuzz/ is its own workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-600}"
shift || true
if [ "$#" -gt 0 ]; then targets=("$@"); else targets=(eligibility password explain documents records); fi

locked() {
    if [ -n "${BUILD_LOCK:-}" ]; then flock "$BUILD_LOCK" "$@"; else "$@"; fi
}

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "fuzz.sh: the nightly toolchain is needed: rustup toolchain install nightly" >&2
    exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    locked nice -n 19 cargo install cargo-fuzz --locked
fi

(cd fuzz && locked nice -n 19 cargo +nightly fuzz build)

seeds="$(mktemp -d)"
trap 'rm -rf "$seeds"' EXIT
if command -v python3 >/dev/null; then
    python3 fuzz/seeds/make_seeds.py "$seeds"
fi

mkdir -p fuzz/logs
status=0
pack() {
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - -C fuzz/corpus "$1" | xz -9 -T1 >"fuzz/corpus/$1.tar.xz.tmp"
    mv "fuzz/corpus/$1.tar.xz.tmp" "fuzz/corpus/$1.tar.xz"
}

for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    if [ -f "fuzz/corpus/$t.tar.xz" ]; then tar -xJf "fuzz/corpus/$t.tar.xz" -C fuzz/corpus; fi
    if [ -d "$seeds/$t" ]; then cp -n "$seeds/$t"/* "fuzz/corpus/$t/" 2>/dev/null || true; fi
    echo "fuzz.sh: $t for ${secs}s"
    # -timeout=1: an input taking over a second is a finding (time must be
    # linear in the input); -rss_limit_mb: memory blow-ups are findings too.
    if ! (cd fuzz && nice -n 19 cargo +nightly fuzz run "$t" -- \
        -max_total_time="$secs" -rss_limit_mb=1024 -timeout=1 -print_final_stats=1 \
        >"logs/$t.log" 2>&1); then
        echo "fuzz.sh: $t FAILED, see fuzz/logs/$t.log and fuzz/artifacts/$t/" >&2
        status=1
    fi
    grep -E '^(Done|stat::)' "fuzz/logs/$t.log" || true
    if [ "${CMIN:-}" = 1 ]; then
        (cd fuzz && locked nice -n 19 cargo +nightly fuzz cmin "$t" >"logs/$t.cmin.log" 2>&1)
        echo "fuzz.sh: $t corpus: $(ls "fuzz/corpus/$t" | wc -l) files"
    fi
    pack "$t"
done
exit "$status"

#!/usr/bin/env bash
# The README's demo command: sets up what is missing, builds pkg/ and serves
# the demo login page on 127.0.0.1 (PORT, default 8000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8000}"

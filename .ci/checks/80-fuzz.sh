#!/usr/bin/env bash
# Fuzz smoke: builds every libFuzzer target in Fuzz/ (-sanitize=fuzzer,address) and runs each from its
# checked-in seed corpus for a few seconds (FUZZ_SMOKE_SECONDS, default 3). Any crash, sanitizer report or
# broken property fails the check. The long run is `Fuzz/run` (60 s per target by default).
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_SECONDS="${FUZZ_SMOKE_SECONDS:-3}" Fuzz/run

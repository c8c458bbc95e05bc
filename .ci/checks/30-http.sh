#!/usr/bin/env bash
# HookHTTP benchmark, short run: prints requests/s and the ratios to nginx and wrk. A noisy ratio never
# fails CI; a broken benchmark (build failure, server that does not start, no rate) does.
set -euo pipefail
cd "$(dirname "$0")/../.."
Benchmarks/run --duration "${HOOKCHECK_BENCH_SECONDS:-2}" --requests "${HOOKCHECK_BENCH_REQUESTS:-20000}"

#!/usr/bin/env bash
# The benchmarks, short: HookHTTP server and client vs nginx and wrk, `run` vs wrk, `listen` vs nginx and a
# Node receiver, `check` vs a Python loop. Each prints its rates and ratios for CI's log. A noisy ratio never
# fails CI; a broken benchmark (build failure, server that does not start, no rate) does.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CHECK_DELIVERIES="${CHECK_DELIVERIES:-100000}"
Benchmarks/run --duration "${HOOKCHECK_BENCH_SECONDS:-2}" --requests "${HOOKCHECK_BENCH_REQUESTS:-20000}"

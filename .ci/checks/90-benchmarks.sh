#!/usr/bin/env bash
# The benchmarks, short: HookHTTP server and client vs nginx and wrk, `run` vs wrk, `listen` vs nginx, a
# Hummingbird 2 + swift-crypto receiver and a Node receiver, `check` vs a Python loop. Each prints its rates
# and ratios for CI's log. A noisy ratio never fails CI; a broken benchmark (build failure, server that does
# not start, no rate) does. The Hummingbird peer (its own package, Benchmarks/hummingbird-peer) is built
# within HOOKCHECK_PEER_BUILD_SECONDS (default 900); when that build fails or does not fit, the listen
# benchmark runs without it and says so.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
export CHECK_DELIVERIES="${CHECK_DELIVERIES:-100000}"
peer_dir=Benchmarks/hummingbird-peer
peer_bin="$peer_dir/.build-peer/release/HummingbirdPeer"
if timeout "${HOOKCHECK_PEER_BUILD_SECONDS:-900}" \
    swift build -c release --package-path "$peer_dir" --scratch-path "$peer_dir/.build-peer" \
    >"${TMPDIR:-/tmp}/hummingbird-peer-build.log" 2>&1 && [ -x "$peer_bin" ]; then
    export HUMMINGBIRD_PEER="$PWD/$peer_bin"
else
    echo "Hummingbird peer not built (failed or exceeded ${HOOKCHECK_PEER_BUILD_SECONDS:-900}s); listen runs without it:"
    tail -n 5 "${TMPDIR:-/tmp}/hummingbird-peer-build.log" || true
fi
Benchmarks/run --duration "${HOOKCHECK_BENCH_SECONDS:-2}" --requests "${HOOKCHECK_BENCH_REQUESTS:-100000}"

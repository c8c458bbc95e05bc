#!/usr/bin/env bash
# The reports as a reviewer sees them (issue 12, point 11): every bundled suite on the reference receiver, and a
# flawed receiver that fails, written as Markdown and rendered as GitHub-flavoured HTML by
# Tests/interop/render_report.py. Checks: a case x probe matrix per suite with consistent rows, balanced
# <details>, root causes before what follows from them, no probe that cannot apply reported as a result, and
# the step summary of every bundled suite together under GitHub's 1 MiB and not cut. With a Chromium on PATH
# it also takes screenshots (Reports/render/*.png, not committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh 45-report-render
hookcheck_bin
require_python markdown_it
make_work

server_pid=""
out="Reports/render"
mkdir -p "$out"
failed=0

# 1. Every bundled suite, green, with the step summary as GitHub Actions would collect it.
: >"$work/summary.md"
GITHUB_STEP_SUMMARY="$work/summary.md" "$bin" run Suites/ --reports "$work/all" >"$work/all.out" 2>"$work/all.err" \
    || { echo "FAIL: hookcheck run Suites/ on the reference receiver:"; tail -20 "$work/all.err"; exit 1; }
head -n 1 "$work/all.out"
summary_bytes="$(wc -c <"$work/summary.md")"
echo "step summary of every bundled suite: $summary_bytes bytes (limit 1048576)"
if [ "$summary_bytes" -ge 1048576 ] || grep -q "Cut to fit" "$work/summary.md"; then
    echo "FAIL: the step summary does not fit whole"; failed=1
fi
skipped="$(sed -n 's/.* \([0-9][0-9]*\) skipped$/\1/p' "$work/all.out" | head -n 1)"
# What stays skipped is only what the profile leaves open: Stripe's tolerated future timestamps.
not_stripe="$(grep '^SKIP ' "$work/all.err" | grep -vc 'stripe tolerates future timestamps' || true)"
if [ "$not_stripe" != 0 ]; then
    echo "FAIL: $not_stripe skipped results other than a tolerated future timestamp:"; grep '^SKIP ' "$work/all.err" | head
    failed=1
fi
echo "skipped results: ${skipped:-?} (every one a future timestamp the profile tolerates)"
cp "$work/all/report.md" "$out/all.md"

# 2. A receiver that fails: the Standard Webhooks reference receiver answering 500 to what it cannot handle and
#    taking any signature, so valid fails and the probes that need it follow from it.
secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
HOOKCHECK_SECRET="$secret" "$bin" serve --profile standard-webhooks --flaw crash-on-unknown-event \
    --flaw accept-any-signature >"$work/serve.out" 2>/dev/null &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q "^listening on " "$work/serve.out" 2>/dev/null && break
    sleep 0.1
done
address="$(sed -n 's/^listening on //p' "$work/serve.out")"
[ -n "$address" ] || { echo "FAIL: hookcheck serve did not start"; exit 1; }
set +e
STANDARD_WEBHOOKS_SECRET="$secret" "$bin" run Suites/standard-webhooks.json --target "$address" \
    --reports "$work/flawed" >"$work/flawed.out" 2>/dev/null
status=$?
set -e
head -n 1 "$work/flawed.out"
[ "$status" = 1 ] || { echo "FAIL: the flawed receiver's run exited $status, expected 1"; failed=1; }
grep -q "^Following from a root cause above" "$work/flawed/report.md" \
    || { echo "FAIL: no failure is shown as following from a root cause"; failed=1; }
cp "$work/flawed/report.md" "$out/flawed.md"

python3 Tests/interop/render_report.py --screenshot "$out/all.md" || failed=1
python3 Tests/interop/render_report.py --screenshot --expect-failures "$out/flawed.md" || failed=1
[ "$failed" = 0 ] && echo "45-report-render: passed"
exit "$failed"

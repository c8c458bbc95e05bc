#!/usr/bin/env bash
# The README's newcomer path, run as written: the main job green on the reference receiver; the red run
# against `hookcheck serve --flaw reserialize-before-verify` with a readable failure; the sharding recipe
# (four shards together run every case exactly once, each JUnit valid); and `init` → `validate` → `run`
# for every built-in profile.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh 65-readme
hookcheck_bin
make_work
server_pid=""
count_cases() { python3 -c "import sys,junitparser; x=junitparser.JUnitXml.fromfile(sys.argv[1]); print(sum(len(list(s)) for s in x))" "$1"; }

echo "--- main job: hookcheck run Suites/ (no target: the reference receiver)"
"$bin" run Suites/ --reports "$work/main" >"$work/main.out" 2>"$work/main.err"
tail -2 "$work/main.out"
grep -q "no target given" "$work/main.err" || { echo "65-readme: run did not say it used the reference receiver"; exit 1; }
python3 "$SHARED/tools/check-junit.py" "$work/main/junit.xml" --min-tests 500 --expect-failures 0 | tail -1
total="$(count_cases "$work/main/junit.xml")"

echo "--- red run: serve --flaw reserialize-before-verify, then run Suites/stripe.json against it"
export STRIPE_WEBHOOK_SECRET=whsec_test_secret
"$bin" serve --profile stripe --port 0 --secret-env STRIPE_WEBHOOK_SECRET --flaw reserialize-before-verify \
    >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 1 100); do grep -q "^listening on " "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
address="$(sed -n 's/^listening on //p' "$work/serve.out")"
[ -n "$address" ] || { echo "65-readme: serve did not start"; cat "$work/serve.err"; exit 1; }
set +e
"$bin" run Suites/stripe.json --target "$address" --reports "$work/red" >"$work/red.out" 2>"$work/red.err"
status=$?
set -e
[ "$status" -eq 1 ] || { echo "65-readme: the red run exited $status, expected 1"; exit 1; }
grep -E "FAIL .*reformatted-json.*expected 2xx, got 4[0-9][0-9]" "$work/red.err" | head -1 \
    || { echo "65-readme: no readable reformatted-json failure"; cat "$work/red.err" | head -20; exit 1; }
grep -q "reformatted-json" "$work/red/report.md"
python3 "$SHARED/tools/check-junit.py" "$work/red/junit.xml" | tail -1
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

echo "--- sharding: 4 shards run every case exactly once"
sum=0
for k in 1 2 3 4; do
    "$bin" run Suites/ --shard "$k/4" --junit "$work/junit-$k.xml" --markdown "$work/report-$k.md" >/dev/null 2>&1
    python3 "$SHARED/tools/check-junit.py" "$work/junit-$k.xml" >/dev/null
    sum=$((sum + $(count_cases "$work/junit-$k.xml")))
done
echo "shards: $sum results in all; unsharded: $total"
[ "$sum" -eq "$total" ] || { echo "65-readme: the shards do not add up"; exit 1; }

echo "--- init, validate and run for every built-in profile"
for profile in $("$bin" profiles | awk 'NR > 1 { print $1 }'); do
    "$bin" init --profile "$profile" --out "$work/init/$profile.json" 2>/dev/null
    "$bin" validate "$work/init/$profile.json" >/dev/null
done
"$bin" run "$work/init" --reports "$work/init-reports" 2>/dev/null | grep "^hookcheck:"
echo "65-readme: the README's commands behave as documented"

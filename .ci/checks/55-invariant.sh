#!/usr/bin/env bash
# hookcheck certifies its own sender: for every bundled suite, `hookcheck run --only` over the valid,
# reformatted-json and replay probes, sent into `hookcheck listen` on the same suite, must give green
# seen, envelope (the profile's envelope, the case's shape and its match), signature or token, timestamp
# and id checks, and no unmatched delivery. It catches a sender/checker disagreement in either half:
# array shapes judged from one element, stale example timestamps, reused ids, cases no delivery reaches.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh 55-invariant
hookcheck_bin --build
make_work

listener=""
failed=0

# Secrets for every suite: each names its variable; a Standard Webhooks key must be base64 after whsec_.
. .ci/lib/suite-secrets.sh
secret="whsec_$(printf 'hookcheck-invariant-secret-32-by' | base64)"
export_suite_secrets "$secret"

for suite in Suites/*.json; do
    name="$(basename "$suite" .json)"
    dir="$work/$name"
    mkdir -p "$dir"
    "$bin" listen "$suite" --respond 200 --timeout 120 --captures "$dir/captures.jsonl" --reports "$dir" \
        --json "$dir/results.json" >"$dir/listen.out" 2>"$dir/listen.err" &
    listener=$!
    url=""
    for _ in $(seq 1 400); do
        url="$(head -n 1 "$dir/listen.out" 2>/dev/null | sed -n 's/^listening on //p')"
        [ -n "$url" ] && break
        sleep 0.05
    done
    if [ -z "$url" ]; then
        cat "$dir/listen.err"; echo "55-invariant: FAIL: $name: listen printed no address"; failed=1
        kill "$listener" 2>/dev/null || true; wait "$listener" 2>/dev/null || true; listener=""
        continue
    fi
    for probe in valid reformatted-json replay; do
        # The receiver's answers are not judged here (listen answers 200 to all); only what listen saw.
        "$bin" run "$suite" --target "${url}hooks" --only "* · $probe" --reports "$dir/run-$probe" \
            >"$dir/run-$probe.out" 2>&1 || true
    done
    kill -TERM "$listener"
    wait "$listener" || true
    listener=""
    if ! python3 - "$dir/results.json" "$name" <<'PY'; then
import json, sys
path, name = sys.argv[1], sys.argv[2]
data = json.load(open(path, encoding="utf-8"))
judged = {"seen", "envelope", "signature", "token", "timestamp", "id", "case", "json", "content type", "method"}
results = [r for suite in data.get("suites", []) for r in suite.get("results", [])]
bad = [r for r in results if r.get("check") in judged and r.get("status") != "passed"]
bad += [r for r in results if r.get("case") == "unmatched deliveries"]
seen = [r for r in results if r.get("check") == "seen"]
if not seen:
    bad.append({"case": "(none)", "check": "seen", "message": "no seen results at all"})
for r in bad:
    print(f"55-invariant: FAIL: {name}: {r.get('case')} · {r.get('check')}: {r.get('message')}")
print(f"55-invariant: {name}: {len(seen)} cases seen, {len(results)} results, {len(bad)} not green")
sys.exit(1 if bad else 0)
PY
        failed=1
        tail -n 5 "$dir/listen.err" || true
    fi
done
exit "$failed"

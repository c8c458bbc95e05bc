#!/usr/bin/env bash
# hookcheck listen end to end, with senders no one here wrote the signing code of: Python scripts on the
# PyPI standardwebhooks, svix and stripe packages deliver to `hookcheck listen` (answering 500 first, so
# they must retry) and every check passes; broken senders are each caught by the check they target;
# curl delivers with `Expect: 100-continue` and a chunked body; when `hookcheck check` is available, the
# capture files are re-checked offline with the same verdicts. Every JUnit goes through check-junit.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh 70-listen
require_python standardwebhooks svix stripe
hookcheck_bin --build
make_work

senders=Tests/interop/senders
listener=""
export HOOKCHECK_SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
failed=0
fail() { echo "70-listen: FAIL: $*"; failed=1; }
check_available=1
probe="$("$bin" check "$senders/suites/stripe.json" --captures /dev/null 2>&1 || true)"
[[ "$probe" == *"not available yet"* ]] && check_available=0

# start_listen NAME SUITE PLAN TIMEOUT: starts `hookcheck listen` in the background; sets $url and $listener.
start_listen() {
    local name="$1" suite="$2" plan="$3" timeout="$4"
    mkdir -p "$work/$name"
    "$bin" listen "$suite" --respond "$plan" --until-complete --timeout "$timeout" \
        --captures "$work/$name/captures.jsonl" --reports "$work/$name" \
        >"$work/$name/stdout" 2>"$work/$name/stderr" &
    listener=$!
    url=""
    for _ in $(seq 1 200); do
        url="$(head -n 1 "$work/$name/stdout" 2>/dev/null | sed -n 's/^listening on //p')"
        [ -n "$url" ] && break
        sleep 0.05
    done
    [ -n "$url" ] || { cat "$work/$name/stderr"; fail "$name: listen printed no address"; }
}

# finish_listen NAME: waits for the listener; sets $status.
finish_listen() {
    status=0
    wait "$listener" || status=$?
    listener=""
}

# junit_check NAME EXPECTED_FAILURES
junit_check() {
    if ! python3 "$SHARED/tools/check-junit.py" "$work/$1/junit.xml" --min-tests 1 --expect-failures "$2" \
        >"$work/$1/junit-check" 2>&1; then
        cat "$work/$1/junit-check"; fail "$1: check-junit.py rejects the report"
    fi
}

# failed_names JUNIT: the names of the failed test cases, one a line.
failed_names() {
    python3 -c 'import sys, xml.etree.ElementTree as T
for case in T.parse(sys.argv[1]).iter("testcase"):
    if case.find("failure") is not None: print(case.get("name"))' "$1" 2>/dev/null || true
}

# recheck NAME SUITE EXPECTED_STATUS: `hookcheck check` over the capture file gives the same verdict.
recheck() {
    [ "$check_available" = 1 ] || return 0
    local offline=0
    "$bin" check "$2" --captures "$work/$1/captures.jsonl" --reports "$work/$1/offline" \
        >"$work/$1/offline.out" 2>&1 || offline=$?
    if [ "$offline" != "$3" ]; then fail "$1: offline check exits $offline, listen exited $3"; fi
}

# 1. Real senders: every check passes, retries included.
for lib in standardwebhooks svix stripe; do
    suite="$senders/suites/${lib/standardwebhooks/standard-webhooks}.json"
    name="good-$lib"
    start_listen "$name" "$suite" 500x1,200 40
    python3 "$senders/sender.py" "$lib" "${url}hooks" "$suite" --interval 1 2>"$work/$name/sender" \
        || fail "$name: the sender gave up"
    finish_listen
    if [ "$status" = 0 ]; then
        echo "ok: $lib delivers to hookcheck listen; $(tail -n 1 "$work/$name/stdout")"
    else
        cat "$work/$name/stderr"; fail "$name: listen exited $status"
    fi
    junit_check "$name" 0
    recheck "$name" "$suite" "$status"
done

# 2. Broken senders: each caught by the check it targets (a failed testcase whose name matches).
suite="$senders/suites/standard-webhooks.json"
while read -r kind plan timeout pattern; do
    name="broken-$kind"
    start_listen "$name" "$suite" "$plan" "$timeout"
    python3 "$senders/sender.py" standardwebhooks "${url}hooks" "$suite" --broken "$kind" --interval 0.6 \
        2>"$work/$name/sender" || true
    finish_listen
    caught="$(failed_names "$work/$name/junit.xml" | grep -E "$pattern" | head -n 1 || true)"
    if [ "$status" = 1 ] && [ -n "$caught" ]; then
        echo "ok: broken sender '$kind' caught by $caught"
    else
        cat "$work/$name/stderr"; fail "$name: listen exited $status; no failed check matching /$pattern/"
    fi
    junit_check "$name" "$(failed_names "$work/$name/junit.xml" | wc -l)"
    recheck "$name" "$suite" "$status"
done <<'BROKEN'
wrong-secret 200 20 signature
reserialized 200 20 signature
stale-timestamp 200 20 timestamp|signature
missing-signature 200 20 signature
missing-field 200 20 envelope|shape
new-id-per-retry 500x1,200 6 retr|[^a-z]id
no-retry 500x1,200 5 retr
BROKEN

# 3. curl as the sender: Expect: 100-continue with a >1 KiB body, and a chunked body.
name="curl"
start_listen "$name" "$suite" 200 30
padding="$(head -c 1500 /dev/zero | tr '\0' 'p')"
for variant in expect chunked; do
    if [ "$variant" = expect ]; then type=user.created; data='{"id": "u_2", "email": "ada@example.com", "name": "Ada", "bio": "'"$padding"'"}'
    else type=invoice.paid; data='{"id": "inv_2", "amount": 100, "currency": "EUR", "note": "'"$padding"'"}'; fi
    printf '{"type": "%s", "timestamp": "2024-11-04T08:00:01.120Z", "data": %s}' "$type" "$data" >"$work/body-$variant"
    headers=()
    while IFS= read -r line; do headers+=(-H "$line"); done \
        < <("$bin" sign --profile standard-webhooks <"$work/body-$variant")
    extra=(-H "Expect: 100-continue")
    [ "$variant" = chunked ] && extra=(-H "Transfer-Encoding: chunked")
    code="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "${url}hooks" -H "Content-Type: application/json" \
        "${headers[@]}" "${extra[@]}" --data-binary "@$work/body-$variant")"
    [ "$code" = 200 ] || fail "curl ($variant): answered $code"
done
finish_listen
if [ "$status" = 0 ]; then echo "ok: curl with Expect: 100-continue and chunked; $(tail -n 1 "$work/$name/stdout")"
else cat "$work/$name/stderr"; fail "curl: listen exited $status"; fi
junit_check "$name" 0
recheck "$name" "$suite" "$status"
python3 - "$work/curl/captures.jsonl" "$work/body-expect" "$work/body-chunked" <<'PY' || fail "curl: captured bodies differ from the bytes sent"
import json, sys
bodies = [json.loads(line)["body"].encode() for line in open(sys.argv[1], encoding="utf-8")]
for path in sys.argv[2:]:
    assert open(path, "rb").read() in bodies, path
PY

[ "$check_available" = 1 ] || echo "70-listen: 'hookcheck check' is not available yet; offline re-checks skipped"
exit "$failed"

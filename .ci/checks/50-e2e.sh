#!/usr/bin/env bash
# End to end through the built binary: the README-style sign/verify example (Standard Webhooks'
# official vector), a tampered body, usage errors, and validate on a suite with a duplicate key.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh 50-e2e
hookcheck_bin --build
make_work

fail() { echo "50-e2e: FAIL: $*" >&2; exit 1; }

export HOOKCHECK_SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
body='{"test": 2432232314}'

# sign: the three webhook-* header lines of the official vector.
printf '%s' "$body" \
    | "$bin" sign --profile standard-webhooks --id msg_p5jXN8AQM9LWM0D4loKWxJek --timestamp 1614265330 \
    >"$work/headers"
cat "$work/headers"
cat >"$work/expected" <<'LINES'
webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek
webhook-timestamp: 1614265330
webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
LINES
diff -u "$work/expected" "$work/headers" || fail "sign did not print the official vector's headers"

header_args=()
while IFS= read -r line; do header_args+=(--header "$line"); done <"$work/headers"

# verify: valid at the signing time, and with an unlimited tolerance.
printf '%s' "$body" | "$bin" verify --profile standard-webhooks "${header_args[@]}" --now 1614265330 \
    || fail "verify rejected the signed body (--now)"
printf '%s' "$body" | "$bin" verify --profile standard-webhooks "${header_args[@]}" --tolerance 0 \
    || fail "verify rejected the signed body (--tolerance 0)"

# verify: one changed byte fails with exit 1 and a reason.
set +e
printf '%s' '{"test": 2432232315}' \
    | "$bin" verify --profile standard-webhooks "${header_args[@]}" --now 1614265330 2>"$work/tampered.err"
status=$?
set -e
cat "$work/tampered.err"
[ "$status" -eq 1 ] || fail "tampered body: expected exit 1, got $status"
grep -q 'webhook-signature' "$work/tampered.err" || fail "tampered body: the reason does not name the header"
if grep -q "${HOOKCHECK_SECRET#whsec_}" "$work/tampered.err"; then fail "the secret leaked into stderr"; fi

# validate: a duplicate key is reported with both positions, exit 2.
printf '{\n  "suite": "a",\n  "suite": "b",\n  "cases": []\n}\n' >"$work/duplicate.json"
set +e
"$bin" validate "$work/duplicate.json" 2>"$work/validate.err"
status=$?
set -e
cat "$work/validate.err"
[ "$status" -eq 2 ] || fail "validate duplicate key: expected exit 2, got $status"
grep -q 'duplicate.json:3:3: error:' "$work/validate.err" || fail "validate: no diagnostic at the duplicate (3:3)"
grep -q '2:3' "$work/validate.err" || fail "validate: the first position (2:3) is not named"

# usage errors exit 2 with a suggestion.
set +e
"$bin" sign --profle standard-webhooks </dev/null 2>"$work/usage.err"
status=$?
set -e
[ "$status" -eq 2 ] || fail "unknown option: expected exit 2, got $status"
grep -q "did you mean '--profile'" "$work/usage.err" || fail "unknown option: no suggestion"

echo "50-e2e: sign, verify, tampered body, validate and usage errors behave as documented"

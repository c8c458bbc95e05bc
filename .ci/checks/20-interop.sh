#!/usr/bin/env bash
# Interoperability with the reference Python libraries (standardwebhooks, svix, stripe, slack-sdk):
# 1. the Swift interop tests (library accepts our signatures, our verify accepts theirs), with the
#    peers required rather than skipped;
# 2. when the CLI has `sign`/`verify`, the same both ways through the hookcheck binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh interop

require_python standardwebhooks svix stripe slack_sdk

HOOKCHECK_REQUIRE_INTEROP=1 swift test --skip-build --filter Interop 2>&1 | tail -n 5
test "${PIPESTATUS[0]}" -eq 0

hookcheck_bin
help="$("$bin" sign --help 2>&1 || true)"
if [[ "$help" != *--profile* ]]; then
    echo "interop: hookcheck sign is not available yet; CLI round trips skipped"
    exit 0
fi

make_work
printf '%s' '{"type": "interop.cli", "data": {"name": "Zoë 🌍", "n": 1}}' >"$work/body"
printf '%s' '{"type": "interop.cli", "data": {"name": "Zoë 🌍", "n": 2}}' >"$work/tampered"
now="$(date +%s)"
failed=0

# profile, python library, secret
while read -r profile lib secret; do
    export HOOKCHECK_SECRET="$secret"
    # Ours -> library.
    "$bin" sign --profile "$profile" --id msg_cli_1 --timestamp "$now" <"$work/body" >"$work/ours"
    if python3 Tests/interop/peer.py "$lib" verify-lines "$work/body" <"$work/ours"; then
        echo "ok: $lib accepts hookcheck sign --profile $profile"
    else
        echo "FAIL: $lib rejects hookcheck sign --profile $profile"; failed=1
    fi
    if python3 Tests/interop/peer.py "$lib" verify-lines "$work/tampered" <"$work/ours" 2>/dev/null; then
        echo "FAIL: $lib accepts a tampered body"; failed=1
    fi
    # Library -> ours.
    python3 Tests/interop/peer.py "$lib" sign-lines "$work/body" msg_cli_2 "$now" >"$work/theirs"
    args=()
    while IFS= read -r line; do args+=(--header "$line"); done <"$work/theirs"
    if "$bin" verify --profile "$profile" "${args[@]}" <"$work/body"; then
        echo "ok: hookcheck verify --profile $profile accepts $lib"
    else
        echo "FAIL: hookcheck verify --profile $profile rejects $lib"; failed=1
    fi
    if "$bin" verify --profile "$profile" "${args[@]}" <"$work/tampered" >/dev/null 2>&1; then
        echo "FAIL: hookcheck verify --profile $profile accepts a tampered body"; failed=1
    fi
done <<'PEERS'
standard-webhooks standardwebhooks whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
stripe stripe whsec_test_secret
slack slack_sdk 8f742231b10e8888abcd99yyyzzz85a5
PEERS
exit "$failed"

#!/usr/bin/env bash
# From real traffic to a regression suite, for every bundled suite, through the built binary:
# 1. `hookcheck listen` captures `run --only '* · valid'`;
# 2. `hookcheck init --from-captures` derives a suite (profile from the signature headers);
# 3. the suite validates with no error, 4. checks green against the same captures, 5. runs green against
# the reference receiver; 6. `replay` of the captures is green against the reference receiver, and red
# against `serve --flaw reserialize-before-verify` with `--probes reformatted-json`.
# Then: a capture mixing two providers, and one with no recognisable signature header, exit 2 with a message.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh 57-from-captures
hookcheck_bin --build
make_work

pids=()
failed=0
fail() { echo "57-from-captures: FAIL: $*"; failed=1; }

. .ci/lib/suite-secrets.sh
secret="whsec_$(printf 'hookcheck-captures-secret-32-byt' | base64)"
export_suite_secrets "$secret"

# The first line a server prints: 'listening on URL'.
address() {
    local file="$1" url=""
    for _ in $(seq 1 400); do
        url="$(head -n 1 "$file" 2>/dev/null | sed -n 's/^listening on //p')"
        [ -n "$url" ] && break
        sleep 0.05
    done
    printf '%s' "$url"
}

for suite in Suites/*.json; do
    name="$(basename "$suite" .json)"
    dir="$work/$name"
    mkdir -p "$dir"
    profile="$(python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["profile"]; print(p if isinstance(p,str) else p.get("extends",""))' "$suite")"
    "$bin" listen "$suite" --respond 200 --timeout 120 --captures "$dir/captures.jsonl" --reports "$dir/listen" \
        >"$dir/listen.out" 2>"$dir/listen.err" &
    listener=$!
    pids+=("$listener")
    url="$(address "$dir/listen.out")"
    [ -n "$url" ] || { fail "$name: listen printed no address"; continue; }
    "$bin" run "$suite" --target "${url}hooks" --only '* · valid' --reports "$dir/run" >"$dir/run.out" 2>&1 || true
    kill -TERM "$listener"; wait "$listener" || true

    # Clarityflow has no signature header: the profile must be named.
    flags=(--secret-env HOOKCHECK_SECRET)
    if [ "$profile" = "clarityflow" ]; then flags+=(--profile clarityflow); fi
    if ! "$bin" init --from-captures "$dir/captures.jsonl" "${flags[@]}" --out "$dir/inferred.json" 2>"$dir/init.err"; then
        cat "$dir/init.err"; fail "$name: init --from-captures"; continue
    fi
    if grep -q "$secret" "$dir/inferred.json"; then fail "$name: the inferred suite holds the secret"; fi
    "$bin" validate "$dir/inferred.json" >"$dir/validate.out" 2>&1 || { cat "$dir/validate.out"; fail "$name: validate"; }
    # iinked Sign signs the URL: the inferred suite's target is the URL the captures were sent to.
    if "$bin" check "$dir/inferred.json" --captures "$dir/captures.jsonl" --reports "$dir/check" \
        >"$dir/check.out" 2>&1; then :; else tail -n 15 "$dir/check.out"; fail "$name: check of the inferred suite"; fi
    # Run against the reference receiver: drop the URL the captures were signed for (iinked Sign).
    python3 - "$dir/inferred.json" <<'PY'
import json, sys
path = sys.argv[1]
suite = json.load(open(path, encoding="utf-8"))
suite.pop("target", None)
json.dump(suite, open(path, "w", encoding="utf-8"), indent=2)
PY
    "$bin" run "$dir/inferred.json" --reports "$dir/rerun" >"$dir/rerun.out" 2>&1 \
        || { grep -E '^(FAIL|ERROR)' "$dir/rerun.out" | head -n 5; fail "$name: run of the inferred suite"; }
    "$bin" replay "$dir/captures.jsonl" --suite "$suite" --reports "$dir/replay" >"$dir/replay.out" 2>&1 \
        || { grep -E '^(FAIL|ERROR)|error' "$dir/replay.out" | head -n 5; fail "$name: replay against the reference receiver"; }
    case "$profile" in
    clarityflow | ironclad-clickwrap | ironclad-clickwrap-get | documenso) ;; # no body signature to break
    *)
        "$bin" serve --profile "$profile" --flaw reserialize-before-verify >"$dir/serve.out" 2>/dev/null &
        server=$!
        pids+=("$server")
        served="$(address "$dir/serve.out")"
        if "$bin" replay "$dir/captures.jsonl" --suite "$suite" --target "${served}hooks" --probes reformatted-json \
            --reports "$dir/flawed" >"$dir/flawed.out" 2>&1; then
            fail "$name: replay --probes reformatted-json passed against reserialize-before-verify"
        fi
        kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
        ;;
    esac
    echo "57-from-captures: $name: $(tail -n 1 "$dir/init.err")"
done

# A capture of two providers, and one with no signature header.
cat "$work/stripe/captures.jsonl" "$work/github/captures.jsonl" >"$work/mixed.jsonl"
set +e
"$bin" init --from-captures "$work/mixed.jsonl" >/dev/null 2>"$work/mixed.err"
status=$?
set -e
[ "$status" -eq 2 ] && grep -q 'mixes deliveries of several providers' "$work/mixed.err" \
    || { cat "$work/mixed.err"; fail "mixed providers: exit $status"; }
set +e
"$bin" init --from-captures "$work/clarityflow/captures.jsonl" >/dev/null 2>"$work/none.err"
status=$?
set -e
[ "$status" -eq 2 ] && grep -q 'pass --profile NAME' "$work/none.err" \
    || { cat "$work/none.err"; fail "no signature header: exit $status"; }
[ "$failed" -eq 0 ] && echo "57-from-captures: every bundled suite round-trips; mixed and unsigned captures exit 2"
exit "$failed"

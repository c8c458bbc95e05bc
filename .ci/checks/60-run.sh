#!/usr/bin/env bash
# `hookcheck run` end to end:
# 1. interoperability: Python receivers that verify with the PyPI `standardwebhooks` package and with
#    `stripe.Webhook.construct_event` (Tests/interop/receivers/) must pass `hookcheck run` with the bundled
#    suite of their profile, and the JUnit of each run must pass ../shared/tools/check-junit.py;
# 2. the README's main-job command, `hookcheck run Suites/` with no target (the built-in reference
#    receiver), must run green and write Reports/junit.xml and Reports/report.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh 60-run
hookcheck_bin
require_python standardwebhooks stripe xmlschema junitparser
make_work

receiver_pid=""
failed=0

# receiver script, bundled suite, secret variable, secret
while read -r script suite variable secret; do
    name="$(basename "$script" .py)"
    export "$variable=$secret"
    python3 "Tests/interop/receivers/$script" "$variable" >"$work/$name.out" 2>"$work/$name.err" &
    receiver_pid=$!
    for _ in $(seq 1 100); do
        grep -q "^listening on " "$work/$name.out" 2>/dev/null && break
        sleep 0.1
    done
    address="$(sed -n 's/^listening on //p' "$work/$name.out")"
    if [ -z "$address" ]; then
        echo "FAIL: $name did not start:"; cat "$work/$name.err"; failed=1; continue
    fi
    if "$bin" run "$suite" --target "${address}webhooks" --concurrency 4 \
        --junit "$work/$name.junit.xml" --markdown "$work/$name.md" >"$work/$name.run" 2>"$work/$name.progress"; then
        echo "ok: $name passes hookcheck run $suite ($(head -1 "$work/$name.run"))"
    else
        echo "FAIL: $name does not pass hookcheck run $suite:"
        grep -E "^(FAIL|ERROR)" "$work/$name.progress" || cat "$work/$name.progress"
        cat "$work/$name.run"
        failed=1
    fi
    kill "$receiver_pid" 2>/dev/null || true
    wait "$receiver_pid" 2>/dev/null || true
    receiver_pid=""
    python3 "$SHARED/tools/check-junit.py" "$work/$name.junit.xml" --min-tests 10 --expect-failures 0 | tail -1 \
        || failed=1
done <<LIST
standardwebhooks_receiver.py Suites/standard-webhooks.json STANDARD_WEBHOOKS_SECRET whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
stripe_receiver.py Suites/stripe.json STRIPE_WEBHOOK_SECRET whsec_hookcheck_interop_secret
LIST

# The main-job command, when the built-in reference receiver is part of the build.
set +e
"$bin" run Suites/ --concurrency 8 >"$work/main.out" 2>"$work/main.err"
status=$?
set -e
if grep -q "no built-in receiver here" "$work/main.err"; then
    echo "60-run: the reference receiver is not in this build yet; main-job command skipped"
elif [ "$status" -eq 0 ] && [ -s Reports/junit.xml ] && [ -s Reports/report.md ]; then
    echo "ok: hookcheck run Suites/ is green on the reference receiver ($(head -1 "$work/main.out"))"
    python3 "$SHARED/tools/check-junit.py" Reports/junit.xml --expect-failures 0 | tail -1 || failed=1
else
    echo "FAIL: hookcheck run Suites/ exited $status:"
    grep -E "^(FAIL|ERROR|error|no target)" "$work/main.err" | head -40
    cat "$work/main.out"
    failed=1
fi
exit "$failed"

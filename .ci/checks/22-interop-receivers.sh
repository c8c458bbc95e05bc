#!/usr/bin/env bash
# The bundled suites against receivers built on the providers' own libraries, written as their docs show
# (Tests/interop/receivers/), each on a loopback port: `hookcheck run SUITE --target URL --json`, then every
# result's verdict is held against the EXPECTED table below (Tests/interop/verdicts.py): green where the
# receiver is correct, the specific probe red where the receiver has a real weakness. A mismatch, either
# way, fails the check. Versions: Tests/interop/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh 22-interop-receivers
hookcheck_bin
require_python slack_sdk slack_bolt stripe githubkit.webhooks github_webhook svix standardwebhooks fastapi uvicorn flask django

# Run-side changes of issue 12 that some verdicts wait for. After merging one, add its name here (or set
# the variable): the rows that name it then expect their second verdict.
#   sha1-signature           GitHub deliveries carry X-Hub-Signature: sha1=… beside X-Hub-Signature-256
#   challenge-echo           `url_verification · valid` asserts that the answer echoes the challenge
#   malformed-json-unsigned  the probe sending malformed JSON with a wrong signature, expecting 4xx
#   slack-inner-unknown      Slack's unknown-event changes the inner /event/type of event_callback
#   slack-future-reject      the slack profile has futureTimestamps: reject
#   fresh-ids                every delivery gets a fresh id (the second copy of replay excepted)
MERGED_RUN_SIDE_CHANGES="${MERGED_RUN_SIDE_CHANGES:-sha1-signature slack-future-reject malformed-json-unsigned challenge-echo slack-inner-unknown fresh-ids}"

# receiver   script (Tests/interop/receivers/)   suite   secret variable   secret   path
RECEIVERS='
slack_sdk_fastapi   slack_sdk_fastapi_receiver.py   Suites/slack.json   SLACK_SIGNING_SECRET   8f742231b10e8888abcd99yyyzzz85a5   slack/events
slack_bolt          slack_bolt_receiver.py          Suites/slack.json   SLACK_SIGNING_SECRET   8f742231b10e8888abcd99yyyzzz85a5   slack/events
stripe_flask        stripe_flask_receiver.py        Suites/stripe.json  STRIPE_WEBHOOK_SECRET  whsec_hookcheck_interop_secret     webhook
stripe_dedup        stripe_receiver.py              Suites/stripe.json  STRIPE_WEBHOOK_SECRET  whsec_hookcheck_interop_secret     webhooks
stripe_django       stripe_django_receiver.py       Suites/stripe.json  STRIPE_WEBHOOK_SECRET  whsec_hookcheck_interop_secret     stripe/webhook
shopify_flask       shopify_flask_receiver.py       Suites/shopify.json  SHOPIFY_WEBHOOK_SECRET  hookcheck-interop-shopify-secret  webhook
githubkit           githubkit_receiver.py           Suites/github.json  GITHUB_WEBHOOK_SECRET  hookcheck-interop-github-secret    webhooks
github_webhook      github_webhook_receiver.py      Suites/github.json  GITHUB_WEBHOOK_SECRET  hookcheck-interop-github-secret    webhooks
svix                svix_receiver.py                Suites/standard-webhooks.json  STANDARD_WEBHOOKS_SECRET  whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw  webhooks
standardwebhooks    standardwebhooks_receiver.py    Suites/standard-webhooks.json  STANDARD_WEBHOOKS_SECRET  whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw  webhooks
'

# The expected verdicts. Every result not listed is expected `passed`. The last matching row wins.
# receiver   case (glob)   probe (glob)   verdict now   [run-side change   verdict after it]
EXPECTED='
# Probes that cannot apply: GitHub signs no timestamp; Stripe tolerates future timestamps, as stripe-python does.
github*             *                   stale-timestamp           n/a
github*             *                   future-timestamp          n/a
stripe*             *                   future-timestamp          n/a
# Slack: slack_sdk SignatureVerifier, which Bolt uses, rejects |now - ts| > 300 s, so once the profile
# says futureTimestamps: reject the probe applies, and both receivers pass it.
slack*              *                   future-timestamp          skipped   slack-future-reject      passed
# Both Slack receivers echo the challenge (slack_sdk as JSON, Bolt by itself).
slack*              url_verification    valid                     passed    challenge-echo           passed
slack_sdk_fastapi   *                   malformed-json-unsigned   absent    malformed-json-unsigned  passed
# Bolt for Python: weaknesses of Bolt itself, as its docs set it up.
# - It answers 404 to any request no listener handles: an unknown event type (outer now, inner
#   /event/type after the change) and app_rate_limited, which Slack sends to the Request URL of every app.
slack_bolt          *                   unknown-event             failed    slack-inner-unknown      failed
slack_bolt          app_rate_limited    *                         failed
slack_bolt          app_rate_limited    bad-signature             passed
slack_bolt          app_rate_limited    missing-signature         passed
slack_bolt          app_rate_limited    tampered-body             passed
slack_bolt          app_rate_limited    stale-timestamp           passed
slack_bolt          app_rate_limited    future-timestamp          skipped   slack-future-reject      passed
# - It parses the body before it verifies the signature: a body that is not JSON gets a 500, signed or not.
slack_bolt          *                   malformed-json            failed
slack_bolt          *                   malformed-json-unsigned   absent    malformed-json-unsigned  failed
# The Django recipe in Stripe docs reads request.META[HTTP_STRIPE_SIGNATURE] before verifying: a request without
# the header raises KeyError, and Django answers 500 where a 4xx is due.
stripe_django       *                   missing-signature         failed
stripe_django       *                   malformed-json-unsigned   failed
# The Flask recipe in Shopify docs calls hmac_header.encode() on a missing header (None): 500 the same way.
shopify_flask       *                   missing-signature         failed
shopify_flask       *                   malformed-json-unsigned   failed
# The recipe leaves "Process webhook payload" to the reader and never parses the body, so a signed body
# that is not JSON gets 200 where a 4xx is due.
shopify_flask       *                   malformed-json            failed
# githubkit: the typed parse raises WebhookTypeNotFound for an event name it does not know (500).
githubkit           *                   unknown-event             failed
# python-github-webhook verifies only the SHA-1 X-Hub-Signature, which GitHub sends beside -256; until
# hookcheck sends it too, every genuine delivery gets a 400.
github_webhook      *                   valid                     failed    sha1-signature           passed
github_webhook      *                   reformatted-json          failed    sha1-signature           passed
github_webhook      *                   unknown-event             failed    sha1-signature           passed
github_webhook      *                   replay                    failed    sha1-signature           passed
'

make_work
receiver_pid=""
mkdir -p "$work/reports"
failed=0

while read -r name script suite variable secret path; do
    [ -n "$name" ] || continue
    if [ -n "${INTEROP_ONLY:-}" ] && [[ " $INTEROP_ONLY " != *" $name "* ]]; then continue; fi
    export "$variable=$secret"
    python3 "Tests/interop/receivers/$script" "$variable" >"$work/$name.out" 2>"$work/$name.err" &
    receiver_pid=$!
    # githubkit's models take a few seconds to import on a loaded machine.
    for _ in $(seq 1 600); do
        grep -q "^listening on " "$work/$name.out" 2>/dev/null && break
        kill -0 "$receiver_pid" 2>/dev/null || break
        sleep 0.1
    done
    address="$(sed -n 's/^listening on //p' "$work/$name.out")"
    if [ -z "$address" ]; then
        echo "FAIL: $name did not start:"; tail -n 20 "$work/$name.err"; failed=1
    else
        set +e
        "$bin" run "$suite" --target "${address}${path}" --concurrency 4 --json "$work/reports/$name.json" \
            --junit "$work/$name.junit.xml" --markdown "$work/$name.md" >"$work/$name.run" 2>"$work/$name.progress"
        status=$?
        set -e
        echo "$name ($script, $suite): hookcheck run exited $status: $(head -1 "$work/$name.run")"
        if [ ! -s "$work/reports/$name.json" ]; then
            echo "FAIL: no JSON report for $name:"; tail -n 20 "$work/$name.progress"; failed=1
        fi
    fi
    kill "$receiver_pid" 2>/dev/null || true
    wait "$receiver_pid" 2>/dev/null || true
    receiver_pid=""
done <<<"$RECEIVERS"

printf '%s\n' "$EXPECTED" >"$work/expected.txt"
python3 Tests/interop/verdicts.py "$work/expected.txt" "$MERGED_RUN_SIDE_CHANGES" "$work/reports" || failed=1
if [ "${KEEP_INTEROP_REPORTS:-}" != "" ]; then rm -rf "$KEEP_INTEROP_REPORTS"; cp -r "$work/reports" "$KEEP_INTEROP_REPORTS"; fi
exit "$failed"

#!/usr/bin/env bash
# Every bundled case body is a complete, real payload of its event (Tests/interop/real_bodies.py):
# GitHub's through githubkit's typed models and octokit/webhooks' published schemas (../shared), Stripe's
# through the full Event envelope and every field stripe-python declares for the object, Slack's, Standard
# Webhooks', Shopify's and the seed providers' (Ironclad Clickwrap, Clarityflow, iinked Sign, Cryptlex,
# Documenso) through their documented fields. `hookcheck init` writes the same bodies (InitCommandTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${SHARED:-$(cd .. && pwd)/shared}"
schemas="$SHARED/github-webhook-schemas/payload-schemas/api.github.com"
[ -d "$schemas" ] || { echo "25-real-bodies: $schemas is missing"; exit 1; }
python3 -c "import githubkit.webhooks, jsonschema, referencing, stripe" \
    || { echo "25-real-bodies: run: python3 -m pip install -r Tests/interop/requirements.txt"; exit 1; }
set +e
out="$(python3 Tests/interop/real_bodies.py --github-schemas "$schemas" "${@:-Suites/}" 2>&1)"
status=$?
set -e
grep -v '^ok ' <<<"$out" || true
exit "$status"

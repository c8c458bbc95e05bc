#!/usr/bin/env bash
# The official JSON-Schema-Test-Suite (../shared/jsonschema-test-suite) through hookcheck's validator: every
# required test file of draft 2020-12 and draft-07, remotes/ mapped to http://localhost:1234/ in the registry,
# the metaschemas from the installed jsonschema-specifications package. Prints the score per file and in
# total; fails when a required test fails that docs/limits.md does not list as a known gap.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${SHARED:-$(cd .. && pwd)/shared}"
suite="$SHARED/jsonschema-test-suite"
[ -d "$suite/tests" ] || { echo "30-json-schema-suite: $suite is missing"; exit 1; }
swift build --product schema-suite >/dev/null
bin="$(swift build --show-bin-path)/schema-suite"
registry=()
if metaschemas="$(python3 -c 'import jsonschema_specifications, os; print(os.path.join(os.path.dirname(jsonschema_specifications.__file__), "schemas"))' 2>/dev/null)" \
    && [ -d "$metaschemas" ]; then
    registry=(--registry "$metaschemas")
else
    echo "30-json-schema-suite: jsonschema-specifications is not installed; the metaschema tests count as known gaps"
fi
"$bin" "$suite" --known docs/limits.md "${registry[@]}"
echo "--- optional tests (not required; formats asserted) ---"
"$bin" "$suite" --optional --known docs/limits.md "${registry[@]}" | grep -E '/optional/|^total' || true

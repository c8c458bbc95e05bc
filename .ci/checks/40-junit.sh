#!/usr/bin/env bash
# Validates a JUnit report the test suite wrote (JUnitWriterTests renders the fixture run to
# Reports/test-fixture-junit.xml, or to $HOOKCHECK_JUNIT_FIXTURE) with the independent checker in
# ../shared/tools: well-formed XML 1.0, Jenkins junit-10 schema, junitparser counts, unique names.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${SHARED:-$(cd .. && pwd)/shared}"
report="${HOOKCHECK_JUNIT_FIXTURE:-Reports/test-fixture-junit.xml}"
if [ ! -s "$report" ]; then
    echo "40-junit: $report is missing; the JUnitWriter tests write it (run swift test first)" >&2
    exit 1
fi
python3 "$SHARED/tools/check-junit.py" "$report" --min-tests 8 --expect-failures 2

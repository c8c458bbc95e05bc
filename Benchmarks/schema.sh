#!/usr/bin/env bash
# JSON Schema validation: validations per second of the bundled GitHub suite's real-sized payloads against
# GitHub's published schemas (draft-07, shared definitions by $ref), hookcheck's validator (schemabench,
# release build) beside Python's jsonschema (Benchmarks/schema_bench.py) on the same data, interleaved.
#   Benchmarks/schema.sh [--seconds S] [--rounds N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds=2
rounds=3
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        *) echo "usage: Benchmarks/schema.sh [--seconds S] [--rounds N]" >&2; exit 2 ;;
    esac
done
echo
echo "== JSON Schema: Suites/github.json bodies against GitHub's schemas, validations/s =="
swift build -c release --product schemabench >/dev/null
bench="$(swift build -c release --show-bin-path)/schemabench"
if ! python3 -c "import jsonschema, referencing" 2>/dev/null; then
    echo "  python jsonschema is not installed (pip install -r Tests/interop/requirements.txt); hookcheck only"
    "$bench" Suites/github.json --seconds "$seconds" | sed 's/^/  hookcheck  /'
    exit 0
fi
ours=()
theirs=()
for round in $(seq "$rounds"); do
    a="$("$bench" Suites/github.json --seconds "$seconds")"
    b="$(python3 Benchmarks/schema_bench.py Suites/github.json --seconds "$seconds")"
    echo "  round $round: hookcheck $a | jsonschema $b"
    ours+=("$(awk '{print $2}' <<<"$a")")
    theirs+=("$(awk '{print $2}' <<<"$b")")
    [ "$(awk '{print $4}' <<<"$a")" = 0 ] || { echo "  hookcheck reported failures on bodies that pass"; exit 1; }
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
o="$(median "${ours[@]}")"
t="$(median "${theirs[@]}")"
schema_ratio="$(awk -v o="$o" -v t="$t" 'BEGIN {printf "%.1f", o/t}')"
echo "  median: hookcheck $o validations/s, jsonschema $t validations/s, ratio ${schema_ratio}x"
. Benchmarks/lib/summary.sh
summary_row "JSON Schema, GitHub bodies against GitHub's schemas" "$o/s" "Python jsonschema $t/s" "${schema_ratio}×" ""

#!/usr/bin/env bash
# Benchmark: `hookcheck check` over captured Standard Webhooks deliveries (1 KiB bodies), side by side
# with a Python loop verifying the same file with the PyPI `standardwebhooks` package; then peak RSS of
# `hookcheck check` at 10,000 and 100,000 deliveries, to show memory stays flat.
#
# usage: Benchmarks/check.sh [DELIVERIES]   (default 100000; HOOKCHECK_BIN overrides the binary)
# The sides take turns BENCH_RUNS times (default 3) and each one's best time counts, so a burst of load
# from another process on a shared machine does not decide the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
small=$(( count / 10 ))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -z "${HOOKCHECK_BIN:-}" ]]; then
    swift build -c release --product hookcheck >/dev/null
    HOOKCHECK_BIN="$(swift build -c release --show-bin-path)/hookcheck"
fi
python3 -c 'import standardwebhooks' 2>/dev/null || { echo "check.sh: pip install standardwebhooks" >&2; exit 3; }

export BENCH_SECRET="whsec_$(printf 'hookcheck-benchmark-secret-32byt' | base64)"
cat > "$work/suite.json" <<'JSON'
{"suite": "benchmark sender", "profile": "standard-webhooks", "secret": {"env": "BENCH_SECRET"},
 "cases": [{"name": "user created", "body": {"type": "user.created", "timestamp": "2026-01-01T00:00:00Z",
   "data": {"id": "u", "email": "a@example.com", "padding": "x"}}}]}
JSON

# Captures: signed now, so the Python library's own timestamp check passes too.
python3 - "$work" "$count" "$small" <<'PY'
import base64, hashlib, hmac, json, os, sys, time, datetime
work, count, small = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
key = base64.b64decode(os.environ["BENCH_SECRET"][6:])
now = time.time()
received = datetime.datetime.fromtimestamp(now, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
ts = str(int(now))
def line(seq):
    body = {"type": "user.created", "timestamp": "2026-01-01T00:00:00Z",
            "data": {"id": f"u_{seq}", "email": f"user{seq}@example.com", "padding": ""}}
    text = json.dumps(body, separators=(",", ":"))
    body["data"]["padding"] = "x" * (1024 - len(text))
    text = json.dumps(body, separators=(",", ":"))
    msg = f"msg_{seq:08d}"
    sig = base64.b64encode(hmac.new(key, f"{msg}.{ts}.{text}".encode(), hashlib.sha256).digest()).decode()
    return json.dumps({"seq": seq, "receivedAt": received, "remote": "127.0.0.1:50000", "method": "POST",
        "target": "/hooks", "version": "HTTP/1.1",
        "headers": [["Host", "127.0.0.1:8080"], ["Content-Type", "application/json"], ["webhook-id", msg],
                    ["webhook-timestamp", ts], ["webhook-signature", "v1," + sig]],
        "body": text, "response": {"status": 200}}, separators=(",", ":")) + "\n"
with open(f"{work}/big.jsonl", "w") as big, open(f"{work}/small.jsonl", "w") as little:
    for seq in range(1, count + 1):
        text = line(seq)
        big.write(text)
        if seq <= small: little.write(text)
PY

cat > "$work/verify.py" <<'PY'
import json, os, sys
from standardwebhooks import Webhook
hook = Webhook(os.environ["BENCH_SECRET"])
ok = 0
with open(sys.argv[1], "rb") as captures:
    for raw in captures:
        record = json.loads(raw)
        headers = {name.lower(): value for name, value in record["headers"]}
        hook.verify(record["body"].encode(), headers)
        ok += 1
print(ok)
PY

# The floor: reading the file and parsing each capture line, no verification at all.
cat > "$work/floor.py" <<'PY'
import json, sys
count = 0
with open(sys.argv[1], "rb") as captures:
    for raw in captures:
        json.loads(raw)
        count += 1
print(count)
PY

runs="${BENCH_RUNS:-3}"
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
min() { if [[ -z "$1" ]] || (( $(echo "$2 < $1" | bc -l) )); then echo "$2"; else echo "$1"; fi; }
check() { "$HOOKCHECK_BIN" check "$work/suite.json" --captures "$1" --junit "$work/junit.xml" --markdown "$work/report.md"; }
peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

echo "hookcheck check vs python standardwebhooks: $count deliveries of 1 KiB ($(du -h "$work/big.jsonl" | cut -f1)), best of $runs runs each"
# The two sides take turns, so a burst of load elsewhere on the machine falls on both alike.
swift_s=""
python_s=""
floor_s=""
for _ in $(seq "$runs"); do
    swift_s=$(min "$swift_s" "$(seconds check "$work/big.jsonl")")
    python_s=$(min "$python_s" "$(seconds python3 "$work/verify.py" "$work/big.jsonl")")
    floor_s=$(min "$floor_s" "$(seconds python3 "$work/floor.py" "$work/big.jsonl")")
done
swift_rate=$(echo "$count / $swift_s" | bc -l)
python_rate=$(echo "$count / $python_s" | bc -l)
floor_rate=$(echo "$count / $floor_s" | bc -l)
ratio=$(printf '%.2f' "$(echo "$swift_rate / $python_rate" | bc -l)")
floor_ratio=$(printf '%.2f' "$(echo "$swift_rate / $floor_rate" | bc -l)")
printf "  hookcheck check     %8.0f deliveries/s  (%.2f s)\n" "$swift_rate" "$swift_s"
printf "  python loop         %8.0f deliveries/s  (%.2f s)\n" "$python_rate" "$python_s"
printf "  python parse only   %8.0f lines/s       (%.2f s; read + json.loads, no verification)\n" "$floor_rate" "$floor_s"
printf "  ratio               %8.2fx  (target >= 5x); %.2fx the parse-only floor (target > 1x)\n" "$ratio" "$floor_ratio"

small_kib=$(peak_kib "$HOOKCHECK_BIN" check "$work/suite.json" --captures "$work/small.jsonl" --junit "$work/j.xml" --markdown "$work/r.md")
big_kib=$(peak_kib "$HOOKCHECK_BIN" check "$work/suite.json" --captures "$work/big.jsonl" --junit "$work/j.xml" --markdown "$work/r.md")
memory_ratio=$(printf '%.2f' "$(echo "$big_kib / $small_kib" | bc -l)")
printf "  peak RSS            %8d KiB at %d deliveries, %d KiB at %d (%.2fx)\n" \
    "$small_kib" "$small" "$big_kib" "$count" "$memory_ratio"
. Benchmarks/lib/summary.sh
summary_row "check, $count captured 1 KiB deliveries" "$(printf '%.0f' "$swift_rate")/s" \
    "Python standardwebhooks $(printf '%.0f' "$python_rate")/s · parse only $(printf '%.0f' "$floor_rate")/s" \
    "${ratio}× · ${floor_ratio}× floor" "≥ 5× · > 1× floor"
summary_row "check peak memory, $small → $count" "$((small_kib / 1024)) → $((big_kib / 1024)) MiB" "" "${memory_ratio}×" "flat"

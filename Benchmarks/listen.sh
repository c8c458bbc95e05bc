#!/usr/bin/env bash
# Benchmark of `hookcheck listen` capturing signed 1 KiB Standard Webhooks deliveries, side by side in one
# run with the receivers a user would pick instead, each doing the same work per request (read the body,
# verify the signature, append one JSON line, answer 204): a Hummingbird 2 + swift-crypto receiver
# (Benchmarks/hummingbird-peer, its own package; skipped, saying so, when HUMMINGBIRD_PEER names no binary),
# a Node receiver (Benchmarks/node/capture.js), and nginx `return 204` as the ceiling. The receivers take
# turns round by round (BENCH_ROUNDS, default 2; each one's best round counts) under wrk -t1 -c32, then
# under one connection for the p50 latency. Prints rates and ratios and listen's peak RSS.
# Targets: >= 1.5x Hummingbird and >= 30% of nginx at c32; c1 p50 <= Node's; peak RSS <= 32 MiB.
# Not a test: fails only when the benchmark itself breaks.
#   Benchmarks/listen.sh [--duration SECONDS]   (default 8; CI passes 2)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

duration=8
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="$2"; shift 2 ;;
        *) echo "usage: Benchmarks/listen.sh [--duration SECONDS]" >&2; exit 2 ;;
    esac
done
for tool in wrk nginx node; do
    command -v "$tool" >/dev/null 2>&1 || { echo "listen benchmark skipped: $tool is not installed"; exit 0; }
done

echo "building hookcheck (release)…"
swift build -c release --product hookcheck >/dev/null
bin="$(swift build -c release --show-bin-path)/hookcheck"

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export HOOKCHECK_SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for_line() { for _ in $(seq 1 200); do grep -q "listening on" "$1" 2>/dev/null && return 0; sleep 0.05; done; return 1; }

# One signed 1 KiB delivery; wrk repeats it (same id, a timestamp fresh for the whole run).
padding="$(head -c 960 /dev/zero | tr '\0' 'p')"
printf '{"type":"bench.event","data":{"n":1,"text":"%s"}}' "$padding" >"$work/body"
"$bin" sign --profile standard-webhooks --id msg_bench <"$work/body" >"$work/headers"
{
    echo 'wrk.method = "POST"'
    printf 'wrk.body = [[%s]]\n' "$(cat "$work/body")"
    echo 'wrk.headers["Content-Type"] = "application/json"'
    while IFS=': ' read -r name value; do printf 'wrk.headers["%s"] = "%s"\n' "$name" "$value"; done <"$work/headers"
} >"$work/post.lua"
cat >"$work/suite.json" <<'JSON'
{"suite": "listen benchmark", "profile": "standard-webhooks", "secret": {"env": "HOOKCHECK_SECRET"},
 "cases": [{"name": "bench", "body": {"type": "bench.event", "data": {"n": 1, "text": "x"}}}]}
JSON

# nginx answering 204.
nginx_port="$(free_port)"
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { client_body_buffer_size 16k; return 204; }
    }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)

node Benchmarks/node/capture.js 0 "$work/node.jsonl" >"$work/node.out" &
pids+=($!)
hb_url=""
if [ -n "${HUMMINGBIRD_PEER:-}" ] && [ -x "$HUMMINGBIRD_PEER" ]; then
    hb_port="$(free_port)"
    "$HUMMINGBIRD_PEER" "$hb_port" "$work/hb.jsonl" >"$work/hb.out" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$hb_port/" && break; sleep 0.1; done
    curl -s -o /dev/null "http://127.0.0.1:$hb_port/" || { echo "error: the Hummingbird peer did not start"; exit 1; }
    hb_url="http://127.0.0.1:$hb_port/"
else
    echo "Hummingbird peer skipped: HUMMINGBIRD_PEER names no built binary (see Benchmarks/hummingbird-peer)"
fi
"$bin" listen "$work/suite.json" --respond 204 --captures "$work/listen.jsonl" --reports "$work/reports" \
    >"$work/listen.out" 2>"$work/listen.err" &
listen_pid=$!
pids+=($listen_pid)
wait_for_line "$work/node.out" && wait_for_line "$work/listen.out" \
    || { echo "error: a receiver did not start"; exit 1; }
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/" && break; sleep 0.1; done
node_url="$(sed -n 's/^listening on //p' "$work/node.out")"
listen_url="$(sed -n 's/^listening on //p' "$work/listen.out")"

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}x' if b else 'n/a')" "$1" "$2"; }
percent() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b*100:.0f}%' if b else 'n/a')" "$1" "$2"; }
best() { python3 -c "import sys; print(max(float(x) for x in sys.argv[1:]))" "$@"; }
# "rate p50_us" of one wrk run.
run_wrk() {
    wrk -t1 -c"$1" -d"${duration}s" --latency -s "$work/post.lua" "$2" | python3 -c '
import re, sys
text = sys.stdin.read()
rate = re.search(r"Requests/sec:\s*([0-9.]+)", text)
p50 = re.search(r"^\s*50%\s+([0-9.]+)(us|ms|s)\s*$", text, re.M)
scale = {"us": 1, "ms": 1000, "s": 1000000}
print(rate.group(1) if rate else "", (float(p50.group(1)) * scale[p50.group(2)]) if p50 else "")'
}
names=(nginx node listen)
declare -A urls=([nginx]="http://127.0.0.1:$nginx_port/hooks" [node]="${node_url}hooks" [listen]="${listen_url}hooks")
if [ -n "$hb_url" ]; then names=(nginx hummingbird node listen); urls[hummingbird]="${hb_url}hooks"; fi
rounds="${BENCH_ROUNDS:-2}"
declare -A rates32 rates1 p50s
for round in $(seq 1 "$rounds"); do
    for name in "${names[@]}"; do
        read -r rate _ <<<"$(run_wrk 32 "${urls[$name]}")"
        [ -n "$rate" ] || { echo "error: wrk produced no rate for $name"; exit 1; }
        rates32[$name]="${rates32[$name]:-} $rate"
    done
    for name in "${names[@]}"; do
        read -r rate p50 <<<"$(run_wrk 1 "${urls[$name]}")"
        [ -n "$rate" ] && [ -n "$p50" ] || { echo "error: wrk produced no rate for $name"; exit 1; }
        rates1[$name]="${rates1[$name]:-} $rate"
        p50s[$name]="${p50s[$name]:-} -$p50"
    done
done
peak_kib="$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$listen_pid/status" 2>/dev/null || echo 0)"
kill -TERM "$listen_pid"
wait "$listen_pid" 2>/dev/null || true
captured="$(wc -l <"$work/listen.jsonl")"
declare -A c32 c1 lat
for name in "${names[@]}"; do
    c32[$name]="$(best ${rates32[$name]})"
    c1[$name]="$(best ${rates1[$name]})"
    lat[$name]="$(python3 -c "import sys; print(-max(float(x) for x in sys.argv[1:]))" ${p50s[$name]})"
done

echo
echo "== capture: signed 1 KiB deliveries, wrk -t1 -d${duration}s, $rounds interleaved rounds, best of each =="
printf '  %-28s %14s %14s %12s\n' "receiver" "c32 deliv/s" "c1 deliv/s" "c1 p50"
for name in "${names[@]}"; do
    case "$name" in
        nginx) label="nginx return 204 (no work)" ;;
        hummingbird) label="Hummingbird 2 + swift-crypto" ;;
        node) label="Node node:http" ;;
        listen) label="hookcheck listen" ;;
    esac
    printf '  %-28s %14.0f %14.0f %9.0f µs\n' "$label" "${c32[$name]}" "${c1[$name]}" "${lat[$name]}"
done
echo "  listen: $captured lines captured; peak RSS $(( peak_kib / 1024 )) MiB (target <= 32 MiB); last progress line: $(grep '^listen: [0-9]* deliveries captured (' "$work/listen.err" | tail -n 1)"
echo "  progress log: $(wc -l <"$work/listen.err") lines on stderr for $captured deliveries"
if [ -n "$hb_url" ]; then
    echo "  listen / Hummingbird at c32: $(ratio "${c32[listen]}" "${c32[hummingbird]}") (target >= 1.50x)"
fi
echo "  listen / Node at c32:        $(ratio "${c32[listen]}" "${c32[node]}")"
echo "  listen / nginx at c32:       $(percent "${c32[listen]}" "${c32[nginx]}") (target >= 30%)"
echo "  c1 p50: listen ${lat[listen]} µs vs Node ${lat[node]} µs (target: listen <= Node)"
. Benchmarks/lib/summary.sh
hb_part=""
hb_ratio=""
if [ -n "$hb_url" ]; then
    hb_part="Hummingbird $(printf '%.0f' "${c32[hummingbird]}")/s · "
    hb_ratio="$(ratio "${c32[listen]}" "${c32[hummingbird]}") Hummingbird · "
fi
summary_row "listen, signed 1 KiB POSTs, wrk -c32" "$(printf '%.0f' "${c32[listen]}")/s" \
    "${hb_part}Node $(printf '%.0f' "${c32[node]}")/s · nginx return 204 $(printf '%.0f' "${c32[nginx]}")/s" \
    "${hb_ratio}$(percent "${c32[listen]}" "${c32[nginx]}") of nginx" "≥ 1.5× Hummingbird · ≥ 30% of nginx"
summary_row "listen, one connection" "$(printf '%.0f' "${c1[listen]}")/s, p50 ${lat[listen]} µs" \
    "Node p50 ${lat[node]} µs" "" "p50 ≤ Node's"
summary_row "listen peak RSS at c32" "$(( peak_kib / 1024 )) MiB" "" "" "≤ 32 MiB"

#!/usr/bin/env bash
# Benchmark of `hookcheck listen` capturing signed 1 KiB Standard Webhooks deliveries under
# wrk -t1 -c32, side by side in one run with nginx answering 204 and a Node capture receiver
# (Benchmarks/node/capture.js: read, verify with node:crypto, append a JSON line, 204). Prints rates and
# ratios; target: listen >= the Node receiver. Not a test: fails only when the benchmark itself breaks.
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
"$bin" listen "$work/suite.json" --respond 204 --captures "$work/listen.jsonl" --reports "$work/reports" \
    >"$work/listen.out" 2>/dev/null &
listen_pid=$!
pids+=($listen_pid)
wait_for_line "$work/node.out" && wait_for_line "$work/listen.out" \
    || { echo "error: a receiver did not start"; exit 1; }
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/" && break; sleep 0.1; done
node_url="$(sed -n 's/^listening on //p' "$work/node.out")"
listen_url="$(sed -n 's/^listening on //p' "$work/listen.out")"

rate() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; }
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}x' if b else 'n/a')" "$1" "$2"; }
run_wrk() { wrk -t1 -c32 -d"${duration}s" -s "$work/post.lua" "$1" | rate; }

echo
echo "== capture: signed 1 KiB deliveries, wrk -t1 -c32 -d${duration}s =="
nginx_rate="$(run_wrk "http://127.0.0.1:$nginx_port/hooks")"
node_rate="$(run_wrk "${node_url}hooks")"
listen_rate="$(run_wrk "${listen_url}hooks")"
[ -n "$nginx_rate" ] && [ -n "$node_rate" ] && [ -n "$listen_rate" ] || { echo "error: wrk produced no rate"; exit 1; }
kill -TERM "$listen_pid"
wait "$listen_pid" 2>/dev/null || true
captured="$(wc -l <"$work/listen.jsonl")"
node_valid="$(grep -c '"valid":true' "$work/node.jsonl" || true)"
printf '  nginx (204, no capture)  %10.0f deliveries/s\n' "$nginx_rate"
printf '  Node capture receiver    %10.0f deliveries/s  (%s lines, %s verified)\n' "$node_rate" \
    "$(wc -l <"$work/node.jsonl")" "$node_valid"
printf '  hookcheck listen         %10.0f deliveries/s  (%s lines; %s)\n' "$listen_rate" "$captured" \
    "$(tail -n 1 "$work/listen.out")"
echo "  listen / Node:  $(ratio "$listen_rate" "$node_rate") (target >= 1.00x)"
echo "  listen / nginx: $(ratio "$listen_rate" "$nginx_rate")"

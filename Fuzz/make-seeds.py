#!/usr/bin/env python3
"""Writes the hand-made seed inputs under Fuzz/Corpus/<target>/ (rerun after editing; libFuzzer's own
finds are merged in separately with FUZZ_MERGE=1 Fuzz/run). HTTP seeds start with one option byte: an
even byte keeps the standard limits, an odd one uses tiny limits; bit 7 marks a response to HEAD."""
import base64, hashlib, hmac, json, pathlib

here = pathlib.Path(__file__).resolve().parent
corpus = here / "Corpus"


def write(target, name, data):
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())


requests = {
    "get": b"GET / HTTP/1.1\r\nHost: a\r\n\r\n",
    "post-length": b"POST /hooks?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\n"
    b"Content-Length: 13\r\n\r\n{\"type\":\"x\"}\n",
    "chunked": b"POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
    b"4;name=\"v\\\"al\"\r\nWiki\r\n5 ; a=b\r\npedia\r\n0\r\nExpires: never\r\n\r\n",
    "chunked-plain": b"POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n",
    "pipelined": b"GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi"
    b"GET /3 HTTP/1.0\r\n\r\n",
    "http10": b"POST / HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n",
    "absolute": b"GET http://example.com:80/x?y HTTP/1.1\r\nHost: example.com\r\n\r\n",
    "connect": b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
    "options": b"OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
    "leading-crlf": b"\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
    "expect": b"PUT /u HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3, 3\r\n\r\nabc",
    "webhook": b"POST /webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nwebhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek\r\n"
    b"webhook-timestamp: 1614265330\r\nwebhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\r\n"
    b"Content-Length: 22\r\n\r\n{\"test\": 2432232314}\r\n",
    "obs-text": b"GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\xc3\xa9 \xff\t \r\n\r\n",
    "bare-lf": b"GET / HTTP/1.1\nHost: a\n\n",
    "bare-cr": b"GET / HTTP/1.1\rHost: a\r\n\r\n",
    "obs-fold": b"GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n 2\r\n\r\n",
    "space-colon": b"GET / HTTP/1.1\r\nHost : a\r\n\r\n",
    "cl-te": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "cl-conflict": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
    "cl-overflow": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n",
    "cl-negative": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
    "chunk-overflow": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n",
    "chunk-bad": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "chunk-no-crlf": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX0\r\n\r\n",
    "te-not-final": b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
    "no-host": b"GET / HTTP/1.1\r\n\r\n",
    "two-hosts": b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    "version-2": b"GET / HTTP/2.0\r\nHost: a\r\n\r\n",
    "bad-method": b"G@T / HTTP/1.1\r\nHost: a\r\n\r\n",
    "bad-target": b"GET /a b HTTP/1.1\r\nHost: a\r\n\r\n",
    "nul-value": b"GET / HTTP/1.1\r\nHost: a\r\nX: a\x00b\r\n\r\n",
    "many-fields": b"GET / HTTP/1.1\r\nHost: a\r\n" + b"".join(b"X-%d: %d\r\n" % (i, i) for i in range(10)) + b"\r\n",
    "long-line": b"GET /" + b"a" * 300 + b" HTTP/1.1\r\nHost: a\r\n\r\n",
    "body-short": b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc",
}
for name, data in requests.items():
    write("FuzzHTTPRequest", name, b"0" + data)
    write("FuzzHTTPRequest", name + "-tiny", b"1" + data)
write("FuzzHTTPRequest", "pieces-of-1", b"\x00" + requests["chunked"])

responses = {
    "ok-length": b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
    "chunked": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-T: 1\r\n\r\n",
    "close-delimited": b"HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil the end",
    "no-reason": b"HTTP/1.1 204\r\n\r\n",
    "not-modified": b"HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n",
    "continue": b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n",
    "switching": b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
    "error": b"HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 5\r\n\r\noops\n",
    "keep-alive-two": b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
    "te-gzip": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
    "bad-status": b"HTTP/1.1 2000 OK\r\n\r\n",
    "status-600": b"HTTP/1.1 600 Odd\r\n\r\n",
    "bad-version": b"HTTP/1.x 200 OK\r\n\r\n",
    "reason-obs-text": b"HTTP/1.1 200 \xc3\xa9t\xe9\r\nContent-Length: 0\r\n\r\n",
    "cl-te": b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
}
for name, data in responses.items():
    write("FuzzHTTPResponse", name, b"0" + data)
    write("FuzzHTTPResponse", name + "-tiny", b"1" + data)
write("FuzzHTTPResponse", "head", b"\xb0" + responses["ok-length"].replace(b"{}", b""))

json_seeds = {
    "object": '{"type":"user.created","data":{"id":"u_1","tags":["a","b"],"n":-1.5e+10,"ok":true,"none":null}}',
    "scalars": '[0, -0, 1e5, 1E-5, 0.1, 123456789012345678901234567890, "", true, false, null]',
    "escapes": r'["\"\\\/\b\f\n\r\t", "\u00e9\u4e2d\ud83d\ude00", "caf' + "\u00e9" + '"]',
    "whitespace": ' \t\r\n{ "a" : [ 1 , 2 ] }\n ',
    "deep": "[" * 40 + "]" * 40,
    "deep-objects": '{"a":' * 20 + "1" + "}" * 20,
    "duplicate": '{"a":1,"b":{"c":2},"a":3}',
    "trailing-comma": '{"a":[1,2,],}',
    "comment": '{"a":1 /* no */}',
    "leading-zero": "[01]",
    "lone-surrogate": r'["\ud800", "\udc00x"]',
    "control": '["a\u0001b"]',
    "bom": "\ufeff{}",
    "nan": "[NaN, Infinity]",
    "trailing": "{} {}",
    "pointer-keys": '{"a/b":{"m~n":{"":["x"]}}}',
    "string-top": '"just a string"',
}
for name, text in json_seeds.items():
    write("FuzzJSON", name, text)
write("FuzzJSON", "invalid-utf8", b'["\xc3\x28", "\xed\xa0\x80", "\xf4\x90\x80\x80"]')
for suite in sorted((here.parent / "Suites").glob("*.json")):
    write("FuzzJSON", "suite-" + suite.stem, suite.read_bytes())

line = {"seq": 1, "receivedAt": "2026-11-23T10:00:00.123Z", "remote": "127.0.0.1:50412", "method": "POST",
        "target": "/hooks?x=1", "version": "HTTP/1.1",
        "headers": [["Content-Type", "application/json"], ["webhook-id", "msg_1"], ["X-Dup", "a"], ["x-dup", "b"]],
        "body": '{"type":"user.created"}', "response": {"status": 500}}
compact = json.dumps(line, separators=(",", ":"))
write("FuzzCaptureLine", "record", compact)
binary = dict(line, seq=2, receivedAt="2026-11-23T10:00:01Z")
del binary["body"], binary["response"]
binary["bodyBase64"] = base64.b64encode(b"\xff\x00\xfe binary").decode()
write("FuzzCaptureLine", "record-base64", json.dumps(binary, separators=(",", ":")))
write("FuzzCaptureLine", "file", compact + "\n\n   \n" + json.dumps(binary) + "\n" + compact[:40])
write("FuzzCaptureLine", "malformed-lines", '{"seq":1}\n{"seq":"1"}\n[1,2]\nnot json\n' + compact + "\n")
write("FuzzCaptureLine", "fraction", compact.replace(".123Z", ".123456789+02:00"))
write("FuzzCaptureLine", "long-line", '{"seq":1,"x":"' + "a" * 600 + '"}\n' + compact + "\n")

sw_secret = base64.b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")


def sw(msg_id, ts, body):
    mac = hmac.new(sw_secret, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


vector_body = b'{"test": 2432232314}'
good = sw("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", vector_body)
sw_seeds = {
    "vector": f"msg_p5jXN8AQM9LWM0D4loKWxJek\n1614265330\n{good}\nwhsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n".encode()
    + vector_body,
    "several": f"msg_1\n1614265330\nv1a,xyz v2,abc {good}  v1,AAAA\nMfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n".encode()
    + vector_body,
    "stale": f"msg_p5jXN8AQM9LWM0D4loKWxJek\n1614260000\n{good}\nwhsec_\n".encode() + vector_body,
    "bad-timestamp": b"msg_1\n16142653e0\nv1,abc\nwhsec_!!!\n{}",
    "no-v1": b"msg_1\n1614265330\nv2,abc v1a,def\nnot base64\n{}",
    "empty": b"\n\n\n\n",
}
for name, data in sw_seeds.items():
    write("FuzzStandardWebhooks", name, data)

stripe_secret = "whsec_test_secret_4eC39HqLyjWDarjtT1zdp7dc"


def stripe(ts, body):
    return hmac.new(stripe_secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()


body = b'{"id":"evt_1","type":"payment_intent.succeeded"}'
stripe_seeds = {
    "valid": f"t=1700000000,v1={stripe(1700000000, body)}\n".encode() + body,
    "several": f"t=1700000000, v0=abc,v1=00,v1={stripe(1700000000, body)}\n".encode() + body,
    "stale": f"t=1600000000,v1={stripe(1600000000, body)}\n".encode() + body,
    "future": f"t=1800000000,v1={stripe(1800000000, body)}\n".encode() + body,
    "no-t": b"v1=abc\n{}",
    "bad-t": b"t=17e8,v1=abc\n{}",
    "no-v1": b"t=1700000000,v0=abc\n{}",
    "equals-in-value": b"t=1700000000=1,v1==\n{}",
    "empty": b"\n",
}
for name, data in stripe_seeds.items():
    write("FuzzStripe", name, data)

for suite in sorted((here.parent / "Suites").glob("*.json")):
    write("FuzzSuiteLoader", suite.stem, suite.read_bytes())
inline = {
    "suite": "inline", "profile": {"name": "acme", "extends": "standard-webhooks",
                                   "scheme": {"type": "standard-webhooks", "headerPrefix": "svix-", "tolerance": 60},
                                   "envelope": {"type": {"$type": "string"}}, "events": ["a.b"]},
    "secret": {"env": "ACME_SECRET"}, "target": "http://127.0.0.1:3000/h",
    "expect": {"accept": "2xx", "reject": ["400", "401"], "within": 5},
    "retries": {"expect": True, "min": 1, "max": 600, "attempts": 3},
    "probes": ["valid", "bad-signature", "replay"],
    "cases": [{"name": "c", "body": {"type": "a.b", "data": {"n": 1}}, "count": 2,
               "headers": {"X-A": "1"}, "expect": {"within": 3},
               "match": {"data": {"n": {"$min": 0, "$max": 9}, "s": {"$regex": "^a+$"},
                                  "l": {"$each": {"$format": "uuid"}}, "o": {"$any": True}}}}],
}
write("FuzzSuiteLoader", "inline-profile", json.dumps(inline, indent=1))
write("FuzzSuiteLoader", "hmac-profile", json.dumps(dict(inline, profile={
    "name": "h", "method": "POST", "event": {"header": "X-Event"}, "id": None,
    "timestamp": {"header": "X-Ts", "format": "unix"},
    "scheme": {"type": "hmac", "algorithm": "sha1", "header": "X-Sig", "encoding": "hex", "prefix": "sha1=",
               "signed": "{timestamp}.{body}", "key": "utf8"}, "futureTimestamps": "tolerate"})))
write("FuzzSuiteLoader", "errors", '{"suite": 1, "profile": "nope", "cases": [{"body": "x", "match": {"$regex": "("}}]}')

#!/usr/bin/env python3
"""A webhook *sender* built on the reference Python libraries, for hookcheck's listen tests.

    sender.py LIB URL SUITE [--broken KIND] [--attempts N] [--interval S]

Sends one delivery per case of SUITE (its example body) to URL, signed by LIB — standardwebhooks
(webhook-* headers), svix (svix-* headers) or stripe (Stripe-Signature) — with the secret in
HOOKCHECK_SECRET. A delivery answered with anything but 2xx is retried, with the same id, up to
N attempts in all (default 3), S seconds apart (default 1), as a well-behaved provider does.

--broken KIND makes the sender wrong on purpose, in one way each (what hookcheck must catch):
    wrong-secret        signs with another secret
    reserialized        signs json.dumps(json.loads(body)) but sends the original bytes
    stale-timestamp     signs and sends a timestamp 10 minutes old
    missing-signature   sends no signature header
    missing-field       drops the envelope's "timestamp" member
    new-id-per-retry    gives every retry a fresh id
    no-retry            never retries a failed delivery
Exit 0 when every delivery was eventually answered 2xx (or, when broken, sent at least once);
exit 77 when LIB is not installed.
"""
import datetime
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

BROKEN = {"wrong-secret", "reserialized", "stale-timestamp", "missing-signature", "missing-field",
          "new-id-per-retry", "no-retry"}


def signer(lib, secret):
    """Returns sign(msg_id, timestamp, body_text) -> headers dict, using only the library's code."""
    try:
        if lib in ("standardwebhooks", "svix"):
            if lib == "svix":
                from svix.webhooks import Webhook
                prefix = "svix-"
            else:
                from standardwebhooks.webhooks import Webhook
                prefix = "webhook-"
            hook = Webhook(secret)

            def sign(msg_id, timestamp, text):
                when = datetime.datetime.fromtimestamp(timestamp, tz=datetime.timezone.utc)
                return {prefix + "id": msg_id, prefix + "timestamp": str(timestamp),
                        prefix + "signature": hook.sign(msg_id, when, text)}
            return sign, prefix + "signature"
        if lib == "stripe":
            import stripe

            def sign(msg_id, timestamp, text):
                return {"Stripe-Signature": stripe.WebhookSignature.generate_signature_header(
                    text, secret, timestamp=timestamp)}
            return sign, "Stripe-Signature"
    except ImportError as error:
        print(f"sender: python module for {lib} is not installed: {error}", file=sys.stderr)
        sys.exit(77)
    print(f"sender: unknown library {lib!r}", file=sys.stderr)
    sys.exit(2)


def post(url, body, headers):
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    options = dict(zip(argv, argv[1:]))
    if len(args) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    lib, url, suite_path = args[0], args[1], args[2]
    broken = options.get("--broken")
    if broken is not None and broken not in BROKEN:
        print(f"sender: unknown --broken {broken!r}; one of {sorted(BROKEN)}", file=sys.stderr)
        return 2
    attempts = int(options.get("--attempts", "3"))
    interval = float(options.get("--interval", "1"))
    secret = os.environ["HOOKCHECK_SECRET"]
    sign, signature_header = signer(lib, "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" if broken == "wrong-secret"
                                    else secret)
    with open(suite_path, encoding="utf-8") as handle:
        suite = json.load(handle)
    ok = True
    for case in suite["cases"]:
        envelope = dict(case["body"])
        msg_id = "msg_" + uuid.uuid4().hex
        if lib == "stripe":
            envelope["id"] = "evt_" + uuid.uuid4().hex[:24]
            msg_id = envelope["id"]
        if broken == "missing-field":
            envelope.pop("timestamp", None)
        # Deliberately not compact: the bytes on the wire are the sender's own formatting.
        text = json.dumps(envelope, indent=1, ensure_ascii=False)
        body = text.encode("utf-8")
        for attempt in range(1, attempts + 1):
            timestamp = int(time.time()) - (600 if broken == "stale-timestamp" else 0)
            if broken == "new-id-per-retry" and attempt > 1:
                msg_id = "msg_" + uuid.uuid4().hex
            signed_text = json.dumps(json.loads(text), separators=(",", ":")) if broken == "reserialized" else text
            headers = sign(msg_id, timestamp, signed_text)
            if broken == "missing-signature":
                headers.pop(signature_header, None)
            status = post(url, body, headers)
            print(f"sender: {lib} {case['name']} attempt {attempt} -> {status}", file=sys.stderr)
            if 200 <= status < 300:
                break
            if broken == "no-retry" or attempt == attempts:
                ok = ok and broken is not None
                break
            time.sleep(interval)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

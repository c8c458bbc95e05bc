#!/usr/bin/env python3
"""Sign or verify webhooks with the reference Python libraries, for hookcheck's interop tests.

JSON mode (used by the Swift tests, InteropTests.swift):
    peer.py LIB sign   < {"secret", "body", "id", "timestamp"}      -> {"headers": {name: value}}
    peer.py LIB verify < {"secret", "body", "headers"}              -> {"valid": bool, "reason": str}
Line mode (used by .ci/checks/20-interop.sh against the hookcheck binary; secret from HOOKCHECK_SECRET):
    peer.py LIB sign-lines BODYFILE ID TIMESTAMP    -> "Name: value" lines on stdout
    peer.py LIB verify-lines BODYFILE < "Name: value" lines   -> exit 0 valid, 1 invalid (reason on stderr)

LIB is one of standardwebhooks, svix, stripe, slack_sdk. Exit 77 when the library is not installed.
Verification uses the real clock, so timestamps must be recent.
"""
import datetime
import json
import os
import sys


def load(lib):
    try:
        if lib == "standardwebhooks":
            from standardwebhooks.webhooks import Webhook
            return Webhook
        if lib == "svix":
            from svix.webhooks import Webhook
            return Webhook
        if lib == "stripe":
            import stripe
            return stripe.WebhookSignature
        if lib == "slack_sdk":
            from slack_sdk.signature import SignatureVerifier
            return SignatureVerifier
    except ImportError as error:
        print(f"peer: python module for {lib} is not installed: {error}", file=sys.stderr)
        sys.exit(77)
    print(f"peer: unknown library {lib!r}", file=sys.stderr)
    sys.exit(2)


def sign(lib, api, secret, body, msg_id, timestamp):
    if lib in ("standardwebhooks", "svix"):
        prefix = "svix-" if lib == "svix" else "webhook-"
        when = datetime.datetime.fromtimestamp(int(timestamp), tz=datetime.timezone.utc)
        signature = api(secret).sign(msg_id, when, body.decode("utf-8"))
        return {prefix + "id": msg_id, prefix + "timestamp": str(timestamp), prefix + "signature": signature}
    if lib == "stripe":
        return {"Stripe-Signature": api.generate_signature_header(body.decode("utf-8"), secret, timestamp=int(timestamp))}
    if lib == "slack_sdk":
        signature = api(secret).generate_signature(timestamp=str(timestamp), body=body.decode("utf-8"))
        return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature}
    raise AssertionError(lib)


def verify(lib, api, secret, body, headers):
    """Returns None when valid, else the library's reason."""
    lowered = {name.lower(): value for name, value in headers.items()}
    try:
        if lib == "standardwebhooks":
            api(secret).verify(body, lowered, json_parse=False)
        elif lib == "svix":
            api(secret).verify(body, lowered)
        elif lib == "stripe":
            api.verify_header(body, lowered.get("stripe-signature"), secret, tolerance=300)
        elif lib == "slack_sdk":
            ok = api(secret).is_valid(
                body=body.decode("utf-8"),
                timestamp=lowered.get("x-slack-request-timestamp"),
                signature=lowered.get("x-slack-signature"),
            )
            if not ok:
                return "SignatureVerifier.is_valid returned False"
        return None
    except Exception as error:  # every library raises its own type; any raise means rejected
        return f"{type(error).__name__}: {error}"


def parse_lines(text):
    headers = {}
    for line in text.splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip()] = value.strip()
    return headers


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    lib, mode = sys.argv[1], sys.argv[2]
    api = load(lib)
    if mode == "sign":
        request = json.load(sys.stdin)
        headers = sign(lib, api, request["secret"], request["body"].encode("utf-8"), request.get("id"),
                       request["timestamp"])
        json.dump({"headers": headers}, sys.stdout)
        return 0
    if mode == "verify":
        request = json.load(sys.stdin)
        reason = verify(lib, api, request["secret"], request["body"].encode("utf-8"), request["headers"])
        json.dump({"valid": reason is None, "reason": reason or ""}, sys.stdout)
        return 0
    secret = os.environ.get("HOOKCHECK_SECRET", "")
    if mode == "sign-lines":
        body_file, msg_id, timestamp = sys.argv[3], sys.argv[4], sys.argv[5]
        with open(body_file, "rb") as handle:
            body = handle.read()
        for name, value in sign(lib, api, secret, body, msg_id, timestamp).items():
            print(f"{name}: {value}")
        return 0
    if mode == "verify-lines":
        with open(sys.argv[3], "rb") as handle:
            body = handle.read()
        reason = verify(lib, api, secret, body, parse_lines(sys.stdin.read()))
        if reason is not None:
            print(f"peer: {lib} rejected: {reason}", file=sys.stderr)
            return 1
        return 0
    print(f"peer: unknown mode {mode!r}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())

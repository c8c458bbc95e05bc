#!/usr/bin/env python3
"""A Shopify webhook endpoint on Flask, as Shopify's docs show it ("Verify the webhook", Python/Flask): the
HMAC-SHA256 of `request.get_data()` under the app's client secret, base64-encoded, compared with
`X-Shopify-Hmac-SHA256` by `hmac.compare_digest`; 401 when it does not verify, else 200. As written there, a
request without the header makes `hmac_header.encode` fail on None, so Flask answers 500. The secret is read
from the variable named by argv[1] (default SHOPIFY_WEBHOOK_SECRET); argv[2] is the port (default 0)."""
import base64
import hashlib
import hmac
import os
import sys

from flask import Flask, abort, request

from receiver_base import port_argument, serve_wsgi

variable = sys.argv[1] if len(sys.argv) > 1 else "SHOPIFY_WEBHOOK_SECRET"
CLIENT_SECRET = os.environ[variable]
app = Flask(__name__)


def verify_webhook(data, hmac_header):
    digest = hmac.new(CLIENT_SECRET.encode("utf-8"), data, digestmod=hashlib.sha256).digest()
    computed_hmac = base64.b64encode(digest)
    return hmac.compare_digest(computed_hmac, hmac_header.encode("utf-8"))


@app.route("/<path:path>", methods=["POST"])
def handle_webhook(path):
    data = request.get_data()
    verified = verify_webhook(data, request.headers.get("X-Shopify-Hmac-SHA256"))
    if not verified:
        abort(401)
    # Process webhook payload
    return ("", 200)


serve_wsgi(app, port_argument())

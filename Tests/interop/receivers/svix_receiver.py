#!/usr/bin/env python3
"""A Standard Webhooks receiver that verifies with svix's `Webhook.verify` (PyPI `svix`), which reads the
`webhook-` headers as well as `svix-`, on the plain threaded server of receiver_base: 204 for a verified
delivery (200 for a repeated webhook-id, not processed twice), 401 when verification fails (missing headers,
bad signature, timestamp more than 5 minutes from now in either direction), 400 when the verified body is not
JSON (parsed after verifying, as svix 2.x leaves parsing to the caller). The secret (whsec_…) is read from the variable named by argv[1] (default STANDARD_WEBHOOKS_SECRET);
argv[2] is the port (default 0)."""
import json
import os
import sys

from svix.webhooks import Webhook, WebhookVerificationError

from receiver_base import Rejection, port_argument, serve

variable = sys.argv[1] if len(sys.argv) > 1 else "STANDARD_WEBHOOKS_SECRET"
webhook = Webhook(os.environ[variable])


def verify(body, headers):
    try:
        webhook.verify(body, headers)  # svix 2.x verifies only; it no longer returns the parsed payload
    except WebhookVerificationError as error:
        raise Rejection(401, f"verification failed: {error}")
    try:
        json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise Rejection(400, "the body is not JSON")
    return {name.lower(): value for name, value in headers.items()}.get("webhook-id")


serve(verify, port_argument())

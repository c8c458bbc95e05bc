#!/usr/bin/env python3
"""A Standard Webhooks receiver that verifies with the PyPI `standardwebhooks` package, as an application
would: 204 for a verified delivery (200 for a repeated webhook-id, not processed twice), 401 when
verification fails (missing headers, bad signature, stale or future timestamp), 400 when the verified body is
not JSON. The secret (whsec_…) is read from the environment variable named by argv[1]
(default STANDARD_WEBHOOKS_SECRET); argv[2] is the port (default 0)."""
import json
import os
import sys

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from receiver_base import Rejection, serve

variable = sys.argv[1] if len(sys.argv) > 1 else "STANDARD_WEBHOOKS_SECRET"
webhook = Webhook(os.environ[variable])


def verify(body, headers):
    try:
        webhook.verify(body, headers)
    except WebhookVerificationError as error:
        raise Rejection(401, f"verification failed: {error}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise Rejection(400, "the body is not JSON")
    return {name.lower(): value for name, value in headers.items()}.get("webhook-id")


serve(verify, int(sys.argv[2]) if len(sys.argv) > 2 else 0)

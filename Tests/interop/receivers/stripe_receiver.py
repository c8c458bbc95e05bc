#!/usr/bin/env python3
"""A Stripe receiver that verifies with `stripe.Webhook.construct_event` from the PyPI `stripe` package, as
Stripe's docs show: 204 for a verified event (200 for a repeated event id, not processed twice), 401 when the
Stripe-Signature header does not verify (or its timestamp is older than the default 300 s tolerance), 400 when
the payload is not JSON. The secret is read from the environment variable named by argv[1]
(default STRIPE_WEBHOOK_SECRET); argv[2] is the port (default 0)."""
import os
import sys

import stripe

from receiver_base import Rejection, serve

variable = sys.argv[1] if len(sys.argv) > 1 else "STRIPE_WEBHOOK_SECRET"
secret = os.environ[variable]


def verify(body, headers):
    signature = {name.lower(): value for name, value in headers.items()}.get("stripe-signature")
    try:
        event = stripe.Webhook.construct_event(body, signature, secret)
    except stripe.SignatureVerificationError as error:
        raise Rejection(401, f"verification failed: {error}")
    except ValueError:
        raise Rejection(400, "the payload is not JSON")
    return getattr(event, "id", None)


serve(verify, int(sys.argv[2]) if len(sys.argv) > 2 else 0)

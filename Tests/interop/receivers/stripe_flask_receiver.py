#!/usr/bin/env python3
"""A Stripe webhook endpoint on Flask, as Stripe's webhook docs show: `stripe.Webhook.construct_event` over
`request.get_data()` and the `Stripe-Signature` header (400 for an invalid payload, 400 for an invalid
signature or a timestamp outside the default 300 s tolerance), then a switch on `event.type` that logs
types it does not handle and answers 200 (`{"success": true}`). The endpoint secret is read from the variable
named by argv[1] (default STRIPE_WEBHOOK_SECRET); argv[2] is the port (default 0)."""
import os
import sys

import stripe
from flask import Flask, jsonify, request

from receiver_base import port_argument, serve_wsgi

variable = sys.argv[1] if len(sys.argv) > 1 else "STRIPE_WEBHOOK_SECRET"
endpoint_secret = os.environ[variable]
app = Flask(__name__)


@app.route("/<path:path>", methods=["POST"])
def webhook(path):
    payload = request.get_data()
    sig_header = request.headers.get("Stripe-Signature")
    try:
        event = stripe.Webhook.construct_event(payload, sig_header, endpoint_secret)
    except ValueError:
        return jsonify(error="invalid payload"), 400
    except stripe.SignatureVerificationError:
        return jsonify(error="invalid signature"), 400
    if event.type == "payment_intent.succeeded":
        payment_intent = event.data.object
        app.logger.info("payment for %s succeeded", payment_intent["amount"])
    elif event.type == "checkout.session.completed":
        app.logger.info("checkout session %s completed", event.data.object["id"])
    else:
        app.logger.info("unhandled event type %s", event.type)
    return jsonify(success=True)


serve_wsgi(app, port_argument())

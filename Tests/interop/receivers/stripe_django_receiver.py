#!/usr/bin/env python3
"""A Stripe webhook endpoint on Django, as Stripe's webhook docs show it for Django: a `@csrf_exempt` view that
reads `request.body` and `request.META['HTTP_STRIPE_SIGNATURE']`, calls `stripe.Webhook.construct_event`,
answers 400 for `ValueError` (invalid payload) and for `stripe.SignatureVerificationError`, handles
`payment_intent.succeeded` and answers 200. As written there, a request without the header raises KeyError
before verification, so Django answers 500. The endpoint secret is read from the variable named by argv[1]
(default STRIPE_WEBHOOK_SECRET); argv[2] is the port (default 0)."""
import os
import sys

import django
import stripe
from django.conf import settings

from receiver_base import port_argument, serve_wsgi

variable = sys.argv[1] if len(sys.argv) > 1 else "STRIPE_WEBHOOK_SECRET"
endpoint_secret = os.environ[variable]

settings.configure(
    DEBUG=False, ALLOWED_HOSTS=["127.0.0.1", "localhost"], ROOT_URLCONF=__name__, SECRET_KEY="interop-only",
    MIDDLEWARE=["django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware"],
    LOGGING_CONFIG=None)
django.setup()

from django.http import HttpResponse  # noqa: E402  (after settings)
from django.urls import re_path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402


@csrf_exempt
def my_webhook_view(request):
    payload = request.body
    sig_header = request.META["HTTP_STRIPE_SIGNATURE"]
    event = None
    try:
        event = stripe.Webhook.construct_event(payload, sig_header, endpoint_secret)
    except ValueError:
        # Invalid payload
        return HttpResponse(status=400)
    except stripe.SignatureVerificationError:
        # Invalid signature
        return HttpResponse(status=400)
    if event.type == "payment_intent.succeeded":
        payment_intent = event.data.object  # noqa: F841
    else:
        print("Unhandled event type {}".format(event.type), file=sys.stderr)
    return HttpResponse(status=200)


urlpatterns = [re_path(r"^.*$", my_webhook_view)]
serve_wsgi(get_wsgi_application(), port_argument())

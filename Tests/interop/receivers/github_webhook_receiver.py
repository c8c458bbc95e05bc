#!/usr/bin/env python3
"""A GitHub webhook receiver with python-github-webhook (PyPI `github-webhook`) on Flask, as its README shows:
`Webhook(app, endpoint=..., secret=...)` and `@webhook.hook()` handlers. The library verifies the SHA-1
`X-Hub-Signature` header (400 when it is missing or wrong; it does not read X-Hub-Signature-256), needs
`X-GitHub-Event`, parses the JSON (400 when it is not JSON) and answers 204. The secret is read from the
variable named by argv[1] (default GITHUB_WEBHOOK_SECRET); argv[2] is the port (default 0)."""
import os
import sys

from flask import Flask
from github_webhook import Webhook

from receiver_base import port_argument, serve_wsgi

variable = sys.argv[1] if len(sys.argv) > 1 else "GITHUB_WEBHOOK_SECRET"
app = Flask(__name__)
webhook = Webhook(app, endpoint="/webhooks", secret=os.environ[variable])


@webhook.hook()
def on_push(data):
    print(f"push to {data['ref']}", file=sys.stderr)


@webhook.hook(event_type="issues")
def on_issues(data):
    print(f"issue #{data['issue']['number']} {data['action']}", file=sys.stderr)


serve_wsgi(app, port_argument())

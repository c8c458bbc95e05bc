#!/usr/bin/env python3
"""A GitHub webhook receiver on FastAPI that uses githubkit as its docs show: `githubkit.webhooks.verify(secret,
body, X-Hub-Signature-256)` over the raw body (401 when it fails or the header is missing), then the typed
`githubkit.webhooks.parse(X-GitHub-Event, body)` (400 when the body is not a valid payload of that event),
then a dispatch on the typed event. Nothing else is added: an event name githubkit does not know raises
`WebhookTypeNotFound`, which reaches FastAPI as a 500, as in any receiver written from the docs. The secret
is read from the variable named by argv[1] (default GITHUB_WEBHOOK_SECRET); argv[2] is the port (default 0)."""
import os
import sys

from fastapi import FastAPI, Request, Response
from githubkit.webhooks import parse, verify
from pydantic import ValidationError

from receiver_base import port_argument, serve_asgi

variable = sys.argv[1] if len(sys.argv) > 1 else "GITHUB_WEBHOOK_SECRET"
secret = os.environ[variable]
app = FastAPI()


@app.post("/{path:path}")
async def github_webhook(request: Request):
    body = await request.body()
    signature = request.headers.get("X-Hub-Signature-256")
    if not signature or not verify(secret, body, signature):
        return Response("invalid signature", status_code=401)
    name = request.headers.get("X-GitHub-Event", "")
    try:
        event = parse(name, body)
    except ValidationError as error:
        return Response(f"not a valid payload: {error.error_count()} errors", status_code=400)
    if name == "ping":
        return Response(f"pong {event.hook_id}", status_code=200)
    if name == "push":
        print(f"push to {event.ref} by {event.pusher.name}", file=sys.stderr)
    elif name == "issues":
        print(f"issue #{event.issue.number} {event.action}", file=sys.stderr)
    return Response(status_code=204)


serve_asgi(app, port_argument())

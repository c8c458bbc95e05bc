#!/usr/bin/env python3
"""A Slack Events API receiver on FastAPI (uvicorn) that verifies with slack_sdk's `SignatureVerifier`, as
Slack's "Verifying requests from Slack" page and slack_sdk's docs show: verify over the raw body first (401
when `is_valid_request` is false: bad or missing signature, timestamp more than 5 minutes from now, in either
direction), then parse (400 when the body is not JSON). `url_verification` answers the challenge as JSON;
`event_callback` dispatches on the inner event type and acknowledges types it does not handle with 200, as
Slack asks. The signing secret is read from the variable named by argv[1] (default SLACK_SIGNING_SECRET);
argv[2] is the port (default 0)."""
import json
import os
import sys

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from slack_sdk.signature import SignatureVerifier

from receiver_base import port_argument, serve_asgi

variable = sys.argv[1] if len(sys.argv) > 1 else "SLACK_SIGNING_SECRET"
verifier = SignatureVerifier(signing_secret=os.environ[variable])
app = FastAPI()
handled = {"app_mention": [], "message": []}


@app.post("/{path:path}")
async def slack_events(request: Request):
    body = await request.body()
    if not verifier.is_valid_request(body, dict(request.headers)):
        return Response("invalid request", status_code=401)
    try:
        payload = json.loads(body)
    except ValueError:
        return Response("the body is not JSON", status_code=400)
    if payload.get("type") == "url_verification":
        return JSONResponse({"challenge": payload.get("challenge")})
    if payload.get("type") == "event_callback":
        event = payload.get("event") or {}
        if event.get("type") in handled:
            handled[event["type"]].append(payload.get("event_id"))
    return Response(status_code=200)


serve_asgi(app, port_argument())

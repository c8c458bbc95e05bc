#!/usr/bin/env python3
"""A Slack app on Slack Bolt for Python behind its FastAPI adapter (`slack_bolt.adapter.fastapi`), as Bolt's
docs show: `App(signing_secret=...)` with listeners for the events it handles (`app_mention`, `message`);
Bolt verifies the request (slack_sdk's SignatureVerifier) and answers `url_verification` itself. Nothing
else is added, so what the suite finds is Bolt's own behaviour. No Web API call is made: an `authorize`
function (Bolt's documented hook for multi-workspace apps) returns the bot's identity, where a single-workspace
app would call auth.test over the network. The signing secret is read from the variable named
by argv[1] (default SLACK_SIGNING_SECRET); argv[2] is the port (default 0)."""
import logging
import os
import sys

from fastapi import FastAPI, Request
from slack_bolt import App
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.adapter.fastapi import SlackRequestHandler

from receiver_base import port_argument, serve_asgi

logging.basicConfig(level=logging.ERROR)
variable = sys.argv[1] if len(sys.argv) > 1 else "SLACK_SIGNING_SECRET"


def authorize(enterprise_id, team_id, logger):
    return AuthorizeResult(
        enterprise_id=enterprise_id, team_id=team_id, bot_token="xoxb-hookcheck-interop-not-used",
        bot_id="B0HOOKCHECK", bot_user_id="U0VKV0JP00I")


bolt = App(signing_secret=os.environ[variable], authorize=authorize)


@bolt.event("app_mention")
def on_app_mention(event, logger):
    logger.info("mention in %s", event.get("channel"))


@bolt.event("message")
def on_message(event, logger):
    logger.info("message in %s", event.get("channel"))


handler = SlackRequestHandler(bolt)
api = FastAPI()


@api.post("/{path:path}")
async def slack_events(request: Request):
    return await handler.handle(request)


serve_asgi(api, port_argument())

#!/usr/bin/env python3
"""Checks that every bundled case body is a complete, real payload of its event, as the provider's own
libraries and schemas define it. Used by .ci/checks/25-real-bodies.sh; run it by hand the same way:

    python3 Tests/interop/real_bodies.py --github-schemas ../shared/github-webhook-schemas/payload-schemas/api.github.com Suites/

- GitHub: githubkit's typed models (`githubkit.webhooks.parse_obj(event, body)`, generated from GitHub's
  OpenAPI description) must accept the body, and so must octokit/webhooks' published JSON Schema of that
  event and action (draft-07, checked with `jsonschema` over a `referencing` registry).
- Stripe: the full Event envelope (id, object "event", api_version, created, data.object, livemode,
  pending_webhooks, request, type); data.object's `object` is the type the event names, its keys are fields
  stripe-python declares for that object (nothing made up), and `stripe.Event.construct_from` builds it.
- Slack: `event_callback` carries token, team_id, api_app_id, event{type, ..., event_ts}, type, event_id,
  event_time and authorizations; `url_verification` carries token, challenge and type.
- Standard Webhooks: the spec's payload structure, `type` (dotted), `timestamp` (RFC 3339) and `data` (object).
- Shopify: the topic's resource carries its `id` and `admin_graphql_api_id` (where Shopify sends one).

Prints one line per case and a summary; exits 1 when any case fails, 2 on bad usage."""
import argparse
import json
import os
import re
import sys
import typing
from datetime import datetime
from pathlib import Path


def suite_files(paths):
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from sorted(path.glob("*.json"))
        else:
            yield path


def header(case, name):
    for key, value in (case.get("headers") or {}).items():
        if key.lower() == name.lower():
            return value
    return None


# Fields GitHub sends today, and its OpenAPI description (hence githubkit) requires, that the octokit/webhooks
# schemas of ../shared (an older commit, with additionalProperties: false) do not list yet: immutable
# releases (2025). Only these keys, only at these places, are let through the schemas' additionalProperties.
NEWER_THAN_OCTOKIT = {"/release": {"immutable", "updated_at"}}


def tolerated(error):
    if error.validator != "additionalProperties":
        return False
    pointer = "/" + "/".join(str(part) for part in error.absolute_path)
    extra = set(error.instance) - set(error.schema.get("properties", {}))
    return bool(extra) and extra <= NEWER_THAN_OCTOKIT.get(pointer, set())


class GitHub:
    def __init__(self, schema_dir):
        from githubkit.webhooks import parse_obj
        from jsonschema import Draft7Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT7

        self.parse_obj = parse_obj
        self.schema_dir = Path(schema_dir)
        resources = []
        for file in self.schema_dir.rglob("*.schema.json"):
            contents = json.loads(file.read_text())
            resources.append((contents["$id"], Resource.from_contents(contents, default_specification=DRAFT7)))
        self.registry = Registry().with_resources(resources)
        self.validator_class = Draft7Validator

    def problems(self, case):
        event = header(case, "X-GitHub-Event")
        body = case["body"]
        if not event:
            return ["no X-GitHub-Event header in the case"]
        found = []
        try:
            self.parse_obj(event, body)
        except Exception as error:  # pydantic.ValidationError or an unknown event name
            lines = str(error).splitlines()
            found.append(f"githubkit parse_obj({event!r}) rejects it: " + "; ".join(lines[:7]))
        action = body.get("action")
        schema_file = self.schema_dir / event / (f"{action}.schema.json" if action else "event.schema.json")
        if not schema_file.exists():
            found.append(f"octokit/webhooks has no schema {schema_file.relative_to(self.schema_dir)}")
            return found
        schema = json.loads(schema_file.read_text())
        validator = self.validator_class(schema, registry=self.registry)
        errors = sorted((e for e in validator.iter_errors(body) if not tolerated(e)), key=lambda e: list(e.absolute_path))
        for error in errors[:8]:
            pointer = "/" + "/".join(str(part) for part in error.absolute_path)
            found.append(f"schema {schema['$id']}: {pointer}: {error.message[:200]}")
        if len(errors) > 8:
            found.append(f"... and {len(errors) - 8} more schema errors")
        return found


# Fields stripe-python annotates that Stripe leaves out of an object unless a condition holds, so a real
# payload of these events does not carry them: `deleted` only on a deleted object, and a Checkout Session's
# `line_items` only when the request expands it (stripe-python's docstrings for those fields).
STRIPE_CONDITIONAL = {
    "invoice": {"deleted"},
    "subscription_item": {"deleted"},
    "checkout.session": {"line_items"},
}
# The Event's own fields that only some events carry: `account` only on events from a connected account
# (Connect), `context` only where fetching the event needs another authentication context. The bundled events
# are the platform account's own, so they carry neither.
STRIPE_EVENT_CONDITIONAL = {"account", "context"}


def stripe_class_of(kind):
    import importlib
    from stripe._object_classes import OBJECT_CLASSES

    entry = OBJECT_CLASSES.get(kind)
    if isinstance(entry, tuple):
        return getattr(importlib.import_module(entry[0]), entry[1])
    return entry


def stripe_fields(stripe_class):
    """Every field the class annotates, mapped to whether stripe-python declares it Optional."""
    fields = {}
    for klass in reversed(stripe_class.__mro__):
        for name, annotation in getattr(klass, "__annotations__", {}).items():
            if not name.startswith("_") and name != "OBJECT_NAME":
                fields[name] = "Optional" in str(annotation) or type(None) in typing.get_args(annotation)
    return fields


def stripe_object_problems(obj, pointer, expected_kind=None):
    """The object at `pointer` carries every field its stripe-python class annotates and no other."""
    import stripe

    kind = obj.get("object")
    if expected_kind is not None and kind != expected_kind:
        return [f"{pointer}/object: expected {expected_kind!r}, found {kind!r}"]
    stripe_class = stripe_class_of(kind)
    if stripe_class is None:
        return [f"{pointer}/object: {kind!r} is not an object type stripe-python knows"]
    fields = stripe_fields(stripe_class)
    found = []
    required = sorted(name for name, optional in fields.items() if not optional and name not in obj)
    if required:
        found.append(f"{pointer}: no {required} (non-Optional in stripe-python {stripe.VERSION}'s {kind})")
    absent = sorted(set(fields) - set(obj) - set(required) - STRIPE_CONDITIONAL.get(kind, set()))
    if absent:
        found.append(f"{pointer}: no {absent} (a real {kind} carries them, null when unset)")
    unknown = sorted(set(obj) - set(fields))
    if unknown:
        found.append(f"{pointer}: keys stripe-python {stripe.VERSION} does not declare for {kind}: {unknown}")
    return found


# List fields whose items are objects of a known type: a subscription's items, an invoice's lines, a
# charge's refunds.
STRIPE_LISTS = {"subscription": {"items": "subscription_item"}, "invoice": {"lines": "line_item"},
                "charge": {"refunds": "refund"}}


def stripe_problems(case):
    import stripe

    body = case["body"]
    envelope = stripe_fields(stripe.Event)
    found = [f"envelope: no {key!r}" for key in envelope if key not in body and key not in STRIPE_EVENT_CONDITIONAL]
    unknown = sorted(set(body) - set(envelope))
    if unknown:
        found.append(f"envelope: keys stripe.Event does not declare: {unknown}")
    if body.get("object") != "event":
        found.append(f"/object: expected \"event\", found {body.get('object')!r}")
    if body.get("api_version") != stripe.api_version:
        found.append(f"/api_version: expected stripe-python {stripe.VERSION}'s {stripe.api_version!r}, "
                     f"found {body.get('api_version')!r}")
    if not re.fullmatch(r"evt_[A-Za-z0-9]+", str(body.get("id", ""))):
        found.append(f"/id: expected evt_…, found {body.get('id')!r}")
    request = body.get("request")
    if not (isinstance(request, dict) and "id" in request and "idempotency_key" in request):
        found.append("/request: expected {id, idempotency_key}")
    data = body.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if not isinstance(obj, dict):
        return found + ["/data/object: expected an object"]
    kind = obj.get("object")
    # The event's type names the object: payment_intent.succeeded carries a payment_intent, and
    # customer.subscription.created a subscription.
    event_type = str(body.get("type", ""))
    if not (event_type.startswith(f"{kind}.") or event_type.split(".")[-2:-1] == [kind]):
        found.append(f"/data/object/object: {kind!r} does not fit the event type {event_type!r}")
    found += stripe_object_problems(obj, "/data/object")
    for field, item_kind in STRIPE_LISTS.get(kind, {}).items():
        listed = obj.get(field)
        if not (isinstance(listed, dict) and listed.get("object") == "list" and listed.get("data")):
            found.append(f"/data/object/{field}: expected a list object with at least one {item_kind}")
            continue
        for index, item in enumerate(listed["data"]):
            found += stripe_object_problems(item, f"/data/object/{field}/data/{index}", item_kind)
    stripe_class = stripe_class_of(kind)
    try:
        event = stripe.Event.construct_from(body, "sk_test_real_bodies")
        if stripe_class is not None and not isinstance(event.data.object, stripe_class):
            found.append(f"stripe.Event.construct_from: data.object is a {type(event.data.object).__name__}, "
                         f"not a {stripe_class.__name__}")
    except Exception as error:
        found.append(f"stripe.Event.construct_from fails: {error}")
    return found


SLACK_CALLBACK = ["token", "team_id", "api_app_id", "event", "type", "event_id", "event_time", "authorizations"]


def slack_problems(case):
    body = case["body"]
    kind = body.get("type")
    if kind == "url_verification":
        return [f"url_verification: no {key!r}" for key in ("token", "challenge", "type") if key not in body]
    if kind == "event_callback":
        found = [f"event_callback: no {key!r}" for key in SLACK_CALLBACK if key not in body]
        event = body.get("event")
        if not isinstance(event, dict) or "type" not in event or "event_ts" not in event:
            found.append("/event: expected an object with type and event_ts")
        if not re.fullmatch(r"Ev[0-9A-Z]+", str(body.get("event_id", ""))):
            found.append(f"/event_id: expected Ev…, found {body.get('event_id')!r}")
        if not isinstance(body.get("event_time"), int):
            found.append("/event_time: expected integer seconds")
        if not (isinstance(body.get("authorizations"), list) and body["authorizations"]):
            found.append("/authorizations: expected a non-empty array")
        return found
    if kind == "app_rate_limited":
        keys = ("token", "type", "team_id", "minute_rate_limited", "api_app_id")
        return [f"app_rate_limited: no {key!r}" for key in keys if key not in body]
    return [f"/type: {kind!r} is not a Slack Events API request type"]


def standard_webhooks_problems(case):
    body = case["body"]
    found = []
    if not re.fullmatch(r"[a-zA-Z0-9_]+(\.[a-zA-Z0-9_]+)+", str(body.get("type", ""))):
        found.append(f"/type: expected a dotted event type, found {body.get('type')!r}")
    try:
        datetime.fromisoformat(str(body.get("timestamp", "")).replace("Z", "+00:00"))
    except ValueError:
        found.append(f"/timestamp: expected RFC 3339, found {body.get('timestamp')!r}")
    if not isinstance(body.get("data"), dict):
        found.append("/data: expected an object")
    return found


def shopify_problems(case):
    body = case["body"]
    topic = header(case, "X-Shopify-Topic") or ""
    found = []
    if topic == "app/uninstalled":  # the shop object
        keys = ["id", "name", "email", "domain", "myshopify_domain", "plan_name", "created_at"]
    else:
        keys = ["id", "admin_graphql_api_id", "created_at", "updated_at"]
    found += [f"{topic}: no {key!r}" for key in keys if key not in body]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--github-schemas", help="octokit/webhooks payload-schemas/api.github.com")
    parser.add_argument("suites", nargs="+")
    arguments = parser.parse_args()
    github = None
    checked = failed = 0
    for file in suite_files(arguments.suites):
        suite = json.loads(file.read_text())
        profile = suite.get("profile")
        profile = profile.get("extends", profile.get("name")) if isinstance(profile, dict) else profile
        for case in suite["cases"]:
            if profile == "github":
                if github is None:
                    if not arguments.github_schemas:
                        sys.exit("real_bodies: a GitHub suite needs --github-schemas DIR")
                    github = GitHub(arguments.github_schemas)
                problems = github.problems(case)
            elif profile == "stripe":
                problems = stripe_problems(case)
            elif profile == "slack":
                problems = slack_problems(case)
            elif profile == "standard-webhooks":
                problems = standard_webhooks_problems(case)
            elif profile == "shopify":
                problems = shopify_problems(case)
            else:
                continue
            checked += 1
            label = f"{file}: {case['name']}"
            if problems:
                failed += 1
                print(f"FAIL {label}")
                for problem in problems:
                    print(f"    {problem}")
            else:
                print(f"ok   {label}")
    print(f"real bodies: {checked - failed} of {checked} cases are real payloads of their event")
    return 1 if failed or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

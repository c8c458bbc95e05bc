#!/usr/bin/env python3
"""Checks that every bundled case body is a complete, real payload of its event, as the provider's own
libraries and schemas define it. Used by .ci/checks/25-real-bodies.sh; run it by hand the same way:

    python3 Tests/interop/real_bodies.py --github-schemas ../shared/github-webhook-schemas/payload-schemas/api.github.com Suites/

- GitHub: githubkit's typed models (`githubkit.webhooks.parse_obj(event, body)`, generated from GitHub's
  OpenAPI description) must accept the body, and so must octokit/webhooks' published JSON Schema of that
  event and action (draft-07, checked with `jsonschema` over a `referencing` registry).
- Stripe: every field stripe.Event declares (`account` and `context` only on Connect / context events), at
  stripe-python's `api_version`; data.object's `object` is the type the event names, and data.object (and the
  items of its subscription items, invoice lines and refunds lists) carries every field stripe-python
  annotates for its class, non-Optional ones above all, and no other key (nested hashes too, against their
  nested classes); `stripe.Event.construct_from` builds
  the event and data.object is an instance of that class.
- Slack: `event_callback` carries token, team_id, api_app_id, event{type, ..., event_ts}, type, event_id,
  event_time and authorizations; `url_verification` carries token, challenge and type.
- Standard Webhooks: the spec's payload structure, `type` (dotted), `timestamp` (RFC 3339) and `data` (object).
- Shopify: the topic's resource carries its `id` and `admin_graphql_api_id` (where Shopify sends one).
- Seed providers (Ironclad Clickwrap POST/GET, Clarityflow, iinked Sign, Cryptlex, Documenso): every field
  ../shared/research/vendors.md documents for the event, with its documented type, in the documented envelope.

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


def stripe_classes_in(annotation):
    """The StripeObject classes an annotation names (through Optional, Union, List and forward references)."""
    import stripe

    if isinstance(annotation, type) and issubclass(annotation, stripe.StripeObject):
        return [] if annotation is stripe.StripeObject else [annotation]
    if isinstance(annotation, typing.ForwardRef):
        named = getattr(stripe, annotation.__forward_arg__, None)
        return [named] if isinstance(named, type) else []
    return [found for argument in typing.get_args(annotation) for found in stripe_classes_in(argument)]


def stripe_nested_problems(value, stripe_class, pointer):
    """Nested hashes (billing_details, automatic_tax, a line's parent, …) carry only keys their class declares."""
    found = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            found += stripe_nested_problems(item, stripe_class, f"{pointer}/{index}")
        return found
    if not isinstance(value, dict):
        return found
    if isinstance(value.get("object"), str) and stripe_class_of(value["object"]) is not None:
        stripe_class = stripe_class_of(value["object"])
    if stripe_class is None:
        return found
    if value.get("object") == "list":
        return stripe_nested_problems(value.get("data"), None, f"{pointer}/data")
    annotations = {}
    for klass in reversed(stripe_class.__mro__):
        annotations.update(getattr(klass, "__annotations__", {}))
    unknown = sorted(key for key in value if key not in annotations)
    if unknown:
        found.append(f"{pointer}: keys stripe-python does not declare for {stripe_class.__qualname__}: {unknown}")
    for key, item in value.items():
        if key in annotations:
            classes = stripe_classes_in(annotations[key])
            found += stripe_nested_problems(item, classes[0] if classes else None, f"{pointer}/{key}")
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
    found += stripe_nested_problems(obj, None, "/data/object")
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


SLACK_TOKENS = set()


def slack_problems(case):
    body = case["body"]
    # `token` is the app's verification token, one value for every request the app receives.
    if "token" in body:
        SLACK_TOKENS.add(body["token"])
        if len(SLACK_TOKENS) > 1:
            return [f"/token: the app's verification token differs between cases: {sorted(SLACK_TOKENS)}"]
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


# The seed providers' documented field lists (../shared/research/vendors.md, which cites the providers' pages;
# ../shared/seeds/ holds the pages' envelopes). Each entry names the field and its documented JSON type.
# Ironclad Clickwrap: vendors.md §1 "Envelope" and "Event types" (S2, clickwrap-developer.ironcladapp.com
# /docs/webhook-events); seed 000 ("query string variables in GET and a request body with POST").
IRONCLAD_ENVELOPE = {"deliverable": bool, "type": str, "integration": str, "sent_to": str, "event_type": str,
                     "description": str, "site": int, "created_time": str, "updated_time": str, "id": str}
IRONCLAD_EVENTS = {
    "test_event": {"user": int},
    "activity_agreed": {"contract": int, "group": int, "version": str, "activity": str, "signer_id": str,
                        "custom_data": dict},
    "activity_displayed": {"contract": int, "group": int, "version": str, "activity": str},
    "version_published": {"version": str, "contract": int, "user": int},
    "group_published": {"group": int, "custom_data": dict},
    "request_sent": {"request": str, "user": int},
    "request_signed": {"request": str, "signer": str},
    "request_complete": {"request": str},
    "request_expired": {"request": str},
}
# Clarityflow: vendors.md §2 "Envelope" and "Payload shapes" (C1/C2, api.clarityflow.com/webhooks); seed 001.
CLARITYFLOW_ENVELOPE = {"type": str, "id": str, "occurred_at": str, "payload": dict}
CLARITYFLOW_PAYLOADS = {
    "conversation_created": ("conversation", {
        "id": int, "created_at": str, "title": str, "slug": str, "url": str, "embed_url": str, "public": bool,
        "anyone_can_post": bool, "allow_anonymous_messages": bool, "allow_search_engines": bool,
        "enable_registration_prompt": bool, "subscriber_emails": list, "messages": list, "workflow": dict}),
    "message_created": ("message", {
        "id": int, "conversation_title": str, "message_type": str, "recorded_duration_seconds": (int, type(None)),
        "message_url": str, "message_embed_url": str, "text": str, "message_created_time": str, "author": dict,
        "download_media_url": (str, type(None)), "access_media_file": str, "workflow": dict}),
    "new_appointment": ("appointment", {"id": int}),
    "new_purchase": ("purchase", {"id": int}),
}
CLARITYFLOW_PAYLOADS["message_played"] = CLARITYFLOW_PAYLOADS["message_created"]
CLARITYFLOW_AUTHOR = {"first_name": str, "last_name": str, "full_name": str, "email": str}
# iinked Sign: vendors.md §3 "Envelope" (I2/I3, docs.iinkedsign.com/v4/webhooks/events/package-add).
IINKED_ENVELOPE = {"action": str, "packageId": str, "externalData": (str, type(None)), "eventId": str,
                   "eventOwnerOrganizationId": str, "eventOwnerMemberId": str, "eventTime": str}
# Cryptlex: vendors.md §4 "Envelope" (X1, docs.cryptlex.com/webhooks); seed 003's example payload.
CRYPTLEX_ENVELOPE = {"event": str, "data": dict, "triggeredAt": str}
# Documenso: vendors.md §5 "Envelope" and "payload fields" (D2/D4, ZWebhookPayloadSchema and
# ZWebhookDocumentSchema: zod strips unknown keys, so exactly these keys are sent).
DOCUMENSO_ENVELOPE = {"event": str, "payload": dict, "createdAt": str, "webhookEndpoint": str}
NULL = type(None)
DOCUMENSO_PAYLOAD = {
    "id": int, "envelopeId": str, "externalId": (str, NULL), "userId": int, "authOptions": object,
    "formValues": object, "visibility": str, "title": str, "status": str, "createdAt": str, "updatedAt": str,
    "completedAt": (str, NULL), "deletedAt": (str, NULL), "teamId": (int, NULL), "templateId": (int, NULL),
    "source": str, "documentMeta": (dict, NULL), "recipients": list, "Recipient": list}
DOCUMENSO_META = ["id", "subject", "message", "timezone", "dateFormat", "redirectUrl", "signingOrder",
                  "allowDictateNextSigner", "typedSignatureEnabled", "uploadSignatureEnabled",
                  "drawSignatureEnabled", "language", "distributionMethod", "emailSettings"]
DOCUMENSO_RECIPIENT = ["id", "envelopeId", "documentId", "templateId", "email", "name", "token",
                       "documentDeletedAt", "expiresAt", "expirationNotifiedAt", "signedAt", "authOptions",
                       "signingOrder", "rejectionReason", "role", "readStatus", "signingStatus", "sendStatus"]
DOCUMENSO_EVENTS = ["DOCUMENT_CREATED", "DOCUMENT_SENT", "DOCUMENT_OPENED", "DOCUMENT_SIGNED", "DOCUMENT_COMPLETED",
                    "DOCUMENT_REJECTED", "DOCUMENT_CANCELLED", "RECIPIENT_EXPIRED", "DOCUMENT_RECIPIENT_COMPLETED",
                    "DOCUMENT_REMINDER_SENT", "TEMPLATE_CREATED", "TEMPLATE_UPDATED", "TEMPLATE_DELETED",
                    "TEMPLATE_USED"]


def documented_fields(obj, fields, pointer):
    """Every documented field is present with the documented JSON type (bool is not a number here)."""
    found = []
    for name, kind in fields.items():
        if name not in obj:
            found.append(f"{pointer}/{name}: missing (documented)")
            continue
        kinds = kind if isinstance(kind, tuple) else (kind,)
        value = obj[name]
        if object in kinds:
            continue
        if isinstance(value, bool) and bool not in kinds:
            found.append(f"{pointer}/{name}: expected {'/'.join(k.__name__ for k in kinds)}, found a boolean")
        elif not isinstance(value, kinds):
            found.append(f"{pointer}/{name}: expected {'/'.join(k.__name__ for k in kinds)}, "
                         f"found {type(value).__name__}")
    return found


def exact_keys(obj, names, pointer):
    missing = [name for name in names if name not in obj]
    extra = [name for name in obj if name not in names]
    return ([f"{pointer}: missing {missing}"] if missing else []) + ([f"{pointer}: not documented {extra}"] if extra else [])


def ironclad_problems(case, get=False):
    body = case["body"]
    found = documented_fields(body, IRONCLAD_ENVELOPE, "")
    event = body.get("event_type")
    if body.get("type") != "webhook":
        found.append(f"/type: expected \"webhook\", found {body.get('type')!r}")
    specific = dict(IRONCLAD_EVENTS.get(event) or {})
    if event not in IRONCLAD_EVENTS:
        found.append(f"/event_type: {event!r} is not a documented Ironclad Clickwrap event type")
    if get:  # custom_data is documented as available only with POST (vendors.md §1, Method)
        specific.pop("custom_data", None)
        if "custom_data" in body:
            found.append("/custom_data: a GET hook does not carry custom_data")
    found += documented_fields(body, specific, "")
    extra = sorted(set(body) - set(IRONCLAD_ENVELOPE) - set(specific))
    if extra:
        found.append(f"{event}: fields the docs do not show for this event: {extra}")
    return found


def clarityflow_problems(case):
    body = case["body"]
    found = documented_fields(body, CLARITYFLOW_ENVELOPE, "")
    event = body.get("type")
    if event not in CLARITYFLOW_PAYLOADS:
        # form_submitted / task_completed: the docs name the events but not the type strings or fields
        # (vendors.md §2): hold them to the envelope and a one-resource payload with an id.
        payload = body.get("payload") or {}
        if len(payload) != 1 or not isinstance(next(iter(payload.values())), dict) \
                or "id" not in next(iter(payload.values())):
            found.append("/payload: expected one resource object with an id")
        return found
    key, fields = CLARITYFLOW_PAYLOADS[event]
    payload = body.get("payload") or {}
    if list(payload) != [key]:
        return found + [f"/payload: expected the one key {key!r}, found {list(payload)}"]
    found += documented_fields(payload[key], fields, f"/payload/{key}")
    if key == "message" and isinstance(payload[key].get("author"), dict):
        found += documented_fields(payload[key]["author"], CLARITYFLOW_AUTHOR, "/payload/message/author")
    return found


def iinked_problems(case):
    body = case["body"]
    fields = dict(IINKED_ENVELOPE)
    if str(body.get("action", "")).startswith("document_"):
        fields["documentId"] = str
    found = documented_fields(body, fields, "")
    extra = sorted(set(body) - set(fields))
    if extra:
        found.append(f"fields the docs do not show: {extra}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z", str(body.get("eventTime"))):
        found.append("/eventTime: expected 7 fractional digits and Z")
    return found


def cryptlex_problems(case):
    body = case["body"]
    found = documented_fields(body, CRYPTLEX_ENVELOPE, "")
    found += exact_keys(body, list(CRYPTLEX_ENVELOPE), "")
    data = body.get("data") or {}
    if str(body.get("event", "")).startswith("license."):
        # seed 003's example: a license's data carries its key; X4: "the same information as a GET request"
        found += documented_fields(data, {"id": str, "key": str}, "/data")
    elif str(body.get("event", "")).startswith("activation."):
        found += documented_fields(data, {"id": str, "licenseId": str}, "/data")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z", str(body.get("triggeredAt"))):
        found.append("/triggeredAt: expected 7 fractional digits and Z")
    return found


def documenso_problems(case):
    body = case["body"]
    found = documented_fields(body, DOCUMENSO_ENVELOPE, "")
    found += exact_keys(body, list(DOCUMENSO_ENVELOPE), "")
    if list(body) != list(DOCUMENSO_ENVELOPE):
        found.append(f"envelope key order: expected {list(DOCUMENSO_ENVELOPE)}, found {list(body)}")
    if body.get("event") not in DOCUMENSO_EVENTS:
        found.append(f"/event: {body.get('event')!r} is not a WebhookTriggerEvents value")
    payload = body.get("payload") or {}
    found += documented_fields(payload, DOCUMENSO_PAYLOAD, "/payload")
    found += exact_keys(payload, list(DOCUMENSO_PAYLOAD), "/payload")
    if isinstance(payload.get("documentMeta"), dict):
        found += exact_keys(payload["documentMeta"], DOCUMENSO_META, "/payload/documentMeta")
    for index, recipient in enumerate(payload.get("recipients") or []):
        found += exact_keys(recipient, DOCUMENSO_RECIPIENT, f"/payload/recipients/{index}")
    if payload.get("recipients") != payload.get("Recipient"):
        found.append("/payload/Recipient: expected the same array as recipients")
    return found


SEED_CHECKS = {
    "ironclad-clickwrap": ironclad_problems,
    "ironclad-clickwrap-get": lambda case: ironclad_problems(case, get=True),
    "clarityflow": clarityflow_problems,
    "iinked-sign": iinked_problems,
    "cryptlex": cryptlex_problems,
    "documenso": documenso_problems,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--github-schemas", help="octokit/webhooks payload-schemas/api.github.com")
    parser.add_argument("suites", nargs="+")
    arguments = parser.parse_args()
    github = None
    checked = failed = 0
    for file in suite_files(arguments.suites):
        suite = json.loads(file.read_text())
        SLACK_TOKENS.clear()  # one app per suite file
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
            elif profile in SEED_CHECKS:
                problems = SEED_CHECKS[profile](case)
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

import HookHTTP

extension Profile {
    /// The built-in profiles, in the order of docs/architecture.md "Built-in profiles": the five seed providers (with Ironclad Clickwrap's GET
    /// variant, `ironclad-clickwrap-get`, right after its POST form), then the standards.
    public static let builtIn: [Profile] = [
        ironcladClickwrap, ironcladClickwrapGet, clarityflow, iinkedSign, cryptlex, documenso, standardWebhooks, github,
        stripe, slack,
        shopify,
    ]

    /// The built-in profile called `name` (exact, lowercase names), or `nil`.
    public static func named(_ name: String) -> Profile? {
        builtIn.first { $0.name == name }
    }

    /// The built-in profile names, in order.
    public static var builtInNames: [String] { builtIn.map(\.name) }

    // MARK: - Seed providers

    /// Ironclad Clickwrap (formerly PactSafe): a plain shared token in `Pactsafe-Webhook-Token`.
    static let ironcladClickwrap = Profile(
        name: "ironclad-clickwrap",
        summary: "Ironclad Clickwrap (PactSafe): token header Pactsafe-Webhook-Token, POST or GET",
        event: .pointer(pointer("event_type")), id: .pointer(pointer("id")),
        timestamp: .pointer(pointer("created_time")), timestampFormat: .dateTime(fractionDigits: 3, zone: .z),
        scheme: .token(TokenScheme(header: "Pactsafe-Webhook-Token")),
        envelope: members([
            ("type", .literal(.string("webhook"))), ("event_type", .type([.string])), ("id", .type([.string])),
            ("created_time", .format(.dateTime)),
        ]),
        events: [
            "test_event", "activity_agreed", "version_published", "group_published", "activity_displayed",
            "request_sent", "request_signed", "request_complete", "request_expired", "activity_updated",
            "activity_visited", "activity_sent", "activity_disagreed",
        ],
        assumedEvents: ["activity_updated", "activity_visited", "activity_sent", "activity_disagreed"],
        eventNamePattern: regex("^activity_[a-z_]+$"),
        headers: [("Accept", "application/json")],
        sources: [
            "https://clickwrap-developer.ironcladapp.com/docs/working-with-ironclad-webhooks",
            "https://clickwrap-developer.ironcladapp.com/docs/webhook-events",
        ])

    /// Ironclad Clickwrap hooks configured as GET: the envelope's top-level scalar fields as query-string
    /// variables, no body (so no `custom_data`), the same token header. Every field arrives as a string.
    static let ironcladClickwrapGet: Profile = {
        var profile = ironcladClickwrap
        profile.name = "ironclad-clickwrap-get"
        profile.summary = "Ironclad Clickwrap (PactSafe) GET hooks: fields in the query string, token header"
        profile.method = .get
        return profile
    }()

    /// Clarityflow (formerly ZipMessage): no authentication; a UUID id and an offset date-time.
    static let clarityflow = Profile(
        name: "clarityflow",
        summary: "Clarityflow (ZipMessage): no authentication",
        event: .pointer(pointer("type")), id: .pointer(pointer("id")), timestamp: .pointer(pointer("occurred_at")),
        timestampFormat: .dateTime(fractionDigits: 3, zone: .numericOffset),
        scheme: .none,
        envelope: members([
            ("type", .type([.string])), ("id", .format(.uuid)), ("occurred_at", .format(.dateTime)),
            ("payload", .type([.object])),
        ]),
        events: [
            "conversation_created", "message_created", "message_played", "new_appointment", "new_purchase",
            "form_submitted", "task_completed",
        ],
        assumedEvents: ["form_submitted", "task_completed"],
        sources: [
            "https://api.clarityflow.com/webhooks", "https://api.clarityflow.com/webhooks/webhook-events",
        ])

    /// iinked Sign (formerly Syngrafii): base64 HMAC-SHA256 over the endpoint URL followed by the raw body.
    static let iinkedSign = Profile(
        name: "iinked-sign",
        summary: "iinked Sign (Syngrafii): X-Syngrafii-Signature = base64 HMAC-SHA256(secret, URL + body)",
        event: .pointer(pointer("action")), id: .pointer(pointer("eventId")),
        timestamp: .pointer(pointer("eventTime")), timestampFormat: .dateTime(fractionDigits: 7, zone: .z),
        scheme: .hmac(
            HMACScheme(
                header: "X-Syngrafii-Signature", encoding: .base64,
                signed: (try? SignedTemplate(parsing: "{url}{body}")) ?? .body)),
        envelope: members([
            ("action", .type([.string])), ("packageId", .format(.uuid)), ("eventId", .format(.uuid)),
            ("eventTime", .format(.dateTime)),
        ]),
        events: ["package_add", "package_executed", "document_executed", "document_signed"],
        assumedEvents: ["document_signed"],
        sources: [
            "https://docs.iinkedsign.com/v4/webhooks/setup", "https://docs.iinkedsign.com/v4/guides/webhooks",
        ])

    /// Cryptlex: base64 HMAC-SHA256 of the raw body in `Webhook-Signature`.
    static let cryptlex = Profile(
        name: "cryptlex",
        summary: "Cryptlex: Webhook-Signature = base64 HMAC-SHA256(secret, body)",
        contentType: "application/json; charset=utf-8",
        event: .pointer(pointer("event")), id: .none, timestamp: .pointer(pointer("triggeredAt")),
        timestampFormat: .dateTime(fractionDigits: 7, zone: .z),
        scheme: .hmac(HMACScheme(header: "Webhook-Signature", encoding: .base64)),
        envelope: members([
            ("event", .regex(cryptlexEventName)), ("data", .type([.object])), ("triggeredAt", .format(.dateTime)),
        ]),
        events: [
            "license.created", "license.updated", "license.deleted", "license.renewed", "license.extended",
            "license.expired", "license.expiring-soon", "license.maintenance-expired",
            "license.maintenance-expiring-soon", "license.activation.limit-reached", "license.subscription.updated",
            "license.first-activated", "license.expiresAt.updated", "activation.created", "activation.deleted",
            "activation.updated", "activation.lease-expired",
        ],
        eventNamePattern: cryptlexEventName,
        sources: [
            "https://docs.cryptlex.com/webhooks", "https://docs.cryptlex.com/changelog/web-api",
            "https://forums.cryptlex.com/t/webhook-becomes-inactive/1576",
        ])

    /// Documenso: the plain secret in `X-Documenso-Secret` (empty when none is set); no id.
    static let documenso = Profile(
        name: "documenso",
        summary: "Documenso: token header X-Documenso-Secret, no event id",
        event: .pointer(pointer("event")), id: .none, timestamp: .pointer(pointer("createdAt")),
        timestampFormat: .dateTime(fractionDigits: 3, zone: .z),
        scheme: .token(TokenScheme(header: "X-Documenso-Secret")),
        envelope: members([
            ("event", .type([.string])), ("payload", .type([.object])), ("createdAt", .format(.dateTime)),
            ("webhookEndpoint", .type([.string])),
        ]),
        events: [
            "DOCUMENT_CREATED", "DOCUMENT_SENT", "DOCUMENT_OPENED", "DOCUMENT_SIGNED", "DOCUMENT_COMPLETED",
            "DOCUMENT_REJECTED", "DOCUMENT_CANCELLED", "RECIPIENT_EXPIRED", "DOCUMENT_RECIPIENT_COMPLETED",
            "DOCUMENT_REMINDER_SENT", "TEMPLATE_CREATED", "TEMPLATE_UPDATED", "TEMPLATE_DELETED", "TEMPLATE_USED",
        ],
        retries: RetryExpectation(isExpected: true, attempts: 3),
        sources: [
            "https://github.com/documenso/documenso/blob/main/packages/lib/server-only/webhooks/execute-webhook-call.ts",
            "https://github.com/documenso/documenso/blob/main/packages/prisma/schema.prisma",
            "https://docs.documenso.com/developers/webhooks",
        ])

    // MARK: - Standards

    /// Standard Webhooks v1: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`.
    static let standardWebhooks = Profile(
        name: "standard-webhooks",
        summary: "Standard Webhooks v1: webhook-signature v1,<base64> over id.timestamp.body",
        event: .pointer(pointer("type")), id: .header("webhook-id"), timestamp: .header("webhook-timestamp"),
        timestampFormat: .unixSeconds,
        scheme: .standardWebhooks(StandardWebhooksScheme()),
        envelope: members([("type", .type([.string]))]),
        eventNamePattern: regex("^[a-zA-Z0-9_]+(\\.[a-zA-Z0-9_]+)*$"),
        retries: RetryExpectation(isExpected: true),
        sources: ["https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md"])

    /// GitHub: `X-Hub-Signature-256: sha256=<hex>` over the body; event and id in headers; no retries.
    static let github = Profile(
        name: "github",
        summary: "GitHub: X-Hub-Signature-256 sha256=<hex> over the body, event in X-GitHub-Event",
        event: .header("X-GitHub-Event"), id: .header("X-GitHub-Delivery"), timestamp: .none,
        scheme: .hmac(
            HMACScheme(
                header: "X-Hub-Signature-256", prefix: "sha256=",
                companions: [.init(header: "X-Hub-Signature", algorithm: .sha1, prefix: "sha1=")])),
        events: [
            "ping", "push", "pull_request", "pull_request_review", "issues", "issue_comment", "create", "delete",
            "release", "workflow_run", "workflow_job", "check_run", "check_suite", "star", "fork",
        ],
        eventNamePattern: regex("^[a-z_]+$"),
        headers: [
            ("User-Agent", "GitHub-Hookshot/044aadd"), ("X-GitHub-Hook-ID", "292430182"),
            ("X-GitHub-Hook-Installation-Target-ID", "79929171"),
            ("X-GitHub-Hook-Installation-Target-Type", "repository"),
        ],
        retries: RetryExpectation.none,
        sources: [
            "https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries",
            "https://docs.github.com/en/webhooks/webhook-events-and-payloads",
        ])

    /// Stripe: `Stripe-Signature: t=…,v1=<hex>` over `t.body`; future timestamps tolerated.
    static let stripe = Profile(
        name: "stripe",
        summary: "Stripe: Stripe-Signature t=…,v1=<hex> over t.body, future timestamps tolerated",
        event: .pointer(pointer("type")), id: .pointer(pointer("id")),
        timestamp: .headerParameter(header: "Stripe-Signature", name: "t"), timestampFormat: .unixSeconds,
        scheme: .stripe(StripeScheme(tolerance: 300, future: .tolerate)),
        envelope: members([
            ("id", .regex(regex("^evt_"))), ("object", .literal(.string("event"))), ("type", .type([.string])),
            ("created", .type([.integer])), ("data", members([("object", .type([.object]))])),
        ]),
        events: [
            "payment_intent.succeeded", "payment_intent.payment_failed", "charge.succeeded", "charge.refunded",
            "checkout.session.completed", "customer.created", "customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid",
            "invoice.payment_failed",
        ],
        eventNamePattern: regex("^[a-z_]+(\\.[a-z_]+)+$"),
        headers: [("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")],
        futureTimestamps: .tolerate,
        retries: RetryExpectation(isExpected: true),
        sources: ["https://docs.stripe.com/webhooks", "https://github.com/stripe/stripe-python"])

    /// Slack: `X-Slack-Signature: v0=<hex>` over `v0:ts:body`; timestamps more than 300 s away either way are
    /// rejected, as Slack's recipe and slack_sdk's `SignatureVerifier` (used by Bolt for Python) do. Bolt-JS
    /// checks staleness only; suites for Bolt-JS receivers set `"futureTimestamps": "tolerate"`.
    static let slack = Profile(
        name: "slack",
        summary: "Slack: X-Slack-Signature v0=<hex> over v0:timestamp:body, |now - ts| at most 300 s",
        event: .pointer(pointer("type")),
        subEvents: [SubEvent(under: "event_callback", pointer: JSONPointer(tokens: ["event", "type"]))],
        id: .none, timestamp: .header("X-Slack-Request-Timestamp"),
        timestampFormat: .unixSeconds,
        scheme: .hmac(
            HMACScheme(
                header: "X-Slack-Signature", prefix: "v0=",
                signed: (try? SignedTemplate(parsing: "v0:{timestamp}:{body}")) ?? .body,
                timestampHeader: "X-Slack-Request-Timestamp", future: .reject)),
        envelope: members([("type", .type([.string]))]),
        events: ["url_verification", "event_callback", "app_rate_limited"],
        handshake: Handshake(event: "url_verification", pointer: JSONPointer(tokens: ["challenge"])),
        redeliveryHeaders: [("X-Slack-Retry-Num", "1"), ("X-Slack-Retry-Reason", "http_timeout")],
        futureTimestamps: .reject,
        sources: [
            "https://docs.slack.dev/authentication/verifying-requests-from-slack/",
            "https://github.com/slackapi/python-slack-sdk",
        ])

    /// Shopify: base64 HMAC-SHA256 of the body in `X-Shopify-Hmac-Sha256`; topic and id in headers.
    static let shopify = Profile(
        name: "shopify",
        summary: "Shopify: X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256 over the body, topic in X-Shopify-Topic",
        event: .header("X-Shopify-Topic"), id: .header("X-Shopify-Webhook-Id"), timestamp: .none,
        scheme: .hmac(HMACScheme(header: "X-Shopify-Hmac-Sha256", encoding: .base64)),
        events: [
            "orders/create", "orders/updated", "orders/paid", "orders/cancelled", "products/create",
            "products/update", "products/delete", "customers/create", "customers/update", "app/uninstalled",
            "shop/update",
        ],
        eventNamePattern: regex("^[a-z_]+/[a-z_]+$"),
        headers: [("X-Shopify-Shop-Domain", "hookcheck.myshopify.com"), ("X-Shopify-API-Version", "2025-01")],
        generatedHeaders: [
            GeneratedHeader(name: "X-Shopify-Triggered-At", value: .now(.dateTime(fractionDigits: 9, zone: .z))),
            GeneratedHeader(name: "X-Shopify-Event-Id", value: .uuid),
        ],
        sources: ["https://shopify.dev/docs/apps/build/webhooks/verify-deliveries"])

    // MARK: - Helpers

    private static let cryptlexEventName = regex("^[a-z][A-Za-z-]*(\\.[A-Za-z-]+)+$")

    private static func pointer(_ key: String) -> JSONPointer {
        JSONPointer(tokens: [key])
    }

    private static func members(_ pairs: [(String, Pattern)]) -> Pattern {
        .object(pairs.map { Pattern.Member(key: $0.0, pattern: $0.1) })
    }

    /// A built-in expression (tested to compile); an invalid one would match nothing rather than trap.
    private static func regex(_ source: String) -> Pattern.RegularExpression {
        (try? Pattern.RegularExpression(source)) ?? Pattern.RegularExpression.never
    }
}

import Foundation
import HookHTTP

/// One delivery sent and what came back: the response, or why none arrived.
public struct Exchange: Sendable, Hashable {
    /// The delivery as sent.
    public var delivery: Delivery
    /// When the request was sent.
    public var sentAt: Date
    /// Time from sending to the response (or the failure).
    public var latency: Duration
    /// The response, or the client error (refused, reset, timed out, malformed).
    public var outcome: Result<HTTPResponse, HTTPClientError>

    /// Creates an exchange.
    public init(delivery: Delivery, sentAt: Date, latency: Duration, outcome: Result<HTTPResponse, HTTPClientError>) {
        self.delivery = delivery
        self.sentAt = sentAt
        self.latency = latency
        self.outcome = outcome
    }

    /// The response status, or `nil` when no response arrived.
    public var status: Int? {
        if case .success(let response) = outcome { return response.status.code }
        return nil
    }

    /// The exchange as a report attempt: status, latency, sent at, and excerpts of the request and the
    /// response (at most 2 KiB each; reports redact secrets and signature headers).
    public func attempt(note: String? = nil) -> DeliveryAttempt {
        var request = HTTPRequest(method: HTTPMethod(delivery.method), target: delivery.url, headers: delivery.headers)
        if let url = try? HTTPURL(delivery.url) { request.target = url.target }
        let requestText = Self.text(request.serializedHead(), body: delivery.body)
        var responseText: String?
        var remark = note
        switch outcome {
        case .success(let response):
            responseText = Self.text(response.serializedHead(), body: response.body)
        case .failure(let error):
            remark = [note, error.description].compactMap { $0 }.joined(separator: ": ")
        }
        return DeliveryAttempt(
            method: delivery.method, target: delivery.url, status: status, sentAt: sentAt, latency: latency,
            requestHeaders: delivery.headers.fields, requestExcerpt: requestText, responseExcerpt: responseText,
            note: remark)
    }

    /// Head and the start of the body as text; only the first bytes matter for a 2 KiB excerpt.
    private static func text(_ head: [UInt8], body: [UInt8]) -> String {
        let budget = max(0, DeliveryAttempt.excerptLimit + 64 - head.count)
        var text = String(decoding: head, as: UTF8.self)
        text += String(decoding: body.prefix(budget), as: UTF8.self)
        if body.count > budget { text += "\n… [\(body.count) body bytes in all]" }
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }
}

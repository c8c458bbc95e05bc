import Foundation

/// Header names and values that capture lines repeat on nearly every delivery, spelled once as
/// string literals. A literal is immortal: handing it out costs no allocation and no reference
/// counting, so a capture line whose field matches one needs no string of its own.
///
/// Only texts longer than 15 UTF-8 bytes are listed: shorter ones are stored inline in a `String`
/// and never allocate anyway.
enum CommonFieldText {
    private static let texts: [String] = [
        // Signature and identity headers of the built-in profiles, as their senders spell them.
        "webhook-signature", "webhook-timestamp", "Webhook-Signature", "Webhook-Timestamp",
        "X-Hub-Signature-256", "x-hub-signature-256", "X-GitHub-Delivery", "x-github-delivery",
        "X-GitHub-Hook-ID", "x-github-hook-id", "X-GitHub-Hook-Installation-Target-ID",
        "X-GitHub-Hook-Installation-Target-Type", "X-Slack-Signature", "x-slack-signature",
        "X-Slack-Request-Timestamp", "x-slack-request-timestamp", "Stripe-Signature", "stripe-signature",
        "X-Shopify-Hmac-Sha256", "X-Shopify-Webhook-Id", "X-Shopify-Triggered-At", "X-Shopify-Shop-Domain",
        "X-Shopify-Event-Id", "X-Shopify-API-Version", "X-Syngrafii-Signature", "X-Documenso-Secret",
        "Pactsafe-Webhook-Token",
        // Content types.
        "application/json", "application/json; charset=utf-8", "application/json; charset=UTF-8",
        "application/x-www-form-urlencoded",
    ]

    /// One listed text, with what rejects most other texts cheaply: its length and first eight bytes.
    private struct Entry {
        let count: Int
        let head: UInt64
        let text: String
    }

    /// The entries, shortest first.
    private static let entries: [Entry] = texts.map { text in
        var head: UInt64 = 0
        withUnsafeMutableBytes(of: &head) { head in
            for (index, byte) in text.utf8.prefix(8).enumerated() { head[index] = byte }
        }
        return Entry(count: text.utf8.count, head: head, text: text)
    }.sorted { $0.count < $1.count }

    /// `entries[starts[n]..<starts[n + 1]]` are the entries of `n` bytes.
    private static let starts: [Int] = {
        let longest = entries.last?.count ?? 0
        return (0...longest + 1).map { length in entries.firstIndex { $0.count >= length } ?? entries.count }
    }()

    /// The listed text whose UTF-8 bytes are exactly `bytes`, or `nil`.
    static func text(matching bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        guard count > 15, count + 1 < starts.count, let base = bytes.baseAddress else { return nil }
        let head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
        for index in starts[count]..<starts[count + 1] {
            let entry = entries[index]
            guard entry.head == head else { continue }
            let isEqual = entry.text.utf8.withContiguousStorageIfAvailable { stored in
                stored.baseAddress.map { memcmp($0, base, count) == 0 } ?? false
            }
            if isEqual == true { return entry.text }
        }
        return nil
    }
}

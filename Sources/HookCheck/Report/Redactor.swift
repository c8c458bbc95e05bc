import Foundation
import HookHTTP

/// Keeps secrets out of reports: the values of signature and token headers always read `[redacted]`,
/// and every configured secret of at least ``minimumSecretLength`` bytes (as text, hex or base64) is
/// replaced wherever it appears. A shorter secret (`x`, `test`) would match ordinary words ("test suite"),
/// so its bytes are left alone elsewhere and ``shortSecretWarning`` says so.
public struct Redactor: Sendable, Hashable {
    /// What a redacted value reads.
    public static let placeholder = "[redacted]"

    /// The shortest secret, in UTF-8 bytes, whose bytes are replaced in running text.
    public static let minimumSecretLength = 8

    /// How many configured secrets were too short to redact outside the signature and token headers.
    public private(set) var shortSecretCount = 0

    /// One warning for the user when a secret is too short to redact from running text, or `nil`. It never
    /// contains the secret.
    public var shortSecretWarning: String? {
        guard shortSecretCount > 0 else { return nil }
        let which = shortSecretCount == 1 ? "a secret is" : "\(shortSecretCount) secrets are"
        return "\(which) shorter than \(Self.minimumSecretLength) bytes, so reports redact only the signature and "
            + "token header values, not every occurrence of its bytes (a short secret matches ordinary words); "
            + "use a secret of \(Self.minimumSecretLength) bytes or more to have it redacted everywhere"
    }

    /// The signature and token headers of the built-in profiles.
    public static let defaultHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie",
        "webhook-signature", "svix-signature", "stripe-signature", "x-hub-signature", "x-hub-signature-256",
        "x-slack-signature", "x-shopify-hmac-sha256", "x-syngrafii-signature", "pactsafe-webhook-token",
        "x-documenso-secret",
    ]

    /// Header names (lowercased) whose values are redacted.
    public private(set) var headerNames: Set<String>
    /// Strings replaced anywhere in report text, longest first.
    public private(set) var secrets: [String]
    /// The secrets (all of ``minimumSecretLength`` bytes or more), keyed by their first four bytes, then grouped by length,
    /// longest first: one pass over a text finds every occurrence with a few hash lookups at the
    /// positions where a secret could start, however many secrets share a prefix (all Standard
    /// Webhooks signatures begin `v1,`).
    private var index: [UInt32: [SecretsOfOneLength]] = [:]

    /// The indexed secrets of one length that share their first four bytes.
    private struct SecretsOfOneLength: Sendable, Hashable {
        var length: Int
        var secrets: Set<[UInt8]>
    }

    /// Creates a redactor.
    /// - Parameters:
    ///   - headerNames: header names (any case) whose values never appear; the profile's signature
    ///     and token headers. The built-in set is always included.
    ///   - secrets: secret values; each is also replaced in its hex and base64 forms, and a
    ///     `whsec_` secret also without its prefix.
    public init(headerNames: some Sequence<String> = [String](), secrets: some Sequence<String> = [String]()) {
        self.headerNames = Self.defaultHeaderNames.union(headerNames.map { $0.lowercased() })
        self.secrets = []
        for secret in secrets { add(secret: secret) }
    }

    /// Adds a secret (and its encoded forms) to replace; a secret shorter than ``minimumSecretLength`` bytes
    /// is only counted in ``shortSecretCount``.
    public mutating func add(secret: String) {
        guard !secret.isEmpty else { return }
        guard secret.utf8.count >= Self.minimumSecretLength else {
            shortSecretCount += 1
            return
        }
        var forms: Set<String> = [secret]
        let bytes = Data(secret.utf8)
        forms.insert(bytes.map { String(format: "%02x", $0) }.joined())
        forms.insert(bytes.map { String(format: "%02X", $0) }.joined())
        forms.insert(bytes.base64EncodedString())
        if secret.hasPrefix("whsec_"), secret.count > 6 { forms.insert(String(secret.dropFirst(6))) }
        merge(forms)
    }

    /// Adds `values` to the secrets and rebuilds the lookup index once.
    private mutating func merge(_ values: Set<String>) {
        let merged = Set(secrets).union(values).filter { $0.utf8.count >= Self.minimumSecretLength }
        guard merged.count != secrets.count else { return }
        secrets = merged.sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
        index = [:]
        for secret in secrets {
            let bytes = Array(secret.utf8)
            // `secrets` is sorted longest first, so each key's groups stay longest first.
            let key = Self.prefixKey(bytes, at: 0)
            if let group = index[key]?.firstIndex(where: { $0.length == bytes.count }) {
                index[key]?[group].secrets.insert(bytes)
            } else {
                index[key, default: []].append(SecretsOfOneLength(length: bytes.count, secrets: [bytes]))
            }
        }
    }

    private static func prefixKey(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    /// `text` with every secret replaced in one pass; overlapping or adjacent
    /// occurrences become one placeholder, so no part of any secret survives.
    private func replacingIndexedSecrets(in text: String) -> String {
        guard !index.isEmpty else { return text }
        let bytes = Array(text.utf8)
        guard bytes.count >= 4 else { return text }
        var covered: [Range<Int>] = []
        for position in 0...(bytes.count - 4) {
            guard let groups = index[Self.prefixKey(bytes, at: position)],
                let match = groups.first(where: { group in
                    position + group.length <= bytes.count
                        && group.secrets.contains(Array(bytes[position..<(position + group.length)]))
                })
            else { continue }
            let end = position + match.length
            if let last = covered.last, position <= last.upperBound {
                covered[covered.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                covered.append(position..<end)
            }
        }
        guard !covered.isEmpty else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for range in covered {
            output.append(contentsOf: bytes[copied..<range.lowerBound])
            output.append(contentsOf: Self.placeholder.utf8)
            copied = range.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether the value of header `name` is redacted.
    public func isRedacted(header name: String) -> Bool {
        headerNames.contains(name.lowercased())
    }

    /// `text` with every secret replaced, and with the value of every `Name: value` line whose
    /// header is redacted replaced.
    public func redact(_ text: String) -> String {
        let result = replacingIndexedSecrets(in: text)
        guard result.contains(":") else { return result }
        var changed = false
        // Split on LF scalars (a CRLF is one `Character`, so `split(separator:)` would not see it).
        let lines = result.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            scalars -> String in
            let line = String(String.UnicodeScalarView(scalars))
            guard let colon = line.firstIndex(of: ":") else { return line }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, isRedacted(header: name) else { return line }
            changed = true
            let ending = line.hasSuffix("\r") ? "\r" : ""
            return line[...colon] + " " + Self.placeholder + ending
        }
        return changed ? lines.joined(separator: "\n") : result
    }

    /// `field` with its value redacted when its name is a redacted header, else with secrets replaced.
    public func redact(_ field: HTTPField) -> HTTPField {
        HTTPField(name: field.name, value: isRedacted(header: field.name) ? Self.placeholder : redact(field.value))
    }

    /// `run` with every text redacted. The values the run's attempts carry in redacted headers are
    /// added as secrets first, so a message quoting a signature is redacted too.
    public func redact(_ run: RunResult) -> RunResult {
        var redactor = self
        var values: Set<String> = []
        for attempt in run.results.flatMap(\.attempts) {
            for field in attempt.requestHeaders ?? [] where isRedacted(header: field.name) {
                values.formUnion(Self.headerValueParts(field.value))
            }
        }
        redactor.merge(values)
        var run = run
        run.source = redactor.redact(run.source)
        run.suites = run.suites.map { suite in
            var suite = suite
            suite.name = redactor.redact(suite.name)
            suite.target = redactor.redact(suite.target)
            suite.notApplicable = suite.notApplicable.map {
                InapplicableProbes(checks: $0.checks.map { redactor.redact($0) }, reason: redactor.redact($0.reason))
            }
            suite.results = suite.results.map { redactor.redact($0) }
            return suite
        }
        return run
    }

    private func redact(_ result: CaseResult) -> CaseResult {
        var result = result
        result.caseName = redact(result.caseName)
        result.check = redact(result.check)
        result.message = redact(result.message)
        result.expected = result.expected.map { redact($0) }
        result.found = result.found.map { redact($0) }
        result.rootCause = result.rootCause.map { redact($0) }
        result.warning = result.warning.map { redact($0) }
        result.attempts = result.attempts.map { attempt in
            var attempt = attempt
            attempt.target = redact(attempt.target)
            attempt.requestHeaders = attempt.requestHeaders?.map { redact($0) }
            attempt.requestExcerpt = attempt.requestExcerpt.map { redact($0) }
            attempt.responseExcerpt = attempt.responseExcerpt.map { redact($0) }
            attempt.note = attempt.note.map { redact($0) }
            return attempt
        }
        return result
    }

    /// A redacted header's value and its long parts (`v1=<hex>`, `v1,<base64>`), to replace as secrets.
    private static func headerValueParts(_ value: String) -> Set<String> {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count >= minimumSecretLength else { return [] }
        var parts: Set<String> = [trimmed]
        for piece in trimmed.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }) {
            let token = piece.split(separator: "=", maxSplits: 1).last.map(String.init) ?? String(piece)
            if token.count >= 16 { parts.insert(token) }
            if piece.count >= 16 { parts.insert(String(piece)) }
        }
        return parts
    }
}

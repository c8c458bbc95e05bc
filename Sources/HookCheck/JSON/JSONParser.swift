/// A strict RFC 8259 JSON parser that keeps key order and each number's exact text.
///
/// It rejects duplicate keys, trailing commas, comments, leading zeros, malformed numbers,
/// `NaN`/`Infinity`, unescaped control characters, invalid escapes, lone surrogates, invalid UTF-8,
/// a byte order mark and anything after the top-level value. Any value may be the top-level value.
/// Nesting is handled without recursion, so the depth limit never risks the call stack.
public enum JSONParser {
    /// Limits applied while parsing.
    public struct Options: Sendable {
        /// The deepest nesting of arrays and objects accepted; the top-level container is depth 1.
        public var maxDepth: Int = 512
        /// The largest input accepted, in bytes; `nil` for no limit.
        public var maxBytes: Int? = nil

        /// - Parameters:
        ///   - maxDepth: The deepest nesting of arrays and objects accepted (default 512).
        ///   - maxBytes: The largest input accepted, in bytes (default: no limit).
        public init(maxDepth: Int = 512, maxBytes: Int? = nil) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }
    }

    /// Parses `bytes` without recording locations: the fast path, used on every captured delivery.
    ///
    /// - Parameters:
    ///   - bytes: The exact document bytes (UTF-8).
    ///   - options: Depth and size limits.
    /// - Returns: The parsed value.
    /// - Throws: ``JSONParseError`` naming the broken rule, its `line:column` and JSON pointer.
    public static func parse(_ bytes: [UInt8], options: Options = .init()) throws(JSONParseError) -> JSONValue {
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
                var scanner = JSONScanner(bytes: buffer, options: options, tracksLocations: false)
                return try scanner.parse()
            }
        } catch {
            // The fast path does not remember where keys start; ask the tracking path for the first one.
            if case .duplicateKey = error.reason {
                do {
                    _ = try parseDocument(bytes, options: options)
                } catch {
                    throw error
                }
            }
            throw error
        }
    }

    /// Parses `text` (its UTF-8 bytes) without recording locations.
    ///
    /// - Parameters:
    ///   - text: The document.
    ///   - options: Depth and size limits.
    /// - Returns: The parsed value.
    /// - Throws: ``JSONParseError``.
    public static func parse(_ text: String, options: Options = .init()) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), options: options)
    }

    /// Parses `bytes` and records where every value and member name starts, for diagnostics.
    ///
    /// - Parameters:
    ///   - bytes: The exact document bytes (UTF-8).
    ///   - options: Depth and size limits.
    /// - Returns: The value with its location table.
    /// - Throws: ``JSONParseError`` naming the broken rule, its `line:column` and JSON pointer.
    public static func parseDocument(
        _ bytes: [UInt8], options: Options = .init()
    ) throws(JSONParseError) -> JSONDocument {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var scanner = JSONScanner(bytes: buffer, options: options, tracksLocations: true)
            let value = try scanner.parse()
            return JSONDocument(
                value: value, valueLocations: scanner.valueLocations, keyLocations: scanner.keyLocations)
        }
    }
}

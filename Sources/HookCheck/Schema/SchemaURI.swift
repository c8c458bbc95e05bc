/// RFC 3986 reference resolution for schema identifiers (`$id`, `$ref`), without Foundation.
///
/// Schema URIs are compared as text after resolution, the way JSON Schema implementations key their
/// registries: `http://localhost:1234/tree.json`, `urn:uuid:…`, `tag:…`, or a bare file name.
struct SchemaURI: Hashable, Sendable, CustomStringConvertible {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits `text` into its parts; every text is some reference.
    init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"), Self.isScheme(rest[..<colon]) {
            scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    private init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    var description: String {
        var text = ""
        if let scheme { text += scheme + ":" }
        if let authority { text += "//" + authority }
        text += path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// This URI without its fragment.
    var withoutFragment: SchemaURI {
        SchemaURI(scheme: scheme, authority: authority, path: path, query: query, fragment: nil)
    }

    /// `reference` resolved against this base (RFC 3986 §5.2.2).
    func resolving(_ reference: String) -> SchemaURI {
        let ref = SchemaURI(reference)
        if ref.scheme != nil {
            return SchemaURI(
                scheme: ref.scheme, authority: ref.authority, path: Self.removingDotSegments(ref.path),
                query: ref.query, fragment: ref.fragment)
        }
        if ref.authority != nil {
            return SchemaURI(
                scheme: scheme, authority: ref.authority, path: Self.removingDotSegments(ref.path), query: ref.query,
                fragment: ref.fragment)
        }
        if ref.path.isEmpty {
            return SchemaURI(
                scheme: scheme, authority: authority, path: path, query: ref.query ?? query, fragment: ref.fragment)
        }
        let merged: String
        if ref.path.hasPrefix("/") {
            merged = ref.path
        } else if authority != nil && path.isEmpty {
            merged = "/" + ref.path
        } else if let slash = path.lastIndex(of: "/") {
            merged = String(path[...slash]) + ref.path
        } else {
            merged = ref.path
        }
        return SchemaURI(
            scheme: scheme, authority: authority, path: Self.removingDotSegments(merged), query: ref.query,
            fragment: ref.fragment)
    }

    private static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 || (output.count == 1 && !output[0].isEmpty) { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return output.joined(separator: "/")
    }
}

extension String {
    /// The text with `%XX` escapes decoded (invalid escapes are kept as written).
    var percentDecoded: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
                let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The `format`s checked when a suite asks for format assertion. Other formats are annotations.
enum SchemaFormat {
    /// The formats this validator can assert.
    static let asserted: Set<String> = ["date-time", "date", "time", "uuid", "email", "uri", "ipv4", "ipv6"]

    /// Whether `text` conforms to `format`; `nil` for a format this validator does not assert.
    static func conforms(_ text: String, to format: String) -> Bool? {
        switch format {
        case "date-time": DateTimeText.parseDateTime(text) != nil
        case "date": DateTimeText.parseDate(text) != nil
        case "time": DateTimeText.parseDateTime("2000-01-01T" + text) != nil
        case "uuid": isUUID(text)
        case "email": isEmail(text)
        case "uri": isURI(text)
        case "ipv4": isIPv4(Substring(text))
        case "ipv6": isIPv6(text)
        default: nil
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }

    private static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (offset, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !isHex(byte) {
                return false
            }
        }
        return true
    }

    private static func isEmail(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, !local.hasPrefix("."), !local.hasSuffix("."),
            !local.contains(".."), !text.contains(where: { $0 == " " || $0.isNewline })
        else { return false }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let inner = domain.dropFirst().dropLast()
            if inner.hasPrefix("IPv6:") { return isIPv6(String(inner.dropFirst(5))) }
            return isIPv4(inner)
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    private static func isURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return false }
        let allowed = Set("-._~:/?#[]@!$&'()*+,;=%")
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.first {
            if byte == UInt8(ascii: "%") {
                guard bytes.count >= 3, isHex(bytes[bytes.startIndex + 1]), isHex(bytes[bytes.startIndex + 2]) else {
                    return false
                }
                bytes = bytes.dropFirst(3)
                continue
            }
            let character = Character(Unicode.Scalar(byte))
            guard byte < 128, character.isLetter || character.isNumber || allowed.contains(character) else {
                return false
            }
            bytes = bytes.dropFirst()
        }
        let rest = text[text.index(after: colon)...]
        if rest.hasPrefix("//") {
            let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if authority.contains("[") != authority.contains("]") { return false }
        }
        return true
    }

    private static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber }
                    && (part.count == 1 || part.first != "0") && (Int(part) ?? 256) <= 255
            }
    }

    private static func isIPv6(_ text: String) -> Bool {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == ":" || $0 == ".") }) else {
            return false
        }
        var groups = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let last = groups.last, last.contains(".") {
            guard isIPv4(Substring(last)) else { return false }
            groups.removeLast()
            groups.append(contentsOf: ["0", "0"])
        }
        let scalars = Array(text.unicodeScalars)
        let compressions = zip(scalars, scalars.dropFirst()).filter { $0 == ":" && $1 == ":" }.count
        guard compressions <= 1 else { return false }
        if compressions == 0 {
            return groups.count == 8 && groups.allSatisfy { (1...4).contains($0.count) }
        }
        let nonEmpty = groups.filter { !$0.isEmpty }
        guard nonEmpty.allSatisfy({ $0.count <= 4 }), nonEmpty.count <= 7 else { return false }
        // Empty groups are allowed only as the `::` itself (at most two around it, at the ends).
        if text.hasPrefix(":") && !text.hasPrefix("::") { return false }
        if text.hasSuffix(":") && !text.hasSuffix("::") { return false }
        return true
    }
}

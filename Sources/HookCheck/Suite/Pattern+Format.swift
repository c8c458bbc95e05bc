extension Pattern.Format {
    /// Whether `text` is in this format.
    public func admits(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch self {
        case .uuid:
            guard bytes.count == 36 else { return false }
            return bytes.indices.allSatisfy { index in
                [8, 13, 18, 23].contains(index) ? bytes[index] == UInt8(ascii: "-") : bytes[index].isHexDigit
            }
        case .dateTime:
            return DateTimeText.parseDateTime(text) != nil
        case .date:
            return DateTimeText.parseDate(text) != nil
        case .email:
            return Self.isEmail(bytes)
        case .uri:
            return Self.isAbsoluteURI(bytes)
        case .hex:
            return !bytes.isEmpty && bytes.allSatisfy(\.isHexDigit)
        case .base64:
            return Self.isBase64(bytes)
        }
    }

    /// `local@domain.tld`: one `@`, no spaces or control characters, a dotted domain without empty labels.
    private static func isEmail(_ bytes: [UInt8]) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, bytes.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return false }
        let labels = parts[1].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// RFC 3986 `scheme ":" hier-part …` with only URI characters and well-formed `%XX` escapes.
    private static func isAbsoluteURI(_ bytes: [UInt8]) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count,
            bytes[0].isASCIILetter,
            bytes[1..<colon].allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || "+-.".utf8.contains($0) })
        else { return false }
        let allowed = Set("-._~:/?#[]@!$&'()*+,;=%".utf8)
        var index = colon + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit else {
                    return false
                }
                index += 3
                continue
            }
            guard byte.isASCIILetter || byte.isASCIIDigit || allowed.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    /// Standard alphabet, length a multiple of 4, at most two `=` and only at the end.
    private static func isBase64(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return false }
        let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        guard padding <= 2 else { return false }
        return bytes.dropLast(padding).allSatisfy {
            $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/")
        }
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool { isASCIIDigit || (self | 0x20 >= 97 && self | 0x20 <= 102) }
    fileprivate var isASCIIDigit: Bool { self >= 48 && self <= 57 }
    fileprivate var isASCIILetter: Bool { self | 0x20 >= 97 && self | 0x20 <= 122 }
}

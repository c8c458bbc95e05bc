extension Profile {
    /// The query string a `GET` profile sends for `body`: each top-level string, number and Boolean member
    /// as `name=value` in body order, form-encoded (`%20` for a space); nested objects, arrays and `null`
    /// are left out, as Ironclad Clickwrap's GET hooks leave out `custom_data`.
    public static func queryString(for body: JSONValue) -> String {
        guard let object = body.objectValue else { return "" }
        var items: [String] = []
        for member in object {
            let text: String
            switch member.value {
            case .string(let string): text = string
            case .number(let number): text = number
            case .bool(let flag): text = flag ? "true" : "false"
            case .null, .array, .object: continue
            }
            items.append(percentEncoded(member.key) + "=" + percentEncoded(text))
        }
        return items.joined(separator: "&")
    }

    /// The envelope a `GET` delivery carries: an object of the query's variables as strings, in order (the
    /// first of repeated names wins). `+` reads as a space; a malformed `%` escape is kept as written.
    public static func envelope(fromQuery query: String) -> JSONValue {
        var object = JSONObject()
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecoded(parts[0])
            guard object[name] == nil else { continue }
            object[name] = .string(parts.count > 1 ? percentDecoded(parts[1]) : "")
        }
        return .object(object)
    }

    /// The shape a delivered envelope of this case body must have (see ``Pattern/shape(of:)``): the body's own
    /// shape for POST profiles; for GET profiles the shape of what survives the query string (top-level
    /// scalars, all strings).
    public func shape(of body: JSONValue) -> Pattern {
        switch method {
        case .post: Pattern.shape(of: body)
        case .get: Pattern.shape(of: Self.envelope(fromQuery: Self.queryString(for: body)))
        }
    }

    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let isUnreserved =
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "~")
            if isUnreserved {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    private static func percentDecoded(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                result.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                result.append(value)
                index += 2
            } else {
                result.append(byte)
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}

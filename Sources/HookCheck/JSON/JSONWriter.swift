/// Writes ``JSONValue``s as RFC 8259 text. Numbers are written with their exact source text and
/// object members in their stored order (except in ``reformatted(_:)``).
public enum JSONWriter {
    /// The value with no whitespace: `{"a":[1,2]}`.
    ///
    /// - Parameter value: The value to write.
    /// - Returns: The JSON text.
    public static func compact(_ value: JSONValue) -> String {
        var output = Output(style: .compact)
        output.write(value, depth: 0)
        return output.text
    }

    /// The value with one member or element per line, indented by `indent` spaces per level.
    /// Empty containers stay `{}` and `[]`.
    ///
    /// - Parameters:
    ///   - value: The value to write.
    ///   - indent: Spaces per nesting level (default 2).
    /// - Returns: The JSON text, without a trailing newline.
    public static func pretty(_ value: JSONValue, indent: Int = 2) -> String {
        var output = Output(style: .pretty(indent: max(0, indent)))
        output.write(value, depth: 0)
        return output.text
    }

    /// The same value as different bytes, for the reformatted-json probe: tab indentation with a
    /// space on both sides of `:`, key order reversed at every level, and every non-ASCII character
    /// and `/` escaped as `\uXXXX` (a surrogate pair above U+FFFF). The result is pure ASCII, parses
    /// to a value ``JSONValue/isEquivalent(to:)`` the input, and ends with a newline.
    ///
    /// - Parameter value: The value to write.
    /// - Returns: The JSON text.
    public static func reformatted(_ value: JSONValue) -> String {
        var output = Output(style: .reformatted)
        output.write(value, depth: 0)
        output.bytes.append(0x0A)
        return output.text
    }

    /// `string` as a JSON string literal with its quotes: `"`, `\` and control characters escaped
    /// (`\n`, `\t`, … or `\u001f`), everything else as is.
    ///
    /// - Parameter string: The string to quote.
    /// - Returns: The literal, e.g. `"a\"b"`.
    public static func quoted(_ string: String) -> String {
        var output = Output(style: .compact)
        output.writeString(string)
        return output.text
    }
}

/// The byte buffer the writer fills.
private struct Output {
    enum Style {
        case compact
        case pretty(indent: Int)
        case reformatted
    }

    let style: Style
    var bytes: [UInt8] = []

    init(style: Style) {
        self.style = style
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let string): writeString(string)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, depth: depth) { output, position in
                output.write(elements[position], depth: depth + 1)
            }
        case .object(let object):
            writeContainer(open: "{", close: "}", count: object.count, depth: depth) { output, position in
                let member: JSONObject.Member
                if case .reformatted = output.style {
                    member = object[object.count - 1 - position]
                } else {
                    member = object[position]
                }
                output.writeString(member.key)
                switch output.style {
                case .compact: output.bytes.append(UInt8(ascii: ":"))
                case .pretty: output.bytes.append(contentsOf: ": ".utf8)
                case .reformatted: output.bytes.append(contentsOf: " : ".utf8)
                }
                output.write(member.value, depth: depth + 1)
            }
        }
    }

    private mutating func writeContainer(
        open: Unicode.Scalar, close: Unicode.Scalar, count: Int, depth: Int,
        writeItem: (inout Output, Int) -> Void
    ) {
        bytes.append(UInt8(ascii: open))
        if count == 0 {
            if case .reformatted = style { bytes.append(UInt8(ascii: " ")) }
            bytes.append(UInt8(ascii: close))
            return
        }
        for position in 0..<count {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(depth: depth + 1)
            writeItem(&self, position)
        }
        newline(depth: depth)
        bytes.append(UInt8(ascii: close))
    }

    private mutating func newline(depth: Int) {
        switch style {
        case .compact:
            break
        case .pretty(let indent):
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * depth))
        case .reformatted:
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x09, count: depth))
        }
    }

    mutating func writeString(_ string: String) {
        let escapesNonASCII: Bool
        if case .reformatted = style { escapesNonASCII = true } else { escapesNonASCII = false }
        bytes.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x22: bytes.append(contentsOf: #"\""#.utf8)
            case 0x5C: bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x00..<0x20: writeUnicodeEscape(UInt16(scalar.value))
            case 0x2F where escapesNonASCII: writeUnicodeEscape(0x2F)
            case 0x80... where escapesNonASCII:
                for unit in String(scalar).utf16 { writeUnicodeEscape(unit) }
            default: bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `\u` and four hex digits: lowercase normally, uppercase in the reformatted style.
    private mutating func writeUnicodeEscape(_ unit: UInt16) {
        let digits: [UInt8]
        if case .reformatted = style {
            digits = Array("0123456789ABCDEF".utf8)
        } else {
            digits = Array("0123456789abcdef".utf8)
        }
        bytes.append(contentsOf: #"\u"#.utf8)
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(digits[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}

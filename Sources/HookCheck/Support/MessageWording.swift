// Small text helpers shared by the matcher and the suite loader's messages.

/// Phrases for messages: quoting, value summaries, counts and did-you-mean suggestions.
package enum MessageWording {
    /// `text` as a JSON string literal, shortened to about `limit` characters with `…`.
    static func quoted(_ text: String, limit: Int = 80) -> String {
        var result = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                result += "…"
                break
            }
            count += 1
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A short rendering of a value for "found …" in messages: strings quoted, numbers as written,
    /// containers summarised, and `nothing` for a missing value.
    static func summary(of value: JSONValue?) -> String {
        guard let value else { return "nothing" }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text.count > 40 ? String(text.prefix(40)) + "…" : text
        case .string(let text): return MessageWording.quoted(text)
        case .array(let elements):
            return elements.isEmpty
                ? "an empty array" : "an array of \(MessageWording.countText(elements.count, "element"))"
        case .object(let object):
            return object.isEmpty
                ? "an empty object" : "an object with \(MessageWording.countText(object.count, "member"))"
        }
    }

    /// `value` as compact JSON (for literals in "expected …"), shortened to about `limit` characters.
    static func compactText(of value: JSONValue, limit: Int = 80) -> String {
        var text = ""
        MessageWording.appendCompact(value, to: &text, limit: limit)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    private static func appendCompact(_ value: JSONValue, to text: inout String, limit: Int) {
        guard text.count <= limit else { return }
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += number
        case .string(let string): text += MessageWording.quoted(string, limit: limit)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                MessageWording.appendCompact(element, to: &text, limit: limit)
            }
            text += "]"
        case .object(let object):
            text += "{"
            for (index, member) in object.enumerated() {
                if index > 0 { text += "," }
                text += MessageWording.quoted(member.key, limit: limit) + ":"
                MessageWording.appendCompact(member.value, to: &text, limit: limit)
            }
            text += "}"
        }
    }

    /// `"1 element"`, `"3 elements"`.
    static func countText(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    /// The JSON type name with its article, for messages: `a string`, `an object`, `null`.
    static func articled(_ typeName: String) -> String {
        switch typeName {
        case "null": "null"
        case "object", "array", "integer": "an \(typeName)"
        default: "a \(typeName)"
        }
    }

    /// ` (did you mean "x"?)` or the empty string.
    package static func didYouMean(_ word: String, among candidates: some Collection<String>) -> String {
        Suggestion.closest(to: word, among: candidates).map { " (did you mean \(MessageWording.quoted($0))?)" }
            ?? ""
    }
}

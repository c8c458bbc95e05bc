/// Fresh delivery ids in the style of an example id, so that a case's own `match` (`^evt_[A-Za-z0-9]+$`,
/// `$format: uuid`, `^[0-9a-f]+$`) still holds for what `run` sends.
///
/// The example's leading `word_` prefix (`evt_`, `msg_`) and its punctuation stay; every other character
/// is replaced by a random one of its class: a decimal digit by a digit, a letter by a letter of the
/// same case, and, when every letter of the example is a hex digit (a UUID, a 24-digit hex id), by hex
/// digits only. A number becomes a number of as many digits.
public enum FreshID {
    /// A fresh id like `example`, drawn from `seed` (any text; a random UUID in `run`).
    public static func like(_ example: String, seed: String) -> String {
        var random = SplitMix(seed: seed)
        let characters = Array(example.unicodeScalars)
        var prefixLength = 0
        if let underscore = characters.firstIndex(of: "_"), underscore > 0,
            characters[..<underscore].allSatisfy({ $0.properties.isAlphabetic && $0.isASCII })
        {
            prefixLength = underscore + 1
        }
        let rest = characters[prefixLength...]
        guard rest.contains(where: isAlphanumeric) else { return seed }
        let letters = rest.filter { isLetter($0) }
        let isHex = !letters.isEmpty && letters.allSatisfy { "abcdefABCDEF".unicodeScalars.contains($0) }
        var text = String(String.UnicodeScalarView(characters[..<prefixLength]))
        for scalar in rest {
            let alphabet: String
            if isHex && isAlphanumeric(scalar) {
                alphabet = scalar.properties.isUppercase ? "0123456789ABCDEF" : "0123456789abcdef"
            } else if ("0"..."9").contains(scalar) {
                alphabet = "0123456789"
            } else if ("a"..."z").contains(scalar) {
                alphabet = "abcdefghijklmnopqrstuvwxyz"
            } else if ("A"..."Z").contains(scalar) {
                alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            } else {
                text.unicodeScalars.append(scalar)
                continue
            }
            let choices = Array(alphabet.unicodeScalars)
            text.unicodeScalars.append(choices[Int(random.next() % UInt64(choices.count))])
        }
        return text
    }

    /// A fresh id like `example`: a string as ``like(_:seed:)`` makes it, a number as a number of as many
    /// digits (no leading zero); anything else becomes `seed` as a string.
    public static func like(_ example: JSONValue, seed: String) -> JSONValue {
        switch example {
        case .string(let text):
            return .string(like(text, seed: seed))
        case .number(let text) where !text.isEmpty && text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }):
            var random = SplitMix(seed: seed)
            var digits = String(1 + random.next() % 9)
            for _ in 1..<text.utf8.count { digits += String(random.next() % 10) }
            return .number(digits)
        default:
            return .string(seed)
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || ("0"..."9").contains(scalar)
    }
}

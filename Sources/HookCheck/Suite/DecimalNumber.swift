/// A JSON number's exact value, for comparing numbers by value without going through `Double`
/// (`1.0` equals `1` and `1e0`; `12345678901234567891` is not rounded).
struct DecimalNumber: Hashable, Comparable {
    /// Whether the number is below zero (never set for zero).
    private(set) var isNegative: Bool
    /// Significant decimal digits (0–9), with no leading or trailing zeros; empty for zero.
    private(set) var digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    private(set) var exponent: Int

    /// Exponents are clamped to this magnitude, far beyond any meaningful number.
    private static let exponentLimit = 1 << 40

    /// Parses RFC 8259 number text; `nil` when `text` is not a JSON number.
    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        let integer = bytes.prefix { $0 >= 48 && $0 <= 57 }
        guard !integer.isEmpty, integer.count == 1 || integer.first != 48 else { return nil }
        bytes = bytes.dropFirst(integer.count)
        var fraction: ArraySlice<UInt8> = []
        if bytes.first == UInt8(ascii: ".") {
            fraction = bytes.dropFirst().prefix { $0 >= 48 && $0 <= 57 }
            guard !fraction.isEmpty else { return nil }
            bytes = bytes.dropFirst(1 + fraction.count)
        }
        var exponent = 0
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
                exponentNegative = bytes.first == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            let exponentDigits = bytes.prefix { $0 >= 48 && $0 <= 57 }
            guard !exponentDigits.isEmpty else { return nil }
            bytes = bytes.dropFirst(exponentDigits.count)
            for digit in exponentDigits {
                exponent = Swift.min(exponent * 10 + Int(digit - 48), Self.exponentLimit)
            }
            if exponentNegative { exponent = -exponent }
        }
        guard bytes.isEmpty else { return nil }
        var all = (integer + fraction).map { $0 - 48 }
        exponent -= fraction.count
        let leading = all.prefix { $0 == 0 }.count
        all.removeFirst(leading)
        while all.last == 0 {
            all.removeLast()
            exponent += 1
        }
        digits = all
        self.exponent = all.isEmpty ? 0 : exponent
        isNegative = negative && !all.isEmpty
    }

    /// Whether the value is a whole number.
    var isInteger: Bool { digits.isEmpty || exponent >= 0 }

    static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess = lessInMagnitude(lhs, rhs)
        let magnitudeGreater = lessInMagnitude(rhs, lhs)
        return lhs.isNegative ? magnitudeGreater : magnitudeLess
    }

    private static func lessInMagnitude(_ lhs: DecimalNumber, _ rhs: DecimalNumber) -> Bool {
        if lhs.digits.isEmpty || rhs.digits.isEmpty { return lhs.digits.isEmpty && !rhs.digits.isEmpty }
        // Position of the most significant digit.
        let lhsOrder = lhs.digits.count + lhs.exponent
        let rhsOrder = rhs.digits.count + rhs.exponent
        if lhsOrder != rhsOrder { return lhsOrder < rhsOrder }
        for index in 0..<Swift.max(lhs.digits.count, rhs.digits.count) {
            let left = index < lhs.digits.count ? lhs.digits[index] : 0
            let right = index < rhs.digits.count ? rhs.digits[index] : 0
            if left != right { return left < right }
        }
        return false
    }
}

extension JSONValue {
    /// Deep equality as JSON means it: numbers by value, object members regardless of order.
    func isSameValue(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let lhs), .bool(let rhs)): return lhs == rhs
        case (.string(let lhs), .string(let rhs)): return lhs == rhs
        case (.number(let lhs), .number(let rhs)):
            guard let left = DecimalNumber(lhs), let right = DecimalNumber(rhs) else { return lhs == rhs }
            return left == right
        case (.array(let lhs), .array(let rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isSameValue(as: $1) }
        case (.object(let lhs), .object(let rhs)):
            guard lhs.count == rhs.count else { return false }
            return lhs.allSatisfy { member in rhs[member.key].map { member.value.isSameValue(as: $0) } ?? false }
        default: return false
        }
    }
}

extension DecimalNumber: CustomStringConvertible {
    /// The number in plain decimal notation (scientific past 21 digits), for messages.
    var description: String {
        guard !digits.isEmpty else { return "0" }
        let sign = isNegative ? "-" : ""
        let text = digits.map { String($0) }.joined()
        if exponent >= 0 {
            guard digits.count + exponent <= 21 else { return sign + text + "e" + String(exponent) }
            return sign + text + String(repeating: "0", count: exponent)
        }
        let point = digits.count + exponent
        if point > 0 {
            return sign + String(text.prefix(point)) + "." + String(text.dropFirst(point))
        }
        guard point > -6 else { return sign + text + "e" + String(exponent) }
        return sign + "0." + String(repeating: "0", count: -point) + text
    }

    /// Whether this number divided by `divisor` is a whole number, computed exactly in decimal.
    func isMultiple(of divisor: DecimalNumber) -> Bool {
        if digits.isEmpty { return true }
        if divisor.digits.isEmpty { return false }
        guard divisor.digits.count <= 18 else {
            let quotient = (Double(description) ?? 0) / (Double(divisor.description) ?? 1)
            return quotient.isFinite && quotient == quotient.rounded()
        }
        // value = X·10^a, divisor = M·10^b; X has no trailing zeros, so 10^(a-b) must be whole.
        let shift = exponent - divisor.exponent
        guard shift >= 0 else { return false }
        let modulus = divisor.digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
        let remainder = digits.reduce(UInt64(0)) { ($0 * 10 + UInt64($1)) % modulus }
        return Self.multiply(remainder, Self.power(10, shift, modulus), modulus) == 0
    }

    private static func multiply(_ lhs: UInt64, _ rhs: UInt64, _ modulus: UInt64) -> UInt64 {
        let product = lhs.multipliedFullWidth(by: rhs)
        return modulus.dividingFullWidth((product.high, product.low)).remainder
    }

    private static func power(_ base: UInt64, _ exponent: Int, _ modulus: UInt64) -> UInt64 {
        var result: UInt64 = 1 % modulus
        var base = base % modulus
        var exponent = exponent
        while exponent > 0 {
            if exponent & 1 == 1 { result = multiply(result, base, modulus) }
            base = multiply(base, base, modulus)
            exponent >>= 1
        }
        return result
    }
}

import Foundation
import HookCheck

/// The result of parsing one command's arguments against its option and argument declarations:
/// option values by name (defaults applied), flags, and positional values by argument name.
/// Typed accessors turn values into numbers and throw ``CLIError/invalidValue(synopsis:value:expected:)``.
public struct ParsedArguments: Sendable, Equatable {
    /// The declarations the arguments were parsed against.
    public let options: [OptionSpec]
    /// Every value given per option name, in order (defaults not included).
    public private(set) var givenValues: [String: [String]]
    /// The flags that were given.
    public private(set) var flags: Set<String>
    /// Positional values in order.
    public private(set) var positionals: [String]
    /// Whether `--help` or `-h` was given.
    public internal(set) var isHelpRequested: Bool

    init(options: [OptionSpec]) {
        self.options = options
        givenValues = [:]
        flags = []
        positionals = []
        isHelpRequested = false
    }

    mutating func append(_ value: String, for name: String) {
        givenValues[name, default: []].append(value)
    }

    mutating func setFlag(_ name: String) {
        flags.insert(name)
    }

    mutating func appendPositional(_ value: String) {
        positionals.append(value)
    }

    // MARK: - Accessors

    /// The value of option `name`: the last one given, else its default, else `nil`.
    public func value(_ name: String) -> String? {
        givenValues[name]?.last ?? spec(name)?.defaultValue
    }

    /// Every value given for option `name` (a repeatable option), or its default as one value.
    public func values(_ name: String) -> [String] {
        if let given = givenValues[name] { return given }
        return spec(name)?.defaultValue.map { [$0] } ?? []
    }

    /// Whether option `name` was given on the command line (not just defaulted).
    public func isGiven(_ name: String) -> Bool {
        givenValues[name] != nil || flags.contains(name)
    }

    /// Whether flag `name` was given.
    public func flag(_ name: String) -> Bool {
        flags.contains(name)
    }

    /// The value of option `name` as an integer within `range`, or `nil` when absent.
    /// - Throws: ``CLIError/invalidValue(synopsis:value:expected:)`` when it is not one.
    public func integer(_ name: String, in range: ClosedRange<Int>? = nil) throws(CLIError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.map({ $0.contains(number) }) ?? true else {
            let expected =
                switch range {
                case .none: "an integer"
                case .some(let range) where range.upperBound == Int.max: "an integer of at least \(range.lowerBound)"
                case .some(let range): "an integer from \(range.lowerBound) to \(range.upperBound)"
                }
            throw .invalidValue(synopsis: synopsis(name), value: text, expected: expected)
        }
        return number
    }

    /// The value of option `name` as a finite number of at least `minimum` (seconds, say), or
    /// `nil` when absent.
    /// - Throws: ``CLIError/invalidValue(synopsis:value:expected:)`` when it is not one.
    public func number(_ name: String, minimum: Double? = nil) throws(CLIError) -> Double? {
        guard let text = value(name) else { return nil }
        let isPlainDecimal = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
        guard isPlainDecimal, let number = Double(text), number.isFinite,
            minimum.map({ number >= $0 }) ?? true
        else {
            let expected = minimum.map { "a number of at least \(Self.format($0))" } ?? "a number"
            throw .invalidValue(synopsis: synopsis(name), value: text, expected: expected)
        }
        return number
    }

    /// The positional values as paths or names, in order.
    public var arguments: [String] { positionals }

    private func spec(_ name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    private func synopsis(_ name: String) -> String {
        spec(name)?.synopsis ?? "--\(name)"
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

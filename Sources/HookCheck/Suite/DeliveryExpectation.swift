/// How the receiver must answer: which statuses accept, which reject, and how fast.
///
/// In a suite: `"expect": {"accept": "2xx", "reject": ["400", "401", "403"], "within": 10}`. A status rule is
/// a status (`"401"` or `401`), a class (`"4xx"`) or a list of them. A case's `expect` is merged key by key
/// over the suite's, which is merged over the defaults.
public struct DeliveryExpectation: Sendable, Hashable {
    /// The statuses that count as accepting a delivery (default `2xx`).
    public var accept: StatusRule
    /// The statuses that count as rejecting a delivery (default `4xx`).
    public var reject: StatusRule
    /// The most seconds a response may take (default 10).
    public var within: Double
    /// What an accepting answer to the case's own event must contain beyond its status (headers, body), or
    /// `nil` for nothing more. Judged on `valid`, `reformatted-json` and both `replay` answers.
    public var response: ResponseRule?

    /// Creates an expectation; the defaults are those of docs/architecture.md "Probes".
    public init(
        accept: StatusRule = .success, reject: StatusRule = .clientError, within: Double = 10,
        response: ResponseRule? = nil
    ) {
        self.accept = accept
        self.reject = reject
        self.within = within
        self.response = response
    }

    /// `accept 2xx`, `reject 4xx`, within 10 seconds.
    public static let standard = DeliveryExpectation()
}

/// A set of HTTP statuses: exact codes and classes such as `4xx`.
public struct StatusRule: Sendable, Hashable, CustomStringConvertible {
    /// One entry of a rule.
    public enum Entry: Sendable, Hashable, CustomStringConvertible {
        /// Exactly this status, e.g. 401.
        case status(Int)
        /// Every status of the class whose first digit is this (4 for `4xx`).
        case statusClass(Int)

        /// `401` or `4xx`.
        public var description: String {
            switch self {
            case .status(let code): String(code)
            case .statusClass(let digit): "\(digit)xx"
            }
        }

        /// Parses `"401"`, `"4xx"` (either case of `x`); `nil` for anything else or a status outside 100–599.
        public init?(_ text: String) {
            let bytes = Array(text.utf8)
            guard bytes.count == 3, let first = bytes.first, first >= 49, first <= 53 else { return nil }
            let digit = Int(first - 48)
            if bytes[1] | 0x20 == UInt8(ascii: "x"), bytes[2] | 0x20 == UInt8(ascii: "x") {
                self = .statusClass(digit)
            } else if let code = Int(text), (100...599).contains(code) {
                self = .status(code)
            } else {
                return nil
            }
        }
    }

    /// The entries, in the order written.
    public var entries: [Entry]

    /// Creates a rule.
    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// `2xx`.
    public static let success = StatusRule([.statusClass(2)])
    /// `4xx`.
    public static let clientError = StatusRule([.statusClass(4)])

    /// Whether `status` is in the rule.
    public func contains(_ status: Int) -> Bool {
        entries.contains { entry in
            switch entry {
            case .status(let code): code == status
            case .statusClass(let digit): status / 100 == digit && (100...599).contains(status)
            }
        }
    }

    /// `2xx` or `400, 401 or 403`.
    public var description: String {
        let texts = entries.map(\.description)
        guard let last = texts.last else { return "no status" }
        return texts.count == 1 ? last : texts.dropLast().joined(separator: ", ") + " or " + last
    }
}

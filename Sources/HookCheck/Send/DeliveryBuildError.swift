/// Why a probe's delivery could not be built. Messages never contain the secret. A struct with a ``code``,
/// so new reasons can be added without breaking a caller's `switch`.
public struct DeliveryBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The probe does not apply to the profile; the reason says why (a skip, not a failure).
        public static let notApplicable = Code("notApplicable")
        /// The scheme could not sign the delivery (an unusable secret, a missing value).
        public static let cannotSign = Code("cannotSign")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// For ``Code/notApplicable``: the probe.
    public var probe: ProbeKind?
    /// For ``Code/notApplicable``: why it does not apply.
    public var reason: String?
    /// For ``Code/cannotSign``: the profile's name.
    public var profile: String?
    /// For ``Code/cannotSign``: the scheme's error.
    public var signatureError: SignatureError?

    private init(
        code: Code, probe: ProbeKind? = nil, reason: String? = nil, profile: String? = nil,
        signatureError: SignatureError? = nil
    ) {
        self.code = code
        self.probe = probe
        self.reason = reason
        self.profile = profile
        self.signatureError = signatureError
    }

    /// `probe` does not apply to the profile, for `reason`.
    public static func notApplicable(_ probe: ProbeKind, reason: String) -> Self {
        Self(code: .notApplicable, probe: probe, reason: reason)
    }

    /// The scheme of `profile` could not sign the delivery.
    public static func cannotSign(profile: String, _ error: SignatureError) -> Self {
        Self(code: .cannotSign, profile: profile, signatureError: error)
    }

    public var description: String {
        if let probe { return "probe \(probe) does not apply: \(reason ?? "")" }
        return "cannot sign a \(profile ?? "") delivery: \(signatureError.map(\.description) ?? "")"
    }
}

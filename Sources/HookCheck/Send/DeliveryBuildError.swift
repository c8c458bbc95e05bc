/// Why a probe's delivery could not be built. Messages never contain the secret.
public enum DeliveryBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The probe does not apply to the profile; the reason says why (a skip, not a failure).
    case notApplicable(ProbeKind, reason: String)
    /// The scheme could not sign the delivery (an unusable secret, a missing value).
    case cannotSign(profile: String, SignatureError)

    public var description: String {
        switch self {
        case .notApplicable(let probe, let reason): "probe \(probe) does not apply: \(reason)"
        case .cannotSign(let profile, let error): "cannot sign a \(profile) delivery: \(error)"
        }
    }
}

/// Where each suite's secret is found, the one precedence `run`, `check`, `listen` and ``Harness`` share:
/// an explicitly named variable (`--secret-env NAME`), else the suite's own `{"env": NAME}` or inline
/// value, else `HOOKCHECK_SECRET`. A profile without authentication needs none.
public struct SecretLookup: Sendable, Hashable {
    /// The variable read when neither the caller nor the suite names one.
    public static let defaultVariable = "HOOKCHECK_SECRET"

    /// Where one suite's secret comes from.
    public enum Source: Sendable, Hashable {
        /// The profile has no authentication: the secret is empty.
        case notNeeded
        /// The suite's inline value.
        case inline(SecretSource.Secret)
        /// The environment variable with this name.
        case variable(String)
    }

    /// The variable that overrides every suite's own source, or `nil`.
    public var variable: String?

    /// Creates a lookup; `variable` overrides what each suite names.
    public init(variable: String? = nil) {
        self.variable = variable
    }

    /// Where `suite`'s secret comes from.
    public func source(for suite: Suite) -> Source {
        if case .none = suite.profile.scheme { return .notNeeded }
        if let variable { return .variable(variable) }
        switch suite.secret {
        case .inline(let secret): return .inline(secret)
        case .environment(let name): return .variable(name)
        case nil: return .variable(Self.defaultVariable)
        }
    }

    /// `suite`'s secret from `secrets` (by variable name).
    /// - Throws: ``HarnessError/missingSecret(variable:suite:)`` when the variable is absent or empty.
    public func secret(for suite: Suite, in secrets: [String: String]) throws(HarnessError) -> String {
        switch source(for: suite) {
        case .notNeeded: return ""
        case .inline(let secret): return secret.value
        case .variable(let name):
            guard let value = secrets[name], !value.isEmpty else {
                throw .missingSecret(variable: name, suite: suite.name)
            }
            return value
        }
    }

    /// A fresh random secret usable as `profile`'s key, for the built-in receiver when no secret is set:
    /// `whsec_` + base64 for Standard Webhooks, Stripe and `whsec` keys, plain base64 otherwise.
    public static func randomSecret(for profile: Profile) -> String {
        var generator = SystemRandomNumberGenerator()
        let key = Base64.encode((0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) })
        switch profile.scheme {
        case .standardWebhooks, .stripe: return "whsec_" + key
        case .hmac(let scheme) where scheme.key == .whsec: return "whsec_" + key
        default: return key
        }
    }
}

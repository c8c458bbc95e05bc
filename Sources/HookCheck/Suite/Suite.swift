import Foundation
import HookHTTP

/// A loaded, valid suite: what to send (or expect to capture), to which receiver, judged how.
///
/// Load one with ``load(from:)`` or, for diagnostics without throwing, ``SuiteLoader``.
public struct Suite: Sendable, Hashable {
    /// The suite's name (`"suite"`).
    public var name: String
    /// The file it was loaded from, when it came from a file.
    public var file: URL?
    /// The provider profile, built-in or inline.
    public var profile: Profile
    /// Where the signing secret comes from (`nil`: not said; commands fall back to `HOOKCHECK_SECRET`).
    public var secret: SecretSource?
    /// The receiver to send to (`run`'s default; `--target` overrides).
    public var target: URL?
    /// How the receiver must answer, before each case's own `expect` is merged in.
    public var expect: DeliveryExpectation
    /// The probes to run: the suite's list, or every probe the profile supports.
    public var probes: [ProbeKind]
    /// The cases, in file order (at least one).
    public var cases: [SuiteCase]
    /// The retry behaviour `check` expects: the suite's `retries`, else the profile's, else
    /// ``RetryExpectation/atLeastOnce``: a delivery answered with a failure must be retried, as
    /// at-least-once delivery promises, unless the suite says `"retries": {"expect": false}`.
    public var retries: RetryExpectation
    /// Whether `check` fails (rather than warns about) event types the profile does not list.
    public var isStrict: Bool
    /// The warnings found while loading.
    public var warnings: [Diagnostic]

    /// Creates a suite.
    public init(
        name: String, file: URL? = nil, profile: Profile, secret: SecretSource? = nil, target: URL? = nil,
        expect: DeliveryExpectation = .standard, probes: [ProbeKind]? = nil, cases: [SuiteCase],
        retries: RetryExpectation? = nil, isStrict: Bool = false, warnings: [Diagnostic] = []
    ) {
        self.name = name
        self.file = file
        self.profile = profile
        self.secret = secret
        self.target = target
        self.expect = expect
        self.probes = probes ?? profile.supportedProbes
        self.cases = cases
        self.retries = retries ?? profile.retries ?? .atLeastOnce
        self.isStrict = isStrict
        self.warnings = warnings
    }

    /// Loads and validates a suite file.
    /// - Parameter url: a file URL.
    /// - Returns: the suite; its warnings are in ``warnings``.
    /// - Throws: ``SuiteLoadError`` with every diagnostic when the file cannot be read or has errors.
    public static func load(from url: URL) throws(SuiteLoadError) -> Suite {
        let (suite, diagnostics) = SuiteLoader.load(path: url.path)
        guard let suite else { throw SuiteLoadError(diagnostics: diagnostics) }
        return suite
    }
}

@testable import HookCheck

/// The two ways SHA-256 and SHA-1 blocks are compressed: the CPU's SHA instructions (where it has them;
/// elsewhere this runs the portable code too) and the portable Swift code, forced. Vector tests run on both.
enum SHA256Path: String, CaseIterable, CustomStringConvertible, Sendable {
    case hardware, portable

    var description: String { rawValue }

    /// Runs `body` with every SHA-256 and SHA-1 hasher it creates (HMAC keys and one-shot hashes too) on
    /// this path.
    func run<T>(_ body: () throws -> T) rethrows -> T {
        try SHA256.$forcesPortable.withValue(self == .portable, operation: body)
    }

    /// Whether hashers created on this path compress on the CPU's instructions.
    var usesHardware: Bool { run { SHA256().usesHardware } }
}

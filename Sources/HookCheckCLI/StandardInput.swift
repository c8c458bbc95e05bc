import HookCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command reads its input bytes from (`sign` and `verify` read the body): the process's
/// stdin, or fixed bytes in tests.
public struct StandardInput: Sendable {
    private let source: Source

    private enum Source: Sendable {
        case descriptor(Int32)
        case bytes([UInt8])
    }

    /// The largest input read, 64 MiB: a webhook body is far smaller.
    public static let defaultLimit = 64 << 20

    /// The process's stdin.
    public static let process = StandardInput(source: .descriptor(0))

    /// Fixed bytes (for tests and in-process use).
    public static func bytes(_ bytes: [UInt8]) -> StandardInput {
        StandardInput(source: .bytes(bytes))
    }

    /// Fixed text, as UTF-8.
    public static func text(_ text: String) -> StandardInput {
        StandardInput(source: .bytes(Array(text.utf8)))
    }

    /// Whether the input is an interactive terminal (a command may say it is waiting for input).
    public var isTerminal: Bool {
        if case .descriptor(let descriptor) = source { return isatty(descriptor) == 1 }
        return false
    }

    /// Reads every byte until end of input, exactly as received.
    /// - Throws: ``CommandFailure`` when reading fails or the input exceeds `limit` bytes.
    public func readAll(limit: Int = defaultLimit) throws(CommandFailure) -> [UInt8] {
        switch source {
        case .bytes(let bytes):
            guard bytes.count <= limit else { throw Self.tooLarge(limit) }
            return bytes
        case .descriptor(let descriptor):
            var result: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = chunk.withUnsafeMutableBytes { buffer in
                    read(descriptor, buffer.baseAddress, buffer.count)
                }
                if count == 0 { return result }
                if count < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    throw .environment("cannot read standard input: \(reason)")
                }
                guard result.count + count <= limit else { throw Self.tooLarge(limit) }
                result.append(contentsOf: chunk[0..<count])
            }
        }
    }

    private static func tooLarge(_ limit: Int) -> CommandFailure {
        .invalidInput("standard input is larger than \(limit / (1 << 20)) MiB")
    }
}

import Foundation
import HookCheck
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Somewhere text goes: the process's stdout or stderr, or a buffer in tests. Thread-safe.
public protocol TextOutput: Sendable {
    /// Writes `text` as UTF-8, unbuffered.
    func write(_ text: String)
    /// Whether the output is a terminal (colour and live progress are used only then).
    var isTerminal: Bool { get }
}

/// An output that writes to a file descriptor with `write(2)`: `1` for stdout, `2` for stderr.
/// Each call writes its whole text (retrying on `EINTR` and short writes); a closed pipe ends the
/// write silently.
public struct FileDescriptorOutput: TextOutput {
    /// The file descriptor written to.
    public let descriptor: Int32

    /// The process's standard output.
    public static let standardOutput = FileDescriptorOutput(descriptor: 1)
    /// The process's standard error.
    public static let standardError = FileDescriptorOutput(descriptor: 2)

    /// Creates an output over `descriptor`.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public var isTerminal: Bool { isatty(descriptor) == 1 }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while offset < buffer.count {
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                #else
                    let written = Darwin.write(descriptor, base + offset, buffer.count - offset)
                #endif
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

/// An output that keeps everything written, for tests and for commands run in-process.
public final class CapturedOutput: TextOutput, Sendable {
    private let buffer = Mutex("")

    /// Whether this output claims to be a terminal (to test colour and live progress).
    public let isTerminal: Bool

    /// Creates an empty captured output.
    public init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    public func write(_ text: String) {
        buffer.withLock { $0 += text }
    }

    /// Everything written so far.
    public var text: String {
        buffer.withLock { $0 }
    }
}

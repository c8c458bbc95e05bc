import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A raw TCP client for tests: sends bytes exactly as given (malformed on purpose) and reads what comes
/// back, on a dedicated thread, with plain POSIX sockets (not the HookHTTP code under test).
public struct RawPeer: Sendable {
    /// The IPv4 address to connect to.
    public let host: String
    /// The port to connect to.
    public let port: Int

    /// A peer for `host` (default loopback) and `port`.
    public init(host: String = "127.0.0.1", port: Int) {
        self.host = host
        self.port = port
    }

    /// Connects, sends each chunk (pausing `pause` between them), half-closes or closes when asked, and
    /// returns everything received until the server closes or `timeout` passes. When the server stops
    /// reading (it answered early and closed), sending stops and what it answered is still returned.
    /// - Throws: ``RawPeerError`` when the connection cannot be made.
    public func exchange(
        _ chunks: [[UInt8]], pause: Duration = .zero, halfClose: Bool = false, closeAfterSend: Bool = false,
        timeout: Duration = .seconds(5)
    ) async throws(RawPeerError) -> [UInt8] {
        let (host, port) = (host, port)
        let result: Result<[UInt8], RawPeerError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    returning: Self.run(host, port, chunks, pause, halfClose, closeAfterSend, timeout))
            }
        }
        return try result.get()
    }

    /// Opens a connection to `127.0.0.1:port` and returns its descriptor (or -1); the caller closes it.
    public static func connect(host: String = "127.0.0.1", port: Int) -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            return -1
        }
        return fd
    }

    private static func run(
        _ host: String, _ port: Int, _ chunks: [[UInt8]], _ pause: Duration, _ halfClose: Bool,
        _ closeAfterSend: Bool, _ timeout: Duration
    ) -> Result<[UInt8], RawPeerError> {
        let fd = connect(host: host, port: port)
        guard fd >= 0 else { return .failure(RawPeerError(host: host, port: port, errno: errno)) }
        defer { close(fd) }
        let (seconds, attoseconds) = timeout.components
        var limit = timeval(tv_sec: Int(seconds), tv_usec: .init(attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        for (index, chunk) in chunks.enumerated() {
            if index > 0 && pause > .zero { Thread.sleep(forTimeInterval: pause.inSeconds) }
            var offset = 0
            while offset < chunk.count {
                let written = chunk[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal) }
                if written <= 0 { return .success(closeAfterSend ? [] : readAll(fd)) }
                offset += written
            }
        }
        if closeAfterSend { return .success([]) }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        return .success(readAll(fd))
    }

    private static func readAll(_ fd: Int32) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return received
    }
}

/// The raw peer could not connect.
public struct RawPeerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address tried.
    public var host: String
    /// The port tried.
    public var port: Int
    /// The `errno` of the failed call.
    public var errno: Int32

    public var description: String { "cannot connect to \(host):\(port): \(String(cString: strerror(errno)))" }
}

extension Duration {
    /// The duration in seconds, fraction included.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

#if canImport(Glibc)
    private let systemConnect = Glibc.connect
    private let noSignal = Int32(MSG_NOSIGNAL)
#else
    private let systemConnect = Darwin.connect
    private let noSignal: Int32 = 0
#endif

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A raw TCP client for the listen tests: sends bytes exactly as given (malformed on purpose) and
/// reads what comes back, on a dedicated thread.
struct ListenRawPeer: Sendable {
    let port: Int

    /// Connects, sends each chunk (pausing `pause` between them), optionally half-closes, and returns
    /// everything received until the server closes or `timeout` passes.
    func exchange(
        _ chunks: [[UInt8]], pause: TimeInterval = 0, halfClose: Bool = false, timeout: TimeInterval = 15
    ) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.run(port, chunks, pause, halfClose, timeout))
            }
        }
    }

    /// Opens a connection and returns its descriptor (or -1); the caller closes it.
    static func connect(port: Int) -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            return -1
        }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private static func run(
        _ port: Int, _ chunks: [[UInt8]], _ pause: TimeInterval, _ halfClose: Bool, _ timeout: TimeInterval
    ) -> [UInt8] {
        let fd = connect(port: port)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var seconds = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        for (index, chunk) in chunks.enumerated() {
            if index > 0 && pause > 0 { Thread.sleep(forTimeInterval: pause) }
            var offset = 0
            while offset < chunk.count {
                let written = chunk[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal) }
                if written <= 0 { return readAll(fd) }
                offset += written
            }
        }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        return readAll(fd)
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

#if canImport(Glibc)
    private let systemConnect = Glibc.connect
    private let noSignal = Int32(MSG_NOSIGNAL)
#else
    private let systemConnect = Darwin.connect
    private let noSignal: Int32 = 0
#endif

extension [UInt8] {
    /// The status code of the first response in these bytes, or `nil` when there is none.
    var firstStatus: Int? {
        let text = String(decoding: prefix(32), as: UTF8.self)
        guard text.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(text.dropFirst(9).prefix(3))
    }

    /// The status codes of every response in these bytes, in order.
    var statuses: [Int] {
        String(decoding: self, as: UTF8.self).components(separatedBy: "HTTP/1.1 ").dropFirst().compactMap {
            Int($0.prefix(3))
        }
    }
}

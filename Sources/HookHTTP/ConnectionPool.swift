import Synchronization

/// Idle keep-alive connections by `host:port`, at most `capacity` per endpoint, most recently
/// used first. A connection that became readable while idle (the server closed it or sent
/// something unasked) or sat longer than `idleTimeout` is closed instead of reused.
final class ConnectionPool: Sendable {
    private struct Idle {
        let socket: Socket
        let expires: Deadline
    }

    private let idle = Mutex<[String: [Idle]]>([:])
    let capacity: Int
    let idleTimeout: Duration

    init(capacity: Int, idleTimeout: Duration) {
        self.capacity = capacity
        self.idleTimeout = idleTimeout
    }

    /// A live idle connection to `endpoint`, or `nil`.
    func take(_ endpoint: String) -> Socket? {
        while let entry = idle.withLock({ $0[endpoint]?.popLast() }) {
            if !entry.expires.hasPassed && !entry.socket.isReadable { return entry.socket }
            entry.socket.close()
        }
        return nil
    }

    /// Returns a connection for reuse, or closes it when the endpoint's share is full.
    func put(_ socket: Socket, for endpoint: String) {
        let kept = idle.withLock { idle in
            guard idle[endpoint, default: []].count < capacity else { return false }
            idle[endpoint, default: []].append(Idle(socket: socket, expires: .after(idleTimeout)))
            return true
        }
        if !kept { socket.close() }
    }

    /// Closes every idle connection.
    func closeAll() {
        let all = idle.withLock { idle in
            defer { idle = [:] }
            return idle.values.flatMap { $0 }
        }
        for entry in all { entry.socket.close() }
    }

    /// The number of idle connections held (for tests).
    var count: Int { idle.withLock { $0.values.reduce(0) { $0 + $1.count } } }
}

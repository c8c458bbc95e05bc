import Synchronization

/// Idle keep-alive connections by `host:port`, at most `capacity` per endpoint, most recently
/// used first. A connection that became readable while idle (the server closed it or sent
/// something unasked) or sat longer than `idleTimeout` is closed instead of reused.
final class ConnectionPool: Sendable {
    private struct Idle {
        let socket: Socket
        let expires: Deadline
    }

    /// One endpoint's idle connections, most recently used last.
    private struct Shelf {
        let endpoint: String
        var connections: [Idle]
    }

    /// A run talks to one endpoint or a few: a short list searched in place costs no hashing and no
    /// allocation per request, as a dictionary's in-place update would.
    private let idle = Mutex<[Shelf]>([])
    let capacity: Int
    let idleTimeout: Duration
    private let idleTimeoutNanoseconds: UInt64

    init(capacity: Int, idleTimeout: Duration) {
        self.capacity = capacity
        self.idleTimeout = idleTimeout
        idleTimeoutNanoseconds = Deadline.nanoseconds(of: idleTimeout)
    }

    /// A live idle connection to `endpoint`, or `nil`.
    func take(_ endpoint: String) -> Socket? {
        while let entry = idle.withLock({ shelves -> Idle? in
            guard let index = shelves.firstIndex(where: { $0.endpoint == endpoint }) else { return nil }
            return shelves[index].connections.popLast()
        }) {
            if !entry.expires.hasPassed && !entry.socket.isReadable { return entry.socket }
            entry.socket.close()
        }
        return nil
    }

    /// Returns a connection for reuse, or closes it when the endpoint's share is full.
    func put(_ socket: Socket, for endpoint: String) {
        let entry = Idle(socket: socket, expires: .after(nanoseconds: idleTimeoutNanoseconds))
        let kept = idle.withLock { shelves in
            guard let index = shelves.firstIndex(where: { $0.endpoint == endpoint }) else {
                guard capacity > 0 else { return false }
                shelves.append(Shelf(endpoint: endpoint, connections: [entry]))
                return true
            }
            guard shelves[index].connections.count < capacity else { return false }
            shelves[index].connections.append(entry)
            return true
        }
        if !kept { socket.close() }
    }

    /// Closes every idle connection.
    func closeAll() {
        let all = idle.withLock { shelves in
            defer { shelves = [] }
            return shelves.flatMap(\.connections)
        }
        for entry in all { entry.socket.close() }
    }

    /// The number of idle connections held (for tests).
    var count: Int { idle.withLock { $0.reduce(0) { $0 + $1.connections.count } } }
}

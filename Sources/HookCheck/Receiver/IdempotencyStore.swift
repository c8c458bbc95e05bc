/// The identities a route has seen, bounded: past `capacity` the oldest is forgotten first.
struct IdempotencyStore: Sendable {
    /// The most identities kept.
    let capacity: Int
    private var seen: Set<String> = []
    private var order: [String] = []
    private var head = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Records `identity`; returns `false` when it was already present (a duplicate).
    mutating func insert(_ identity: String) -> Bool {
        guard seen.insert(identity).inserted else { return false }
        if order.count < capacity {
            order.append(identity)
        } else {
            seen.remove(order[head])
            order[head] = identity
            head = (head + 1) % capacity
        }
        return true
    }

    /// Whether `identity` is remembered.
    func contains(_ identity: String) -> Bool {
        seen.contains(identity)
    }

    /// The number of identities remembered.
    var count: Int { seen.count }
}

/// One part of a deterministic split of a run's cases, as `--shard K/N` names it: shard `index`
/// (1-based) of `count`. Cases are dealt round-robin in suite order, so every case lands in exactly
/// one shard and the shards' sizes differ by at most one.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based shard number `K`.
    public let index: Int
    /// The number of shards `N`.
    public let count: Int

    /// The whole run as one shard.
    public static let all = Shard(uncheckedIndex: 1, count: 1)

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with `1 ≤ K ≤ N`.
    /// - Throws: ``ShardError`` naming the bad text.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError(text: text, reason: "expected K/N, e.g. 2/4")
        }
        guard count >= 1 else { throw ShardError(text: text, reason: "N must be at least 1") }
        guard (1...count).contains(index) else {
            throw ShardError(text: text, reason: "K must be between 1 and \(count)")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    /// Whether the case at `position` (0-based, counted over every case of the run in suite order)
    /// belongs to this shard.
    public func contains(position: Int) -> Bool {
        position % count == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}

/// A `--shard` value that is not `K/N` with `1 ≤ K ≤ N`.
public struct ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// What was expected.
    public let reason: String

    public var description: String { "invalid shard '\(text)': \(reason)" }
}

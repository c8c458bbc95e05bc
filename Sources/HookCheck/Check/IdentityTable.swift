/// The events (delivery identities) a suite has seen, kept small enough that checking a capture
/// file of any length needs little more memory than checking a short one.
///
/// Most events arrive once and are answered without a retry request; such an event needs only its
/// key, its content digest and its seq — 16 bytes in an open-addressing table. An event with a second
/// attempt or a retry-asking answer gets a full ``IdentityRecord`` (they are few unless the respond
/// plan fails every delivery).
struct IdentityTable: Sendable {
    /// One event seen once: its key (0 marks an empty slot), the low half of its content digest, and its seq.
    private struct Once: Sendable {
        var key: UInt64
        var content: UInt32
        var seq: Int32
    }

    private var slots: [Once]
    private var onceCount = 0
    /// The event whose key is 0, which cannot live in a slot.
    private var zeroKey: Once?
    private var detailed: [UInt64: IdentityRecord] = [:]

    init() {
        slots = Array(repeating: Once(key: 0, content: 0, seq: 0), count: 1024)
    }

    /// The events that needed a full record: every event with a retry-asking answer among them.
    var detailedRecords: Dictionary<UInt64, IdentityRecord>.Values { detailed.values }

    /// What is known of the event with `key`, or `nil` when it is new. An event seen once comes back
    /// as a record of one attempt in `slot`, answered without a retry request.
    func record(for key: UInt64, slot: Int) -> IdentityRecord? {
        if !detailed.isEmpty, let record = detailed[key] { return record }
        let found: Once?
        if key == 0 {
            found = zeroKey
        } else {
            let index = position(of: key)
            found = slots[index].key == 0 ? nil : slots[index]
        }
        guard let once = found else { return nil }
        return IdentityRecord(
            content: once.content, lastReceivedAt: 0, lastSeq: once.seq, attempts: 1, slot: Int32(slot), lastStatus: 0,
            hadFailure: false, isRetryJudged: false)
    }

    /// Stores what is known of the event with `key`.
    mutating func store(_ record: IdentityRecord, for key: UInt64) {
        let isPlain = record.attempts == 1 && !record.hadFailure && !record.isRetryJudged && !record.isAwaitingRetry
        guard isPlain, detailed[key] == nil else {
            // A detailed record takes precedence over a slot the event may still hold.
            detailed[key] = record
            return
        }
        let once = Once(key: key, content: record.content, seq: record.lastSeq)
        guard key != 0 else {
            zeroKey = once
            return
        }
        var index = position(of: key)
        if slots[index].key == 0 {
            if (onceCount + 1) * 5 > slots.count * 4 {
                grow()
                index = position(of: key)
            }
            onceCount += 1
        }
        slots[index] = once
    }

    /// The slot holding `key`, or the empty slot where it would go (linear probing).
    private func position(of key: UInt64) -> Int {
        let mask = slots.count - 1
        // Fibonacci hashing spreads keys whose low bits are alike.
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while slots[index].key != 0 && slots[index].key != key {
            index = (index + 1) & mask
        }
        return index
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Once(key: 0, content: 0, seq: 0), count: old.count * 2)
        for once in old where once.key != 0 {
            slots[position(of: once.key)] = once
        }
    }
}

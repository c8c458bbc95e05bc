import Testing

@testable import HookCheck

/// The compact event table: every stored event is found again across growth, keys that share
/// their low bits or are 0 do not mix, and full records take precedence over the compact slots.
@Suite struct IdentityTableTests {
    static func once(content: UInt32, seq: Int32, status: Int16 = 200) -> IdentityRecord {
        IdentityRecord(
            content: content, lastReceivedAt: 1, lastSeq: seq, attempts: 1, slot: 0, lastStatus: status,
            hadFailure: IdentityRecord.asksForRetry(Int(status)), isRetryJudged: false)
    }

    @Test func everyEventIsFoundAfterTheTableGrows() {
        var table = IdentityTable()
        // Keys alike in their low 32 bits (0 among them), keys alike in their high bits, and the largest key.
        let keys: [UInt64] = (0..<6_000).map { UInt64($0) << 32 } + (1..<6_000).map { UInt64($0) } + [.max]
        for (seq, key) in keys.enumerated() {
            #expect(table.record(for: key, slot: 0) == nil)
            table.store(Self.once(content: UInt32(seq & 0xFFFF), seq: Int32(seq)), for: key)
        }
        for (seq, key) in keys.enumerated() {
            let record = table.record(for: key, slot: 3)
            #expect(record?.lastSeq == Int32(seq))
            #expect(record?.content == UInt32(seq & 0xFFFF))
            #expect(record?.slot == 3)
        }
        #expect(table.detailedRecords.isEmpty)
    }

    @Test func retriedEventsKeepTheirFullRecord() {
        var table = IdentityTable()
        table.store(Self.once(content: 7, seq: 1), for: 42)
        #expect(table.record(for: 42, slot: 0)?.isAwaitingRetry == false)

        var retried = Self.once(content: 7, seq: 2, status: 500)
        retried.attempts = 2
        retried.lastReceivedAt = 5
        table.store(retried, for: 42)
        let record = table.record(for: 42, slot: 0)
        #expect(record?.attempts == 2 && record?.lastStatus == 500 && record?.lastReceivedAt == 5)
        #expect(table.detailedRecords.map(\.lastSeq) == [2])

        // A first attempt that asks for a retry is full from the start.
        table.store(Self.once(content: 9, seq: 3, status: 503), for: 43)
        #expect(table.record(for: 43, slot: 0)?.isAwaitingRetry == true)
        #expect(Set(table.detailedRecords.map(\.lastSeq)) == [2, 3])
    }
}

import Testing

@testable import HookCheck

/// The raw-bytes digest tells apart bodies that differ anywhere, in a full sixteen-byte block or in
/// the tail, and by length alone; the same bytes always give the same digest.
@Test(arguments: [0, 1, 15, 16, 17, 40, 1_024])
func contentDigestTellsBodiesApart(length: Int) {
    let body = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let digest = body.withUnsafeBytes(ContentDigest.digest(of:))
    #expect(body.withUnsafeBytes(ContentDigest.digest(of:)) == digest)
    var seen: Set<UInt64> = [digest]
    for index in body.indices {
        var changed = body
        changed[index] ^= 0x01
        seen.insert(changed.withUnsafeBytes(ContentDigest.digest(of:)))
    }
    #expect(seen.count == body.count + 1)
    let longer = body + [0]
    #expect(longer.withUnsafeBytes(ContentDigest.digest(of:)) != digest)
}

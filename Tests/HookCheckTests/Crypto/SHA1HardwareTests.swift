import Testing

@testable import HookCheck

/// SHA-1 on the CPU's instructions and on the portable code: detection matches SHA-256's (the same CPU
/// feature on x86-64), forcing the portable path covers SHA-1 hashers, and the two paths give the same
/// digests for every length and split around the block boundaries.
@Suite struct SHA1HardwareTests {
    @Test func detectionAgreesWithTheKernel() throws {
        let expected = try #require(SHA256HardwareTests.kernelSaysSHA256, "no CPU flags to compare with here")
        #if arch(x86_64)
            // SHA-NI brings the SHA-1 and the SHA-256 instructions together.
            #expect(SHA1.hardwareAvailable == expected)
        #endif
        #expect(SHA1().usesHardware == SHA1.hardwareAvailable)
    }

    @Test func forcingThePortablePathCoversSHA1() {
        SHA256.$forcesPortable.withValue(true) {
            #expect(!SHA1().usesHardware)
            #expect(!SHA1(portable: false).usesHardware)
        }
        #expect(!SHA1(portable: true).usesHardware)
    }

    @Test func bothPathsAgreeOnEveryLengthAndSplit() {
        let message: [UInt8] = (0..<1_200).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ $0 >> 3) }
        for length in Array(0...200) + [255, 256, 257, 1_023, 1_024, 1_025, 1_100, 1_200] {
            let part = Array(message.prefix(length))
            let portableDigest = SHA256Path.portable.run { SHA1.hash(part) }
            #expect(portableDigest == SHA256Path.hardware.run { SHA1.hash(part) }, "length \(length)")
            for split in [1, 63, 64, 65] where split < length {
                var hardware = SHA1()
                var start = 0
                while start < length {
                    let end = min(start + split, length)
                    hardware.update(part[start..<end])
                    start = end
                }
                #expect(hardware.finalize() == portableDigest, "length \(length), pieces of \(split)")
            }
        }
    }
}

import Foundation
import Testing

@testable import HookCheck

/// The CPU's SHA-256 instructions and the portable code: detection agrees with what the kernel says
/// the CPU has, the switch to the portable path holds for every hasher made under it, and the two paths
/// give the same digests for every length and split around the block boundaries.
@Suite struct SHA256HardwareTests {
    /// The CPU flag the kernel shows for SHA-256 instructions, when this is Linux on x86-64 or arm64.
    static var kernelSaysSHA256: Bool? {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
            guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
            let flagLine = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") || $0.hasPrefix("Features") }
            guard let flagLine else { return nil }
            let flags = Set(flagLine.split(separator: ":").last?.split(separator: " ") ?? [])
            #if arch(x86_64)
                return flags.contains("sha_ni")
            #else
                return flags.contains("sha2")
            #endif
        #else
            return nil
        #endif
    }

    @Test func detectionAgreesWithTheKernel() throws {
        let expected = try #require(Self.kernelSaysSHA256, "no CPU flags to compare with on this system")
        #expect(SHA256.hardwareAvailable == expected)
        #expect(SHA256().usesHardware == expected)
    }

    @Test func forcingThePortablePathCoversEveryHasherMadeUnderIt() {
        SHA256.$forcesPortable.withValue(true) {
            #expect(!SHA256().usesHardware)
            #expect(!SHA256(portable: false).usesHardware)
            #expect(!HMAC<SHA256>(key: Array("k".utf8)).usesHardware)
        }
        #expect(SHA256().usesHardware == SHA256.hardwareAvailable)
        #expect(HMAC<SHA256>(key: Array("k".utf8)).usesHardware == SHA256.hardwareAvailable)
        #expect(!SHA256(portable: true).usesHardware)
    }

    /// The path survives finalize (a reset), and copies keep it.
    @Test func thePathIsKeptAcrossResets() {
        var hasher = SHA256(portable: true)
        _ = hasher.finalize()
        #expect(!hasher.usesHardware)
        var mac = SHA256Path.portable.run { HMAC<SHA256>(key: Array("k".utf8)) }
        mac.update(Array("m".utf8))
        _ = mac.finalize()
        #expect(!mac.usesHardware)
    }

    @Test func bothPathsAgreeOnEveryLengthAndSplit() {
        let message: [UInt8] = (0..<1_200).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 5) }
        for length in Array(0...200) + [255, 256, 257, 1_023, 1_024, 1_025, 1_100, 1_200] {
            let part = Array(message.prefix(length))
            #expect(SHA256Path.portable.run { SHA256.hash(part) } == SHA256Path.hardware.run { SHA256.hash(part) })
            for split in [1, 63, 64, 65] where split < length {
                var portable = SHA256(portable: true)
                var hardware = SHA256()
                for hasher in [0, 1] {
                    var start = 0
                    while start < length {
                        let end = min(start + split, length)
                        if hasher == 0 {
                            portable.update(part[start..<end])
                        } else {
                            hardware.update(part[start..<end])
                        }
                        start = end
                    }
                }
                #expect(portable.finalize() == hardware.finalize(), "length \(length), pieces of \(split)")
            }
        }
    }
}

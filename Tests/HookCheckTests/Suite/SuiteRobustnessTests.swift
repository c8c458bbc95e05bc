import Testing

@testable import HookCheck

@Suite("Suite robustness")
struct SuiteRobustnessTests {
    static let seed = #"""
        {"suite": "s", "profile": {"extends": "slack", "timestamp": {"header": "X-T", "format": "unix"},
          "scheme": {"type": "hmac", "header": "X-S", "signed": "v0:{timestamp}:{body}", "tolerance": 60}},
         "secret": {"env": "S"}, "target": "http://127.0.0.1:1/h", "probes": ["valid", "replay"],
         "expect": {"accept": ["2xx", 409], "reject": "4xx", "within": 2}, "retries": {"min": 1, "max": 9},
         "cases": [{"name": "a", "body": {"type": "event_callback", "n": [1, 2.5e3, null]},
                    "match": {"n": {"$each": {"$type": ["number", "null"]}}, "type": {"$in": ["event_callback"]}},
                    "headers": {"X-A": "1"}, "expect": {"within": 1}, "count": 2}]}
        """#

    @Test func mutatedSuitesNeverTrapAndLoadOnlyWithoutErrors() {
        let original = Array(Self.seed.utf8)
        #expect(SuiteLoader.load(bytes: original, path: "seed.json").suite != nil)
        var random = SplitMix(state: 0x5EED)
        let alphabet = Array(#"{}[]":,0123456789-.eE$\ truefalsn"#.utf8) + [0x00, 0x0A, 0xC3, 0xFF]
        var loaded = 0
        for _ in 0..<600 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[index] = alphabet.randomElement(using: &random) ?? 0
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(alphabet.randomElement(using: &random) ?? 0, at: index)
                default: bytes = Array(bytes.prefix(index))
                }
                if bytes.isEmpty { break }
            }
            let (suite, diagnostics) = SuiteLoader.load(bytes: bytes, path: "m.json")
            #expect((suite == nil) == diagnostics.contains { $0.isError })
            #expect(diagnostics.allSatisfy { $0.description.hasPrefix("m.json") })
            if suite != nil { loaded += 1 }
        }
        #expect(loaded > 0)
    }
}

import HookHTTP
import Testing

@Suite struct HeaderNameComparisonTests {
    @Test(arguments: [
        ("Content-Type", "content-type", true), ("WEBHOOK-ID", "webhook-id", true), ("a", "a", true), ("", "", true),
        ("webhook-id", "webhook-ie", false), ("webhook-id", "webhook-i", false), ("x-a", "x-A ", false),
        // Only letters fold: "@" (0x40) and "`" (0x60) differ in the 0x20 bit but are not a case pair.
        ("a@b", "a`b", false), ("[", "{", false), ("ü", "Ü", false), ("é", "é", true),
    ])
    func asciiCaseInsensitive(lhs: String, rhs: String, equal: Bool) {
        #expect(lhs.caseInsensitiveEquals(rhs) == equal)
        #expect(rhs.caseInsensitiveEquals(lhs) == equal)
        #expect(HTTPHeaders([(lhs, "v")])[rhs] == (equal ? "v" : nil))
    }
}

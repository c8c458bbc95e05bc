import Testing

@testable import HookCheck
@testable import HookCheckCLI

struct SuggestionTests {
    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("sign", "sign", 0), ("sing", "sign", 1), ("prfile", "profile", 1),
        ("profiel", "profile", 1), ("kitten", "sitting", 3), ("ca", "abc", 3), ("verfy", "verify", 1),
    ])
    func editDistance(_ lhs: String, _ rhs: String, _ expected: Int) {
        #expect(EditDistance.between(lhs, rhs) == expected)
        #expect(EditDistance.between(rhs, lhs) == expected)
    }

    static let commands = ["run", "listen", "check", "serve", "validate", "sign", "verify", "profiles", "init"]

    @Test(arguments: [
        ("sing", "sign"), ("valdiate", "validate"), ("profile", "profiles"), ("lisen", "listen"), ("chek", "check"),
        ("Sign", "sign"), ("ver", "verify"), ("val", "validate"),
    ])
    func suggestsCloseCommand(_ typed: String, _ expected: String) {
        #expect(Suggestion.closest(to: typed, among: Self.commands) == expected)
    }

    @Test(arguments: ["deploy", "x", "", "s", "frobnicate"])
    func suggestsNothingForDistantNames(_ typed: String) {
        #expect(Suggestion.closest(to: typed, among: Self.commands) == nil)
    }

    @Test(arguments: ["r", "ve", "pr"])
    func suggestsNothingForPrefixesShorterThanThree(_ typed: String) {
        #expect(Suggestion.closest(to: typed, among: Self.commands) == nil)
    }

    @Test(arguments: [
        ("until_complete", ["until-complete", "timeout"], "until-complete"),
        ("DOCUMENT_COMPLETED", ["document.completed", "document.sent"], "document.completed"),
        ("message_viewed", ["message_played", "message_sent"], "message_played"),
        ("replya", ["replay", "valid"], "replay"),
    ])
    func sameRuleForSuitesAndCommandLine(_ typed: String, _ candidates: [String], _ expected: String) {
        #expect(Suggestion.closest(to: typed, among: candidates) == expected)
        #expect(MessageWording.didYouMean(typed, among: candidates) == " (did you mean \"\(expected)\"?)")
    }

    @Test func prefersSmallestDistance() {
        #expect(Suggestion.closest(to: "timeot", among: ["timestamp", "timeout"]) == "timeout")
    }
}

import Testing

@testable import HookCheck

@Test func versionIsSemantic() {
    #expect(HookCheck.version.split(separator: ".").count == 3)
}

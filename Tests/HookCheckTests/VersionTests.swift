@testable import HookCheck
import Testing

@Test func versionIsSemantic() {
    #expect(HookCheck.version.split(separator: ".").count == 3)
}

import HookHTTP
import Testing

@Test func versionIsSemantic() {
    #expect(HookHTTP.version.split(separator: ".").count == 3)
}

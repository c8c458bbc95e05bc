import HookHTTP
import Testing

@testable import HookCheck

/// The error structs keep their messages word for word and say what kind they are through `code`.
@Suite struct ErrorCodeTests {
    @Test func listenerErrors() {
        let capture = CaptureFileError.cannotOpen(path: "c.jsonl", reason: "Permission denied")
        #expect(ListenerError.captureFile(capture).code == .captureFile)
        #expect(
            ListenerError.captureFile(capture).description == "cannot open capture file 'c.jsonl': Permission denied")
        let busy = ListenerError.cannotListen(host: "127.0.0.1", port: 8080, reason: "Address already in use")
        #expect(busy.code == .cannotListen && busy.port == 8080)
        #expect(busy.description == "cannot listen on 127.0.0.1:8080: Address already in use")
        #expect(ListenerError.alreadyStarted.description == "the listener was already started")
        #expect(busy != ListenerError.alreadyStarted)
    }

    @Test func captureFileErrors() {
        #expect(
            CaptureFileError.readFailed(path: "a", reason: "EIO").description == "cannot read capture file 'a': EIO")
        #expect(CaptureFileError.writeFailed(path: "a", reason: "ENOSPC").code == .writeFailed)
        #expect(
            CaptureFileError.writeFailed(path: "a", reason: "ENOSPC").description
                == "cannot write capture file 'a': ENOSPC")
    }

    @Test func signatureAndDeliveryBuildErrors() {
        #expect(SignatureError.invalidSecret(reason: "empty").description == "invalid secret: empty")
        #expect(SignatureError.missingValue("id").description == "cannot sign: the scheme signs id, but none was given")
        #expect(SignatureError.missingValue("id").valueName == "id")
        #expect(
            SignatureError.invalidTemplate("{x", reason: "unclosed").description
                == "invalid signed-bytes template \"{x\": unclosed")
        let skip = DeliveryBuildError.notApplicable(.staleTimestamp, reason: "no timestamp")
        #expect(skip.code == .notApplicable && skip.probe == .staleTimestamp)
        #expect(skip.description == "probe stale-timestamp does not apply: no timestamp")
        let unsigned = DeliveryBuildError.cannotSign(profile: "github", .invalidSecret(reason: "empty"))
        #expect(unsigned.code == .cannotSign)
        #expect(unsigned.description == "cannot sign a github delivery: invalid secret: empty")
    }

    @Test func reportErrors() {
        #expect(
            ReportError.cannotCreateDirectory(path: "R", reason: "x").description
                == "cannot create report folder 'R': x")
        #expect(ReportError.cannotWrite(path: "r.md", reason: "x").description == "cannot write report 'r.md': x")
        #expect(
            ReportError.cannotAppendStepSummary(path: "s", reason: "x").description
                == "cannot append to GITHUB_STEP_SUMMARY file 's': x")
    }

    @Test func patternErrors() {
        let error = PatternError.invalidRegex("(", at: JSONPointer.root.appending("match"))
        #expect(error.code == .invalidRegex && !error.pointsAtKey)
        #expect(error.description == "/match: invalid regular expression \"(\"")
        #expect(PatternError.unknownMatcher("$nope", at: .root).pointsAtKey)
    }

    @Test func httpClientErrors() {
        #expect(
            HTTPClientError.connectionRefused(endpoint: "127.0.0.1:1").description
                == "connection refused by 127.0.0.1:1")
        let late = HTTPClientError.timedOut(phase: .response, endpoint: "127.0.0.1:1")
        #expect(late.code == .timedOut && late.phase == .response)
        #expect(late.description == "timed out waiting for 127.0.0.1:1 (response)")
        #expect(
            HTTPClientError.invalidURL("ftp://x", reason: "not http").description == "invalid URL 'ftp://x': not http")
        #expect(late != .timedOut(phase: .connect, endpoint: "127.0.0.1:1"))
    }
}

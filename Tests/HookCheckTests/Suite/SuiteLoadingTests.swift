import Foundation
import HookHTTP
import Testing

@testable import HookCheck

@Suite("Suite loading")
struct SuiteLoadingTests {
    static let cryptlex = """
        {
          "suite": "Cryptlex receiver",
          "profile": "cryptlex",
          "secret": {"env": "CRYPTLEX_WEBHOOK_SECRET"},
          "target": "http://127.0.0.1:3000/webhooks/cryptlex",
          "expect": {"accept": "2xx", "reject": ["400", 401, "403"], "within": 10},
          "probes": ["valid", "bad-signature", "missing-signature", "tampered-body",
                     "reformatted-json", "unknown-event", "replay"],
          "retries": {"expect": true, "min": 240, "max": 420, "attempts": 2},
          "cases": [
            {
              "name": "license created",
              "body": {"event": "license.created", "data": {"key": "D08B53-C564F8", "id": "7c1e"},
                       "triggeredAt": "2018-04-20T13:11:34.6926949Z"},
              "match": {"data": {"key": {"$regex": "^[0-9A-F-]+$"}}}
            },
            {
              "name": "license expired",
              "body": {"event": "license.expired", "data": {}, "triggeredAt": "2018-04-20T13:11:34.6926949Z"},
              "headers": {"X-Trace": "1", "x-other": "2"},
              "expect": {"within": 2, "reject": "4xx"},
              "count": 3
            }
          ]
        }
        """

    @Test func aCompleteSuiteLoadsEveryField() throws {
        let (suite, diagnostics) = SuiteFixtures.load(Self.cryptlex)
        #expect(diagnostics == [])
        let loaded = try #require(suite)
        #expect(loaded.name == "Cryptlex receiver")
        #expect(loaded.file?.lastPathComponent == "t.json")
        #expect(loaded.profile == Profile.named("cryptlex"))
        #expect(loaded.secret == .environment("CRYPTLEX_WEBHOOK_SECRET"))
        #expect(loaded.target?.absoluteString == "http://127.0.0.1:3000/webhooks/cryptlex")
        #expect(
            loaded.expect
                == DeliveryExpectation(
                    accept: .success, reject: StatusRule([.status(400), .status(401), .status(403)])))
        #expect(
            loaded.probes.map(\.rawValue) == [
                "valid", "bad-signature", "missing-signature", "tampered-body", "reformatted-json", "unknown-event",
                "replay",
            ])
        #expect(loaded.retries == RetryExpectation(isExpected: true, minInterval: 240, maxInterval: 420, attempts: 2))
        #expect(!loaded.isStrict)
        #expect(loaded.cases.map(\.name) == ["license created", "license expired"])
        #expect(loaded.cases[0].expect == loaded.expect)
        #expect(loaded.cases[0].count == 1)
        #expect(loaded.cases[0].match?.matches(loaded.cases[0].body) == true)
        #expect(loaded.cases[0].body["data"]?["key"] == .string("D08B53-C564F8"))
    }

    @Test func caseExpectationsMergeKeyByKeyOverTheSuites() throws {
        let loaded = try #require(SuiteFixtures.load(Self.cryptlex).suite)
        let merged = loaded.cases[1].expect
        #expect(merged.accept == .success)
        #expect(merged.reject == .clientError)
        #expect(merged.within == 2)
        #expect(loaded.cases[1].count == 3)
        #expect(loaded.cases[1].headers.fields.map(\.name) == ["X-Trace", "x-other"])
    }

    @Test func omittedKeysTakeTheDefaults() throws {
        let text =
            #"{"suite": "s", "profile": "github", "cases": [{"name": "ping", "body": {"zen": "x"}, "headers": {"X-GitHub-Event": "ping"}}]}"#
        let (suite, diagnostics) = SuiteFixtures.load(text)
        #expect(diagnostics == [])
        let loaded = try #require(suite)
        #expect(loaded.expect == .standard)
        #expect(loaded.expect.within == 10)
        #expect(loaded.probes == loaded.profile.supportedProbes)
        #expect(loaded.retries == RetryExpectation.none)
        #expect(loaded.secret == nil)
        #expect(loaded.target == nil)
    }

    @Test(arguments: [
        ("2xx", 204, true), ("2xx", 302, false), ("4XX", 499, true), ("401", 401, true), ("401", 403, false),
        ("5xx", 600, false),
    ])
    func statusRulesAdmitTheirStatuses(rule: String, status: Int, admitted: Bool) throws {
        let entry = try #require(StatusRule.Entry(rule))
        #expect(StatusRule([entry]).contains(status) == admitted)
    }

    @Test(arguments: ["", "2x", "6xx", "099", "2xxx", "x2x", "abc"])
    func malformedStatusTextIsNoRule(text: String) {
        #expect(StatusRule.Entry(text) == nil)
    }

    @Test func inlineProfilesExtendBuiltInOnes() throws {
        let text = """
            {"suite": "s", "profile": {"name": "acme", "extends": "standard-webhooks",
              "scheme": {"type": "standard-webhooks", "headerPrefix": "svix-", "tolerance": 60},
              "id": {"header": "svix-id"}, "timestamp": {"header": "svix-timestamp", "format": "unix"},
              "envelope": {"type": {"$type": "string"}, "data": {"$type": "object"}},
              "events": ["user.created"], "headers": {"User-Agent": "Acme/1.0"}, "futureTimestamps": "tolerate"},
             "cases": [{"name": "a", "body": {"type": "user.created", "data": {}}}]}
            """
        let (suite, diagnostics) = SuiteFixtures.load(text)
        #expect(diagnostics == [])
        let profile = try #require(suite?.profile)
        #expect(profile.name == "acme")
        #expect(profile.id == .header("svix-id"))
        #expect(profile.timestamp == .header("svix-timestamp"))
        #expect(
            profile.scheme
                == .standardWebhooks(StandardWebhooksScheme(headerPrefix: "svix-", tolerance: 60, future: .tolerate)))
        #expect(profile.tolerance == 60)
        #expect(profile.futureTimestamps == .tolerate)
        #expect(profile.events == ["user.created"])
        #expect(profile.headers["user-agent"] == "Acme/1.0")
        #expect(profile.event == .pointer(JSONPointer(tokens: ["type"])))
        #expect(
            profile.envelope.match(SuiteFixtures.json(#"{"type": "x", "data": 1}"#)).map(\.description) == [
                "/data: expected an object, found 1"
            ])
    }

    @Test func inlineProfilesDescribeHMACAndTokenSchemes() throws {
        let text = """
            {"suite": "s", "profile": {"name": "twilioish", "event": {"header": "X-Event"}, "id": null,
              "timestamp": {"pointer": "/at", "fractionDigits": 6, "zone": "+00:00"},
              "scheme": {"type": "hmac", "algorithm": "sha1", "header": "X-Sig", "encoding": "base64",
                         "prefix": "s=", "signed": "{method} {url}\\n{body}", "key": "base64"}},
             "cases": [{"name": "a", "body": {}, "headers": {"X-Event": "e"}}]}
            """
        let (suite, diagnostics) = SuiteFixtures.load(text)
        #expect(diagnostics == [])
        let profile = try #require(suite?.profile)
        #expect(profile.event == .header("X-Event"))
        #expect(profile.id == FieldSource.none)
        #expect(profile.timestamp == .pointer(JSONPointer(tokens: ["at"])))
        #expect(profile.timestampFormat == .dateTime(fractionDigits: 6, zone: .numericOffset))
        guard case .hmac(let scheme) = profile.scheme else {
            Issue.record("expected an hmac scheme, found \(profile.scheme.name)")
            return
        }
        #expect(scheme.algorithm == .sha1)
        #expect(scheme.encoding == .base64)
        #expect(scheme.prefix == "s=")
        #expect(scheme.signed.text == "{method} {url}\n{body}")
        #expect(scheme.key == .base64)
        #expect(profile.supportedProbes.contains(.badSignature))
        #expect(!profile.supportedProbes.contains(.staleTimestamp))
    }

    @Test func loadThrowsEveryDiagnosticForABrokenFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hookcheck-suite-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.json")
        try Data(#"{"suite": "x", "profile": "stripe", "cases": [], "extra": 1}"#.utf8).write(to: file)
        #expect {
            _ = try Suite.load(from: file)
        } throws: { error in
            guard let error = error as? SuiteLoadError else { return false }
            return error.errors.map(\.message) == ["expected at least one case"]
                && error.diagnostics.map(\.message).contains(#"unknown key "extra""#)
                && error.description.hasPrefix(file.path + ":")
        }
    }

    @Test func loadAllExpandsFoldersInNameOrderAndReportsMissingPaths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hookcheck-suites-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["b", "a"] {
            let text =
                #"{"suite": "\#(name)", "profile": "clarityflow", "cases": [{"name": "c", "body": {"type": "new_purchase", "id": "c6ec4301-8d97-4c53-8dff-06947ff750ca", "occurred_at": "2022-04-01T14:24:14.196+00:00", "payload": {}}}]}"#
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(name).json"))
        }
        try Data("not a suite".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let missing = folder.path + "/nope.json"
        let (suites, diagnostics) = SuiteLoader.loadAll(paths: [folder.path, missing])
        #expect(suites.map(\.name) == ["a", "b"])
        #expect(diagnostics.map(\.description) == ["\(missing): error: no such file or folder"])
    }
}

import Foundation
import HookHTTP
import HookTestSupport
import Testing

@testable import HookCheck

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("JUnitWriter")
struct JUnitWriterTests {
    let xml = JUnitWriter.render(ReportFixture.run, redactor: ReportFixture.redactor)

    @Test func fixtureMatchesSnapshot() {
        expectSnapshot(xml, named: "fixture-junit.xml")
    }

    @Test func parsesAsXMLWithCountsEqualToChildren() throws {
        let tree = try #require(XMLTree(xml))
        let suites = tree.elements.filter { $0.name == "testsuite" }
        #expect(suites.count == 2)
        for suite in suites {
            let cases = tree.children(of: suite, named: "testcase")
            #expect(suite.attributes["tests"] == String(cases.count))
            for (attribute, child) in [("failures", "failure"), ("errors", "error"), ("skipped", "skipped")] {
                let count = cases.filter { !tree.children(of: $0, named: child).isEmpty }.count
                #expect(
                    suite.attributes[attribute] == String(count), "\(attribute) of \(suite.attributes["name"] ?? "")")
            }
            for name in ["name", "time", "timestamp", "hostname"] {
                #expect(suite.attributes[name]?.isEmpty == false, "testsuite@\(name)")
            }
        }
        let root = try #require(tree.elements.first)
        #expect(root.name == "testsuites")
        #expect(root.attributes["tests"] == "8")
        #expect(root.attributes["failures"] == "2")
        #expect(root.attributes["errors"] == "1")
    }

    @Test func testcaseNamesAreUniqueAndSpecialCharactersSurviveParsing() throws {
        let tree = try #require(XMLTree(xml))
        let cases = tree.elements.filter { $0.name == "testcase" }
        let pairs = cases.map { "\($0.attributes["classname"] ?? "")|\($0.attributes["name"] ?? "")" }
        #expect(Set(pairs).count == pairs.count)
        let names = cases.compactMap { $0.attributes["name"] }
        #expect(names.contains("payment succeeded · valid (2)"))
        #expect(names.contains("Zahlung <&\"'> | erstattet · valid"))
        #expect(names.contains("書類 署名済み · replay"))
    }

    @Test func timesHaveThreeDecimalsAndTimestampHasNoZone() throws {
        let tree = try #require(XMLTree(xml))
        for element in tree.elements where ["testsuites", "testsuite", "testcase"].contains(element.name) {
            let time = try #require(element.attributes["time"])
            #expect(time.wholeMatch(of: /[0-9]+\.[0-9]{3}/) != nil, "time \(time)")
        }
        let suite = try #require(tree.elements.first { $0.name == "testsuite" })
        #expect(suite.attributes["timestamp"] == "2026-11-23T10:00:00")
        #expect(suite.attributes["time"] == "0.412")
    }

    @Test func messageIsFirstLineWithoutANSIAndDetailsAreElementText() throws {
        let tree = try #require(XMLTree(xml))
        let failures = tree.elements.filter { $0.name == "failure" }
        #expect(failures.count == 2)
        let zahlung = try #require(failures.last)
        #expect(zahlung.attributes["message"] == "expected 2xx, found 500")
        #expect(zahlung.attributes["type"] == "valid")
        #expect(zahlung.text.contains("expected: status 2xx"))
        #expect(zahlung.text.contains("found: status 500"))
        #expect(zahlung.text.contains("response:\nHTTP/1.1 500 Internal Server Error"))
        #expect(!xml.contains("\u{1B}") && !xml.contains("\u{7}") && !xml.contains("[31m"))
        #expect(!xml.contains("&#27;"))
    }

    @Test func hugeResponseExcerptIsCutToTwoKilobytes() throws {
        let tree = try #require(XMLTree(xml))
        let first = try #require(tree.elements.first { $0.name == "failure" })
        #expect(first.text.contains("[cut: \(ReportFixture.hugeResponse.utf8.count) bytes in all]"))
        #expect(xml.utf8.count < 20_000)
    }

    @Test func secretsAndSignatureValuesAreRedacted() {
        #expect(!xml.contains(ReportFixture.secret))
        #expect(!xml.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        #expect(!xml.contains("5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"))
        #expect(!xml.contains(ReportFixture.documensoToken))
        #expect(xml.contains("Stripe-Signature: [redacted]"))
    }

    @Test func skippedAndWarningResultsHaveTheirElements() throws {
        let tree = try #require(XMLTree(xml))
        let skipped = try #require(tree.elements.first { $0.name == "skipped" })
        #expect(skipped.attributes["message"] == "the stripe profile tolerates future timestamps")
        let out = try #require(tree.elements.first { $0.name == "system-out" })
        #expect(out.text.hasPrefix("warning: event type \"hookcheck.unknown\""))
    }

    @Test func emptyRunIsAValidDocument() throws {
        let run = RunResult(suites: [], startedAt: ReportFixture.start, duration: .zero, source: "captures.jsonl")
        let tree = try #require(XMLTree(JUnitWriter.render(run)))
        #expect(tree.elements.map(\.name) == ["testsuites"])
        #expect(tree.elements.first?.attributes["tests"] == "0")
    }

    /// Writes the fixture's report where `.ci/checks/40-junit.sh` validates it, and validates it
    /// here with `check-junit.py` when python3 and its packages are present.
    @Test func fixtureReportPassesCheckJUnit() throws {
        let root = PackagePaths.root
        let environment = ProcessInfo.processInfo.environment
        let output =
            environment["HOOKCHECK_JUNIT_FIXTURE"].map { URL(filePath: $0) }
            ?? root.appending(path: "Reports/test-fixture-junit.xml")
        try FileManager.default.createDirectory(
            at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(xml.utf8).write(to: output, options: .atomic)

        let candidates: [String?] = [
            environment["SHARED"], root.deletingLastPathComponent().appending(path: "shared").path, "/work/shared",
        ]
        guard
            let shared = candidates.compactMap({ $0 }).first(where: {
                FileManager.default.fileExists(atPath: $0 + "/tools/check-junit.py")
            })
        else {
            print("skipping check-junit.py: tools/check-junit.py not found (set SHARED)")
            return
        }
        guard run(["python3", "-c", "import xmlschema, junitparser"]).status == 0 else {
            print("skipping check-junit.py: python3 with xmlschema and junitparser is not available")
            return
        }
        let result = run([
            "python3", shared + "/tools/check-junit.py", output.path, "--min-tests", "8", "--expect-failures", "2",
        ])
        #expect(result.status == 0, "check-junit.py said:\n\(result.output)")
    }

    private func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        // Children that other tests spawn meanwhile must not inherit these pipes and hold them open.
        CloseOnExec.mark(pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor)
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (127, "\(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A flat view of an XML document parsed by Foundation's `XMLParser`: every element in document
/// order with its attributes, text and parent.
struct XMLTree {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var parent: Int?
        var index: Int
    }

    private(set) var elements: [Element] = []

    init?(_ xml: String) {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        elements = delegate.elements
    }

    func children(of element: Element, named name: String) -> [Element] {
        elements.filter { $0.parent == element.index && $0.name == name }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var stack: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(
                Element(name: elementName, attributes: attributes, parent: stack.last, index: elements.count))
            stack.append(elements.count - 1)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = stack.last { elements[current].text += string }
        }
    }
}

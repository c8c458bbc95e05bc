import Foundation
import Synchronization
import Testing

@testable import HookCheck

@Suite("ReportWriter")
struct ReportWriterTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "hookcheck-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func destinationsDefaultAndReportsDirectory() {
        let defaults = ReportDestinations()
        #expect(defaults.junit == "Reports/junit.xml")
        #expect(defaults.markdown == "Reports/report.md")
        #expect(defaults.json == nil)
        let folder = ReportDestinations(reportsDirectory: "out/")
        #expect(
            [folder.junit, folder.markdown, folder.json] == ["out/junit.xml", "out/report.md", "out/results.json"])
    }

    @Test func reportsDirectoryGetsAllThreeFilesMatchingTheWriters() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = folder.appending(path: "nested/reports").path
        let annotations = Mutex<[String]>([])
        try ReportWriter.write(
            ReportFixture.run, to: ReportDestinations(reportsDirectory: reports), redactor: ReportFixture.redactor,
            environment: [:], annotate: { line in annotations.withLock { $0.append(line) } })
        let junit = try String(contentsOfFile: reports + "/junit.xml", encoding: .utf8)
        let markdown = try String(contentsOfFile: reports + "/report.md", encoding: .utf8)
        let json = try String(contentsOfFile: reports + "/results.json", encoding: .utf8)
        #expect(junit == JUnitWriter.render(ReportFixture.run, redactor: ReportFixture.redactor))
        #expect(markdown == MarkdownWriter.render(ReportFixture.run, redactor: ReportFixture.redactor))
        #expect(json == JSONResultWriter.render(ReportFixture.run, redactor: ReportFixture.redactor))
        #expect(annotations.withLock { $0.isEmpty })
    }

    @Test func existingReportIsReplacedNotAppended() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "junit.xml").path
        try Data(String(repeating: "old ", count: 10_000).utf8).write(to: URL(filePath: path))
        try ReportWriter.write(
            ReportFixture.run, to: ReportDestinations(junit: path, markdown: nil), environment: [:], annotate: { _ in })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("<?xml") && !text.contains("old old"))
    }

    @Test func githubEnvironmentAppendsStepSummaryAndAnnotates() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appending(path: "step-summary.md").path
        try Data("earlier step output\n".utf8).write(to: URL(filePath: summary))
        let annotations = Mutex<[String]>([])
        try ReportWriter.write(
            ReportFixture.run, to: ReportDestinations(junit: nil, markdown: nil), redactor: ReportFixture.redactor,
            environment: ["GITHUB_STEP_SUMMARY": summary, "GITHUB_ACTIONS": "true"],
            annotate: { line in annotations.withLock { $0.append(line) } })
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step output\n\n# hookcheck report"))
        #expect(text.hasSuffix(MarkdownWriter.render(ReportFixture.run, redactor: ReportFixture.redactor)))
        #expect(
            annotations.withLock { $0 } == GitHubAnnotations.render(ReportFixture.run, redactor: ReportFixture.redactor)
        )
        #expect(annotations.withLock { $0.count } == 3)
    }

    @Test func stepSummaryRespectsWhatTheStepAlreadyWrote() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appending(path: "step-summary.md").path
        let earlier = MarkdownWriter.stepSummaryLimit - 5000
        try Data(String(repeating: "x", count: earlier).utf8).write(to: URL(filePath: summary))
        try ReportWriter.write(
            ReportFixture.run, to: ReportDestinations(junit: nil, markdown: nil),
            environment: ["GITHUB_STEP_SUMMARY": summary], annotate: { _ in })
        let size = try #require(try FileManager.default.attributesOfItem(atPath: summary)[.size] as? NSNumber).intValue
        #expect(size > earlier)
        #expect(size <= MarkdownWriter.stepSummaryLimit)
    }

    @Test func unwritablePathIsATypedErrorNamingThePath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appending(path: "file").path
        try Data("x".utf8).write(to: URL(filePath: blocker))
        let path = blocker + "/junit.xml"
        #expect {
            try ReportWriter.write(
                ReportFixture.run, to: ReportDestinations(junit: path, markdown: nil), environment: [:],
                annotate: { _ in })
        } throws: { error in
            guard let error = error as? ReportError, error.code == .cannotCreateDirectory else {
                return false
            }
            return error.path == blocker && error.description.hasPrefix("cannot create report folder '\(blocker)': ")
        }
    }
}

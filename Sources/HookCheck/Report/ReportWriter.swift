import Foundation

/// Writes a run's reports to disk, and to GitHub Actions when the environment says it runs there.
public enum ReportWriter {
    /// Writes every report `destinations` names, then appends the Markdown to the file named by
    /// `GITHUB_STEP_SUMMARY` (cut to GitHub's 1 MiB) and, when `GITHUB_ACTIONS` is `true`, passes
    /// the annotation lines to `annotate`.
    ///
    /// Files are written atomically (a temporary file renamed into place), creating their folders;
    /// an existing report is replaced, never appended to.
    /// - Parameters:
    ///   - run: the results.
    ///   - destinations: the report paths.
    ///   - redactor: keeps secrets and signature header values out of every report.
    ///   - environment: the process environment (`GITHUB_STEP_SUMMARY`, `GITHUB_ACTIONS`).
    ///   - annotate: receives each annotation line; commands print them to stdout.
    /// - Throws: `ReportError` naming the path that could not be written.
    public static func write(
        _ run: RunResult, to destinations: ReportDestinations, redactor: Redactor = Redactor(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        annotate: (String) -> Void = { print($0) }
    ) throws(ReportError) {
        if let path = destinations.junit {
            try writeFile(JUnitWriter.render(run, redactor: redactor), to: path)
        }
        if let path = destinations.markdown {
            try writeFile(MarkdownWriter.render(run, redactor: redactor), to: path)
        }
        if let path = destinations.json {
            try writeFile(JSONResultWriter.render(run, redactor: redactor), to: path)
        }
        if let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
            try appendStepSummary(run, redactor: redactor, to: path)
        }
        if environment["GITHUB_ACTIONS"] == "true" {
            for line in GitHubAnnotations.render(run, redactor: redactor) { annotate(line) }
        }
    }

    /// Writes `text` to `path` atomically, creating the folder.
    static func writeFile(_ text: String, to path: String) throws(ReportError) {
        let url = URL(filePath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: folder.path, reason: reason(error))
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(path: path, reason: reason(error))
        }
    }

    /// Appends the step summary, within what is left of GitHub's 1 MiB for this step.
    private static func appendStepSummary(_ run: RunResult, redactor: Redactor, to path: String) throws(ReportError) {
        let manager = FileManager.default
        let existing = (try? manager.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let budget = MarkdownWriter.stepSummaryLimit - existing - 1
        let summary = MarkdownWriter.stepSummary(run, redactor: redactor, limit: budget)
        guard !summary.isEmpty else { return }
        do {
            if !manager.fileExists(atPath: path) {
                try Data().write(to: URL(filePath: path))
            }
            let handle = try FileHandle(forWritingTo: URL(filePath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((existing > 0 ? "\n" : "").utf8) + Data(summary.utf8))
        } catch {
            throw .cannotAppendStepSummary(path: path, reason: reason(error))
        }
    }

    /// A short lowercase reason for a Foundation file error.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let message = strerror(Int32(underlying.code))
        {
            return String(cString: message).lowercased()
        }
        if nsError.domain == NSPOSIXErrorDomain, let message = strerror(Int32(nsError.code)) {
            return String(cString: message).lowercased()
        }
        switch nsError.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on device"
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or directory"
        case NSFileWriteFileExistsError: return "a file is in the way"
        default: return nsError.localizedDescription
        }
    }
}

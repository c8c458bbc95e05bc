import HookCheck
import Synchronization

/// Shows a send run's progress on stderr: one line per result when stderr is not a terminal, else a live
/// counter with the failures printed above it.
final class ProgressPrinter: Sendable {
    private struct Counts {
        var passed = 0
        var failed = 0
        var errors = 0
        var skipped = 0
        var isCounterShown = false
    }

    private let console: Console
    private let counts = Mutex(Counts())

    init(console: Console) {
        self.console = console
    }

    /// Shows one decided result.
    func show(_ progress: SendRunner.Progress) {
        let result = progress.result
        let line = Self.line(progress, console: console)
        let isTerminal = console.errorOutput.isTerminal
        counts.withLock { counts in
            switch result.status {
            case .passed: counts.passed += 1
            case .failed: counts.failed += 1
            case .error: counts.errors += 1
            case .skipped: counts.skipped += 1
            }
            guard isTerminal else {
                console.writeErrorLine(line)
                return
            }
            var text = "\r\u{1B}[2K"
            if result.isFailure { text += line + "\n" }
            text += "[\(progress.completed)/\(progress.total)] \(counts.passed) passed, \(counts.failed) failed, "
            text += "\(counts.errors) errors, \(counts.skipped) skipped"
            console.errorOutput.write(text)
            counts.isCounterShown = true
        }
    }

    /// Ends the live counter's line.
    func finish() {
        counts.withLock { counts in
            if counts.isCounterShown { console.errorOutput.write("\n") }
            counts.isCounterShown = false
        }
    }

    /// `PASS  Cryptlex receiver › license created · valid (3 ms)`, with the message for other verdicts.
    static func line(_ progress: SendRunner.Progress, console: Console) -> String {
        let result = progress.result
        let label: String
        switch result.status {
        case .passed: label = console.styled("PASS ", .green, onErrorOutput: true)
        case .failed: label = console.styled("FAIL ", .red, onErrorOutput: true)
        case .error: label = console.styled("ERROR", .red, onErrorOutput: true)
        case .skipped: label = console.styled("SKIP ", .dim, onErrorOutput: true)
        }
        var line = "\(label) \(progress.suite) › \(result.name)"
        if result.status != .skipped { line += " (\(ProbeJudge.format(result.duration.inSeconds * 1000)) ms)" }
        if !result.message.isEmpty { line += ": " + result.message }
        return line
    }
}

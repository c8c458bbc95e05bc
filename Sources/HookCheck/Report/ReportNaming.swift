/// Naming helpers the writers share.
enum ReportNaming {
    /// `names` with later duplicates suffixed ` (2)`, ` (3)`, … so every name is unique.
    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        result.reserveCapacity(names.count)
        for name in names {
            var candidate = name
            var number = 2
            while seen.contains(candidate) {
                candidate = "\(name) (\(number))"
                number += 1
            }
            seen.insert(candidate)
            result.append(candidate)
        }
        return result
    }

    /// `POST http://host/path → 200 in 12.3 ms at 2026-11-23T10:00:00.000Z (note)`.
    static func attemptLine(_ attempt: DeliveryAttempt) -> String {
        var line = "\(attempt.method) \(attempt.target) → "
        line += attempt.status.map(String.init) ?? "no response"
        line += " in \(ReportText.humanDuration(attempt.latency)) at \(ReportText.iso8601(attempt.sentAt))"
        if let note = attempt.note { line += " (\(note))" }
        return line
    }
}

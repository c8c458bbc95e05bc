import HookCheck

/// "Did you mean" suggestions for mistyped command and option names.
enum Suggestion {
    /// The candidate closest to `typed`, if it is close enough to be a plausible typo: the
    /// optimal-string-alignment distance (a transposition counts as one edit) is at most a third of
    /// the longer name (at least 1, at most 3), or `typed` is a prefix of exactly one candidate.
    static func closest(to typed: String, among candidates: [String]) -> String? {
        guard !typed.isEmpty else { return nil }
        let lowered = typed.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = EditDistance.between(lowered, candidate.lowercased())
            let limit = min(3, max(1, max(typed.count, candidate.count) / 3))
            guard distance <= limit else { continue }
            if best.map({ distance < $0.distance }) ?? true {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return prefixed.count == 1 ? prefixed.first : nil
    }
}

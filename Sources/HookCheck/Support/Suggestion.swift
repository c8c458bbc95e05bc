/// "Did you mean" suggestions, one rule for every message: mistyped commands, options, profiles and flaws
/// on the command line, and probes, matchers, fields and event names in suites.
package enum Suggestion {
    /// The candidate closest to `typed`, when it is a likely typo, else `nil`. In order:
    /// - the nearest candidate whose optimal-string-alignment distance (a transposition counts as one edit,
    ///   case ignored) is at most a third of the longer name (at least 1, at most 3);
    /// - the same words in another case or with other separators (`document.completed`, `DOCUMENT_COMPLETED`);
    /// - the one nearest candidate with a single word changed (`message_viewed` for `message_played`);
    /// - the one candidate that starts with `typed`, for an abbreviation of three or more characters.
    package static func closest(to typed: String, among candidates: some Collection<String>) -> String? {
        guard !typed.isEmpty else { return nil }
        let lowered = Array(typed.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            let distance = EditDistance.between(lowered, other)
            let limit = min(3, max(1, max(lowered.count, other.count) / 3))
            guard distance <= limit else { continue }
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        if let best { return best.candidate }
        let words = Self.words(of: typed)
        if let same = candidates.first(where: { Self.words(of: $0) == words && $0 != typed }) {
            return same
        }
        let oneWordApart = candidates.filter { candidate in
            let other = Self.words(of: candidate)
            return words.count > 1 && other.count == words.count && zip(words, other).filter { $0 != $1 }.count == 1
        }
        let nearest = oneWordApart.map { ($0, EditDistance.between(lowered, Array($0.lowercased().unicodeScalars))) }
        if let closest = nearest.min(by: { $0.1 < $1.1 }), nearest.filter({ $0.1 == closest.1 }).count == 1 {
            return closest.0
        }
        let extensions = candidates.filter { $0.lowercased().hasPrefix(typed.lowercased()) }
        return lowered.count >= 3 && extensions.count == 1 ? extensions.first : nil
    }

    /// The lowercased words of a name split at `_`, `.`, `-`, `/` and spaces.
    private static func words(of name: String) -> [Substring] {
        name.lowercased().split { "_.-/ ".contains($0) }
    }
}

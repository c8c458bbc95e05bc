/// Links the failures that follow from another: when a case's `valid` probe fails, its other probes that
/// need the receiver to accept a delivery (`reformatted-json`, `unknown-event`, `replay`) most likely fail
/// for the same reason, so their messages say so and name `valid` as the thing to fix first.
enum RootCause {
    /// `results` (one suite's, in suite order) with every dependent failure linked to its case's failed
    /// `valid` result: ``CaseResult/rootCause`` set and the message extended.
    static func link(_ results: [CaseResult]) -> [CaseResult] {
        var failedValid: [String: CaseResult] = [:]
        for result in results where result.check == ProbeKind.valid.rawValue && result.isFailure {
            failedValid[result.caseName] = failedValid[result.caseName] ?? result
        }
        guard !failedValid.isEmpty else { return results }
        return results.map { result in
            guard result.isFailure, result.rootCause == nil, let probe = ProbeKind(rawValue: result.check),
                probe != .valid, probe.expectsAcceptance, let cause = failedValid[result.caseName]
            else { return result }
            var linked = result
            linked.rootCause = cause.name
            let how =
                cause.found != nil && cause.found == result.found
                ? "failed the same way (got \(cause.found ?? ""))" : "failed too"
            // On a line of its own, so a one-line summary keeps the probe's own verdict.
            linked.message +=
                "\nThe case's valid probe \(how), and this probe needs a correct delivery accepted first: "
                + "fix \(MessageWording.quoted(cause.name)) first, this is most likely the same cause"
            return linked
        }
    }
}

/// How `listen` answers: a sequence of steps applied per delivery identity, the last step
/// repeating for every later attempt. `500x2,200` answers the first two attempts of each delivery
/// with 500 and every later attempt with 200; `200` and `410` answer every attempt alike.
public struct RespondPlan: Sendable, Hashable, CustomStringConvertible {
    /// One step: answer `status` for `repeats` consecutive attempts.
    public struct Step: Sendable, Hashable {
        public let status: Int
        public let repeats: Int
    }

    /// The steps in order; never empty.
    public let steps: [Step]

    /// Answer 200 to everything (the default).
    public static let alwaysOK = RespondPlan(uncheckedSteps: [Step(status: 200, repeats: 1)])

    private init(uncheckedSteps steps: [Step]) {
        self.steps = steps
    }

    /// Parses a plan such as `200`, `410` or `500x2,503,200`.
    /// - Throws: ``RespondPlanError`` naming the offending step.
    public init(parsing text: String) throws(RespondPlanError) {
        var steps: [Step] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            let part = raw.trimmingSpaces
            let pieces = part.split(separator: "x", omittingEmptySubsequences: false)
            guard (1...2).contains(pieces.count), let status = Int(pieces[0]), (100...599).contains(status) else {
                throw RespondPlanError(plan: text, step: String(part), reason: "expected a status 100–599")
            }
            var repeats = 1
            if pieces.count == 2 {
                guard let count = Int(pieces[1]), count >= 1, count <= 1000 else {
                    throw RespondPlanError(plan: text, step: String(part), reason: "expected a repeat count 1–1000")
                }
                repeats = count
            }
            steps.append(Step(status: status, repeats: repeats))
        }
        self.init(uncheckedSteps: steps)
    }

    /// The status for the `attempt`-th delivery (1-based) of one identity.
    public func status(forAttempt attempt: Int) -> Int {
        var remaining = max(attempt, 1)
        for step in steps {
            if remaining <= step.repeats { return step.status }
            remaining -= step.repeats
        }
        return steps[steps.count - 1].status
    }

    /// Whether the plan ever answers with a non-2xx status (so senders are expected to retry).
    public var failsAtFirst: Bool {
        !(200...299).contains(status(forAttempt: 1))
    }

    /// The number of attempts the plan fails before its first 2xx, or `nil` when it never succeeds.
    public var failingAttempts: Int? {
        var count = 0
        for step in steps {
            if (200...299).contains(step.status) { return count }
            count += step.repeats
        }
        return nil
    }

    public var description: String {
        steps.map { $0.repeats == 1 ? "\($0.status)" : "\($0.status)x\($0.repeats)" }.joined(separator: ",")
    }
}

/// A `--respond` plan that does not parse.
public struct RespondPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    public let plan: String
    public let step: String
    public let reason: String

    public var description: String {
        "invalid respond plan '\(plan)': step '\(step)': \(reason) (e.g. 200, 410 or 500x2,200)"
    }
}

import Foundation

extension Harness {
    /// What the core reports while it works. `hookcheck` prints these; a library caller may ignore them.
    public enum Event: Sendable {
        /// One result was decided.
        case progress(SendRunner.Progress)
        /// The built-in reference receiver serves the suites without a target, at `address`.
        case referenceReceiverStarted(address: String)
        /// `variable` is unset: `suite` and the built-in receiver share a random secret instead.
        case randomSecret(variable: String, suite: String)
        /// A GitHub Actions annotation line, for standard output.
        case annotation(String)
    }

    /// Loads the suites at `paths` (files, or folders of `*.json` suites), as `hookcheck run` does.
    /// - Throws: ``HarnessError/invalidSuites(_:)`` with every diagnostic when a suite has an error.
    public static func loadSuites(at paths: [URL]) throws(HarnessError) -> [Suite] {
        let (suites, diagnostics) = SuiteLoader.loadAll(paths: paths.map(\.path))
        guard !diagnostics.contains(where: \.isError), !suites.isEmpty else {
            throw .invalidSuites(diagnostics.map(\.description))
        }
        return suites
    }

    /// Does what `hookcheck run` does: sends every case and probe of every suite, each to `target` (else
    /// the suite's own target, else the built-in reference receiver started for the run), judges the
    /// answers and writes the reports.
    /// - Parameters:
    ///   - suites: the suites, e.g. from ``loadSuites(at:)``.
    ///   - target: the receiver URL overriding every suite's target.
    ///   - secrets: secrets by environment-variable name, found by ``SecretLookup``'s precedence; a suite
    ///     for the built-in receiver whose variable is absent gets a random secret both sides share.
    ///   - lookup: the variable that overrides each suite's own (`--secret-env`), if any.
    ///   - options: concurrency, repeat, timeout, selection.
    ///   - reports: where to write JUnit, Markdown and JSON reports (`nil`: none).
    ///   - environment: read for GitHub annotations and step summaries.
    ///   - events: progress and notes as the run goes.
    /// - Throws: ``HarnessError`` when a secret is missing, the receiver cannot start or a report cannot be
    ///   written.
    public static func run(
        _ suites: [Suite], target: URL? = nil, secrets: [String: String] = [:], lookup: SecretLookup = SecretLookup(),
        options: SendOptions = SendOptions(), reports: ReportDestinations? = nil,
        environment: [String: String] = [:], events: @escaping @Sendable (Event) -> Void = { _ in }
    ) async throws(HarnessError) -> Outcome {
        var plans: [SuitePlan] = []
        for suite in suites {
            let suiteTarget = target?.absoluteString ?? suite.target?.absoluteString ?? ""
            let secret: String
            do {
                secret = try lookup.secret(for: suite, in: secrets)
            } catch {
                guard suiteTarget.isEmpty, error.code == .missingSecret, let variable = error.variable else {
                    throw error
                }
                events(.randomSecret(variable: variable, suite: suite.name))
                secret = SecretLookup.randomSecret(for: suite.profile)
            }
            plans.append(SuitePlan(suite: suite, target: suiteTarget, secret: secret))
        }
        return try await send(plans, options: options, reports: reports, environment: environment, events: events)
    }

    /// Sends every plan and judges the answers; plans with an empty target go to the built-in reference
    /// receiver, started for the run on a loopback port and stopped before this returns. Writes the
    /// reports (secrets and authentication headers redacted) when `reports` is given.
    /// - Throws: ``HarnessError`` when the receiver cannot start or a report cannot be written.
    public static func send(
        _ plans: [SuitePlan], options: SendOptions = SendOptions(), reports: ReportDestinations? = nil,
        environment: [String: String] = [:], now: @escaping @Sendable () -> Date = { Date() },
        events: @escaping @Sendable (Event) -> Void = { _ in }
    ) async throws(HarnessError) -> Outcome {
        var plans = plans
        let embedded = plans.indices.filter { plans[$0].target.isEmpty }
        var receiver: ReferenceReceiver?
        if !embedded.isEmpty {
            let (routes, paths) = ReceiverRoute.routes(
                for: embedded.map { (plans[$0].suite.profile, plans[$0].secret) })
            let started = ReferenceReceiver(routes: routes)
            do {
                try await started.start()
            } catch {
                throw .cannotStartReceiver("\(error)")
            }
            receiver = started
            events(.referenceReceiverStarted(address: started.address))
            for (offset, index) in embedded.enumerated() { plans[index].target = started.address + paths[offset] }
        }
        let run = await SendRunner(options: options, now: now).run(plans) { events(.progress($0)) }
        await receiver?.shutdown()
        let outcome = Outcome(run: run, plans: plans)
        if let reports { try writeReports(outcome, to: reports, environment: environment, events: events) }
        return outcome
    }

    /// Writes `outcome`'s reports to `destinations`, redacting its secrets and authentication headers;
    /// GitHub annotations (under GitHub Actions) go to `events`.
    /// - Throws: ``HarnessError/cannotWriteReport(_:)``.
    public static func writeReports(
        _ outcome: Outcome, to destinations: ReportDestinations, environment: [String: String] = [:],
        events: (Event) -> Void = { _ in }
    ) throws(HarnessError) {
        do {
            try ReportWriter.write(
                outcome.run, to: destinations, redactor: outcome.redactor, environment: environment,
                annotate: { events(.annotation($0)) })
        } catch {
            throw .cannotWriteReport(error.description)
        }
    }
}

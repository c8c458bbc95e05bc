import Foundation
import HookHTTP
import Synchronization

/// The capture half of `hookcheck listen`: an HTTP server that writes every delivery it receives to a
/// capture file, byte for byte, **before** answering it, and answers by a ``RespondPlan`` applied per
/// delivery identity. It also tracks which cases of its suites have been seen, for `--until-complete`.
///
/// ```swift
/// let listener = Listener(suites: [suite], configuration: .init(capturePath: "captures.jsonl")) { event in
///     print(event)
/// }
/// try await listener.start()
/// print(listener.address)  // http://127.0.0.1:PORT
/// await listener.stop()
/// ```
public final class Listener: Sendable {
    /// The configuration the listener was created with.
    public let configuration: Configuration
    /// The suites whose cases deliveries are matched against.
    public let suites: [Suite]
    /// Each suite's routing rule, the one `check` uses.
    private let routers: [CaseRouter]
    private let observer: @Sendable (ListenerEvent) -> Void
    private let state: Mutex<State>
    private let server = Mutex<HTTPServer?>(nil)

    private struct State {
        var log: ListenerCaptureLog?
        /// The last sequence number handed out.
        var seq = 0
        /// Deliveries whose line is in the file.
        var captured = 0
        var attempts: [DeliveryIdentity: Int] = [:]
        /// Identities that got a 2xx (or exhausted a plan that never succeeds), per suite and case.
        var settled: [[Set<DeliveryIdentity>]]
        var isComplete = false
    }

    /// Creates a listener; nothing is opened or bound until ``start()``.
    /// - Parameters:
    ///   - suites: the suites to classify deliveries by (the first whose case fits claims a delivery).
    ///   - configuration: address, path, capture file and respond plan.
    ///   - observer: receives every ``ListenerEvent``, on the thread that handles the delivery.
    public init(
        suites: [Suite], configuration: Configuration = .init(),
        observer: @escaping @Sendable (ListenerEvent) -> Void = { _ in }
    ) {
        self.suites = suites
        routers = suites.map(CaseRouter.init(suite:))
        self.configuration = configuration
        self.observer = observer
        state = Mutex(State(settled: suites.map { suite in suite.cases.map { _ in [] } }))
    }

    /// Opens the capture file (creating its folder), then binds and starts serving.
    /// - Throws: ``ListenerError`` when the file cannot be opened or the address cannot be bound.
    public func start() async throws(ListenerError) {
        let path = configuration.capturePath
        let folder = URL(filePath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log: ListenerCaptureLog
        do {
            log = try ListenerCaptureLog(path: path, fsync: configuration.fsync)
        } catch {
            throw .captureFile(error)
        }
        let isFresh = state.withLock { state in
            guard state.log == nil else { return false }
            state.log = log
            return true
        }
        guard isFresh else { throw .alreadyStarted }
        let server = HTTPServer(configuration: configuration.server) { [self] request in
            await handle(request)
        }
        do {
            try await server.start()
        } catch {
            log.close()
            switch error {
            case .cannotListen(let host, let port, let reason):
                throw .cannotListen(host: host, port: port, reason: reason)
            case .alreadyStarted:
                throw .alreadyStarted
            }
        }
        self.server.withLock { $0 = server }
        if isComplete { observer(.complete) }
    }

    /// The bound port (0 before ``start()``).
    public var port: Int { server.withLock { $0?.port ?? 0 } }

    /// The base URL, e.g. `http://127.0.0.1:8080/`.
    public var address: String {
        let host =
            configuration.server.host.contains(":") ? "[\(configuration.server.host)]" : configuration.server.host
        return "http://\(host):\(port)/"
    }

    /// The number of deliveries written so far.
    public var capturedCount: Int { state.withLock { $0.captured } }

    /// Whether every case has been seen as often as its `count` asks.
    public var isComplete: Bool {
        state.withLock { state in Self.allSeen(state.settled, suites: suites) }
    }

    /// Stops accepting, lets in-flight deliveries finish (their captures are written and answered)
    /// within `gracePeriod`, then closes the capture file.
    public func stop(gracePeriod: Duration = .seconds(5)) async {
        if let server = server.withLock({ $0 }) {
            await server.shutdown(gracePeriod: gracePeriod)
        }
        state.withLock { $0.log }?.close()
    }

    // MARK: - Handling

    private func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let receivedAt = Date()
        if let path = configuration.path, Self.path(of: request.target) != path {
            observer(.ignored(method: request.method.rawValue, target: request.target))
            return HTTPResponse(
                status: 404, headers: [(HTTPHeaderName.contentType, "text/plain; charset=utf-8")],
                body: Array("no deliveries are accepted on this path; listening on \(path)\n".utf8))
        }
        let claim = classify(request)
        var headers = request.headers
        if configuration.redactsCaptures, let profile = claim.profile {
            for name in profile.scheme.authenticationHeaders where headers.contains(name) {
                headers = HTTPHeaders(
                    fields: headers.map { field in
                        field.name.lowercased() == name.lowercased()
                            ? HTTPField(name: field.name, value: Redactor.placeholder) : field
                    })
            }
        }
        let plan = configuration.respondPlan
        // A short critical section hands out the sequence number and the attempt; the line is built and
        // written outside it (the log batches concurrent writes), and the answer waits for that write.
        let reserved: (log: ListenerCaptureLog, seq: Int, attempt: Int)? = state.withLock { state in
            guard let log = state.log else { return nil }
            let attempt = state.attempts[claim.identity, default: 0] + 1
            state.attempts[claim.identity] = attempt
            state.seq += 1
            return (log, state.seq, attempt)
        }
        let outcome: Result<CapturedDelivery, CaptureFileError>
        if let reserved {
            let status = plan.status(forAttempt: reserved.attempt)
            let record = CaptureRecord(
                seq: reserved.seq, receivedAt: receivedAt, remote: request.remoteAddress ?? "",
                method: request.method.rawValue, target: request.target, version: request.version.description,
                headers: headers, body: request.body, responseStatus: status)
            do throws(CaptureFileError) {
                try await reserved.log.append(record.jsonLine())
                outcome = .success(
                    CapturedDelivery(
                        seq: record.seq, method: record.method, target: record.target, status: status,
                        identity: claim.identity, attempt: reserved.attempt,
                        suiteName: claim.suiteIndex.map { suites[$0].name },
                        caseName: claim.caseIndex.flatMap { index in
                            claim.suiteIndex.map { suites[$0].cases[index].name }
                        }))
            } catch {
                outcome = .failure(error)
            }
        } else {
            outcome = .failure(.writeFailed(path: configuration.capturePath, reason: "the listener is stopped"))
        }
        switch outcome {
        case .failure(let error):
            if let reserved {
                state.withLock { state in
                    // The delivery is not in the file: this attempt does not count.
                    if state.attempts[claim.identity] == reserved.attempt {
                        state.attempts[claim.identity] = reserved.attempt - 1
                    }
                }
            }
            observer(.captureFailed(error))
            return HTTPResponse(
                status: 503,
                headers: [(HTTPHeaderName.contentType, "text/plain; charset=utf-8"), (HTTPHeaderName.retryAfter, "1")],
                body: Array("the delivery could not be captured; retry later\n".utf8))
        case .success(let delivery):
            observer(.captured(delivery))
            let becameComplete = state.withLock { state in
                state.captured += 1
                if let suiteIndex = claim.suiteIndex, let caseIndex = claim.caseIndex,
                    Self.isSettled(
                        status: delivery.status, attempt: delivery.attempt, plan: plan, suite: suites[suiteIndex])
                {
                    state.settled[suiteIndex][caseIndex].insert(claim.identity)
                }
                guard !state.isComplete, Self.allSeen(state.settled, suites: suites) else { return false }
                state.isComplete = true
                return true
            }
            if configuration.respondDelay > .zero {
                try? await Task.sleep(for: configuration.respondDelay)
            }
            if becameComplete { observer(.complete) }
            return HTTPResponse(
                status: HTTPStatus(code: delivery.status), headers: [(HTTPHeaderName.contentLength, "0")])
        }
    }

    /// The suite and case a request belongs to (the first suite with a case it fits, by ``CaseRouter``'s
    /// rule), and its identity under that suite's profile.
    private func classify(
        _ request: HTTPRequest
    ) -> (suiteIndex: Int?, caseIndex: Int?, identity: DeliveryIdentity, profile: Profile?) {
        var fallback: (suiteIndex: Int, envelope: JSONValue?)?
        for (suiteIndex, suite) in suites.enumerated() {
            let envelope = suite.profile.envelope(target: request.target, body: request.body)
            if fallback == nil { fallback = (suiteIndex, envelope) }
            if let route = routers[suiteIndex].route(envelope: envelope, headers: request.headers), route.fits {
                let caseIndex = route.caseIndex
                let identity = DeliveryIdentity(
                    profile: suite.profile, envelope: envelope, headers: request.headers, body: request.body)
                return (suiteIndex, caseIndex, identity, suite.profile)
            }
        }
        guard let fallback else {
            let identity = DeliveryIdentity(
                profile: Profile(name: "none"), envelope: nil, headers: request.headers, body: request.body)
            return (nil, nil, identity, nil)
        }
        let profile = suites[fallback.suiteIndex].profile
        let identity = DeliveryIdentity(
            profile: profile, envelope: fallback.envelope, headers: request.headers, body: request.body)
        return (fallback.suiteIndex, nil, identity, profile)
    }

    /// Whether an identity is done with: answered 2xx, or — under a plan that never succeeds — tried as
    /// often as the suite's retry expectation asks.
    private static func isSettled(status: Int, attempt: Int, plan: RespondPlan, suite: Suite) -> Bool {
        if (200...299).contains(status) { return true }
        guard plan.failingAttempts == nil else { return false }
        let retries = suite.retries
        let attempts = retries.isExpected ? max(1, retries.attempts ?? 1) : 1
        return attempt >= attempts
    }

    private static func allSeen(_ settled: [[Set<DeliveryIdentity>]], suites: [Suite]) -> Bool {
        guard !suites.isEmpty else { return false }
        for (suiteIndex, suite) in suites.enumerated() {
            for (caseIndex, suiteCase) in suite.cases.enumerated()
            where settled[suiteIndex][caseIndex].count < max(1, suiteCase.count) {
                return false
            }
        }
        return true
    }

    /// The path part of a request target (before `?` or `#`).
    static func path(of target: String) -> Substring {
        target.prefix { $0 != "?" && $0 != "#" }
    }
}

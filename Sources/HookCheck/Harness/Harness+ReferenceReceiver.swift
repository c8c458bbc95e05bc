import Foundation

extension Harness {
    /// Runs the built-in reference receiver serving `routes` on a loopback port while `body` runs with its
    /// base URL (`http://127.0.0.1:PORT`), then shuts it down, even when `body` throws.
    public static func withReferenceReceiver<Result: Sendable>(
        routes: [ReceiverRoute] = ReceiverRoute.builtIn(), flaws: Set<ReceiverFlaw> = [],
        _ body: (_ url: URL) async throws -> Result
    ) async throws -> Result {
        let receiver = ReferenceReceiver(routes: routes, flaws: flaws)
        try await receiver.start()
        let result: Result
        do {
            guard let url = URL(string: receiver.address) else {
                throw HarnessError.cannotStartReceiver("no URL for \(receiver.address)")
            }
            result = try await body(url)
        } catch {
            await receiver.shutdown()
            throw error
        }
        await receiver.shutdown()
        return result
    }
}

extension HTTPServer {
    /// What `shutdown` waits for.
    enum ShutdownCondition: Sendable {
        /// Every connection is closed.
        case noConnections
        /// The accept loop has ended and closed the listening socket.
        case acceptLoopDone
    }

    /// A task suspended in ``waitUntil(_:)``.
    struct ShutdownWaiter {
        let id: UInt64
        let condition: ShutdownCondition
        let continuation: CheckedContinuation<Void, Never>
    }

    /// Waits until `condition` holds or `limit` passes, whichever is first; no polling: the connection
    /// and accept-loop bookkeeping resumes the waiter when the condition comes true.
    func wait(until condition: ShutdownCondition, atMost limit: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitUntil(condition) }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Resumes the waiters whose condition now holds; call after changing `state` (outside its lock).
    func resumeShutdownWaiters() {
        let ready = state.withLock { state -> [ShutdownWaiter] in
            let conditions = (noConnections: state.holds(.noConnections), acceptLoopDone: state.holds(.acceptLoopDone))
            func holds(_ waiter: ShutdownWaiter) -> Bool {
                switch waiter.condition {
                case .noConnections: conditions.noConnections
                case .acceptLoopDone: conditions.acceptLoopDone
                }
            }
            let ready = state.shutdownWaiters.filter(holds)
            state.shutdownWaiters.removeAll(where: holds)
            return ready
        }
        for waiter in ready { waiter.continuation.resume() }
    }

    private func waitUntil(_ condition: ShutdownCondition) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumesNow = state.withLock { state -> Bool in
                    if state.holds(condition) || state.cancelledWaiters.remove(id) != nil { return true }
                    state.shutdownWaiters.append(
                        ShutdownWaiter(id: id, condition: condition, continuation: continuation))
                    return false
                }
                if resumesNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> ShutdownWaiter? in
                if let index = state.shutdownWaiters.firstIndex(where: { $0.id == id }) {
                    return state.shutdownWaiters.remove(at: index)
                }
                state.cancelledWaiters.insert(id)
                return nil
            }
            waiter?.continuation.resume()
        }
    }
}

extension HTTPServer.State {
    /// Whether `condition` holds now.
    func holds(_ condition: HTTPServer.ShutdownCondition) -> Bool {
        switch condition {
        case .noConnections: connections.isEmpty
        case .acceptLoopDone: isAcceptLoopDone
        }
    }
}

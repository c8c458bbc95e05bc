import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The listener's capture file, with group commit that fits an event loop: ``append(_:)`` suspends
/// instead of blocking a thread.
///
/// One appender at a time is the writer. The first that finds no write in flight becomes it: it hands
/// its line, and whatever others queued meanwhile, to the kernel in one `write(2)` (then one `fsync(2)`,
/// with `fsync`), on its own thread. Everyone else queues its line and suspends. When the write is done
/// the writer resumes the appenders whose lines it held and, if more lines were queued meanwhile, hands
/// the writing of that next batch to one of their appenders, then returns. So a loop thread only ever
/// writes one batch, holding a line of its own, and never waits for another thread's write; every
/// request that arrives while a write is in flight shares the next one. ``append(_:)`` returns only
/// after the write that holds its line has completed, so a response sent afterwards never acknowledges a
/// delivery that is not in the file; a failed write is thrown to every line it held.
///
/// The lines are built outside: the critical section is only queueing the bytes.
final class ListenerCaptureLog: Sendable {
    private enum Resumption {
        /// The batch holding the line was written (with the failure, if any).
        case written(String?)
        /// The line's batch is next and nobody writes it: the appender writes it.
        case becomeWriter
    }

    private struct Waiter {
        let batch: UInt64
        let continuation: CheckedContinuation<Resumption, Never>
    }

    private struct State {
        var descriptor: Int32
        var pending: [UInt8] = []
        /// The batch the lines in `pending` will be written in.
        var openBatch: UInt64 = 1
        /// Every batch up to this one has been written (or has failed).
        var completedBatch: UInt64 = 0
        var isWriting = false
        /// `close()` was called while lines were in flight: the last writer closes the file.
        var isClosing = false
        var failures: [UInt64: String] = [:]
        var waiters: [Waiter] = []
    }

    private let state: Mutex<State>
    private let syncsEachBatch: Bool
    /// The file being written.
    let path: String

    /// Opens (creating when needed) `path` for appending.
    /// - Throws: ``CaptureFileError`` when the file cannot be opened for writing.
    init(path: String, fsync: Bool) throws(CaptureFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: CaptureFileError.describeErrno()) }
        self.path = path
        syncsEachBatch = fsync
        var initial = State(descriptor: descriptor)
        initial.pending.reserveCapacity(64 * 1024)
        state = Mutex(initial)
    }

    deinit {
        state.withLock { state in
            if state.descriptor >= 0 { _ = closeFile(state.descriptor) }
        }
    }

    /// Appends `line` (a whole JSON line, newline included) and returns once it is in the file.
    /// - Throws: ``CaptureFileError`` when the write that held it failed, or the log is closed.
    func append(_ line: [UInt8]) async throws(CaptureFileError) {
        let step = state.withLock { state -> (batch: UInt64, isWriter: Bool)? in
            guard state.descriptor >= 0, !state.isClosing else { return nil }
            state.pending.append(contentsOf: line)
            guard !state.isWriting else { return (state.openBatch, false) }
            state.isWriting = true
            return (state.openBatch, true)
        }
        guard let step else { throw .writeFailed(path: path, reason: "the listener is stopped") }
        var resumption = Resumption.becomeWriter
        if !step.isWriter {
            resumption = await withCheckedContinuation { continuation in
                let now = state.withLock { state -> Resumption? in
                    if state.completedBatch >= step.batch { return .written(state.failures[step.batch]) }
                    guard state.isWriting else {
                        // The last writer found no one to hand this batch to yet: it is this appender's.
                        state.isWriting = true
                        return .becomeWriter
                    }
                    state.waiters.append(Waiter(batch: step.batch, continuation: continuation))
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        }
        let failure: String?
        switch resumption {
        case .written(let written): failure = written
        case .becomeWriter: failure = writeBatch()
        }
        if let failure { throw .writeFailed(path: path, reason: failure) }
    }

    /// Closes the file once the lines in flight are written; later appends fail.
    func close() {
        state.withLock { state in
            guard state.descriptor >= 0 else { return }
            if state.isWriting || !state.pending.isEmpty {
                state.isClosing = true
            } else {
                _ = closeFile(state.descriptor)
                state.descriptor = -1
            }
        }
    }

    /// The writer's part: writes the open batch (which holds the caller's line), resumes its appenders,
    /// and hands the next batch, if any, to one of its appenders. Returns the write's failure, if any.
    private func writeBatch() -> String? {
        var writing: [UInt8] = []
        let (batch, fd) = state.withLock { state -> (UInt64, Int32) in
            swap(&state.pending, &writing)
            defer { state.openBatch += 1 }
            return (state.openBatch, state.descriptor)
        }
        let failure = Self.writeAll(writing, to: fd, syncs: syncsEachBatch)
        let (resumed, next) = state.withLock { state -> ([Waiter], Waiter?) in
            if let failure { state.failures[batch] = failure }
            state.completedBatch = batch
            var resumed: [Waiter] = []
            state.waiters.removeAll { waiter in
                guard waiter.batch <= batch else { return false }
                resumed.append(waiter)
                return true
            }
            if !state.pending.isEmpty,
                let index = state.waiters.firstIndex(where: { $0.batch == state.openBatch })
            {
                return (resumed, state.waiters.remove(at: index))  // stays `isWriting`: handed over
            }
            state.isWriting = false
            if state.isClosing && state.pending.isEmpty {
                _ = closeFile(state.descriptor)
                state.descriptor = -1
            }
            return (resumed, nil)
        }
        for waiter in resumed { waiter.continuation.resume(returning: .written(failure)) }
        next?.continuation.resume(returning: .becomeWriter)
        return failure
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, syncs: Bool) -> String? {
        let failure: String? = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let written = write(fd, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return CaptureFileError.describeErrno()
                }
                offset += written
            }
            return nil
        }
        if let failure { return failure }
        if syncs, fsync(fd) != 0 { return CaptureFileError.describeErrno() }
        return nil
    }
}

private func closeFile(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

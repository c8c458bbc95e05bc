import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The listener's capture file, with group commit that fits an event loop: ``append(_:)`` suspends
/// instead of blocking a thread.
///
/// The first appender that finds no write in flight becomes the writer: it hands its line, and whatever
/// others queued meanwhile, to the kernel in one `write(2)` (then one `fsync(2)`, with `fsync`) on its
/// own thread, and keeps writing batches while lines keep arriving. Everyone else queues its line and
/// suspends; the writer resumes them once the write that holds their line has completed (their tasks
/// then continue on their own event loop). So a loop thread is only ever busy with a write it performs
/// itself, never waiting for another thread's, and every request that arrives while a write is in flight
/// shares the next one. ``append(_:)`` returns only after the write that holds its line has completed,
/// so a response sent afterwards never acknowledges a delivery that is not in the file; a failed write
/// is thrown to every line it held.
///
/// The lines are built outside: the critical section is only queueing the bytes.
final class ListenerCaptureLog: Sendable {
    private struct Waiter {
        let batch: UInt64
        let continuation: CheckedContinuation<String?, Never>
    }

    private struct State {
        var descriptor: Int32
        var pending: [UInt8] = []
        /// The batch the lines in `pending` will be written in.
        var openBatch: UInt64 = 1
        /// Every batch up to this one has been written (or has failed).
        var completedBatch: UInt64 = 0
        var isWriting = false
        /// `close()` was called while a write was in flight: the writer closes once it is done.
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
        let failure: String?
        if step.isWriter {
            failure = writeWhilePending(own: step.batch)
        } else {
            failure = await withCheckedContinuation { continuation in
                let done = state.withLock { state -> String?? in
                    guard state.completedBatch < step.batch else { return .some(state.failures[step.batch]) }
                    state.waiters.append(Waiter(batch: step.batch, continuation: continuation))
                    return .none
                }
                if let done { continuation.resume(returning: done) }
            }
        }
        if let failure { throw .writeFailed(path: path, reason: failure) }
    }

    /// Closes the file once any write in flight has finished; later appends fail.
    func close() {
        state.withLock { state in
            guard state.descriptor >= 0 else { return }
            if state.isWriting {
                state.isClosing = true
            } else {
                _ = closeFile(state.descriptor)
                state.descriptor = -1
            }
        }
    }

    /// The writer's part: writes batches until nothing is queued, resuming each batch's waiters after its
    /// write. Returns the failure (if any) of the batch `own`, the caller's.
    private func writeWhilePending(own: UInt64) -> String? {
        var writing: [UInt8] = []
        var ownFailure: String?
        while true {
            let (batch, fd) = state.withLock { state -> (UInt64, Int32) in
                swap(&state.pending, &writing)
                defer { state.openBatch += 1 }
                return (state.openBatch, state.descriptor)
            }
            let failure = Self.writeAll(writing, to: fd, syncs: syncsEachBatch)
            writing.removeAll(keepingCapacity: true)
            if batch == own { ownFailure = failure }
            let (resumed, isDone) = state.withLock { state -> ([Waiter], Bool) in
                if let failure { state.failures[batch] = failure }
                state.completedBatch = batch
                var resumed: [Waiter] = []
                state.waiters.removeAll { waiter in
                    guard waiter.batch <= batch else { return false }
                    resumed.append(waiter)
                    return true
                }
                guard state.pending.isEmpty else { return (resumed, false) }
                state.isWriting = false
                if state.isClosing {
                    _ = closeFile(state.descriptor)
                    state.descriptor = -1
                }
                return (resumed, true)
            }
            for waiter in resumed { waiter.continuation.resume(returning: failure) }
            if isDone { return ownFailure }
        }
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

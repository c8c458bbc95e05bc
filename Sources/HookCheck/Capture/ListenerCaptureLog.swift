#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The listener's capture file with group commit: connections that append while a `write(2)` is in
/// flight queue their lines, and the next writer hands the whole queue to the kernel in one call (then
/// `fsync(2)`s once, with `fsync`). ``append(_:)`` returns only after the write that holds its line has
/// completed, so a response sent afterwards never acknowledges a delivery that is not in the file.
///
/// The lines are built outside: the critical section is only queueing the bytes.
final class ListenerCaptureLog: @unchecked Sendable {
    // All fields below are guarded by `mutex`, except `writing`, which only the current writer
    // (the one that set `isWriting`) touches.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var descriptor: Int32
    private var pending: [UInt8] = []
    private var writing: [UInt8] = []
    /// The batch the lines in `pending` will be written in.
    private var openBatch: UInt64 = 1
    /// Every batch up to this one has been written (or has failed).
    private var completedBatch: UInt64 = 0
    private var isWriting = false
    private var failures: [UInt64: String] = [:]
    private let syncsEachBatch: Bool
    /// The file being written.
    let path: String

    /// Opens (creating when needed) `path` for appending.
    /// - Throws: ``CaptureFileError`` when the file cannot be opened for writing.
    init(path: String, fsync: Bool) throws(CaptureFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: CaptureFileError.describeErrno()) }
        self.descriptor = descriptor
        self.path = path
        syncsEachBatch = fsync
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        pthread_cond_init(condition, nil)
        pending.reserveCapacity(64 * 1024)
        writing.reserveCapacity(64 * 1024)
    }

    deinit {
        if descriptor >= 0 { _ = closeFile(descriptor) }
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Appends `line` (a whole JSON line, newline included) and waits until it is in the file.
    /// - Throws: ``CaptureFileError`` when the write that held it failed, or the log is closed.
    func append(_ line: [UInt8]) throws(CaptureFileError) {
        pthread_mutex_lock(mutex)
        guard descriptor >= 0 else {
            pthread_mutex_unlock(mutex)
            throw .writeFailed(path: path, reason: "the listener is stopped")
        }
        pending.append(contentsOf: line)
        let ticket = openBatch
        while completedBatch < ticket {
            if isWriting {
                pthread_cond_wait(condition, mutex)
                continue
            }
            writeOneBatch()
        }
        let failure = failures[ticket]
        pthread_mutex_unlock(mutex)
        if let failure { throw .writeFailed(path: path, reason: failure) }
    }

    /// Closes the file once any write in flight has finished; later appends fail.
    func close() {
        pthread_mutex_lock(mutex)
        while isWriting { pthread_cond_wait(condition, mutex) }
        if descriptor >= 0 {
            _ = closeFile(descriptor)
            descriptor = -1
        }
        pthread_mutex_unlock(mutex)
    }

    /// Writes everything queued as one batch. Called with `mutex` held and no write in flight; unlocks
    /// around the system calls and returns with `mutex` held again.
    private func writeOneBatch() {
        isWriting = true
        swap(&pending, &writing)
        let batch = openBatch
        openBatch += 1
        let fd = descriptor
        pthread_mutex_unlock(mutex)
        let failure = Self.writeAll(writing, to: fd, syncs: syncsEachBatch)
        writing.removeAll(keepingCapacity: true)
        pthread_mutex_lock(mutex)
        if let failure { failures[batch] = failure }
        completedBatch = batch
        isWriting = false
        pthread_cond_broadcast(condition)
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

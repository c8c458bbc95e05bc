import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends capture records to a file, one JSON line each. ``append(_:)`` returns only after the
/// line has been handed to the kernel with `write(2)` (and, with `fsync`, synced to disk), so a
/// response sent afterwards never acknowledges a delivery that is not in the file. Appends from
/// several connections are serialised.
public final class CaptureFileWriter: Sendable {
    private let descriptor: Mutex<Int32>
    private let syncsEachRecord: Bool
    /// The file being written.
    public let path: String

    /// Opens (creating when needed) `path` for appending.
    /// - Parameters:
    ///   - path: the capture file.
    ///   - fsync: whether every append also calls `fsync(2)`.
    /// - Throws: ``CaptureFileError`` when the file cannot be opened for writing.
    public init(path: String, fsync: Bool = false) throws(CaptureFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: CaptureFileError.describeErrno()) }
        self.descriptor = Mutex(descriptor)
        self.syncsEachRecord = fsync
        self.path = path
    }

    deinit {
        close()
    }

    /// Writes `record` as one line.
    /// - Throws: ``CaptureFileError`` when the write fails (disk full, file closed).
    public func append(_ record: CaptureRecord) throws(CaptureFileError) {
        let line = record.jsonLine()
        let path = self.path
        let syncs = syncsEachRecord
        let failure: CaptureFileError? = descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return .writeFailed(path: path, reason: "the file is closed") }
            var offset = 0
            while offset < line.count {
                let written = line.withUnsafeBytes { raw in
                    write(descriptor, raw.baseAddress! + offset, line.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    return .writeFailed(path: path, reason: CaptureFileError.describeErrno())
                }
                offset += written
            }
            if syncs, fsync(descriptor) != 0 {
                return .writeFailed(path: path, reason: CaptureFileError.describeErrno())
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Closes the file; later appends fail.
    public func close() {
        descriptor.withLock { descriptor in
            if descriptor >= 0 {
                closeDescriptor(descriptor)
                descriptor = -1
            }
        }
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

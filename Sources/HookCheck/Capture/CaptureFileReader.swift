#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams a capture file line by line with a fixed-size buffer, so memory does not grow with the
/// file. Each call to ``next()`` gives one event: a record, a malformed line (with its number), or
/// a torn last line — a final line without its newline that does not parse, as a crash mid-write
/// leaves it.
public final class CaptureFileReader {
    /// One step of reading.
    public enum Event: Sendable {
        /// A record read from `line` (1-based).
        case record(CaptureRecord, line: Int)
        /// A line that is not a capture record.
        case malformed(line: Int, error: CaptureLineError)
        /// The last line has no newline and does not parse: a write cut short. Skip it with a warning.
        case tornLastLine(line: Int, byteCount: Int)
    }

    /// The default longest line accepted: 16 MiB (a 10 MiB body grows when escaped).
    public static let defaultLineLimit = 16 * 1024 * 1024

    private let descriptor: Int32
    private let lineLimit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var lineNumber = 0
    /// The path being read, for messages.
    public let path: String

    /// Opens `path` for reading.
    /// - Throws: ``CaptureFileError`` when the file cannot be opened.
    public init(path: String, lineLimit: Int = CaptureFileReader.defaultLineLimit) throws(CaptureFileError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: CaptureFileError.describeErrno()) }
        self.descriptor = descriptor
        self.lineLimit = lineLimit
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    /// One line as read, before it is parsed: the unit a caller may hand to another thread.
    enum RawLine: Sendable {
        /// A line's bytes (without the newline); `isUnterminated` for a last line without a newline.
        /// The lines of one ``CaptureFileReader/nextLines(upTo:)`` batch share one buffer.
        case text(ArraySlice<UInt8>, line: Int, isUnterminated: Bool)
        /// A line longer than the limit, already skipped.
        case tooLong(line: Int, limit: Int)

        /// The event this line makes: a record, a malformed line, or a torn last line.
        var event: Event {
            switch self {
            case .tooLong(let line, let limit):
                return .malformed(line: line, error: .tooLong(limit: limit))
            case .text(let bytes, let line, let isUnterminated):
                switch CaptureFileReader.event(for: bytes, number: line) {
                case .record(let record, let number): return .record(record, line: number)
                case let other where !isUnterminated: return other
                default: return .tornLastLine(line: line, byteCount: bytes.count)
                }
            }
        }
    }

    /// The next event, or `nil` at the end of the file.
    /// - Throws: ``CaptureFileError`` on a read error.
    public func next() throws(CaptureFileError) -> Event? {
        try nextLine()?.event
    }

    /// The next non-blank line, unparsed, or `nil` at the end of the file.
    /// - Throws: ``CaptureFileError`` on a read error.
    func nextLine() throws(CaptureFileError) -> RawLine? {
        switch try nextLineInBuffer() {
        case nil: return nil
        case .text(let range, let line, let isUnterminated):
            return .text(Array(buffer[range])[...], line: line, isUnterminated: isUnterminated)
        case .tooLong(let line, let limit): return .tooLong(line: line, limit: limit)
        }
    }

    /// Up to `count` next non-blank lines, unparsed (fewer only at the end of the file). Their bytes
    /// are copied into one buffer that the lines share, not an array each.
    /// - Throws: ``CaptureFileError`` on a read error.
    func nextLines(upTo count: Int) throws(CaptureFileError) -> [RawLine] {
        var bytes: [UInt8] = []
        var found: [LineInBuffer] = []
        found.reserveCapacity(count)
        while found.count < count, let line = try nextLineInBuffer() {
            guard case .text(let range, let number, let isUnterminated) = line else {
                found.append(line)
                continue
            }
            // Room for `count` lines like the first, within reason (a line may be as long as the limit).
            if bytes.isEmpty { bytes.reserveCapacity(min(range.count &* count, 4 << 20)) }
            let start = bytes.count
            bytes.append(contentsOf: buffer[range])
            found.append(.text(start..<bytes.count, line: number, isUnterminated: isUnterminated))
        }
        return found.map { line in
            switch line {
            case .text(let range, let number, let isUnterminated):
                .text(bytes[range], line: number, isUnterminated: isUnterminated)
            case .tooLong(let number, let limit): .tooLong(line: number, limit: limit)
            }
        }
    }

    /// A line found in ``buffer``, valid until the next read.
    private enum LineInBuffer {
        case text(Range<Int>, line: Int, isUnterminated: Bool)
        case tooLong(line: Int, limit: Int)
    }

    /// The next non-blank line as a range of ``buffer`` (valid until the next call), or `nil` at the
    /// end of the file.
    private func nextLineInBuffer() throws(CaptureFileError) -> LineInBuffer? {
        while true {
            if let newline = newlineIndex() {
                let range = start..<newline
                start = newline + 1
                lineNumber += 1
                if range.count > lineLimit { return .tooLong(line: lineNumber, limit: lineLimit) }
                if buffer[range].allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { continue }
                return .text(range, line: lineNumber, isUnterminated: false)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let range = start..<buffer.count
                start = buffer.count
                lineNumber += 1
                return .text(range, line: lineNumber, isUnterminated: true)
            }
            if buffer.count - start > lineLimit {
                // Skip the rest of an over-long line without holding it.
                try skipPastNewline()
                lineNumber += 1
                return .tooLong(line: lineNumber, limit: lineLimit)
            }
            try fill()
        }
    }

    private static func event(for line: ArraySlice<UInt8>, number: Int) -> Event {
        do {
            return .record(try CaptureRecord.parse(lineSlice: line), line: number)
        } catch {
            return .malformed(line: number, error: error)
        }
    }

    /// The index of the first newline in the buffer at or after `start`.
    private func newlineIndex() -> Int? {
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, start < raw.count,
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), raw.count - start)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private func fill() throws(CaptureFileError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let chunk = 64 * 1024
        let oldCount = buffer.count
        buffer.reserveCapacity(oldCount + chunk)
        var readCount = 0
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        repeat {
            readCount = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + oldCount, chunk)
            }
        } while readCount < 0 && errno == EINTR
        guard readCount >= 0 else {
            buffer.removeSubrange(oldCount...)
            throw .readFailed(path: path, reason: CaptureFileError.describeErrno())
        }
        buffer.removeSubrange((oldCount + readCount)...)
        if readCount == 0 { atEnd = true }
    }

    private func skipPastNewline() throws(CaptureFileError) {
        while true {
            if let newline = newlineIndex() {
                start = newline + 1
                return
            }
            buffer.removeAll(keepingCapacity: true)
            start = 0
            if atEnd { return }
            try fill()
        }
    }
}

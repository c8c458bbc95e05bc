import FuzzSupport
import HookCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libFuzzer entry point for the capture-file line codec and reader. Checked: `CaptureRecord.parse(line:)`
/// never traps and a parsed record written back out is a fixed point (write, parse, write gives the same
/// bytes); `CaptureFileReader` over the same bytes as a file (with a 512-byte line limit) terminates, numbers
/// its events in increasing line order, and each record equals the parse of that line on its own.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaptureLine(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = FuzzInput(start: start, count: count).bytes
    if let record = try? CaptureRecord.parse(line: bytes) {
        let written = record.jsonLine()
        fuzzCheck(written.last == 0x0A, "jsonLine() does not end with a newline")
        guard let again = try? CaptureRecord.parse(line: Array(written.dropLast())) else {
            fuzzCheck(false, "a written record does not parse: \(String(decoding: written, as: UTF8.self))")
            return 0
        }
        fuzzCheck(again.jsonLine() == written, "write, parse, write is not a fixed point")
    }
    checkReader(bytes)
    return 0
}

private let lineLimit = 512

private func checkReader(_ bytes: [UInt8]) {
    let path = "/tmp/hookcheck-fuzz-capture-\(getpid()).jsonl"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { return }
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    guard written == bytes.count, let reader = try? CaptureFileReader(path: path, lineLimit: lineLimit) else { return }
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    var lastLine = 0
    var events = 0
    while let event = try? reader.next() {
        events += 1
        fuzzCheck(events <= lines.count, "more events than lines")
        switch event {
        case .record(let record, let line):
            fuzzCheck(line > lastLine && line <= lines.count, "record line \(line) after \(lastLine)")
            lastLine = line
            fuzzCheck(lines[line - 1].count <= lineLimit, "a record from a line past the limit")
            let alone = try? CaptureRecord.parse(line: Array(lines[line - 1]))
            fuzzCheck(alone == record, "line \(line) parses differently on its own")
        case .malformed(let line, let error):
            fuzzCheck(line > lastLine && line <= lines.count, "malformed line \(line) after \(lastLine)")
            lastLine = line
            _ = error.description
        case .tornLastLine(let line, let byteCount):
            fuzzCheck(line > lastLine && line == lines.count, "torn line \(line) is not the last")
            fuzzCheck(byteCount == lines[line - 1].count, "torn line size \(byteCount)")
            lastLine = line
        }
    }
}

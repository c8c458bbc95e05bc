/// Writes a message's bytes into an array allocated once at its exact size: ``bytes(_:)`` runs the same
/// writing code twice, first only counting, then copying into the array's uninitialized storage.
struct WireWriter {
    /// Where the bytes go; `nil` while counting.
    private let storage: UnsafeMutableBufferPointer<UInt8>?
    /// The bytes written (or counted) so far.
    private(set) var count = 0

    private init(storage: UnsafeMutableBufferPointer<UInt8>?) {
        self.storage = storage
    }

    /// The bytes `write` produces, in an array of exactly their number.
    static func bytes(_ write: (inout WireWriter) -> Void) -> [UInt8] {
        var counter = WireWriter(storage: nil)
        write(&counter)
        return [UInt8](unsafeUninitializedCapacity: counter.count) { buffer, initialized in
            var writer = WireWriter(storage: buffer)
            write(&writer)
            initialized = writer.count
        }
    }

    mutating func append(_ byte: UInt8) {
        storage?[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if let target = storage?.baseAddress, let source = bytes.baseAddress {
            UnsafeMutableRawPointer(target + count).copyMemory(from: source, byteCount: bytes.count)
        }
        count += bytes.count
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    mutating func append(_ text: String) {
        guard storage != nil else {
            count += text.utf8.count
            return
        }
        // In place for native strings (every one built or parsed here); byte by byte for any other.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append(UnsafeRawBufferPointer($0)) }
        if copied == nil {
            for byte in text.utf8 { append(byte) }
        }
    }

    /// A number in decimal digits, without building a `String` when it is not negative.
    mutating func append(decimal value: Int) {
        guard value >= 0 else {
            append(String(value))
            return
        }
        var divisor = 1
        while value / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(0x30 + value / divisor % 10))
            divisor /= 10
        }
    }

    /// `HTTP/major.minor`, without building a `String` for the usual single-digit versions.
    mutating func append(_ version: HTTPVersion) {
        guard (0...9).contains(version.major), (0...9).contains(version.minor) else {
            append(version.description)
            return
        }
        for byte in "HTTP/".utf8 { append(byte) }
        append(UInt8(0x30 + version.major))
        append(0x2E)
        append(UInt8(0x30 + version.minor))
    }

    mutating func appendLineEnd() {
        append(0x0D)
        append(0x0A)
    }

    /// `name: value` and the line end.
    mutating func appendField(name: String, value: String) {
        append(name)
        append(0x3A)
        append(0x20)
        append(value)
        appendLineEnd()
    }

    /// Every field in order, each on its own line.
    mutating func append(_ headers: HTTPHeaders) {
        headers.fields.withUnsafeBufferPointer { fields in
            for index in fields.indices { appendField(name: fields[index].name, value: fields[index].value) }
        }
    }
}

extension [UInt8] {
    /// The bytes as UTF-8 text (invalid sequences replaced).
    public var text: String { String(decoding: self, as: UTF8.self) }

    /// The status code of the first response in these bytes, or `nil` when there is none.
    public var firstStatus: Int? {
        let text = String(decoding: prefix(32), as: UTF8.self)
        guard text.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(text.dropFirst(9).prefix(3))
    }

    /// The status codes of every response in these bytes, in order.
    public var statuses: [Int] {
        String(decoding: self, as: UTF8.self).components(separatedBy: "HTTP/1.1 ").dropFirst().compactMap {
            Int($0.prefix(3))
        }
    }
}

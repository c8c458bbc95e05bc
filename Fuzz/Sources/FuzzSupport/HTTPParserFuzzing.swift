import HookHTTP

/// The properties every HTTP parser target checks, for requests and responses alike:
///
/// - no input traps, hangs or grows memory past the limits (the sanitizer and libFuzzer's own
///   limits watch those);
/// - feeding the bytes in one piece or in small pieces gives the same events and the same verdict;
/// - a parsed message respects the limits it was parsed with;
/// - a request body re-sent in small chunks parses to the same body;
/// - a message without `Transfer-Encoding`, written back out, parses to the same message (under the
///   standard limits: a byte that is not UTF-8 comes back as the three bytes of U+FFFD).
///
/// The first input byte picks the limits (standard, or tiny so the limit paths are reached) and the
/// piece size; the rest is the byte stream.
public enum HTTPParserFuzzing {
    /// Limits small enough that short inputs reach every limit path.
    static let tinyLimits = HTTPLimits(maxHeaderBytes: 200, maxHeaderFields: 6, maxBodyBytes: 64)

    /// Runs one input through a parser of `kind`.
    public static func run(_ data: [UInt8], kind: HTTPParser.Kind) {
        var input = FuzzInput(data)
        let options = input.takeByte()
        let limits = options & 1 == 0 ? HTTPLimits.standard : tinyLimits
        let pieceSize = Int(options >> 1) % 16 + 1
        let isHeadResponse = options & 0x80 != 0 && kind == .response
        let stream = input.takeRest()

        let whole = outcome(of: [stream], kind: kind, limits: limits, isHeadResponse: isHeadResponse)
        let pieces = stride(from: 0, to: stream.count, by: pieceSize).map {
            Array(stream[$0..<min($0 + pieceSize, stream.count)])
        }
        let split = outcome(of: pieces, kind: kind, limits: limits, isHeadResponse: isHeadResponse)
        fuzzCheck(
            (whole.error == nil) == (split.error == nil),
            "whole input ended with \(describe(whole.error)), pieces of \(pieceSize) with \(describe(split.error))")
        if whole.error == nil {
            fuzzCheck(whole.events == split.events, "events differ between whole input and pieces of \(pieceSize)")
        }
        for event in whole.events { checkInvariants(event, limits: limits, isHeadResponse: isHeadResponse) }
    }

    struct Outcome {
        var events: [HTTPParser.Event] = []
        var error: HTTPParseError?
    }

    static func outcome(of pieces: [[UInt8]], kind: HTTPParser.Kind, limits: HTTPLimits, isHeadResponse: Bool)
        -> Outcome
    {
        var parser = HTTPParser(kind: kind, limits: limits)
        parser.isExpectingBodylessResponse = isHeadResponse
        var result = Outcome()
        do {
            for piece in pieces {
                parser.append(piece)
                while let event = try parser.next() { result.events.append(event) }
            }
            if let event = try parser.finish() { result.events.append(event) }
        } catch {
            result.error = error
            // Errors are sticky: asking again must give the same error, not a trap or a new event.
            do {
                _ = try parser.next()
                fuzzCheck(false, "next() after \(error) did not throw")
            } catch let again {
                fuzzCheck(again == error, "sticky error changed from \(error) to \(again)")
            }
            // Descriptions and statuses must be computable for every error.
            _ = error.description
        }
        return result
    }

    static func checkInvariants(_ event: HTTPParser.Event, limits: HTTPLimits, isHeadResponse: Bool) {
        switch event {
        case .requestHead(let request):
            fuzzCheck(request.body.isEmpty, "a request head event carries a body")
        case .responseHead(let response):
            fuzzCheck(response.body.isEmpty, "a response head event carries a body")
        case .request(let request):
            checkMessage(
                headers: request.headers, trailers: request.trailers, body: request.body, limits: limits,
                isFramedByLength: true)
            checkRechunked(request)
            if !request.headers.contains("Transfer-Encoding") && request.trailers.isEmpty {
                // Standard limits: a lossily decoded byte grows to three when written back.
                var parser = HTTPParser(kind: .request)
                let again = try? parser.parse(request.serialized())
                fuzzCheck(again?.last == .request(request), "a request written back out parses differently")
            }
        case .response(let response):
            let isBodyless = isHeadResponse || response.status < 200 || [204, 304].contains(response.status)
            checkMessage(
                headers: response.headers, trailers: response.trailers, body: response.body, limits: limits,
                isFramedByLength: !isBodyless)
            if !response.headers.contains("Transfer-Encoding") && response.trailers.isEmpty && !isBodyless
                && response.headers.contains("Content-Length") && !response.reason.isEmpty
            {
                var parser = HTTPParser(kind: .response)
                let again = try? parser.parse(response.serialized())
                fuzzCheck(again?.last == .response(response), "a response written back out parses differently")
            }
        }
    }

    /// The request's body sent again as chunks of 1 to 16 bytes (the size taken from the body's length)
    /// must parse to the same body: chunk framing must not depend on how many chunks there are.
    static func checkRechunked(_ request: HTTPRequest) {
        guard !request.body.isEmpty else { return }
        let size = request.body.count % 16 + 1
        var fields = request.headers.filter {
            $0.name.lowercased() != "content-length" && $0.name.lowercased() != "transfer-encoding"
        }
        fields.append(HTTPField(name: "Transfer-Encoding", value: "chunked"))
        var rechunked = request
        rechunked.headers = HTTPHeaders(fields: fields)
        rechunked.body = []
        var bytes = rechunked.serializedHead()
        guard bytes.count < HTTPLimits.standard.maxHeaderBytes else { return }  // lossy decoding can grow a head
        for start in stride(from: 0, to: request.body.count, by: size) {
            let chunk = request.body[start..<min(start + size, request.body.count)]
            bytes += Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10]
        }
        bytes += Array("0\r\n\r\n".utf8)
        var parser = HTTPParser(kind: .request)
        let events = try? parser.parse(bytes)
        guard case .request(let again) = events?.last else {
            fuzzCheck(false, "a \(request.body.count)-byte body sent in \(size)-byte chunks does not parse")
            return
        }
        fuzzCheck(again.body == request.body, "a body sent in \(size)-byte chunks parses differently")
    }

    static func checkMessage(
        headers: HTTPHeaders, trailers: HTTPHeaders, body: [UInt8], limits: HTTPLimits, isFramedByLength: Bool
    ) {
        fuzzCheck(headers.count <= limits.maxHeaderFields, "\(headers.count) header fields parsed past the limit")
        fuzzCheck(trailers.count <= limits.maxHeaderFields, "\(trailers.count) trailer fields parsed past the limit")
        fuzzCheck(body.count <= limits.maxBodyBytes, "a \(body.count)-byte body parsed past the limit")
        if isFramedByLength, let length = headers["Content-Length"], !headers.contains("Transfer-Encoding") {
            let first = length.split(separator: ",").first.map { $0.trimmingCharacters(in: " \t") } ?? ""
            fuzzCheck(Int(first) == body.count, "Content-Length \(length) but a \(body.count)-byte body")
        }
    }

    static func describe(_ error: HTTPParseError?) -> String {
        error.map { "error \($0)" } ?? "no error"
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

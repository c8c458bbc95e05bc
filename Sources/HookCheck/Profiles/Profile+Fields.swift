import Foundation
import HookHTTP

extension Profile {
    /// The delivery's event type, read from the profile's event source.
    /// - Parameters:
    ///   - body: the parsed body (`nil` when it is not JSON, or for a GET delivery read from its query).
    ///   - headers: the request headers.
    public func eventType(in body: JSONValue?, headers: HTTPHeaders) -> String? {
        event.text(in: body, headers: headers)
    }

    /// The delivery id, read from the profile's id source (`nil` when the profile has none).
    public func id(in body: JSONValue?, headers: HTTPHeaders) -> String? {
        id.text(in: body, headers: headers)
    }

    /// The timestamp text as sent, read from the profile's timestamp source.
    public func timestampText(in body: JSONValue?, headers: HTTPHeaders) -> String? {
        timestamp.text(in: body, headers: headers)
    }

    /// The delivery's timestamp, read from the profile's timestamp source and parsed with
    /// ``parseTimestamp(_:)``; `nil` when missing or malformed.
    public func timestamp(in body: JSONValue?, headers: HTTPHeaders) -> Date? {
        timestampText(in: body, headers: headers).flatMap(parseTimestamp)
    }

    /// `date` written exactly as the provider writes timestamps (`1614265330`,
    /// `2018-04-20T13:11:34.6926949Z`, `2022-04-01T14:24:14.196+00:00`).
    public func formatTimestamp(_ date: Date) -> String {
        timestampFormat.format(date)
    }

    /// Reads a timestamp: unix seconds for unix profiles, any RFC 3339 date-time for the others.
    public func parseTimestamp(_ text: String) -> Date? {
        timestampFormat.parse(text)
    }

    /// The JSON pointer sources the profile fills in a case body (id and timestamp), for `run`.
    public var bodyFieldPointers: [JSONPointer] {
        [id, timestamp].compactMap { if case .pointer(let pointer) = $0 { pointer } else { nil } }
    }
}

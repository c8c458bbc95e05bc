import Foundation

/// Why one line of a capture file could not be read.
public indirect enum CaptureLineError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidJSON(String)
    case missingField(String)
    case wrongType(field: String, expected: String)
    case tooLong(limit: Int)
    /// `problem`, at a 1-based column of the line and the JSON pointer of the value concerned.
    case at(column: Int, pointer: JSONPointer, CaptureLineError)

    /// The 1-based column of the problem in its line, when known.
    public var column: Int? {
        if case .at(let column, _, _) = self { column } else { nil }
    }

    /// The JSON pointer of the value concerned, when known.
    public var pointer: JSONPointer? {
        if case .at(_, let pointer, _) = self { pointer } else { nil }
    }

    /// What is wrong, without its location.
    public var problem: String {
        switch self {
        case .invalidJSON(let detail): "not a JSON object: \(detail)"
        case .missingField(let field): "missing field \"\(field)\""
        case .wrongType(_, let expected): "expected \(expected)"
        case .tooLong(let limit): "line longer than the limit of \(limit) bytes"
        case .at(_, _, let inner): inner.problem
        }
    }

    /// `column 37: /headers/0: expected a [name, value] pair of strings`, or the problem alone.
    public var description: String {
        switch self {
        case .at(let column, let pointer, let inner): "column \(column): \(pointer.displayText): \(inner.problem)"
        default: problem
        }
    }

    /// This error with its column and pointer found in `line` (a field error's pointer is the field's; a
    /// missing field's is the object's).
    func located(in line: [UInt8]) -> CaptureLineError {
        let pointer: JSONPointer
        switch self {
        case .at, .tooLong, .invalidJSON: return self
        case .missingField: pointer = .root
        case .wrongType(let field, _): pointer = JSONPointer(field == "/" ? "" : "/" + field) ?? .root
        }
        let column = (try? JSONParser.parseDocument(line))?.location(of: pointer)?.column ?? 1
        return .at(column: column, pointer: pointer, self)
    }
}

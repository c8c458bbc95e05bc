// A webhook capture receiver on Hummingbird 2 and swift-crypto, the benchmark's anchor for
// `hookcheck listen`: read the whole body, verify the Standard Webhooks signature, append one JSON line
// to the capture file with write(2) (the line is in the file before the answer), answer 204.
//   HummingbirdPeer PORT CAPTURE_FILE      (secret in HOOKCHECK_SECRET, whsec_<base64>)
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// The peer's settings and shared state, read from the command line and the environment once.
enum Peer {
    static let arguments = CommandLine.arguments
    static let port = arguments.count > 1 ? Int(arguments[1]) ?? 0 : 0
    static let path = arguments.count > 2 ? arguments[2] : "captures.jsonl"
    static let key: SymmetricKey = {
        let secret = ProcessInfo.processInfo.environment["HOOKCHECK_SECRET"] ?? ""
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        return SymmetricKey(data: Data(base64Encoded: encoded) ?? Data())
    }()
    static let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    static let sequence = Mutex(0)
    static let webhookID = HTTPField.Name("webhook-id")!
    static let webhookTimestamp = HTTPField.Name("webhook-timestamp")!
    static let webhookSignature = HTTPField.Name("webhook-signature")!
}

guard Peer.descriptor >= 0 else {
    print("cannot open \(Peer.path)")
    exit(1)
}

func verify(_ fields: HTTPFields, body: [UInt8]) -> Bool {
    guard let id = fields[Peer.webhookID], let timestamp = fields[Peer.webhookTimestamp],
        let signatures = fields[Peer.webhookSignature], let seconds = Double(timestamp),
        abs(Date().timeIntervalSince1970 - seconds) <= 300
    else { return false }
    var mac = HMAC<SHA256>(key: Peer.key)
    mac.update(data: Array("\(id).\(timestamp).".utf8))
    mac.update(data: body)
    let expected = Data(mac.finalize())
    for entry in signatures.split(separator: " ") {
        let parts = entry.split(separator: ",", maxSplits: 1)
        guard parts.count == 2, parts[0] == "v1", let given = Data(base64Encoded: String(parts[1])) else { continue }
        if given.count == expected.count, zip(given, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 { return true }
    }
    return false
}

func escaped(_ text: String, into line: inout String) {
    line.append("\"")
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": line.append("\\\"")
        case "\\": line.append("\\\\")
        case "\n": line.append("\\n")
        case "\r": line.append("\\r")
        case "\t": line.append("\\t")
        default:
            if scalar.value < 0x20 {
                line.append(String(format: "\\u%04x", scalar.value))
            } else {
                line.unicodeScalars.append(scalar)
            }
        }
    }
    line.append("\"")
}

let router = Router()
router.post("**") { request, context -> Response in
    let buffer = try await request.body.collect(upTo: 1 << 20)
    let body = Array(buffer.readableBytesView)
    let valid = verify(request.headers, body: body)
    let seq = Peer.sequence.withLock { value in
        value += 1
        return value
    }
    var line = "{\"seq\":\(seq),\"receivedAt\":\"\(Date().timeIntervalSince1970)\",\"method\":\"POST\",\"target\":"
    escaped(request.uri.description, into: &line)
    line.append(",\"headers\":[")
    for (index, field) in request.headers.enumerated() {
        if index > 0 { line.append(",") }
        line.append("[")
        escaped(field.name.rawName, into: &line)
        line.append(",")
        escaped(field.value, into: &line)
        line.append("]")
    }
    line.append("],\"body\":")
    escaped(String(decoding: body, as: UTF8.self), into: &line)
    line.append(",\"valid\":\(valid),\"response\":{\"status\":204}}\n")
    let bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(Peer.descriptor, $0.baseAddress! + offset, bytes.count - offset) }
        if written < 0 {
            if errno == EINTR { continue }
            return Response(status: .serviceUnavailable)
        }
        offset += written
    }
    return Response(status: .noContent)
}
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: Peer.port), serverName: nil),
    onServerRunning: { channel in
        print("listening on http://127.0.0.1:\(channel.localAddress?.port ?? Peer.port)/")
    }
)
try await app.runService()

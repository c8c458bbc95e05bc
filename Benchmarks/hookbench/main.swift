import HookCheck
import HookHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// hookbench: the load generators and targets `Benchmarks/run` drives.
///
///     hookbench server [--port N]                      answers 204 to everything; prints "listening on PORT"
///     hookbench client --url URL [--requests N] [--connections C] [--body BYTES]
///                                                      prints "requests/s: X"
///     hookbench hmac [--messages N] [--bytes B]         HMAC-SHA256 one message at a time vs four side by side
let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String, _ fallback: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}

/// Keeps a computed value alive, so the optimiser cannot drop the work that produced it.
@inline(never)
func keep(_ value: UInt8) {
    _ = value
}

func fail(_ message: String) -> Never {
    let line = Array("hookbench: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

switch arguments.first {
case "server":
    let port = Int(option("--port", "0")) ?? 0
    let server = HTTPServer(configuration: .init(port: port)) { _ in HTTPResponse(status: 204) }
    do {
        try await server.start()
    } catch {
        fail("\(error)")
    }
    print("listening on \(server.port)")
    fflush(nil)
    while true { try? await Task.sleep(for: .seconds(3600)) }
case "hmac":
    let count = Int(option("--messages", "40000")) ?? 40000
    let size = Int(option("--bytes", "1100")) ?? 1100
    let messages = (0..<count).map { index in [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: size) }
    let mac = HMAC<SHA256>(key: Array("hookbench-key".utf8))
    let clock = ContinuousClock()
    var check: UInt8 = 0
    let single = clock.measure {
        var mac = mac
        for message in messages {
            mac.update(message)
            check ^= mac.finalize()[0]
        }
    }
    let grouped = clock.measure {
        for code in mac.authenticationCodes(for: messages) { check ^= code[0] }
    }
    func rate(_ duration: Duration) -> Double {
        Double(count) / (Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
    }
    keep(check)
    let ratio = (rate(grouped) / rate(single) * 100).rounded() / 100
    print("hmac-sha256 \(size) B one at a time:     \(Int(rate(single))) messages/s")
    print("hmac-sha256 \(size) B four side by side: \(Int(rate(grouped))) messages/s (\(ratio)x)")
case "client":
    let url: HTTPURL
    do {
        url = try HTTPURL(option("--url", "http://127.0.0.1:8080/"))
    } catch {
        fail("\(error)")
    }
    let total = Int(option("--requests", "20000")) ?? 20000
    let connections = Int(option("--connections", "32")) ?? 32
    let body = [UInt8](repeating: 0x61, count: Int(option("--body", "0")) ?? 0)
    let client = HTTPClient(configuration: .init(maxIdleConnectionsPerHost: connections))
    let request = HTTPRequest(method: body.isEmpty ? "GET" : "POST", target: url.target, body: body)
    let perWorker = total / connections
    let clock = ContinuousClock()
    let start = clock.now
    let failures = await withTaskGroup(of: Int.self) { group in
        for _ in 0..<connections {
            group.addTask {
                var failed = 0
                for _ in 0..<perWorker {
                    do {
                        let response = try await client.send(request, to: url)
                        if response.status >= 400 { failed += 1 }
                    } catch {
                        failed += 1
                    }
                }
                return failed
            }
        }
        var total = 0
        for await failed in group { total += failed }
        return total
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let sent = perWorker * connections
    print("requests: \(sent) failures: \(failures) seconds: \((seconds * 1000).rounded() / 1000)")
    print("requests/s: \(Int(Double(sent) / seconds))")
    if failures > 0 { exit(1) }
default:
    print("hookbench \(HookHTTP.version)")
    print("usage: hookbench server [--port N] | client --url URL [--requests N] [--connections C] [--body BYTES]")
}

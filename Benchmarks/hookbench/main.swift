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
///     hookbench hmac [--messages N] [--bytes B] [--rounds R]
///                                                      SHA-256 and HMAC-SHA256 rates, hardware and portable
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
    // SHA-256, HMAC-SHA256 and HMAC-SHA1 over `--bytes`-byte messages, on the CPU's SHA instructions (when
    // it has them) and on the portable code, one message at a time and (portable only) four side by side.
    // Timed in CPU time of this thread, as `openssl speed` times in user CPU time by default, so a busy
    // machine's waits count for neither; the variants also alternate round by round and each keeps its
    // best round. MB is 10^6 bytes, as in `openssl speed`.
    let count = Int(option("--messages", "40000")) ?? 40000
    let size = Int(option("--bytes", "1024")) ?? 1024
    let rounds = Int(option("--rounds", "5")) ?? 5
    let messages = (0..<count).map { index in [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: size) }
    let key = Array("hookbench-key".utf8)
    let hardware = HMAC<SHA256>(key: key)
    let portable = SHA256.$forcesPortable.withValue(true) { HMAC<SHA256>(key: key) }
    var check: UInt8 = 0
    func cpuSeconds(_ work: () -> Void) -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
        }
        let start = now()
        work()
        return now() - start
    }
    typealias Variant = (name: String, run: () -> Void)
    var variants: [Variant] = []
    func hashEach(portable: Bool) {
        var hasher = SHA256(portable: portable)
        for message in messages {
            hasher.update(message)
            check ^= hasher.finalize()[0]
        }
    }
    func macEach<H: HashFunction>(_ mac: HMAC<H>) {
        var mac = mac
        for message in messages {
            mac.update(message)
            check ^= mac.finalize()[0]
        }
    }
    if SHA256.hardwareAvailable {
        variants.append(("sha256      hardware, one at a time", { hashEach(portable: false) }))
        variants.append(("hmac-sha256 hardware, one at a time", { macEach(hardware) }))
        variants.append(
            (
                "hmac-sha256 hardware, in groups    ",
                {
                    for code in hardware.authenticationCodes(for: messages) { check ^= code[0] }
                }
            ))
    }
    // GitHub's X-Hub-Signature and Twilio sign with HMAC-SHA1; the sender computes one per GitHub delivery.
    let sha1Hardware = HMAC<SHA1>(key: key)
    let sha1Portable = SHA256.$forcesPortable.withValue(true) { HMAC<SHA1>(key: key) }
    if SHA1.hardwareAvailable {
        variants.append(("hmac-sha1   hardware, one at a time", { macEach(sha1Hardware) }))
    }
    variants.append(("hmac-sha1   portable, one at a time", { macEach(sha1Portable) }))
    variants.append(("sha256      portable, one at a time", { hashEach(portable: true) }))
    variants.append(("hmac-sha256 portable, one at a time", { macEach(portable) }))
    variants.append(
        (
            "hmac-sha256 portable, four lanes   ",
            {
                for code in portable.authenticationCodes(for: messages) { check ^= code[0] }
            }
        ))
    var best = [Double](repeating: .infinity, count: variants.count)
    for _ in 0..<rounds {
        for (index, variant) in variants.enumerated() {
            best[index] = min(best[index], cpuSeconds(variant.run))
        }
    }
    keep(check)
    print("SHA-256 instructions: \(SHA256.hardwareAvailable ? "yes, used" : "no, portable code only")")
    print("SHA-1 instructions: \(SHA1.hardwareAvailable ? "yes, used" : "no, portable code only")")
    for (index, variant) in variants.enumerated() {
        let perSecond = Double(count) / best[index]
        let megabytes = perSecond * Double(size) / 1e6
        print("\(variant.name) \(size) B: \(Int(perSecond)) messages/s, \(Int(megabytes)) MB/s")
    }
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
            // On the client's poller thread, as `hookcheck run` sends: no hop between threads per request.
            group.addTask(executorPreference: client.executor) {
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

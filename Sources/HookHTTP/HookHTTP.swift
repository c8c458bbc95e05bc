/// HookHTTP: HTTP/1.1 over POSIX sockets — message model (`HTTPRequest`, `HTTPResponse`,
/// `HTTPHeaders`), incremental parser (`HTTPParser`), serializer, client (`HTTPClient`) and server
/// (`HTTPServer`). It knows nothing about webhooks; HookCheck builds on it.
///
/// ## I/O model: dedicated threads, never the cooperative pool
///
/// Every blocking syscall (`getaddrinfo`, `connect`, `accept`, `poll`) runs on a dedicated thread
/// (`IOThreadPool`, or the client's one `SocketPoller` thread), never on Swift's cooperative thread
/// pool, which has one thread per core and would stall every task if a thread blocked in `recv`.
/// Sockets are non-blocking and every wait is a `poll()` bounded by a deadline, which is how the
/// header, body, idle, connect, write and response timeouts are enforced.
///
/// - The server runs one accept thread (`poll` on the listener and a wake-up pipe) and one thread
///   per open connection (bounded by `maxConnections`, default 1024). The connection thread parses
///   a request, starts the handler as a `Task`, waits for it on a semaphore and writes the
///   response: the handler's side effects happen before the first response byte leaves. Between
///   requests a connection polls its socket and the shutdown wake pipe: no lock per request.
/// - The client resolves, connects and writes a fresh connection's first request on a pool thread.
///   Otherwise it calls non-blocking `send`/`recv` in the calling task and, while the socket is not
///   ready, suspends in `SocketPoller`, whose thread polls every waiting socket at once.
///
/// Why threads rather than a single `poll()` event loop: the per-connection code is a straight
/// read–parse–handle–write loop whose timeouts are plain deadlines, which is easy to get right and
/// to audit; the cost is a thread per concurrent connection (parked threads are reused and retire
/// after 30 s idle). `Benchmarks/run` measures the result against nginx and wrk.
public enum HookHTTP {
    /// The module's version, reported by tools built on it.
    public static let version = "0.1.0"
}

/// HookHTTP: HTTP/1.1 over POSIX sockets — message model (`HTTPRequest`, `HTTPResponse`,
/// `HTTPHeaders`), incremental parser (`HTTPParser`), serializer, client (`HTTPClient`) and server
/// (`HTTPServer`). It knows nothing about webhooks; HookCheck builds on it.
///
/// ## I/O model: event loops and dedicated threads, never the cooperative pool
///
/// No blocking syscall (`getaddrinfo`, `connect`, `poll`, `epoll_wait`) runs on Swift's cooperative
/// thread pool, which has one thread per core and would stall every task if a thread blocked in `recv`.
/// Sockets are non-blocking; waits are bounded by deadlines, which is how the header, body, idle,
/// connect, write and response timeouts are enforced.
///
/// - The server runs a few `EventLoop` threads (one per core by default). Each owns its connections:
///   epoll on Linux (`poll` elsewhere), a per-connection state machine (`HTTPServerConnection`) that
///   reads what is ready into the loop's one buffer, parses, starts the handler as a `Task` that
///   prefers the loop as its executor, and writes the response when the socket accepts it. A handler
///   that does not suspend runs inline on the loop; one that suspends frees the loop, and its response
///   is posted back. The handler's side effects happen before the first response byte leaves. The first
///   loop also accepts, handing connections to the loops in turn. Deadlines are swept when the earliest
///   one passes, so a request costs no timer.
/// - The client resolves, connects and writes a fresh connection's first request on a pool thread
///   (`IOThreadPool`). Otherwise it calls non-blocking `send`/`recv` on a `SocketPoller` thread (one
///   per core: the client's `executors`; an exchange stays on the one its task prefers, others are spread
///   over them in turn) and, while the socket is not ready, suspends there; each poller polls its waiting
///   sockets at once and runs the tasks it resumes between polls.
///
/// Why event loops for the server: a thread per connection spent a quarter of its time in the kernel's
/// scheduler and in lock contention at 32 connections on 2 cores. `Benchmarks/run` and
/// `Benchmarks/listen.sh` measure the result against nginx, Node and Hummingbird.
public enum HookHTTP {
    /// The module's version, reported by tools built on it.
    public static let version = "0.1.0"
}

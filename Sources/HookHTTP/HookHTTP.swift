/// HookHTTP: HTTP/1.1 over POSIX sockets — message model, incremental parser, serializer, client and
/// server. It knows nothing about webhooks; HookCheck builds on it.
public enum HookHTTP {
    /// The module's version, reported by tools built on it.
    public static let version = "0.1.0"
}

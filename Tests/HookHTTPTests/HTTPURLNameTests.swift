import Testing

@testable import HookHTTP

/// The `Host` value and the endpoint name an `HTTPURL` works out once: right for each form of host and
/// port, and kept right when the URL is changed afterwards.
@Suite struct HTTPURLNameTests {
    @Test(arguments: [
        ("http://127.0.0.1:8080/hooks", "127.0.0.1:8080", "127.0.0.1:8080"),
        ("http://example.com/", "example.com", "example.com:80"),
        ("https://example.com/x", "example.com", "example.com:443"),
        ("https://example.com:8443/", "example.com:8443", "example.com:8443"),
        ("http://[::1]:9000/", "[::1]:9000", "[::1]:9000"),
        ("http://[::1]/", "[::1]", "[::1]:80"),
    ])
    func hostHeaderAndEndpoint(_ text: String, _ hostHeader: String, _ endpoint: String) throws {
        let url = try HTTPURL(text)
        #expect(url.hostHeader == hostHeader)
        #expect(url.endpoint == endpoint)
    }

    @Test func changingHostPortOrSchemeRenamesTheURL() throws {
        var url = try HTTPURL("http://127.0.0.1:8080/hooks")
        url.port = 80
        #expect(url.hostHeader == "127.0.0.1" && url.endpoint == "127.0.0.1:80")
        url.host = "::1"
        #expect(url.hostHeader == "[::1]" && url.endpoint == "[::1]:80")
        url.scheme = "https"
        #expect(url.hostHeader == "[::1]:80" && url.endpoint == "[::1]:80")
        #expect(url.description == "https://[::1]:80/hooks")
    }
}

import HookHTTP
import Testing

/// `HTTPMethod` and `HTTPStatus`: unusual tokens survive parsing and serialisation, classes and phrases,
/// and literals still convert where `String` and `Int` were used before.
@Suite struct HTTPVocabularyTests {
    @Test(arguments: ["PROPFIND", "M-SEARCH", "get", "X~Custom!"])
    func unusualMethodRoundTrips(_ token: String) throws {
        var parser = HTTPParser(kind: .request)
        let wire = Array("\(token) /h HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n".utf8)
        let request = try #require(
            parser.parse(wire).compactMap { event -> HTTPRequest? in
                if case .request(let request) = event { return request }
                return nil
            }.first)
        #expect(request.method == HTTPMethod(token))
        #expect(request.method.rawValue == token)
        #expect(request.method.isValid)
        #expect(request.serialized() == wire)
    }

    @Test func methodsAreCaseSensitive() {
        #expect(HTTPMethod("get") != .get)
        #expect(HTTPMethod("GET") == .get)
        #expect(HTTPMethod.options.rawValue == "OPTIONS")
        #expect("\(HTTPMethod.patch)" == "PATCH")
    }

    @Test(arguments: ["", "GE T", "GET/", "(GET)", "GÉT"])
    func invalidMethodTokens(_ token: String) {
        #expect(!HTTPMethod(token).isValid)
    }

    @Test func methodAndStatusLiterals() {
        let request = HTTPRequest(method: "HEAD", target: "/")
        #expect(request.method == .head)
        #expect(request.method != "GET")
        let response = HTTPResponse(status: 204)
        #expect(response.status == .noContent)
        #expect(!(response.status < 200))
        #expect(response.status >= 200 && response.status < 300)
        #expect([204, 304].contains(response.status))
        #expect(response.status.code == 204)
        #expect("\(response.status)" == "204")
    }

    @Test(arguments: [
        (100, HTTPStatus.Class.informational), (204, .successful), (299, .successful), (301, .redirection),
        (404, .clientError), (499, .clientError), (503, .serverError), (599, .serverError),
    ])
    func statusClasses(_ code: Int, _ expected: HTTPStatus.Class) {
        let status = HTTPStatus(code: code)
        #expect(status.statusClass == expected)
        #expect(status.isInformational == (expected == .informational))
        #expect(status.isSuccess == (expected == .successful))
        #expect(status.isRedirection == (expected == .redirection))
        #expect(status.isClientError == (expected == .clientError))
        #expect(status.isServerError == (expected == .serverError))
    }

    @Test(arguments: [0, 99, 600, 999])
    func codesOutsideTheClassesHaveNone(_ code: Int) {
        let status = HTTPStatus(code: code)
        #expect(status.statusClass == nil)
        #expect(!status.isSuccess && !status.isClientError && !status.isServerError)
    }

    @Test func reasonPhrasesAndOrdering() {
        #expect(HTTPStatus.ok.reasonPhrase == "OK")
        #expect(HTTPStatus.serviceUnavailable.reasonPhrase == "Service Unavailable")
        #expect(HTTPStatus(code: 299).reasonPhrase == "")
        #expect(HTTPStatus.badRequest < .serviceUnavailable)
        #expect([HTTPStatus.serviceUnavailable, .ok, .badRequest].sorted() == [.ok, .badRequest, .serviceUnavailable])
        #expect(
            HTTPResponse(status: .serviceUnavailable).serializedHead().starts(
                with: Array("HTTP/1.1 503 Service Unavailable\r\n".utf8)))
        #expect(HTTPResponse(status: 299).serializedHead().starts(with: Array("HTTP/1.1 299 \r\n".utf8)))
    }
}

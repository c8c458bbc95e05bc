import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension HTTPClient {
    /// What URLSession changes and this client cannot prevent; printed once per process.
    static let urlSessionWarning =
        "warning: https:// targets are sent through URLSession, which may add or rewrite headers "
        + "(Accept, Accept-Encoding, Accept-Language, User-Agent, Connection), reorders and merges duplicate "
        + "headers, decodes the response body and hides the exact response bytes; send to an http:// target "
        + "for byte-exact deliveries"

    private static let hasWarned = Mutex(false)

    func sendThroughURLSession(
        _ request: HTTPRequest, to url: HTTPURL, timeout: Duration?
    ) async throws(HTTPClientError) -> HTTPResponse {
        if Self.hasWarned.withLock({ warned in
            defer { warned = true }
            return !warned
        }) {
            FileHandle.standardError.write(Data((Self.urlSessionWarning + "\n").utf8))
        }
        guard let foundationURL = URL(string: "https://\(url.hostHeader)\(request.target)") else {
            throw .invalidURL(url.description, reason: "not accepted by URLSession")
        }
        var urlRequest = URLRequest(url: foundationURL)
        urlRequest.httpMethod = request.method.rawValue
        let seconds = Double((timeout ?? configuration.responseTimeout).components.seconds)
        urlRequest.timeoutInterval = max(1, seconds)
        for field in request.headers where !field.name.caseInsensitiveEquals(HTTPHeaderName.host) {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }
        let session = URLSession(configuration: .ephemeral, delegate: RedirectRefuser(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let outcome: Result<HTTPResponse, HTTPClientError> = await withCheckedContinuation { continuation in
            let task = session.dataTask(with: urlRequest) { data, response, error in
                guard let response = response as? HTTPURLResponse else {
                    let reason = error.map { "\($0.localizedDescription)" } ?? "no HTTP response"
                    continuation.resume(returning: .failure(.secureTransport(endpoint: url.endpoint, reason: reason)))
                    return
                }
                var headers = HTTPHeaders()
                for (name, value) in response.allHeaderFields {
                    headers.add(name: "\(name)", value: "\(value)")
                }
                continuation.resume(
                    returning: .success(
                        HTTPResponse(
                            status: HTTPStatus(code: response.statusCode), headers: headers, body: Array(data ?? Data())
                        )))
            }
            task.resume()
        }
        return try outcome.get()
    }
}

/// Declines every redirect, so that a 3xx is returned to the caller as is.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

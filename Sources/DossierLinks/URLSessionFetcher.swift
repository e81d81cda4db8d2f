import DossierKit
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real `LinkFetcher` of `dossier check --external`: Foundation's
/// URLSession, which the toolchain ships (on Linux over the system's
/// libcurl), so no HTTP or TLS library joins the build. It lives in its own
/// target, as Hummingbird lives in DossierServe, so that DossierKit holds
/// no network code and its checking logic is tested with a stand-in.
public final class URLSessionFetcher: NSObject, LinkFetcher, BodyFetcher, URLSessionTaskDelegate, @unchecked Sendable {
    /// Says what is asking, so that a site's owner can tell the checker
    /// from a crawler.
    public static let userAgent = "Dossier-link-check/1 (dossier check --external; a report's citations checked)"

    private var session: URLSession!

    public override init() {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpAdditionalHeaders = ["User-Agent": Self.userAgent]
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // The checker limits requests per host itself.
        configuration.httpMaximumConnectionsPerHost = 8
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    public func fetch(_ url: String, method: String, timeout: Double) async -> FetchAnswer {
        guard let address = URL(string: url) else { return .failed("not a valid address") }
        var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: max(0.1, timeout))
        request.httpMethod = method
        request.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
        return await withCheckedContinuation { continuation in
            // Answered once: by the task, or by the timer when the server
            // never answers (curl's own timeouts do not cover every silence).
            let answered = Once()
            let task = session.dataTask(with: request) { _, response, error in
                guard answered.claim() else { return }
                if let response = response as? HTTPURLResponse {
                    continuation.resume(
                        returning: .status(
                            response.statusCode, location: response.value(forHTTPHeaderField: "Location"),
                            retryAfter: response.value(forHTTPHeaderField: "Retry-After")))
                } else if let error = error as? URLError, error.code == .timedOut {
                    continuation.resume(returning: .timedOut)
                } else {
                    continuation.resume(returning: .failed(error?.localizedDescription ?? "no response"))
                }
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + max(0.1, timeout)) {
                guard answered.claim() else { return }
                task.cancel()
                continuation.resume(returning: .timedOut)
            }
            task.resume()
        }
    }

    /// A `GET` whose body is wanted (`dossier archive`); redirects are not
    /// followed either (the availability API answers directly).
    public func get(_ url: String, timeout: Double) async -> (status: Int, body: Data)? {
        guard let address = URL(string: url) else { return nil }
        var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: max(0.1, timeout))
        request.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
        return await withCheckedContinuation { continuation in
            let answered = Once()
            let task = session.dataTask(with: request) { data, response, _ in
                guard answered.claim() else { return }
                guard let response = response as? HTTPURLResponse else { return continuation.resume(returning: nil) }
                continuation.resume(returning: (response.statusCode, data ?? Data()))
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + max(0.1, timeout)) {
                guard answered.claim() else { return }
                task.cancel()
                continuation.resume(returning: nil)
            }
            task.resume()
        }
    }

    /// Redirects are not followed here: the checker follows them, to
    /// report a permanent move and suggest its new address.
    public func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    public func invalidate() {
        session.finishTasksAndInvalidate()
    }
}

/// A flag set once, from any thread.
private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    /// True the first time only.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if done { return false }
        done = true
        return true
    }
}

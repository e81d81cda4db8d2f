import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers every request: the live-reload endpoints under `/_dossier/`,
/// then the site's files from memory, `index.html` for folders, a redirect
/// for a folder named without its slash, and the site's `404.html`.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: SiteState

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = Self.headers(type: "text/plain; charset=utf-8")
            headers[.allow] = "GET, HEAD"
            return Response(
                status: .methodNotAllowed, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "method not allowed\n")))
        }
        let response = await answer(request)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func answer(_ request: Request) async -> Response {
        switch request.uri.path {
        case LiveReload.scriptPath:
            return Self.response(.ok, type: MediaType.of("live.js"), body: Data(LiveReload.script.utf8))
        case LiveReload.statusPath:
            return Self.response(.ok, type: MediaType.of("status.json"), body: await state.statusJSON())
        case LiveReload.eventsPath:
            return await events()
        default:
            break
        }
        let files = await state.files
        let build = await state.build
        switch SitePath.resolve(request.uri.path, query: request.uri.query, exists: { files[$0] != nil }) {
        case .file(let path):
            return Self.page(path, files[path] ?? Data(), status: .ok, build: build)
        case .redirect(let location):
            var headers = Self.headers(type: "text/plain; charset=utf-8")
            headers[.location] = location
            return Response(status: .found, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "see \(location)\n")))
        case .notFound:
            guard let notFound = files["404.html"] else {
                let text = files.isEmpty ? Self.noSiteYet : Data("not found\n".utf8)
                return Self.page(
                    files.isEmpty ? "index.html" : "404.txt", text, status: files.isEmpty ? .serviceUnavailable : .notFound, build: build)
            }
            return Self.page("404.html", notFound, status: .notFound, build: build)
        }
    }

    /// A site file; HTML pages get the live-reload tag.
    private static func page(_ path: String, _ data: Data, status: HTTPResponse.Status, build: String) -> Response {
        let type = MediaType.of(path)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data, build: build) : data
        return response(status, type: type, body: body)
    }

    /// Server-Sent Events: one message per rebuild, a comment now and then;
    /// the stream ends when the server stops.
    private func events() async -> Response {
        let (stream, continuation) = await state.listen()
        return Response(
            status: .ok, headers: Self.headers(type: "text/event-stream; charset=utf-8"),
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                try await withGracefulShutdownHandler {
                    for await message in stream { try await writer.write(ByteBuffer(string: message)) }
                } onGracefulShutdown: {
                    continuation.finish()
                }
                try await writer.finish(nil)
            })
    }

    private static func response(_ status: HTTPResponse.Status, type: String, body: Data) -> Response {
        Response(status: status, headers: headers(type: type), body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func headers(type: String) -> HTTPFields {
        [.contentType: type, .cacheControl: "no-store", .xContentTypeOptions: "nosniff"]
    }

    /// Shown until the first build without errors; the live script draws them.
    /// Made on each use (it is rare): a `Data` kept in a global is held by a
    /// tagged pointer, which LeakSanitizer takes for a leak at exit.
    private static var noSiteYet: Data {
        Data(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>No site yet</title></head>
            <body><h1>No site yet</h1><p>The site has errors: fix them and this page reloads.</p></body></html>

            """.utf8)
    }
}

import DossierKit
import Foundation
import Testing

@testable import DossierServe

/// Requests no browser sends, written byte for byte on a loopback socket:
/// each gets an HTTP error (or, for a request that never ends, a closed
/// connection), never a crash or a hang, and the server answers normally
/// afterwards. Symbolic links in the project never put a file from outside
/// into what is served.
@Suite struct HostileRequestTests {
    /// A request that is malformed, oversized or uses a method the server does not serve.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        /// Statuses that are a correct answer; nil stands for "closed without an answer".
        let accepted: Set<Int?>
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ accepted: Set<Int?>) {
            self.init(name, Array(text.utf8), accepted)
        }

        init(_ name: String, _ bytes: [UInt8], _ accepted: Set<Int?>) {
            self.name = name
            self.bytes = bytes
            self.accepted = accepted
        }
    }

    static let big = String(repeating: "a", count: 100_000)

    static let cases: [Case] = [
        Case("unknown method", "BREW / HTTP/1.1\r\nHost: x\r\n\r\n", [400]),
        Case("method with a control character", "G\u{1}T / HTTP/1.1\r\nHost: x\r\n\r\n", [400]),
        Case("lower-case method", "get / HTTP/1.1\r\nHost: x\r\n\r\n", [400]),
        Case("DELETE", "DELETE /index.html HTTP/1.1\r\nHost: x\r\n\r\n", [405]),
        Case("PUT with a body", "PUT /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", [405]),
        Case(
            "POST with a 1 MB body",
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n" + String(repeating: "b", count: 1_000_000), [405]),
        Case("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", [405]),
        Case("TRACE", "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n", [405]),
        Case("CONNECT", "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n", [400, 405]),
        Case("100 KB request line", "GET /" + big + " HTTP/1.1\r\nHost: x\r\n\r\n", [400, 404, 414, 431]),
        Case("100 KB header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n", [400, 431]),
        Case("100 KB header name", "GET / HTTP/1.1\r\nHost: x\r\n" + big + ": 1\r\n\r\n", [400, 431]),
        Case("10,000 headers", "GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-A: 1\r\n", count: 10_000) + "\r\n", [400, 431]),
        Case("1 MB header, never ended", "GET / HTTP/1.1\r\nX-Big: " + String(repeating: "c", count: 1_000_000), [400, 431]),
        Case("garbage", "\u{16}\u{3}\u{1}\u{2}\u{0}\u{1}\u{0}\u{1}\u{fc}\u{3}\u{3}\r\n\r\n", [400]),
        Case("binary", (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, [400]),
        Case("no version", "GET /\r\n\r\n", [400]),
        Case("unknown version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", [400, 505]),
        Case("no path", "GET  HTTP/1.1\r\nHost: x\r\n\r\n", [400]),
        Case("NUL in the path", "GET /\u{0}index.html HTTP/1.1\r\nHost: x\r\n\r\n", [400]),
        Case("space in the path", "GET /a b/ HTTP/1.1\r\nHost: x\r\n\r\n", [400]),
        Case("header without a colon", "GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", [400]),
        Case("NUL in a header", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n", [400]),
        Case("folded header", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", [400]),
        Case("negative length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", [400]),
        Case("length not a number", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", [400]),
        Case("two lengths", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", [400]),
        Case("length beyond 64 bits", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", [400]),
        Case(
            "length and chunked", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            [400, 405]),
        Case("bad chunk size", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n", [400, 405]),
        Case("unknown transfer coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, rot13\r\n\r\n", [400, 405, 501]),
        Case("absolute URI leaving the site", "GET http://127.0.0.1/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", [400, 404]),
        Case("absolute URI to another host", "GET http://example.org/etc/passwd HTTP/1.1\r\nHost: example.org\r\n\r\n", [400, 404]),
        Case("request cut off", "GET /index.html HTTP/1.1\r\nHost: ", [nil, 400]),
        Case("only CRLFs", String(repeating: "\r\n", count: 1000), [nil, 400]),
    ]

    @Test func malformedAndOversizedRequestsGetAnHTTPError() async throws {
        let project = try TestProject()
        try await RunningServer.with(project.project) { running in
            for request in Self.cases {
                let answer: (status: Int?, reply: Data)
                do {
                    answer = try await running.client.raw(request.bytes)
                } catch {
                    Issue.record("\(request.name): \(error)")
                    continue
                }
                #expect(request.accepted.contains(answer.status), "\(request.name) → \(answer.status.map(String.init) ?? "closed")")
                #expect(!String(decoding: answer.reply, as: UTF8.self).contains("root:x:0"), "\(request.name)")
                // Still serving, the same site.
                let after = try await running.client.request("/").status
                #expect(after == 200, "after \(request.name)")
            }
            // Many bad requests at once.
            let burst = (0..<64).map { Self.cases[$0 % Self.cases.count] }
            let answers = await running.client.rawAtOnce(burst.map(\.bytes))
            for (request, answer) in zip(burst, answers) {
                switch answer {
                case .success(let status):
                    #expect(request.accepted.contains(status), "at once: \(request.name) → \(status.map(String.init) ?? "closed")")
                case .failure(let failure):
                    Issue.record("at once: \(request.name): \(failure)")
                }
            }
            let last = try await running.client.request("/actors/nso-group/").status
            #expect(last == 200)
        }
    }

    /// Content files that are symbolic links out of `content/`, added while
    /// serving: the rebuild fails with the refusal, the last good site stays,
    /// and the linked files are never served.
    @Test func symbolicLinksOutOfTheContentAreNeverServed() async throws {
        let project = try TestProject()
        try project.write("secret.md", "---\nname: Secret\nkind: person\n---\nTOP SECRET\n")
        try await RunningServer.with(project.project) { running in
            let client = running.client
            let events = try await client.openEvents()
            try FileManager.default.createSymbolicLink(
                atPath: project.url("content/actors/leak.md").path, withDestinationPath: project.url("secret.md").path)
            try FileManager.default.createSymbolicLink(
                atPath: project.url("content/actors/passwd.md").path, withDestinationPath: "/etc/passwd")
            let failed = try await waitForStatus(events, client) { !$0.ok }
            for link in ["content/actors/leak.md", "content/actors/passwd.md"] {
                #expect(failed.errors.contains { $0.file?.hasSuffix(link) == true && $0.message.contains("symbolic link") }, "\(link)")
            }
            let paths = [
                "/actors/leak/", "/actors/passwd/", "/actors/leak", "/secret.md", "/../secret.md", "/data/report.json",
                "/search/search-index.js",
            ]
            for path in paths {
                let reply = try await client.request(path)
                #expect(!reply.text.contains("TOP SECRET") && !reply.text.contains("root:x:0"), "\(path) → \(reply.status)")
            }
            #expect(try await client.request("/actors/leak/").status == 404)
            #expect(try await client.request("/actors/nso-group/").status == 200)
        }
    }

    /// A file under `templates/assets/` that is a symbolic link to a file
    /// outside the theme: the theme refuses it (an error), so nothing of the
    /// target is ever served.
    @Test func symbolicLinksOutOfTheThemeAreNeverServed() async throws {
        let project = try TestProject()
        try project.write("secret.txt", "TOP SECRET")
        try FileManager.default.createSymbolicLink(
            atPath: project.url("templates/assets/leak.txt").path, withDestinationPath: project.url("secret.txt").path)
        try await RunningServer.with(project.project) { running in
            let reply = try await running.client.request("/assets/leak.txt")
            #expect(!reply.text.contains("TOP SECRET"), "/assets/leak.txt → \(reply.status)")
        }
    }
}

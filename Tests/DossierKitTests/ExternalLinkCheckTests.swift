import Foundation
import Testing

@testable import DossierKit

/// The checker's own rules with a stand-in fetcher (the real client and
/// real servers are tested through the binary: ExternalLinksCLITests).
@Suite struct ExternalLinkCheckTests {
    /// Answers from a table and records every request and how many were in
    /// flight per host at once.
    final class FakeFetcher: LinkFetcher, @unchecked Sendable {
        let answers: [String: FetchAnswer]
        private let lock = NSLock()
        private var inFlight: [String: Int] = [:]
        private(set) var mostAtOnce: [String: Int] = [:]
        private(set) var asked: [String] = []

        init(_ answers: [String: FetchAnswer]) {
            self.answers = answers
        }

        func fetch(_ url: String, method: String, timeout: Double) async -> FetchAnswer {
            let host = URLComponents(string: url)?.host ?? ""
            lock.withLock {
                asked.append("\(method) \(url)")
                inFlight[host, default: 0] += 1
                mostAtOnce[host] = max(mostAtOnce[host] ?? 0, inFlight[host] ?? 0)
            }
            try? await Task.sleep(for: .milliseconds(5))
            lock.withLock { inFlight[host, default: 0] -= 1 }
            return answers[url] ?? .status(200, location: nil, retryAfter: nil)
        }
    }

    static func link(_ url: String, line: Int = 1, role: ExternalLink.Role = .body) -> ExternalLink {
        ExternalLink(url: url, role: role, location: SourceLocation(path: "content/pages/a.md", line: line, column: 5))
    }

    @Test func aFewRequestsAtOnceToOneHost() async {
        let links = (0..<12).map { Self.link("https://one.example/\($0)") } + (0..<12).map { Self.link("https://two.example/\($0)") }
        let fetcher = FakeFetcher([:])
        var options = ExternalLinkCheck.Options()
        options.perHost = 2
        var cache = LinkCache()
        let (diagnostics, summary) = await ExternalLinkCheck(options: options, fetcher: fetcher).run(links, cache: &cache)
        #expect(diagnostics.all.isEmpty)
        #expect(summary.checked == 24)
        #expect(fetcher.mostAtOnce.values.allSatisfy { $0 <= 2 }, "\(fetcher.mostAtOnce)")
        #expect(fetcher.asked.count == 24, "each address asked once")
    }

    @Test func aSecondRunWithinTheLifetimeSendsNoRequest() async {
        let links = [Self.link("https://a.example/ok"), Self.link("https://a.example/gone"), Self.link("https://a.example/down")]
        let answers: [String: FetchAnswer] = [
            "https://a.example/gone": .status(404, location: nil, retryAfter: nil),
            "https://a.example/down": .status(503, location: nil, retryAfter: nil),
        ]
        let start = Date(timeIntervalSince1970: 2_000_000_000)
        var cache = LinkCache()
        let first = FakeFetcher(answers)
        _ = await ExternalLinkCheck(options: .init(), fetcher: first).run(links, cache: &cache, now: start)
        // Within a day: the 503 (which may pass) is asked again, nothing else.
        let second = FakeFetcher(answers)
        let (_, summary) = await ExternalLinkCheck(options: .init(), fetcher: second).run(
            links, cache: &cache, now: start + 3600)
        #expect(second.asked == ["HEAD https://a.example/down", "GET https://a.example/down"])
        #expect(summary.cached == 2 && summary.broken == 2)
        // After a day the 404 is asked again; after a week the working link too.
        let third = FakeFetcher(answers)
        _ = await ExternalLinkCheck(options: .init(), fetcher: third).run(links, cache: &cache, now: start + 2 * 86_400)
        #expect(Set(third.asked.map { $0.split(separator: " ")[1] }) == ["https://a.example/gone", "https://a.example/down"])
        let fourth = FakeFetcher(answers)
        _ = await ExternalLinkCheck(options: .init(), fetcher: fourth).run(links, cache: &cache, now: start + 8 * 86_400)
        #expect(fourth.asked.contains("HEAD https://a.example/ok"))
    }

    @Test func cacheFileRoundTripsAndIsIgnoredByGit() async throws {
        try await withTemporaryContent { content in
            var cache = LinkCache(beside: content)
            _ = await ExternalLinkCheck(options: .init(), fetcher: FakeFetcher([:])).run([Self.link("https://a.example/")], cache: &cache)
            #expect(cache.save() == nil)
            let folder = content.deletingLastPathComponent().appendingPathComponent(".dossier-cache")
            #expect(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8) == "*\n")
            let again = FakeFetcher([:])
            var reread = LinkCache(beside: content)
            let (_, summary) = await ExternalLinkCheck(options: .init(), fetcher: again).run(
                [Self.link("https://a.example/")], cache: &reread)
            #expect(again.asked.isEmpty && summary.cached == 1)
            // A damaged cache file is no error: it is ignored and rewritten.
            try Data("{not json".utf8).write(to: folder.appendingPathComponent("external-links.json"))
            #expect(LinkCache(beside: content).results.isEmpty)
        }
    }

    @Test func redirectLoopsAndSkippedHosts() async {
        let loop = "https://a.example/loop"
        let fetcher = FakeFetcher([loop: .status(301, location: "/loop", retryAfter: nil)])
        var options = ExternalLinkCheck.Options()
        options.skipHosts = ["paywall.example"]
        var cache = LinkCache()
        let (diagnostics, summary) = await ExternalLinkCheck(options: options, fetcher: fetcher).run(
            [Self.link(loop), Self.link("https://www.paywall.example/a", line: 2)], cache: &cache)
        #expect(diagnostics.all.map(\.message) == ["external link '\(loop)' is broken: too many redirects"])
        #expect(fetcher.asked.count == options.maxRedirects + 1)
        #expect(summary.skipped == 1 && summary.broken == 1)
    }

    @Test func aSourceWithABrokenURLAndAnArchiveIsNotToldToArchive() async {
        let url = "https://a.example/gone"
        let links = [
            ExternalLink(url: url, role: .sourceURL, location: SourceLocation(path: "content/sources/s.md", line: 4, column: 6)),
            ExternalLink(
                url: "https://archive.example/x", role: .archiveURL,
                location: SourceLocation(path: "content/sources/s.md", line: 5, column: 14)),
        ]
        var cache = LinkCache()
        let (diagnostics, summary) = await ExternalLinkCheck(
            options: .init(), fetcher: FakeFetcher([url: .status(410, location: nil, retryAfter: nil)])
        ).run(links, cache: &cache)
        #expect(diagnostics.all.map(\.message) == ["external link '\(url)' is broken: gone (410)"])
        #expect(summary.sourcesWithoutArchive == 0)
    }

    private func withTemporaryContent(_ body: (URL) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-links-\(UUID().uuidString)")
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try await body(content)
    }
}

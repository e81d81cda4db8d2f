import Foundation

/// One HTTP request, without following redirects; the checker follows them
/// itself so that it can tell a permanent move from a temporary one.
/// DossierKit holds no network code: the real client is `DossierLinks`'
/// (FoundationNetworking), tests give their own.
public protocol LinkFetcher: Sendable {
    func fetch(_ url: String, method: String, timeout: Double) async -> FetchAnswer
}

/// What one request got.
public enum FetchAnswer: Sendable, Equatable {
    /// `location` and `retryAfter` are the headers' values, when sent.
    case status(Int, location: String?, retryAfter: String?)
    case timedOut
    case failed(String)
}

/// The verdict on one address.
public struct LinkResult: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// Answered 2xx, directly or through temporary redirects only.
        case ok
        /// Every redirect on the way was permanent (301, 308): `location` is the new address.
        case moved
        case broken
        /// Not asked or no verdict: a skipped host, the time limit, rate limiting.
        case skipped
    }

    public var outcome: Outcome
    /// The last HTTP status, when there was an answer.
    public var status: Int?
    /// Where the redirects ended (`moved`, or `ok` through temporary ones).
    public var location: String?
    /// Why it is broken or skipped, as a code `Messages.linkProblem` words:
    /// `timeout`, `connection`, `redirects`, `rate-limited`, `time-limit`, `skipped-host`.
    public var problem: String?
    /// The transport error, for `connection`.
    public var detail: String?
    public var checked: Date

    /// Whether a later run may reuse it: answers a daily run should not ask
    /// again. A timeout, a reset, a 5xx or a 429 may pass, so they are asked again.
    var cacheable: Bool {
        switch outcome {
        case .ok, .moved: true
        case .broken: status.map { (400..<500).contains($0) && $0 != 429 } ?? false
        case .skipped: false
        }
    }
}

/// `dossier check --external`: every distinct `http(s)` address of the
/// report asked once, politely; the verdicts become warnings at every place
/// the address is written.
public struct ExternalLinkCheck: Sendable {
    public struct Options: Sendable {
        /// Requests at once to one host, and in all.
        public var perHost = 2
        public var concurrent = 8
        /// Seconds: each request, and the whole run (addresses not asked by
        /// then are skipped).
        public var timeout = 15.0
        public var timeLimit = 600.0
        public var maxRedirects = 10
        /// A 429 is asked again once, after its `Retry-After` when at most this many seconds.
        public var longestRetryAfter = 30.0
        /// Hosts not asked, with their subdomains.
        public var skipHosts: [String] = []
        /// How long a verdict is reused (`LinkResult.cacheable` ones only):
        /// working links for a week, broken ones for a day, so a fix shows the next day.
        public var okLifetime: TimeInterval = 7 * 86_400
        public var brokenLifetime: TimeInterval = 86_400

        public init() {}
    }

    /// The figures of a run, for its summary line.
    public struct Summary: Sendable, Equatable {
        public var checked = 0, broken = 0, redirected = 0, skipped = 0, cached = 0
        /// Sources whose `url` is broken and that have no `archive_url`.
        public var sourcesWithoutArchive = 0
    }

    public let options: Options
    let fetcher: LinkFetcher
    let sleep: @Sendable (Double) async -> Void

    public init(
        options: Options, fetcher: LinkFetcher,
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(for: .seconds($0)) }
    ) {
        self.options = options
        self.fetcher = fetcher
        self.sleep = sleep
    }

    /// Checks `links` (sources whose `url_status` is `dead` or `unfit` have
    /// their `url` left out by the caller: it is known to be gone), using
    /// and updating `cache`. Returns the warnings and the figures.
    public func run(_ links: [ExternalLink], cache: inout LinkCache, now: Date = Date()) async -> (Diagnostics, Summary) {
        var summary = Summary()
        var results: [String: LinkResult] = [:]
        var toAsk: [String] = []
        for url in Set(links.map(\.url)).sorted() {
            if let host = Self.host(of: url), options.skipHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
                results[url] = LinkResult(outcome: .skipped, problem: "skipped-host", checked: now)
            } else if let cached = cache.result(for: url, now: now, options: options) {
                results[url] = cached
                summary.cached += 1
            } else {
                toAsk.append(url)
            }
        }
        for (url, answered) in await ask(toAsk) {
            var result = answered
            result.checked = now  // the run's clock, which the cache's lifetimes count from
            results[url] = result
            if result.cacheable { cache.store(result, for: url) }
        }
        for result in results.values {
            switch result.outcome {
            case .ok:
                summary.checked += 1
                if result.location != nil { summary.redirected += 1 }  // through temporary redirects
            case .moved:
                summary.checked += 1
                summary.redirected += 1
            case .broken:
                summary.checked += 1
                summary.broken += 1
            case .skipped: summary.skipped += 1
            }
        }
        let diagnostics = Self.diagnostics(links, results: results, summary: &summary)
        return (diagnostics, summary)
    }

    /// The warnings: one per place a broken or moved address is written,
    /// and one per source whose `url` is broken with no archived copy.
    static func diagnostics(_ links: [ExternalLink], results: [String: LinkResult], summary: inout Summary) -> Diagnostics {
        var diagnostics = Diagnostics()
        let archived = Set(links.filter { $0.role == .archiveURL }.map(\.location.path))
        for link in links {
            guard let result = results[link.url] else { continue }
            switch result.outcome {
            case .broken:
                diagnostics.append(
                    Messages.brokenExternalLink(
                        link.url, problem: Messages.linkProblem(result.problem, status: result.status, detail: result.detail),
                        at: link.location))
                if link.role == .sourceURL, !archived.contains(link.location.path) {
                    diagnostics.append(Messages.brokenSourceWithoutArchive(at: link.location))
                    summary.sourcesWithoutArchive += 1
                }
            case .moved:
                diagnostics.append(Messages.movedExternalLink(link.url, to: result.location ?? "", at: link.location))
            case .ok, .skipped:
                break
            }
        }
        return diagnostics
    }

    /// Asks every address: one lane per host and slot (`perHost` of them),
    /// each lane asking its addresses one after another, `concurrent` lanes at once.
    func ask(_ urls: [String]) async -> [String: LinkResult] {
        var byHost: [String: [String]] = [:]
        for url in urls { byHost[Self.host(of: url) ?? "", default: []].append(url) }
        var lanes: [[String]] = []
        for host in byHost.keys.sorted() {
            let hostURLs = byHost[host] ?? []
            let count = max(1, min(options.perHost, hostURLs.count))
            for lane in 0..<count { lanes.append(stride(from: lane, to: hostURLs.count, by: count).map { hostURLs[$0] }) }
        }
        let deadline = ContinuousClock.now + .seconds(options.timeLimit)
        return await withTaskGroup(of: [(String, LinkResult)].self) { group in
            var results: [String: LinkResult] = [:]
            var next = 0
            func start() {
                let lane = lanes[next]
                next += 1
                group.addTask {
                    var done: [(String, LinkResult)] = []
                    for url in lane { done.append((url, await self.check(url, deadline: deadline))) }
                    return done
                }
            }
            while next < lanes.count, next < max(1, options.concurrent) { start() }
            for await done in group {
                for (url, result) in done { results[url] = result }
                if next < lanes.count { start() }
            }
            return results
        }
    }

    /// One address: `HEAD`, then `GET` when `HEAD` is refused (many servers
    /// answer it wrongly); redirects followed up to `maxRedirects`.
    func check(_ start: String, deadline: ContinuousClock.Instant) async -> LinkResult {
        var url = start
        var permanent = true
        var redirects = 0
        var retried = false
        var method = "HEAD"
        while true {
            let remaining = (deadline - ContinuousClock.now) / .seconds(1)
            guard remaining > 0 else { return LinkResult(outcome: .skipped, problem: "time-limit", checked: Date()) }
            let answer = await fetcher.fetch(url, method: method, timeout: min(options.timeout, remaining))
            switch answer {
            case .timedOut:
                // The run's time ran out during the request: no verdict on the address.
                if ContinuousClock.now >= deadline { return LinkResult(outcome: .skipped, problem: "time-limit", checked: Date()) }
                return LinkResult(outcome: .broken, problem: "timeout", checked: Date())
            case .failed(let error):
                return LinkResult(outcome: .broken, problem: "connection", detail: error, checked: Date())
            case .status(let status, let location, let retryAfter):
                switch status {
                case 200..<300:
                    guard redirects > 0 else { return LinkResult(outcome: .ok, status: status, checked: Date()) }
                    return LinkResult(outcome: permanent ? .moved : .ok, status: status, location: url, checked: Date())
                case 301, 302, 303, 307, 308:
                    guard let location, let target = Self.resolve(location, against: url) else {
                        return LinkResult(outcome: .broken, status: status, checked: Date())
                    }
                    redirects += 1
                    guard redirects <= options.maxRedirects else {
                        return LinkResult(outcome: .broken, status: status, problem: "redirects", checked: Date())
                    }
                    if status != 301, status != 308 { permanent = false }
                    url = target
                    method = "HEAD"
                case 429:
                    let wait = retryAfter.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                    guard !retried, let wait, wait >= 0, wait <= options.longestRetryAfter, wait < remaining else {
                        return LinkResult(outcome: .skipped, status: 429, problem: "rate-limited", checked: Date())
                    }
                    retried = true
                    await sleep(wait)
                default:
                    guard method == "HEAD" else { return LinkResult(outcome: .broken, status: status, checked: Date()) }
                    method = "GET"
                }
            }
        }
    }

    /// The host of an address, lower-cased.
    static func host(of url: String) -> String? {
        URLComponents(string: url)?.host?.lowercased()
    }

    /// A `Location` header, absolute or relative to the address that sent it.
    static func resolve(_ location: String, against base: String) -> String? {
        guard let baseURL = URL(string: base), let url = URL(string: location, relativeTo: baseURL)?.absoluteURL,
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        return url.absoluteString
    }
}

/// Verdicts kept between runs, so that a daily run does not ask the same
/// hosts again: `.dossier-cache/external-links.json` beside `content/`,
/// in a folder whose own `.gitignore` keeps it out of git.
public struct LinkCache: Sendable {
    public private(set) var results: [String: LinkResult] = [:]
    let file: URL?

    /// An empty cache that is never written (`--no-cache`).
    public init() {
        file = nil
    }

    /// The cache beside `content`; empty when the file is missing or unreadable
    /// (a cache is never worth stopping a run for).
    public init(beside content: URL) {
        let file = content.deletingLastPathComponent().appendingPathComponent(".dossier-cache/external-links.json")
        self.file = file
        if let data = try? Data(contentsOf: file), let stored = try? Self.decoder.decode(Stored.self, from: data), stored.version == 1 {
            results = stored.links
        }
    }

    func result(for url: String, now: Date, options: ExternalLinkCheck.Options) -> LinkResult? {
        guard let result = results[url], result.cacheable else { return nil }
        let lifetime = result.outcome == .broken ? options.brokenLifetime : options.okLifetime
        let age = now.timeIntervalSince(result.checked)
        return age >= 0 && age < lifetime ? result : nil
    }

    mutating func store(_ result: LinkResult, for url: String) {
        results[url] = result
    }

    /// Writes the cache (atomically); the reason when it cannot.
    public func save() -> String? {
        guard let file else { return nil }
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let ignore = folder.appendingPathComponent(".gitignore")
            if !FileManager.default.fileExists(atPath: ignore.path) { try Data("*\n".utf8).write(to: ignore) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            try encoder.encode(Stored(version: 1, links: results)).write(to: file, options: .atomic)
            return nil
        } catch {
            return "\(Project.displayPath(file)): \(error.localizedDescription)"
        }
    }

    private struct Stored: Codable {
        let version: Int
        let links: [String: LinkResult]
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

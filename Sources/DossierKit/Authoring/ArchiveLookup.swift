import Foundation

/// One `GET` whose body is wanted (`dossier archive` reads a JSON answer).
public protocol BodyFetcher: Sendable {
    /// The status and body, or nil when there was no answer.
    func get(_ url: String, timeout: Double) async -> (status: Int, body: Data)?
}

/// `dossier archive`: for each source with a `url` and no `archive_url`,
/// the Internet Archive's availability API is asked for its closest
/// snapshot. What it finds is only printed, as the lines to add: content
/// files are never written, and no snapshot is ever made up.
public struct ArchiveLookup: Sendable {
    /// The API's address (`--api` points the tests at a local stand-in).
    public static let availabilityAPI = "https://archive.org/wayback/available"

    /// The lines for one source: what was found, or why nothing was.
    public enum Finding: Sendable, Equatable {
        case snapshot(url: String, date: String)
        case none
        case failed(String)
    }

    public let api: String
    public let fetcher: BodyFetcher
    public var timeout = 30.0

    public init(api: String = Self.availabilityAPI, fetcher: BodyFetcher) {
        self.api = api
        self.fetcher = fetcher
    }

    /// The sources to look up: a `url`, no `archive_url`, in path order.
    public static func candidates(_ entries: [Entry]) -> [Entry] {
        entries.filter { $0.source?.url != nil && $0.source?.archiveURL == nil }.sorted { $0.path < $1.path }
    }

    /// Asks for the snapshot closest to the day the source was read (or
    /// published), one source after another: the API is a shared service.
    public func find(for entry: Entry) async -> Finding {
        guard let source = entry.source, let url = source.url, var query = URLComponents(string: api) else { return .none }
        var items = query.queryItems ?? []
        items.append(URLQueryItem(name: "url", value: url))
        if let day = source.accessed ?? source.date, let month = day.month, let dayOfMonth = day.day {
            items.append(
                URLQueryItem(
                    name: "timestamp",
                    value: PartialDate.padded(day.year, 4) + PartialDate.padded(month, 2) + PartialDate.padded(dayOfMonth, 2)))
        }
        query.queryItems = items
        guard let address = query.string else { return .none }
        guard let (status, body) = await fetcher.get(address, timeout: timeout) else { return .failed("no answer") }
        guard status == 200 else { return .failed("HTTP status \(status)") }
        return Self.parse(body)
    }

    /// The API's answer: `{"archived_snapshots":{"closest":{"available":true,
    /// "status":"200","url":…,"timestamp":"YYYYMMDDhhmmss"}}}`. Anything
    /// else (no snapshot, a snapshot of an error page) is no finding.
    static func parse(_ body: Data) -> Finding {
        struct Answer: Decodable {
            struct Snapshots: Decodable { let closest: Closest? }
            struct Closest: Decodable {
                let available: Bool?
                let status: String?
                let url: String?
                let timestamp: String?
            }
            let archivedSnapshots: Snapshots?
            enum CodingKeys: String, CodingKey { case archivedSnapshots = "archived_snapshots" }
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: body) else { return .failed("the answer is not the API's JSON") }
        guard let closest = answer.archivedSnapshots?.closest, closest.available == true, closest.status == "200",
            let url = closest.url, let timestamp = closest.timestamp, timestamp.count >= 8,
            timestamp.allSatisfy(\.isASCII), timestamp.allSatisfy(\.isNumber),
            let scheme = URL(string: url)?.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return .none }
        let digits = Array(timestamp)
        let date = String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8])
        // The API answers http:// addresses; the archive serves the same over https.
        let secure = url.hasPrefix("http://") ? "https://" + url.dropFirst("http://".count) : url
        return .snapshot(url: secure, date: date)
    }
}

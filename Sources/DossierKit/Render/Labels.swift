import Foundation

/// Reader-facing words for the format's vocabularies.
enum Labels {
    static func actorKind(_ kind: ActorKind) -> String {
        switch kind {
        case .person: "Person"
        case .company: "Company"
        case .government: "Government"
        case .agency: "Agency"
        case .organization: "Organization"
        case .media: "Media"
        case .group: "Group"
        }
    }

    static func actorKindPlural(_ kind: ActorKind) -> String {
        switch kind {
        case .person: "People"
        case .company: "Companies"
        case .government: "Governments"
        case .agency: "Agencies"
        case .organization: "Organizations"
        case .media: "Media"
        case .group: "Groups"
        }
    }

    static func status(_ status: EventStatus) -> String {
        switch status {
        case .confirmed: "Confirmed"
        case .reported: "Reported"
        case .alleged: "Alleged"
        case .disputed: "Disputed"
        case .denied: "Denied"
        }
    }

    /// The timeline's legend for a date known only to the year or month.
    static let vagueDate = "Date known only to the month or year"

    static func sourceKind(_ kind: SourceKind) -> String {
        switch kind {
        case .article: "Article"
        case .report: "Report"
        case .statement: "Statement"
        case .dataset: "Dataset"
        case .filing: "Filing"
        case .other: "Other"
        }
    }

    static func kind(_ kind: Kind) -> String {
        switch kind {
        case .actor: "Actor"
        case .country: "Country"
        case .event: "Event"
        case .source: "Source"
        case .page: "Page"
        case .media: "Media"
        }
    }

    /// What a media item is, as its page and lists say.
    static func media(_ format: MediaFormat) -> String {
        format.isImage ? "Image" : "Document"
    }

    /// "3.4 MB", "820 kB", "900 bytes" (decimal units, as file managers show).
    static func byteSize(_ bytes: Int) -> String {
        if bytes >= 1_000_000 { return String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        if bytes >= 1_000 { return "\(Int((Double(bytes) / 1_000).rounded())) kB" }
        return "\(bytes) bytes"
    }

    /// "1 actor", "37 actors".
    static func count(_ number: Int, _ kind: Kind) -> String {
        "\(number) \(number == 1 ? kind.rawValue : kind.folder)"
    }

    /// A part of a split list (`ListParts`): "Events, 2021", "Events, 2021,
    /// page 2 of 5", "2021, page 2" (`list` nil: the part alone, as its
    /// neighbours name it), "Page 2 of 3" (a list not by year).
    static func listPart(_ list: String?, year: Int?, page: Int, pages: Int) -> String {
        var words = list.map { [$0] } ?? []
        if let year { words.append(String(year)) }
        if pages > 1 { words.append(words.isEmpty ? "Page \(page) of \(pages)" : "page \(page) of \(pages)") }
        return words.joined(separator: ", ")
    }

    /// The title of an entry's complete list: "NSO Group: events",
    /// "NSO Group: pages linking here", "NSO Group: connections", ...
    static func entryList(_ title: String, _ list: ListParts.EntryList) -> String {
        switch list {
        case .events: "\(title): events"
        case .linkedFrom: "\(title): pages linking here"
        case .connections: "\(title): connections"
        case .actors: "\(title): actors"
        case .members: "\(title): members and parts"
        }
    }

    /// "18 July 2021", "July 2021 – March 2022".
    static func span(_ start: PartialDate, _ end: PartialDate?) -> String {
        guard let end, end != start else { return start.display }
        return "\(start.display) – \(end.display)"
    }
}

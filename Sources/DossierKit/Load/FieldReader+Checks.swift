/// Checks that need a field's position but belong to one kind's rules.
extension FieldReader {
    mutating func reportInvalidCountryCode(_ code: String) {
        // A lower-case code that is valid in upper case: suggest it.
        let upper = code.uppercased()
        let suggestion = upper != code && ISO3166.alpha2.contains(upper) ? upper : nil
        appendAtField("code") { Messages.invalidCountryCode(code, suggestion: suggestion, at: $0) }
    }

    mutating func reportNoSources() {
        appendAtField("sources") { Messages.noSources(at: $0) }
    }

    mutating func reportEndBeforeStart(_ end: PartialDate, _ start: PartialDate) {
        appendAtField("end_date") { Messages.endBeforeStart(end.description, start.description, at: $0) }
    }

    /// Flags a link destination that looks like a misspelt kind (`actors:x`)
    /// and warns about one cmark will drop as unsafe (`javascript:`).
    mutating func checkExternalLink(_ link: LinkOccurrence) {
        guard let colon = link.destination.firstIndex(of: ":") else { return }
        let scheme = link.destination[..<colon].lowercased()
        guard scheme.range(of: #"^[a-z][a-z0-9+.-]*$"#, options: .regularExpression) != nil else { return }
        if ["javascript", "vbscript", "file", "data"].contains(scheme) {
            appendDiagnostic(Messages.unsafeLink(link.destination, at: link.location))
        } else if let kind = Suggestions.closest(to: scheme, in: Kind.allCases.map(\.rawValue)) {
            appendDiagnostic(Messages.unknownLinkKind(scheme, suggestion: kind, at: link.location))
        }
    }
}

import Foundation

/// `dossier new`: a valid starter file of a kind, every field present and
/// explained, written where the format expects it.
public enum Scaffold {
    public enum Failure: Error, CustomStringConvertible {
        case badSlug(String)
        case badCode(String?)
        case exists(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .badSlug(let slug):
                "invalid slug '\(slug)': use 1 to 80 characters of a-z, 0-9 and '-', starting with a letter or digit"
                    + (Slug.make(from: slug).isEmpty ? "" : " (did you mean '\(Slug.make(from: slug))'?)")
            case .badCode(let code?): "'\(code)' is not an ISO 3166-1 alpha-2 country code: give one with --code, such as FR"
            case .badCode(nil): "a country needs its ISO 3166-1 alpha-2 code: give it with --code, such as --code FR"
            case .exists(let path): "\(path) already exists: choose another slug"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `content/<kind folder>/<slug>.md`; returns its path.
    public static func create(
        _ kind: Kind, slug: String, title: String?, code: String? = nil, content: URL
    ) throws(Failure) -> URL {
        guard Slug.isValid(slug) else { throw .badSlug(slug) }
        if kind == .country, !ISO3166.alpha2.contains(code ?? "") { throw .badCode(code) }
        let folder = content.appendingPathComponent(kind.folder)
        if let existing = existingFile(slug: slug, in: folder) { throw .exists(Project.displayPath(existing)) }
        let url = folder.appendingPathComponent(slug + ".md")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text(kind, slug: slug, title: title, code: code).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .cannotWrite(Project.displayPath(url), OutputWriter.reason(error))
        }
        return url
    }

    /// A file of this kind and slug anywhere below the kind's folder.
    static func existingFile(slug: String, in folder: URL) -> URL? {
        guard let names = FileManager.default.subpaths(atPath: folder.path) else { return nil }
        return names.first { ($0 as NSString).lastPathComponent == slug + ".md" }.map { folder.appendingPathComponent($0) }
    }

    /// The starter text: required fields filled, optional ones commented.
    public static func text(_ kind: Kind, slug: String, title: String?, code: String? = nil) -> String {
        let plain = title ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let name = yamlString(plain)
        switch kind {
        case .actor:
            return """
                ---
                name: \(name)
                kind: person            # person, company, government, agency, organization, media or group
                # role: Short description, such as "Founder and CEO of NSO Group"
                # countries: [israel]   # country slugs
                # affiliations: []      # actor slugs: employer, ministry...
                # aliases: []           # other names; search finds them
                # summary: One sentence for lists and meta descriptions.
                # updates:
                #   - {date: 2021-11-08, note: What was corrected or changed.}
                ---
                <!-- Who this is and what part they play. Link other pages like this: [NSO Group](actor:nso-group) -->

                """
        case .country:
            return """
                ---
                name: \(name)
                code: \(code ?? "XX")                # ISO 3166-1 alpha-2 code, upper case
                # region: Europe
                # summary: One sentence.
                ---
                <!-- The country's part in the affair. -->

                """
        case .event:
            return """
                ---
                title: \(name)
                date: 2021-07           # YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the sources allow
                # end_date: 2021-08
                actors: []              # actor slugs
                countries: []           # country slugs
                sources: []             # source slugs: every event needs one, listed here or cited in the body
                status: reported        # confirmed, reported, alleged, disputed or denied
                # summary: One sentence.
                # updates:
                #   - {date: 2021-11-08, note: What was corrected or changed.}
                ---
                <!-- What happened, according to whom. Cite the source of a claim like this: [@nso-new-ceo-steps-aside, p. 2]. Link pages like this: [the report](source:nso-new-ceo-steps-aside) -->

                """
        case .source:
            return """
                ---
                title: \(name)
                publisher: Publisher    # outlet or organisation
                # date: 2021-11-08
                kind: article           # article, report, statement, dataset, filing or other
                # url: https://...      # the original
                # archive_url: https://...
                # accessed: 2021-11-08
                # language: en          # when it differs from the site's
                # authors: []
                ---
                <!-- What this source is and how the report uses it. -->

                """
        case .page:
            return """
                ---
                title: \(name)
                # summary: One sentence.
                ---
                <!-- The page's text. -->

                """
        case .media:
            return """
                ---
                file: \(slug).jpg          # the file's name, beside this one: JPEG, PNG, WebP, GIF or PDF
                title: \(name)
                alt: Describe what the image shows, for readers who cannot see it   # required for images
                credit: Photographer / Agency
                # caption: The line shown under the image (else the title).
                # date: 2021-07
                # source: source-slug   # the source the item comes from
                # license: CC BY 4.0
                ---
                <!-- What the item is and where it comes from. Show it in a page with ![alt text](media:\(slug)) -->

                """
        }
    }

    private static func yamlString(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}

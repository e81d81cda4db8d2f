import Foundation
import Yams

/// Every sentence the tool says, one factory each: about content, theme
/// and output (diagnostics), and on the command line. Lower case, no final
/// period, names in single quotes.
public enum Messages {
    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }

    // MARK: Files and folders

    static func missingContentFolder(_ path: String) -> Diagnostic {
        .error("content folder does not exist", at: SourceLocation(path: path))
    }

    static func missingSiteFile(_ path: String) -> Diagnostic {
        .error("missing site settings: create this file with title, description and language", at: SourceLocation(path: path))
    }

    static func notMarkdown(path: String, name: String) -> Diagnostic {
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return .error(
            "'\(name)' is not a Markdown file: content files end in '.md' (did you mean '\(stem).md'?)",
            at: SourceLocation(path: path))
    }

    /// `suggestion`: the slug made from the name, empty when none can be.
    static func badFileSlug(path: String, slug: String, suggestion: String) -> Diagnostic {
        .error(
            "invalid slug '\(slug)': a file name is 1 to 80 characters of a-z, 0-9 and '-', starting with a letter or digit"
                + (suggestion.isEmpty ? "" : hint(suggestion + ".md")), at: SourceLocation(path: path))
    }

    static func unreadable(path: String, reason: String) -> Diagnostic {
        .error("unreadable: \(reason)", at: SourceLocation(path: path))
    }

    static func symlinkOutside(path: String) -> Diagnostic {
        .error("symbolic link leads outside the content folder: refused", at: SourceLocation(path: path))
    }

    static func themeLinkOutside(path: String) -> Diagnostic {
        .error("symbolic link leads outside the templates folder: refused", at: SourceLocation(path: path))
    }

    static func symlinkToFolder(path: String) -> Diagnostic {
        .error("symbolic link to a folder: not followed, move the folder here instead", at: SourceLocation(path: path))
    }

    static func unknownTopLevel(path: String, name: String, suggestion: String?) -> Diagnostic {
        .warning("'\(name)' is not part of the content format and is ignored\(hint(suggestion))", at: SourceLocation(path: path))
    }

    static func binaryFile(at location: SourceLocation) -> Diagnostic {
        .error("file contains a NUL byte: is it a binary file?", at: location)
    }

    static func utf16(at location: SourceLocation) -> Diagnostic {
        .error("file is UTF-16: save it as UTF-8", at: location)
    }

    static func fileTooLarge(path: String, size: Int, limit: Int) -> Diagnostic {
        .error(
            "file is too large (\((size + (1 << 20) - 1) >> 20) MB): text files are limited to \(limit >> 20) MB",
            at: SourceLocation(path: path))
    }

    static func notUTF8(at location: SourceLocation) -> Diagnostic {
        .error("file is not valid UTF-8: save it as UTF-8", at: location)
    }

    // MARK: Front matter

    static func missingFrontMatter(path: String, empty: Bool) -> Diagnostic {
        .error(
            empty
                ? "empty file: a content file starts with front matter between two '---' lines"
                : "missing front matter: the first line must be '---'", at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func unclosedFrontMatter(path: String) -> Diagnostic {
        .error("front matter is not closed: add a '---' line after it", at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func invalidYAML(_ error: Error, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            return .error("invalid YAML: \(problem)", at: at(mark))
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("field \(names) is given more than once", at: at(context.mark))
        case YamlError.reader(let problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: SourceLocation(path: path, line: lineOffset + 1, column: 1))
        default:
            return .error("invalid YAML", at: SourceLocation(path: path, line: lineOffset + 1, column: 1))
        }
    }

    static func aliasBomb(limit: Int, at location: SourceLocation) -> Diagnostic {
        .error("YAML aliases here stand for more than \(limit) values: write the values out instead", at: location)
    }

    static func frontMatterNotMapping(at location: SourceLocation) -> Diagnostic {
        .error("front matter must be a set of 'field: value' lines", at: location)
    }

    static func fieldNameNotText(at location: SourceLocation) -> Diagnostic {
        .error("field name must be plain text", at: location)
    }

    static func missingField(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("missing required field '\(name)'", at: location)
    }

    static func emptyField(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("field '\(name)' must not be empty", at: location)
    }

    static func unknownField(_ name: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error("unknown field '\(name)'\(hint(suggestion))", at: location)
    }

    static func wrongType(field: String, expected: String, at location: SourceLocation) -> Diagnostic {
        .error("field '\(field)' must be \(expected)", at: location)
    }

    static func notAList(field: String, at location: SourceLocation) -> Diagnostic {
        .error("field '\(field)' must be a list, such as [a, b]", at: location)
    }

    static func invalidDate(_ text: String, field: String, dayOnly: Bool, at location: SourceLocation) -> Diagnostic {
        let forms = dayOnly ? "YYYY-MM-DD" : "YYYY, YYYY-MM or YYYY-MM-DD"
        return .error("invalid date '\(text)' in '\(field)': expected a real date written \(forms)", at: location)
    }

    static func invalidChoice(_ text: String, field: String, options: [String], at location: SourceLocation) -> Diagnostic {
        let suggestion = Suggestions.closest(to: text, in: options)
        return .error(
            "invalid \(field) '\(text)'\(hint(suggestion)): expected one of \(options.joined(separator: ", "))",
            at: location)
    }

    static func invalidURL(_ text: String, field: String, at location: SourceLocation) -> Diagnostic {
        .error("invalid URL '\(text)' in '\(field)': expected an absolute http or https URL", at: location)
    }

    // MARK: Languages and translations

    static func languageTwice(_ language: String, at location: SourceLocation) -> Diagnostic {
        .error("language '\(language)' is listed twice in 'languages'", at: location)
    }

    static func noLanguages(at location: SourceLocation) -> Diagnostic {
        .error("'languages' lists no language: give at least the report's own, such as [en]", at: location)
    }

    static func languageNotFirst(_ language: String, first: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "'language' is '\(language)' but 'languages' begins with '\(first)': the first of 'languages' is the report's language (or leave 'language' out)",
            at: location)
    }

    static func siteFieldOfTheOriginal(_ field: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "'\(field)' cannot be set here: it comes from site.yaml; a translation of it gives only 'title' and 'description'", at: location
        )
    }

    static func fieldOfTheOriginal(_ field: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        let words = allowed.map { "'\($0)'" }.joined(separator: ", ")
        return .error(
            "'\(field)' cannot be set in a translation: it comes from the original; a translation gives only \(words) and the body",
            at: location)
    }

    static func translationLanguageNotListed(_ language: String, languages: [String], path: String) -> Diagnostic {
        let listed = languages.map { "'\($0)'" }.joined(separator: ", ")
        return .error(
            "translation into '\(language)', which site.yaml does not list among the report's other languages (languages: \(listed))",
            at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func translationIntoOwnLanguage(_ language: String, original: String, path: String) -> Diagnostic {
        .error(
            "translation into '\(language)', the report's own language: '\(original)' is the text in that language",
            at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func translationWithoutOriginal(path: String, original: String) -> Diagnostic {
        .error("translation without an original: there is no '\(original)'", at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func translationUpdatesDiffer(original: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "the updates of a translation must have the dates of the original's (\(original)), each once, with its note translated",
            at: location)
    }

    /// `check`'s note per language: how much of the report is translated.
    static func untranslated(language: String, translated: Int, total: Int) -> Diagnostic {
        .note("'\(language)': \(translated) of \(total) pages translated, \(total - translated) not yet", at: nil)
    }

    static func notTranslated(language: String, path: String) -> Diagnostic {
        .note("not translated into '\(language)' yet", at: SourceLocation(path: path))
    }

    static func invalidLanguage(_ text: String, field: String, at location: SourceLocation) -> Diagnostic {
        .error("invalid language tag '\(text)' in '\(field)': expected a BCP 47 tag such as 'en' or 'pt-BR'", at: location)
    }

    static func invalidCountryCode(_ code: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error("'\(code)' is not an ISO 3166-1 alpha-2 country code\(hint(suggestion))", at: location)
    }

    static func noSources(at location: SourceLocation) -> Diagnostic {
        .error("event has no sources: list at least one source slug in 'sources', or cite one in the body with [@slug]", at: location)
    }

    static func endBeforeStart(_ end: String, _ start: String, at location: SourceLocation) -> Diagnostic {
        .error("end_date '\(end)' is before date '\(start)'", at: location)
    }

    // MARK: Links and references

    static func unsafeLink(_ destination: String, at location: SourceLocation) -> Diagnostic {
        let shown = destination.count > 40 ? String(destination.prefix(40)) + "..." : destination
        return .warning("unsafe link '\(shown)' is disabled: its text stays, without the link", at: location)
    }

    static func unknownLinkKind(_ scheme: String, suggestion: String, at location: SourceLocation) -> Diagnostic {
        .error("unknown link kind '\(scheme)'\(hint(suggestion)): links between pages are written KIND:SLUG", at: location)
    }

    // A reference is named by its kind ("actor") and slug, where it is written.

    static func unknownReference(kind: String, slug: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error("unknown \(kind) '\(slug)'\(hint(suggestion))", at: location)
    }

    static func referenceToDraft(kind: String, slug: String, at location: SourceLocation) -> Diagnostic {
        .error("\(kind) '\(slug)' is a draft: a published page cannot link to it", at: location)
    }

    static func citationOfDraft(slug: String, at location: SourceLocation) -> Diagnostic {
        .error("source '\(slug)' is a draft: a published page cannot cite it", at: location)
    }

    static func footnoteSyntax(at location: SourceLocation) -> Diagnostic {
        .warning(
            "footnotes are not part of the format and do not render as footnotes: cite a source with [@slug] or [@slug, p. 4]", at: location
        )
    }

    static func pipeTable(at location: SourceLocation) -> Diagnostic {
        .warning(
            "tables are not part of the format and render as plain text: write a list, or publish the data as a source of kind 'dataset'",
            at: location)
    }

    static func duplicateSlug(kind: String, slug: String, path: String, firstPath: String) -> Diagnostic {
        .error("duplicate \(kind) slug '\(slug)': also used by \(firstPath)", at: SourceLocation(path: path))
    }

    static func unknownFragment(kind: String, slug: String, fragment: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            "\(kind) '\(slug)' has no heading or section '\(fragment)': the link lands at the top of the page",
            at: location)
    }

    static func duplicateCountryCode(_ code: String, path: String, firstPath: String) -> Diagnostic {
        .error("country code '\(code)' is also used by \(firstPath)", at: SourceLocation(path: path))
    }

    // MARK: Likely mistakes (warnings)

    static func uncitedSource(path: String) -> Diagnostic {
        .warning("source is cited by no page and linked from none", at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func actorInNoEvent(path: String) -> Diagnostic {
        .warning("actor is in no event: no event lists it in 'actors' or links to it", at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func eventWithoutActors(path: String) -> Diagnostic {
        .warning("event has no actors", at: SourceLocation(path: path, line: 1, column: 1))
    }

    // MARK: Theme

    static func missingTemplatesFolder(path: String) -> Diagnostic {
        .error("templates folder does not exist", at: SourceLocation(path: path))
    }

    static func templateTooDeep(limit: Int, at location: SourceLocation) -> Diagnostic {
        .error("sections nested more than \(limit) levels deep", at: location)
    }

    /// `detail`: one of the `templateSyntax…` phrases below, or the parser's own words.
    static func templateSyntax(_ detail: String, at location: SourceLocation) -> Diagnostic {
        .error("template syntax: \(detail)", at: location)
    }

    static let templateSectionClosedWrongly = "a section is closed with the wrong name"
    static let templateTagNotClosed = "a tag is not closed"
    static let templateSectionNotClosed = "a section is not closed"

    static func missingWorldMap(path: String) -> Diagnostic {
        .error(
            "missing world map: the theme's maps are drawn from this file (scripts/make-world-map writes it)",
            at: SourceLocation(path: path))
    }

    /// `detail`: one of the `worldMap…` phrases below.
    static func malformedWorldMap(path: String, detail: String) -> Diagnostic {
        .error("malformed world map: \(detail) (scripts/make-world-map writes this file)", at: SourceLocation(path: path))
    }

    static let worldMapNotJSON = "not valid JSON"
    static let worldMapNotObject = "not a JSON object"
    static let worldMapBadViewBox = "'viewBox' must be four numbers with a positive width and height, and 'landScale' positive"
    static let worldMapBadLand = "'land' is not SVG path data of M, L, Z commands and numbers"
    static func worldMapMissingKey(_ place: String) -> String { "'\(place)' is missing" }
    static func worldMapWrongType(_ place: String) -> String { "'\(place)' has the wrong type" }
    static func worldMapBadCode(number: Int) -> String {
        "country \(number) has no code of two capital letters, or one already used"
    }
    static func worldMapBadCountry(_ code: String) -> String {
        "country '\(code)' needs a 'box' of four numbers and a 'd' of SVG path data (M, L, Z commands and numbers)"
    }

    // MARK: Labels (the theme's i18n/<language>.yaml)

    static func missingLabelsFile(language: String, path: String, present: [String]) -> Diagnostic {
        let have = present.isEmpty ? "the theme has none" : "the theme has " + present.map { "'\($0)'" }.joined(separator: ", ")
        return .error(
            "no labels for the site's language '\(language)' (\(have)): copy i18n/en.yaml to this file and translate it",
            at: SourceLocation(path: path))
    }

    /// `usedAt`: the template tag that includes the label; nil for a label the code needs.
    static func missingLabel(_ key: String, path: String, usedAt: SourceLocation?) -> Diagnostic {
        let user = usedAt.map { "used at \($0)" } ?? "needed by every theme"
        return .error("missing label '\(key)' (\(user))", at: SourceLocation(path: path))
    }

    static func labelsNotYAML(path: String, reason: String) -> Diagnostic {
        .error("labels file is not valid YAML: \(reason)", at: SourceLocation(path: path))
    }

    static func labelsNotMapping(at location: SourceLocation) -> Diagnostic {
        .error("expected a mapping of names to values ('locale', 'labels')", at: location)
    }

    static func labelsLocaleNotText(at location: SourceLocation) -> Diagnostic {
        .error("'locale' must be a locale identifier such as 'fr' or 'en-GB'", at: location)
    }

    static func labelsUnknownField(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("unknown field '\(name)' in a labels file: only 'locale' and 'labels' are read", at: location)
    }

    /// `plural`: the label may also be a mapping of plural forms.
    static func labelNotText(_ key: String, plural: Bool, at location: SourceLocation) -> Diagnostic {
        let what = plural ? "text, or a mapping of plural forms (zero, one, two, few, many, other) to texts" : "text"
        return .error("label '\(key)' must be \(what)", at: location)
    }

    static func labelBadPluralForm(_ key: String, form: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "label '\(key)': '\(form)' is not a plural form with a text; the forms are zero, one, two, few, many and other",
            at: location)
    }

    static func labelWithoutOther(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error("label '\(key)' has no 'other' form, which every language uses", at: location)
    }

    static func labelSyntax(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error("label '\(key)' is not valid Mustache: a tag or section is not closed", at: location)
    }

    static func missingTemplate(_ name: String, path: String) -> Diagnostic {
        .error("missing template '\(name).mustache'", at: SourceLocation(path: path))
    }

    static func dynamicPartial(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("partial named by a value ('\(name)'): not supported, every partial is checked before rendering", at: location)
    }

    static func partialWithoutName(at location: SourceLocation) -> Diagnostic {
        .error("partial tag without a name", at: location)
    }

    static func missingPartial(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("missing partial '\(name)': no file '\(name).mustache' in the theme", at: location)
    }

    static func templateIncludesItself(chain: String, at location: SourceLocation) -> Diagnostic {
        .error("template includes itself (\(chain)): the build would never end", at: location)
    }

    /// `name` is a template's, or with `block` a block's.
    static func templateNestsTooDeep(_ name: String, block: Bool, limit: Int, at location: SourceLocation) -> Diagnostic {
        let what = block ? "expanding block '\(name)'" : "including '\(name)'"
        return .error("\(what) here nests sections and partials more than \(limit) levels deep", at: location)
    }

    static func unreadableAsset(path: String, reason: String) -> Diagnostic {
        .error("cannot read asset: \(reason)", at: SourceLocation(path: path))
    }

    // MARK: Output

    static func outputWouldReplace(_ what: String, output: String) -> Diagnostic {
        .error("refusing to write the site here: it would replace the \(what)", at: SourceLocation(path: output))
    }

    static func outputNotAFolder(output: String) -> Diagnostic {
        .error("the output exists and is not a folder", at: SourceLocation(path: output))
    }

    static func outputNotASite(output: String) -> Diagnostic {
        .error(
            "refusing to replace a folder that is not a generated site (no index.html): choose an empty or new folder",
            at: SourceLocation(path: output))
    }

    static func cannotCreateOutputParent(output: String, reason: String) -> Diagnostic {
        .error("cannot create the output's parent folder: \(reason)", at: SourceLocation(path: output))
    }

    static func cannotWriteBesideOutput(output: String, reason: String) -> Diagnostic {
        .error("cannot write beside the output folder: \(reason)", at: SourceLocation(path: output))
    }

    static func outputLocked(output: String) -> Diagnostic {
        .error("another build is writing this folder: wait for it to finish", at: SourceLocation(path: output))
    }

    static func cannotCreateStaging(output: String, reason: String) -> Diagnostic {
        .error("cannot create a staging folder beside the output: \(reason)", at: SourceLocation(path: output))
    }

    static func cannotReplaceOutput(output: String, reason: String) -> Diagnostic {
        .error("cannot replace the output folder: \(reason)", at: SourceLocation(path: output))
    }

    static func cannotWriteFile(_ file: String, output: String, reason: String) -> Diagnostic {
        .error("cannot write '\(file)': \(reason)", at: SourceLocation(path: output))
    }

    static func cannotCopyAsset(_ asset: String, output: String, reason: String) -> Diagnostic {
        .error("cannot read asset '\(asset)': \(reason)", at: SourceLocation(path: output))
    }

    // MARK: media

    static func mediaFileNotName(_ file: String, at location: SourceLocation) -> Diagnostic {
        .error("'file' must be the name of a file beside this one in content/media/, not a path: '\(file)'", at: location)
    }

    static func mediaFileMissing(_ file: String, at location: SourceLocation) -> Diagnostic {
        .error("media file '\(file)' does not exist beside this file", at: location)
    }

    static func mediaFileUnreadable(_ file: String, reason: String, at location: SourceLocation) -> Diagnostic {
        .error("media file '\(file)' cannot be read: \(reason)", at: location)
    }

    static func mediaSVGRefused(_ file: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "media file '\(file)' is SVG, which can carry script: refused; publish a PNG or WebP rendering of it instead",
            at: location)
    }

    static func mediaUnknownFormat(_ file: String, at location: SourceLocation) -> Diagnostic {
        .error("media file '\(file)' is not a JPEG, PNG, WebP, GIF or PDF file (judged by its content)", at: location)
    }

    static func mediaWrongExtension(_ file: String, claimed: String, actual: String, at location: SourceLocation) -> Diagnostic {
        .error("media file '\(file)' is named as \(claimed) but its content is \(actual): rename it or replace it", at: location)
    }

    static func mediaTooManyPixels(_ file: String, width: Int, height: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            "media file '\(file)' claims \(width) × \(height) pixels, more than the limit of \(limit): refused without decoding",
            at: location)
    }

    static func mediaBroken(_ file: String, reason: String, at location: SourceLocation) -> Diagnostic {
        .error("media file '\(file)' is damaged or truncated: \(reason)", at: location)
    }

    static func mediaTooLarge(_ file: String, bytes: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .warning(
            "media file '\(file)' is \(bytes / 1_000_000) MB, more than \(limit / 1_000_000) MB: readers of the PDF or the item "
                + "page download it whole", at: location)
    }

    static func mediaPDFMetadata(_ file: String, fields: [String], at location: SourceLocation) -> Diagnostic {
        .warning(
            "PDF '\(file)' is published as it is and names its \(fields.joined(separator: ", ")): check that this reveals nothing "
                + "(docs/content-format.md, Media)", at: location)
    }

    static func mediaAltRequired(at location: SourceLocation) -> Diagnostic {
        .error("missing field 'alt': an image needs a text alternative for readers who cannot see it", at: location)
    }

    static func mediaUnused(path: String) -> Diagnostic {
        .warning("media item is shown or linked by no page", at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func mediaUndescribed(path: String) -> Diagnostic {
        .warning(
            "no media item describes this file: it is not published (add a .md file with 'file: \((path as NSString).lastPathComponent)')",
            at: SourceLocation(path: path, line: 1, column: 1))
    }

    static func mediaCannotEncode(path: String, reason: String) -> Diagnostic {
        .error("media file cannot be published: \(reason)", at: SourceLocation(path: path, line: 1, column: 1))
    }

    // MARK: Renamed pages and archived copies (issue #20)

    static func invalidFormerSlug(_ slug: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "invalid former slug '\(slug)': a slug is 1 to 80 characters of a-z, 0-9 and '-', starting with a letter or digit",
            at: location)
    }

    static func formerSlugIsHome(at location: SourceLocation) -> Diagnostic {
        .error("'home' cannot be a former slug of a page: the home page's address is the site's root", at: location)
    }

    /// `path`: the file that has the slug now (the entry's own file when it lists itself).
    static func formerSlugIsLive(kind: String, slug: String, path: String, own: Bool, at location: SourceLocation) -> Diagnostic {
        .error(
            own
                ? "'\(slug)' is this \(kind)'s own slug: list only the slugs it had before"
                : "former slug '\(slug)' is the slug of the \(kind) in \(path): one address cannot be both",
            at: location)
    }

    static func formerSlugClaimedTwice(kind: String, slug: String, firstPath: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "\(kind) '\(slug)' is already listed as a former slug by \(firstPath): an old address can lead to one page only", at: location)
    }

    static func linkToFormerSlug(kind: String, slug: String, current: String, at location: SourceLocation) -> Diagnostic {
        .warning("\(kind) '\(slug)' was renamed '\(current)': link to '\(kind):\(current)'", at: location)
    }

    static func fieldToFormerSlug(kind: String, slug: String, current: String, at location: SourceLocation) -> Diagnostic {
        .error("\(kind) '\(slug)' was renamed '\(current)': write '\(current)'", at: location)
    }

    static func goneWithoutArchive(status: String, at location: SourceLocation) -> Diagnostic {
        .warning("url_status is '\(status)' but there is no archive_url: readers are left with no copy of the source", at: location)
    }

    static func archiveDateWithoutArchive(at location: SourceLocation) -> Diagnostic {
        .warning("archive_date without archive_url: give the archived copy's address too", at: location)
    }

    static func invalidSkipHost(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("invalid host '\(text)' in 'link_check_skip': write a host name such as 'example.org'", at: location)
    }

    static func brokenExternalLink(_ url: String, problem: String, at location: SourceLocation) -> Diagnostic {
        .warning("external link '\(url)' is broken: \(problem)", at: location)
    }

    static func movedExternalLink(_ url: String, to target: String, at location: SourceLocation) -> Diagnostic {
        .warning("external link '\(url)' has moved permanently to '\(target)': link to the new address", at: location)
    }

    static func brokenSourceWithoutArchive(at location: SourceLocation) -> Diagnostic {
        .warning(
            "this source's url is broken and it has no archive_url: add an archived copy, and 'url_status: dead' if the original is gone",
            at: location)
    }

    /// Why an address is broken or skipped (`LinkResult.problem`, its status and transport error).
    static func linkProblem(_ problem: String?, status: Int?, detail: String?) -> String {
        switch problem {
        case "timeout": return "no answer in time"
        case "connection": return "connection failed" + (detail.map { " (\($0))" } ?? "")
        case "redirects": return "too many redirects"
        case "rate-limited": return "the server asks to slow down (429)"
        case "time-limit": return "not checked within the time limit"
        case "skipped-host": return "its host is skipped"
        default:
            guard let status else { return "no answer" }
            switch status {
            case 404: return "not found (404)"
            case 410: return "gone (410)"
            case 300..<400: return "redirect without a usable Location (\(status))"
            case 500..<600: return "server error (\(status))"
            default: return "HTTP status \(status)"
            }
        }
    }

    /// The last line of `check --external`.
    public static func externalLinkSummary(
        checked: Int, broken: Int, redirected: Int, skipped: Int, cached: Int, sourcesWithoutArchive: Int
    ) -> String {
        var text =
            "external links: \(checked) checked (\(cached) from the cache), \(broken) broken, \(redirected) redirected, \(skipped) skipped"
        if sourcesWithoutArchive > 0 {
            text +=
                "; \(sourcesWithoutArchive) \(sourcesWithoutArchive == 1 ? "source has" : "sources have") a broken url and no archive_url"
        }
        return text
    }

    /// `dossier archive`'s lines: YAML to paste under the file's front
    /// matter, or a comment saying why there is none.
    public static func archiveFound(path: String, url: String, date: String) -> String {
        "# \(path)\narchive_url: \(url)\narchive_date: \(date)"
    }

    public static func archiveNotFound(path: String) -> String {
        "# \(path): no snapshot in the Internet Archive: save the page there first, if it is still online"
    }

    public static func archiveLookupFailed(path: String, reason: String) -> String {
        "# \(path): the Internet Archive could not be asked: \(reason)"
    }

    public static func archiveSummary(found: Int, of total: Int) -> String {
        "# \(found) of \(total) sources without archive_url have a snapshot: add the lines above to their front matter"
    }

    public static let badLinkTimes = "--timeout and --time-limit must be positive numbers of seconds"

    public static func cannotSaveLinkCache(_ reason: String) -> String {
        "warning: cannot save the external link cache: \(reason)"
    }

    // MARK: Command line (printed by `dossier`, not diagnostics of a file)

    /// "1 warning", "2 errors".
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    public static func badBaseURL(_ text: String) -> String {
        "--base-url must be an absolute http or https URL, got '\(text)'"
    }

    public static let quietAndVerbose = "--quiet and --verbose cannot be used together"

    public static func badPort(_ port: Int) -> String {
        "--port must be between 0 and 65535, got \(port)"
    }

    /// What a failed build did to the output, after its count of errors.
    public static let nothingWritten = "nothing was written"

    /// The last line of a run with errors: "2 errors, 1 warning: nothing was written".
    public static func errorSummary(errors: Int, warnings: Int, consequence: String?) -> String {
        count(errors, "error") + (warnings > 0 ? ", " + count(warnings, "warning") : "") + (consequence.map { ": \($0)" } ?? "")
    }

    /// `dossier check` without errors.
    public static func checkPassed(warnings: Int) -> String {
        warnings == 0 ? "no problems found" : "no errors, " + count(warnings, "warning")
    }

    /// `dossier build`'s one line: `pages` as "37 actors, 20 countries, …".
    public static func built(pages: String, files: Int, output: String, seconds: Double, warnings: Int) -> String {
        "built \(pages) (\(files) files) into \(output) in " + String(format: "%.2f s", seconds)
            + (warnings == 0 ? "" : ", " + count(warnings, "warning"))
    }

    /// The rows of `dossier build -v`'s table, by what they count.
    public static let tableFiles = "files written", tableUnchanged = "unchanged", tableWarnings = "warnings"
    public static let tableTime = "time", tableOutput = "output"

    public static func progress(stage: String, done: Int, total: Int) -> String {
        total > 0 ? "\(stage) \(done)/\(total) pages" : "\(stage)…"
    }

    public static func cannotCompare(_ reason: String) -> String { "error: cannot compare: \(reason)" }

    public static func cannotCreate(_ reason: String) -> String { "error: \(reason)" }

    public static func servingOutsideLoopback(_ host: String) -> String {
        "warning: serving on \(host): other machines can read the site"
    }

    public static func cannotServe(host: String, port: Int, reason: String) -> String {
        "error: cannot serve on \(host):\(port): \(reason)"
    }

    public static func serving(url: String) -> String {
        "serving \(url) (edits to the content and templates rebuild it; Ctrl-C stops)"
    }

    public static let serveStopped = "stopped"
    public static let serveNothingYet = "nothing to serve until they are fixed"
    public static let serveKeepsLastGood = "still serving the last good site"

    public static func serveBuilt(pages: Int, files: Int, time: String) -> String {
        "built \(pages) pages (\(files) files) in \(time)"
    }

    /// `changed`: the edited file, or "3 files".
    public static func serveRebuilt(changed: String, rendered: Int, pages: Int, time: String, siteFiles: Int) -> String {
        "\(changed) changed: rendered \(rendered) of \(pages) pages in \(time), " + count(siteFiles, "file") + " of the site changed"
    }
}

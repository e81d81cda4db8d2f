import Foundation

@testable import DossierKit

/// One folder of `Fixtures/invalid`: a tiny project with one fault and the
/// exact diagnostics it must produce (`expected.txt`, one per line, paths
/// relative to the case folder).
enum InvalidCase: String, CaseIterable, Sendable, CustomStringConvertible {
    case archiveFields = "archive-fields"
    case badSlugFileName = "bad-slug-file-name"
    case citationErrors = "citation-errors"
    case codeNotISO = "code-not-iso"
    case draftNotBoolean = "draft-not-boolean"
    case duplicateCountryCode = "duplicate-country-code"
    case duplicateField = "duplicate-field"
    case duplicateSlugInSubfolders = "duplicate-slug-in-subfolders"
    case emptyFile = "empty-file"
    case errorsDoNotHideReferences = "errors-do-not-hide-references"
    case emptyRequiredField = "empty-required-field"
    case endBeforeStart = "end-before-start"
    case eventWithoutSources = "event-without-sources"
    case formerSlugConflicts = "former-slug-conflicts"
    case frontMatterNotMapping = "front-matter-not-mapping"
    case impossibleDate = "impossible-date"
    case invalidChoiceAndLanguage = "invalid-choice-and-language"
    case invalidDate = "invalid-date"
    case invalidSiteYAML = "invalid-site-yaml"
    case invalidUpdate = "invalid-update"
    case invalidURL = "invalid-url"
    case languageList = "language-list"
    case invalidYAML = "invalid-yaml"
    case linkToDraft = "link-to-draft"
    case linkToFormerSlug = "link-to-former-slug"
    case listItemNotText = "list-item-not-text"
    case lowercaseCountryCode = "lowercase-country-code"
    case markdownExtensionTypo = "markdown-extension-typo"
    case missingFrontMatter = "missing-front-matter"
    case missingRequiredField = "missing-required-field"
    case missingSiteYAML = "missing-site-yaml"
    case misspeltField = "misspelt-field"
    case notUTF8 = "not-utf8"
    case nulByte = "nul-byte"
    case referenceToBrokenFile = "reference-to-broken-file"
    case siteTranslation = "site-translation"
    case translationFields = "translation-fields"
    case translationLanguage = "translation-language"
    case translationLinks = "translation-links"
    case translationUpdates = "translation-updates"
    case translationWithoutOriginal = "translation-without-original"
    case unclosedFrontMatter = "unclosed-front-matter"
    case unknownActorInBody = "unknown-actor-in-body"
    case unknownCountryInFrontMatter = "unknown-country-in-front-matter"
    case unknownLinkKind = "unknown-link-kind"
    case unknownSourceInFrontMatter = "unknown-source-in-front-matter"
    case unknownStatus = "unknown-status"
    case warningsBesideAnError = "warnings-beside-an-error"
    case wrongType = "wrong-type"

    var description: String { rawValue }

    var folder: URL { Fixture.url("invalid/\(rawValue)") }

    /// The case's project, writing into `output`, with the real theme.
    func project(output: URL) -> Project {
        Project(content: folder.appendingPathComponent("content"), templates: Fixture.templates, output: output)
    }

    /// The lines of `expected.txt`.
    func expectedLines() throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }
}

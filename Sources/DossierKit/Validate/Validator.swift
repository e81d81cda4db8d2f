import Foundation

/// Stage 2: checks what no single file can check alone (unique slugs and
/// codes, references, drafts, fragments) and builds the `Site`.
struct Validator {
    let content: LoadedContent
    let includeDrafts: Bool

    func validate(_ diagnostics: inout Diagnostics) -> Site? {
        let entries = uniqueEntries(&diagnostics)
        checkCountryCodes(entries, &diagnostics)
        let moved = formerAddresses(entries, &diagnostics)
        // The references are checked on one core while the `Site` (sorted
        // entries, relations) is built on the other.
        let references = Mutex(Diagnostics())
        let built = Mutex<Site?>(nil)
        let published = entries.filter { includeDrafts || !$0.draft }
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let found = checkReferences(entries, moved: moved)
                references.withLock { $0 = found }
            } else if let settings = content.settings {
                let site = Site(settings: settings, entries: published)
                built.withLock { $0 = site }
            }
        }
        diagnostics.append(contentsOf: references.withLock { $0 })
        guard let site = built.withLock({ $0 }) else { return nil }
        // Likely mistakes are judged on the whole report only: with a file
        // dropped for its errors, a source it cites would look uncited.
        checkFragments(in: site, &diagnostics)
        let translations = checkTranslations(entries, moved: moved, in: site, &diagnostics)
        if !diagnostics.hasErrors {
            Lint.check(site, &diagnostics)
            checkMedia(entries, in: site, &diagnostics)
        }
        return site.with(translations: translations)
    }

    /// Warns about a media item no page shows or links to, and a file in
    /// `content/media/` no item describes (it would not be published).
    private func checkMedia(_ entries: [Entry], in site: Site, _ diagnostics: inout Diagnostics) {
        for item in site.entries(of: .media) where site.relations.incoming(to: item.key).isEmpty {
            diagnostics.append(Messages.mediaUnused(path: item.path))
        }
        let described = Set(entries.compactMap { $0.media?.filePath })
        for file in content.mediaFiles where !described.contains(file.filePath) {
            diagnostics.append(Messages.mediaUndescribed(path: file.path))
        }
    }

    /// Every reference of every entry, and those of files that could not be typed.
    private func checkReferences(_ entries: [Entry], moved: [PageKey: Entry]) -> Diagnostics {
        var diagnostics = Diagnostics()
        var byKey: [PageKey: Entry] = [:]
        for entry in entries { byKey[entry.key] = entry }
        // Every known slug by kind, sorted, for "did you mean": made the
        // first time a reference is unknown, which a good report never has.
        var slugsByKind: [Kind: [String]]?
        func slugs(_ kind: Kind) -> [String] {
            if slugsByKind == nil {
                var byKind: [Kind: [String]] = [:]
                for key in content.knownKeys { byKind[key.kind, default: []].append(key.slug) }
                for kind in Kind.allCases { byKind[kind]?.sort() }
                slugsByKind = byKind
            }
            return slugsByKind?[kind] ?? []
        }
        for entry in entries {
            entry.forEachReference { reference in
                check(reference, from: entry, byKey: byKey, moved: moved, slugs: slugs, &diagnostics)
            }
        }
        for reference in content.uncheckedReferences {
            let key = PageKey(reference.kind, reference.slug)
            guard !content.knownKeys.contains(key), moved[key] == nil else { continue }
            diagnostics.append(
                Messages.unknownReference(
                    kind: reference.kind.rawValue, slug: reference.slug,
                    suggestion: Suggestions.closest(to: reference.slug, in: slugs(reference.kind)), at: reference.location))
        }
        return diagnostics
    }

    /// One entry per kind and slug; a slug used twice (in two sub-folders)
    /// is an error on every file after the first.
    private func uniqueEntries(_ diagnostics: inout Diagnostics) -> [Entry] {
        for (key, paths) in content.paths where paths.count > 1 {
            let sorted = paths.sorted()
            for path in sorted.dropFirst() {
                diagnostics.append(Messages.duplicateSlug(kind: key.kind.rawValue, slug: key.slug, path: path, firstPath: sorted[0]))
            }
        }
        var seen = Set<PageKey>()
        return content.entries.sorted { $0.path < $1.path }.filter { seen.insert($0.key).inserted }
    }

    private func checkCountryCodes(_ entries: [Entry], _ diagnostics: inout Diagnostics) {
        var firstPath: [String: String] = [:]
        for entry in entries {
            guard let code = entry.country?.code else { continue }
            if let first = firstPath[code] {
                diagnostics.append(Messages.duplicateCountryCode(code, path: entry.path, firstPath: first))
            } else {
                firstPath[code] = entry.path
            }
        }
    }

    private func check(
        _ reference: Reference, from entry: Entry, byKey: [PageKey: Entry], moved: [PageKey: Entry], slugs: (Kind) -> [String],
        _ diagnostics: inout Diagnostics
    ) {
        let key = PageKey(reference.kind, reference.slug)
        // An entry's key is always a known one: one look-up for the usual case.
        guard let target = byKey[key] else {
            if let renamed = moved[key] {
                checkFormer(reference, renamed: renamed, from: entry, &diagnostics)
            } else if !content.knownKeys.contains(key) {
                diagnostics.append(
                    Messages.unknownReference(
                        kind: reference.kind.rawValue, slug: reference.slug,
                        suggestion: Suggestions.closest(to: reference.slug, in: slugs(reference.kind)), at: reference.location))
            }
            return  // else its own file has errors, reported there
        }
        if target.draft, !entry.draft, !includeDrafts {
            diagnostics.append(
                reference.origin == .citation
                    ? Messages.citationOfDraft(slug: reference.slug, at: reference.location)
                    : Messages.referenceToDraft(kind: reference.kind.rawValue, slug: reference.slug, at: reference.location))
        }
    }

    /// A reference to a former slug: a body link still leads to the page
    /// (a warning names the new slug); a front-matter list or a citation must name the
    /// current slug, since relations are made from current slugs only.
    private func checkFormer(_ reference: Reference, renamed target: Entry, from entry: Entry, _ diagnostics: inout Diagnostics) {
        let kind = reference.kind.rawValue
        if case .body = reference.origin {
            diagnostics.append(Messages.linkToFormerSlug(kind: kind, slug: reference.slug, current: target.slug, at: reference.location))
        } else {
            diagnostics.append(Messages.fieldToFormerSlug(kind: kind, slug: reference.slug, current: target.slug, at: reference.location))
        }
        if target.draft, !entry.draft, !includeDrafts {
            diagnostics.append(Messages.referenceToDraft(kind: kind, slug: target.slug, at: reference.location))
        }
    }

    /// `moved_from`: each former address leads to one entry and is no file's
    /// address (a draft's included: publishing it would make two pages
    /// claim one address). Returns former address → entry, drafts included.
    private func formerAddresses(_ entries: [Entry], _ diagnostics: inout Diagnostics) -> [PageKey: Entry] {
        var claimed: [PageKey: Entry] = [:]
        for entry in entries {
            for former in entry.movedFrom {
                let key = PageKey(entry.kind, former.slug)
                if content.knownKeys.contains(key) {
                    let path = content.paths[key]?.sorted().first ?? entry.path
                    diagnostics.append(
                        Messages.formerSlugIsLive(
                            kind: entry.kind.rawValue, slug: former.slug, path: path, own: key == entry.key, at: former.location))
                } else if let first = claimed[key] {
                    diagnostics.append(
                        Messages.formerSlugClaimedTwice(
                            kind: entry.kind.rawValue, slug: former.slug, firstPath: first.path, at: former.location))
                } else {
                    claimed[key] = entry
                }
            }
        }
        return claimed
    }

    /// A `#fragment` must name a heading of the target's body or a section
    /// the target's page shows; judged on the published site.
    private func checkFragments(in site: Site, _ diagnostics: inout Diagnostics) {
        var sections: [PageKey: Set<String>] = [:]
        // Only entries with a fragment link, sorted (by path, for the order
        // of the diagnostics): most entries have none.
        let linking = site.entries.values.filter { $0.links.contains { $0.fragment?.isEmpty == false } }
        for entry in linking.sorted(by: { $0.path < $1.path }) {
            for reference in entry.links {
                guard let fragment = reference.fragment, !fragment.isEmpty,
                    let target = site[PageKey(reference.kind, reference.slug)] ?? site.moved[PageKey(reference.kind, reference.slug)],
                    !target.headingIDs.contains(fragment)
                else { continue }
                let shown = sections[target.key] ?? Sections.present(on: target, in: site)
                sections[target.key] = shown
                if !shown.contains(fragment) {
                    diagnostics.append(
                        Messages.unknownFragment(
                            kind: reference.kind.rawValue, slug: reference.slug, fragment: fragment, at: reference.location))
                }
            }
        }
    }

    /// Each translation is into one of the report's other languages, of an
    /// entry that exists, with the original's update dates; its links and
    /// citations resolve as an original's do, a link to a heading by the
    /// heading's id in the same language. Then a note per language: how
    /// much is translated, and one per page not translated yet.
    /// Returns the translations accepted, of published entries.
    private func checkTranslations(
        _ entries: [Entry], moved: [PageKey: Entry], in site: Site, _ diagnostics: inout Diagnostics
    ) -> [String: [PageKey: Translation]] {
        let languages = site.settings.allLanguages
        let others = Set(languages.dropFirst())
        guard !others.isEmpty || !content.translations.isEmpty else { return [:] }
        var originals: [PageKey: Entry] = [:]
        for entry in entries { originals[entry.key] = entry }
        var accepted: [String: [PageKey: Translation]] = [:]
        for translation in content.translations.sorted(by: { $0.path < $1.path }) {
            let originalPath = String(translation.path.dropLast(".\(translation.language).md".count) + ".md")
            if let refused = site.settings.translationRefused(
                into: translation.language, original: originalPath, path: translation.path)
            {
                diagnostics.append(refused)
                continue
            }
            guard let original = originals[translation.key] else {
                diagnostics.append(Messages.translationWithoutOriginal(path: translation.path, original: originalPath))
                continue
            }
            if let place = translation.updatesLocation {
                let dates = (original.actor?.updates ?? original.event?.updates ?? []).map(\.date)
                if translation.updates.map(\.date) != dates {
                    diagnostics.append(Messages.translationUpdatesDiffer(original: original.path, at: place))
                }
            }
            accepted[translation.language, default: [:]][translation.key] = translation
        }
        for (language, translations) in accepted.sorted(by: { $0.key < $1.key }) {
            for translation in translations.values.sorted(by: { $0.path < $1.path }) {
                let references = translation.links + translation.citations.flatMap { $0.items.map(\.reference) }
                for reference in references {
                    let key = PageKey(reference.kind, reference.slug)
                    guard let target = originals[key] ?? moved[key] else {
                        diagnostics.append(
                            Messages.unknownReference(
                                kind: reference.kind.rawValue, slug: reference.slug, suggestion: nil, at: reference.location))
                        continue
                    }
                    guard let fragment = reference.fragment, !fragment.isEmpty else { continue }
                    let ids = (translations[target.key]?.headingIDs ?? target.headingIDs) + Array(Sections.present(on: target, in: site))
                    if !ids.contains(fragment) {
                        diagnostics.append(
                            Messages.unknownFragment(
                                kind: reference.kind.rawValue, slug: reference.slug, fragment: fragment, at: reference.location))
                    }
                }
            }
        }
        let published = site.entries.values.sorted { $0.path < $1.path }
        for language in languages.dropFirst() {
            let translated = accepted[language] ?? [:]
            let missing = published.filter { translated[$0.key] == nil }
            diagnostics.append(
                Messages.untranslated(language: language, translated: published.count - missing.count, total: published.count))
            for entry in missing { diagnostics.append(Messages.notTranslated(language: language, path: entry.path)) }
        }
        return accepted.mapValues { $0.filter { site[$0.key] != nil } }
    }
}

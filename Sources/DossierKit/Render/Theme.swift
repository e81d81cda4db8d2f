import Foundation
import Mustache

/// The theme: every `*.mustache` file under `templates/` (named by its path
/// without the extension, so `partials/list.mustache` is `{{> partials/list}}`)
/// the files under `templates/assets/`, copied to `public/assets/`, and the
/// world map the pictures of countries are drawn from (`WorldMap.file`), and
/// the labels of each of the site's languages (`i18n/<language>.yaml`,
/// `LabelFile`), which templates include as partials named `i18n/<key>`.
public struct Theme: Sendable {
    /// Templates every theme must have: one per page kind and index.
    static let required =
        ["home", "actor", "country", "event", "source", "page", "media", "timeline", "relations", "search", "404", Renderer.movedTemplate]
        + Kind.allCases.map(\.indexTemplate) + ViewBuilder.Item.all + [
            ViewBuilder.figure, ViewBuilder.head, ViewBuilder.header, ViewBuilder.footer, ViewBuilder.citationMarker,
            ViewBuilder.sourceList,
        ] + ViewBuilder.ListTemplate.all

    /// The templates, with the labels of `labels` as partials.
    let library: MustacheLibrary
    /// Asset files: path below `assets/` → file on disk.
    let assets: [(path: String, url: URL)]
    /// Nil when the file is missing or malformed (an error, reported).
    let map: WorldMap?
    /// The words of the language the theme renders in.
    let labels: Labels
    /// Every language loaded: its library and labels (`edition(_:)`).
    private let languages: [String: (library: MustacheLibrary, labels: Labels)]

    /// The same theme in `language`'s words (one of those loaded).
    func edition(_ language: String) -> Theme {
        guard let words = languages[language], language != labels.language else { return self }
        return Theme(library: words.library, assets: assets, map: map, labels: words.labels, languages: languages)
    }

    /// The theme, with the labels of each of `languages` (the site's, its
    /// own first; empty when `site.yaml` could not be read, and only the
    /// templates are checked). The templates are checked once; the labels
    /// each language's templates include, in each language.
    static func load(from folder: URL, languages: [String], _ diagnostics: inout Diagnostics) -> Theme? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Messages.missingTemplatesFolder(path: Project.displayPath(folder)))
            return nil
        }
        // A link that leaves the theme is refused, as in content/: a theme
        // from a pull request must not publish a file of the building machine.
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path + "/"
        let files = (manager.subpaths(atPath: folder.path) ?? []).sorted().filter { file in
            let url = folder.appendingPathComponent(file)
            guard (try? manager.destinationOfSymbolicLink(atPath: url.path)) != nil else { return true }
            guard url.resolvingSymlinksInPath().standardizedFileURL.path.hasPrefix(base) else {
                diagnostics.append(Messages.themeLinkOutside(path: Project.displayPath(url)))
                return false
            }
            return true
        }
        HTMLEscaping.register()
        var library = MustacheLibrary()
        var names = Set<String>()
        var templates: [TemplateGraph.Template] = []
        for file in files where file.hasSuffix(".mustache") {
            let url = folder.appendingPathComponent(file)
            let path = Project.displayPath(url)
            guard let text = TextFile.read(url, path: path, &diagnostics) else { continue }
            let name = String(file.dropLast(".mustache".count))
            // Read first: swift-mustache's parser would overflow the stack on
            // a template nested thousands of levels deep.
            let outline = TemplateOutline(text)
            names.insert(name)
            templates.append(TemplateGraph.Template(name: name, path: path, outline: outline))
            if let place = outline.tooDeep {
                diagnostics.append(
                    Messages.templateTooDeep(
                        limit: TemplateOutline.depthLimit, at: SourceLocation(path: path, line: place.line, column: place.column)))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = max(1, error.context.lineNumber - 1)  // the pragma's line
                diagnostics.append(
                    Messages.templateSyntax(
                        describe(error.error), at: SourceLocation(path: path, line: line, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(Messages.templateSyntax(String(describing: error), at: SourceLocation(path: path)))
            }
        }
        for name in required where !names.contains(name) && !files.contains(name + ".mustache") {
            diagnostics.append(Messages.missingTemplate(name, path: Project.displayPath(folder.appendingPathComponent(name + ".mustache"))))
        }
        var loaded: [String: (library: MustacheLibrary, labels: Labels)] = [:]
        var reported = Set<Diagnostic>()
        for language in languages.isEmpty ? [nil] : languages.map(Optional.some) {
            let labels = language.flatMap { loadLabels($0, from: folder, files: files, &diagnostics) }
            var withLabels = library
            var graph = templates
            for (key, label) in labels?.partials ?? [:] {
                let name = LabelFile.folder + "/" + key
                withLabels.register(label.template, named: name)
                graph.append(TemplateGraph.Template(name: name, path: labels?.labels.path ?? "", outline: TemplateOutline(label.text)))
            }
            // The templates' own errors come out the same in every language: each is reported once.
            var found = Diagnostics()
            TemplateGraph.check(graph, &found) { name, place in
                guard name.hasPrefix(LabelFile.folder + "/") else { return Messages.missingPartial(name, at: place) }
                // Without the language's file, that file's absence is the one error.
                guard let labels = labels?.labels else { return nil }
                return Messages.missingLabel(String(name.dropFirst(LabelFile.folder.count + 1)), path: labels.path, usedAt: place)
            }
            for diagnostic in found.all where reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
            if let language, let labels { loaded[language] = (withLabels, labels.labels) }
        }
        let assets = files.filter { $0.hasPrefix("assets/") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .compactMap { file -> (String, URL)? in
                let url = folder.appendingPathComponent(file)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
                return (String(file.dropFirst("assets/".count)), url)
            }
        let map = WorldMap.load(from: folder, &diagnostics)
        guard let own = languages.first, let words = loaded[own], loaded.count == languages.count else { return nil }
        return Theme(library: words.library, assets: assets, map: map, labels: words.labels, languages: loaded)
    }

    /// The labels of `language`, each key the code asks for present.
    private static func loadLabels(
        _ language: String, from folder: URL, files: [String], _ diagnostics: inout Diagnostics
    ) -> (labels: Labels, partials: [String: (template: MustacheTemplate, text: String)])? {
        let file = LabelFile.folder + "/" + language + ".yaml"
        let url = folder.appendingPathComponent(file)
        guard files.contains(file) else {
            let present = files.compactMap(LabelFile.language(of:)).sorted()
            diagnostics.append(Messages.missingLabelsFile(language: language, path: Project.displayPath(url), present: present))
            return nil
        }
        guard let loaded = LabelFile.load(url, language: language, &diagnostics) else { return nil }
        let missing = Labels.codeKeys.filter { !loaded.labels.has($0) }
        for key in missing { diagnostics.append(Messages.missingLabel(key, path: loaded.labels.path, usedAt: nil)) }
        return missing.isEmpty ? loaded : nil
    }

    /// Renders a view with a named template.
    func render(_ view: View, template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: Messages.templateSectionClosedWrongly
        case MustacheTemplate.Error.unfinishedName: Messages.templateTagNotClosed
        case MustacheTemplate.Error.expectedSectionEnd: Messages.templateSectionNotClosed
        default: String(describing: error)
        }
    }
}

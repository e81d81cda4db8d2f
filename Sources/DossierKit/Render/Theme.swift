import Foundation
import Mustache

/// The theme: every `*.mustache` file under `templates/` (named by its path
/// without the extension, so `partials/list.mustache` is `{{> partials/list}}`)
/// the files under `templates/assets/`, copied to `public/assets/`, and the
/// world map the pictures of countries are drawn from (`WorldMap.file`).
public struct Theme: Sendable {
    /// Templates every theme must have: one per page kind and index.
    static let required =
        ["home", "actor", "country", "event", "source", "page", "media", "timeline", "relations", "search", "404", Renderer.movedTemplate]
        + Kind.allCases.map(\.indexTemplate) + ViewBuilder.Item.all + [
            ViewBuilder.figure, ViewBuilder.head, ViewBuilder.header, ViewBuilder.footer, ViewBuilder.citationMarker,
            ViewBuilder.sourceList,
        ] + ViewBuilder.ListTemplate.all

    let library: MustacheLibrary
    /// Asset files: path below `assets/` → file on disk.
    let assets: [(path: String, url: URL)]
    /// Nil when the file is missing or malformed (an error, reported).
    let map: WorldMap?

    static func load(from folder: URL, _ diagnostics: inout Diagnostics) -> Theme? {
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
        TemplateGraph.check(templates, &diagnostics)
        let assets = files.filter { $0.hasPrefix("assets/") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .compactMap { file -> (String, URL)? in
                let url = folder.appendingPathComponent(file)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
                return (String(file.dropFirst("assets/".count)), url)
            }
        return Theme(library: library, assets: assets, map: WorldMap.load(from: folder, &diagnostics))
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

import Foundation
import Mustache
import Yams

/// A theme's labels file, `i18n/<language>.yaml`:
///
///     locale: en-GB          # optional; dates and plural forms (default: the language)
///     labels:
///       skip_to_content: Skip to content
///       count_event:
///         one: "{{count}} event"
///         other: "{{count}} events"
///
/// A label is a Mustache text (`{{count}}`, and in the labels templates
/// include, HTML); a label the code counts with may instead give its
/// plural forms by CLDR category.
enum LabelFile {
    static let folder = "i18n"
    static let categories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    /// The language named by a labels file's name (`i18n/fr.yaml` → `fr`); nil for any other file.
    static func language(of file: String) -> String? {
        let parts = file.split(separator: "/")
        guard parts.count == 2, parts[0] == folder, parts[1].hasSuffix(".yaml") else { return nil }
        return String(parts[1].dropLast(".yaml".count))
    }

    /// The file's labels, each label both as a partial for the templates
    /// (HTML) and as plain text for the code. Nil, with diagnostics naming
    /// the file and line, when it cannot be read.
    static func load(
        _ url: URL, language: String, _ diagnostics: inout Diagnostics
    ) -> (labels: Labels, partials: [String: (template: MustacheTemplate, text: String)])? {
        let path = Project.displayPath(url)
        guard let text = TextFile.read(url, path: path, &diagnostics) else { return nil }
        HTMLEscaping.register()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            diagnostics.append(Messages.labelsNotYAML(path: path, reason: String(describing: error)))
            return nil
        }
        guard let mapping = root?.mapping else {
            diagnostics.append(Messages.labelsNotMapping(at: SourceLocation(path: path, line: 1)))
            return nil
        }
        let before = diagnostics.errorCount
        var localeName = language
        var texts: [String: Labels.Text] = [:]
        var partials: [String: (template: MustacheTemplate, text: String)] = [:]
        for (keyNode, value) in mapping {
            let place = location(path, keyNode)
            switch keyNode.string {
            case "locale":
                guard let name = value.string, !name.isEmpty else {
                    diagnostics.append(Messages.labelsLocaleNotText(at: place))
                    continue
                }
                localeName = name
            case "labels":
                guard let labels = value.mapping else {
                    diagnostics.append(Messages.labelsNotMapping(at: place))
                    continue
                }
                for (key, label) in labels {
                    guard let name = key.string else { continue }
                    read(name, label, at: location(path, key), into: &texts, &partials, &diagnostics)
                }
            default:
                diagnostics.append(Messages.labelsUnknownField(keyNode.string ?? "", at: place))
            }
        }
        guard diagnostics.errorCount == before else { return nil }
        let labels = Labels(language: language, path: path, locale: Locale(identifier: localeName), texts: texts)
        return (labels, partials)
    }

    private static func read(
        _ key: String, _ node: Node, at place: SourceLocation, into texts: inout [String: Labels.Text],
        _ partials: inout [String: (template: MustacheTemplate, text: String)], _ diagnostics: inout Diagnostics
    ) {
        if let text = node.string {
            guard let plain = parse(text, key: key, html: false, at: place, &diagnostics),
                let html = parse(text, key: key, html: true, at: place, &diagnostics)
            else { return }
            texts[key] = .text(Labels.Template(plain, source: Self.trimmed(text)))
            partials[key] = (html, text)
            return
        }
        guard let forms = node.mapping, Labels.pluralKeys.contains(key) else {
            diagnostics.append(Messages.labelNotText(key, plural: Labels.pluralKeys.contains(key), at: place))
            return
        }
        var templates: [String: Labels.Template] = [:]
        for (categoryNode, form) in forms {
            let category = categoryNode.string ?? ""
            guard categories.contains(category), let text = form.string else {
                diagnostics.append(Messages.labelBadPluralForm(key, form: category, at: location(place.path, categoryNode)))
                continue
            }
            templates[category] = parse(text, key: key, html: false, at: place, &diagnostics).map {
                Labels.Template($0, source: Self.trimmed(text))
            }
        }
        guard templates["other"] != nil else {
            diagnostics.append(Messages.labelWithoutOther(key, at: place))
            return
        }
        texts[key] = .plural(templates)
    }

    /// The label as a template: HTML-escaping its values for the templates,
    /// plain for the code (whose words are escaped where they are shown).
    private static func parse(
        _ text: String, key: String, html: Bool, at place: SourceLocation, _ diagnostics: inout Diagnostics
    ) -> MustacheTemplate? {
        let text = trimmed(text)
        do {
            return try MustacheTemplate(string: (html ? HTMLEscaping.pragma : "{{% CONTENT_TYPE: TEXT}}\n") + text)
        } catch {
            diagnostics.append(Messages.labelSyntax(key, at: place))
            return nil
        }
    }

    /// Labels sit inside a line of a template: no line break of their own.
    private static func trimmed(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    private static func location(_ path: String, _ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path) }
        return SourceLocation(path: path, line: mark.line, column: mark.column)
    }
}

/// Finds theme templates that include themselves, directly or through other
/// partials (`{{> home}}` in `home.mustache`): swift-mustache would recurse
/// until the stack overflows, and the build would crash instead of saying
/// why. Partials are read as `Theme` checks them (`{{> name}}`, `{{< name}}`);
/// one written after a delimiter change (`{{=<% %>=}}`) is not seen.
enum PartialCycles {
    private struct Edge {
        let target: String
        let location: SourceLocation
    }

    static func check(_ templates: [(name: String, path: String, text: String)], _ diagnostics: inout Diagnostics) {
        var edges: [String: [Edge]] = [:]
        for template in templates { edges[template.name] = references(in: template.text, path: template.path) }
        for template in templates.sorted(by: { $0.name < $1.name }) {
            for edge in edges[template.name] ?? [] {
                guard let path = route(from: edge.target, to: template.name, edges: edges) else { continue }
                let chain = ([template.name] + path).map { "'\($0)'" }.joined(separator: " → ")
                diagnostics.append(.error("template includes itself (\(chain)): the build would never end", at: edge.location))
                break
            }
        }
    }

    /// The partials a template names, in order, with where each is written.
    private static func references(in text: String, path: String) -> [Edge] {
        tags(in: text).map { Edge(target: $0.name, location: SourceLocation(path: path, line: $0.line, column: $0.column)) }
    }

    /// Every `{{> name}}` and `{{< name}}` of a template (spaces allowed
    /// inside the braces) with its line and column, in order: what the
    /// pattern `\{\{\s*[><]\s*([^\s}]+)\s*\}\}` matches, scanned by hand (a
    /// Swift `Regex` took a tenth of the default report's build).
    static func tags(in text: String) -> [(name: String, line: Int, column: Int)] {
        var found: [(name: String, line: Int, column: Int)] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.utf8.contains(UInt8(ascii: "{")) else { continue }
            let scalars = Array(line.unicodeScalars)
            func skipSpaces(_ i: inout Int) { while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 } }
            var start = 0
            while start + 1 < scalars.count {
                guard scalars[start] == "{", scalars[start + 1] == "{" else { start += 1; continue }
                var i = start + 2
                skipSpaces(&i)
                guard i < scalars.count, scalars[i] == ">" || scalars[i] == "<" else { start += 1; continue }
                i += 1
                skipSpaces(&i)
                let nameStart = i
                while i < scalars.count, !scalars[i].properties.isWhitespace, scalars[i] != "}" { i += 1 }
                let nameEnd = i
                skipSpaces(&i)
                guard nameEnd > nameStart, i + 1 < scalars.count, scalars[i] == "}", scalars[i + 1] == "}" else {
                    start += 1
                    continue
                }
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[nameStart..<nameEnd])
                found.append((String(name), lineNumber, start + 1))
                start = i + 2
            }
        }
        return found
    }

    /// The templates from `start` to `goal` (both included), breadth first; nil when unreachable.
    private static func route(from start: String, to goal: String, edges: [String: [Edge]]) -> [String]? {
        var previous: [String: String] = [start: start]
        var queue = [start], index = 0
        while index < queue.count {
            let current = queue[index]
            index += 1
            if current == goal {
                var path = [current]
                while let back = previous[path[0]], back != path[0] { path.insert(back, at: 0) }
                return path
            }
            for edge in edges[current] ?? [] where previous[edge.target] == nil {
                previous[edge.target] = current
                queue.append(edge.target)
            }
        }
        return nil
    }
}

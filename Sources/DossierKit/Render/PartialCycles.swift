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
        let pattern = #/\{\{\s*[><]\s*([^\s}]+)\s*\}\}/#
        var edges: [Edge] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            for match in line.matches(of: pattern) {
                let column = line.unicodeScalars[line.startIndex..<match.range.lowerBound].count + 1
                edges.append(Edge(target: String(match.1), location: SourceLocation(path: path, line: lineNumber, column: column)))
            }
        }
        return edges
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

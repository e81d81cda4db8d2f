/// Checks over the theme's inclusion graph, built from each template's
/// `TemplateOutline`: every partial exists, none includes itself, and no
/// chain of inclusions nests deeper than `TemplateOutline.depthLimit`.
/// swift-mustache renders a partial by recursing into it, so a template that
/// includes itself (`{{> home}}` in `home.mustache`, or through other
/// partials) or a long enough chain would overflow the stack: here it is an
/// error at the inclusion, before anything is rendered.
enum TemplateGraph {
    struct Template {
        let name: String
        let path: String
        let outline: TemplateOutline
    }

    static func check(_ templates: [Template], _ diagnostics: inout Diagnostics) {
        let byName = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var complete = true
        for template in templates {
            for inclusion in template.outline.inclusions {
                let place = location(inclusion, in: template)
                if inclusion.dynamic {
                    diagnostics.append(.error(
                        "partial named by a value ('\(inclusion.name)'): not supported, every partial is checked before rendering",
                        at: place))
                    complete = false
                } else if byName[inclusion.name] == nil {
                    diagnostics.append(.error(
                        "missing partial '\(inclusion.name)': no file '\(inclusion.name).mustache' in the theme", at: place))
                }
            }
        }
        guard checkCycles(byName, &diagnostics), complete else { return }
        checkDepth(byName, &diagnostics)
    }

    private static func location(_ inclusion: TemplateOutline.Inclusion, in template: Template) -> SourceLocation {
        SourceLocation(path: template.path, line: inclusion.line, column: inclusion.column)
    }

    private static func targets(_ template: Template) -> [TemplateOutline.Inclusion] {
        template.outline.inclusions.filter { !$0.dynamic }
    }

    // MARK: Cycles

    /// Reports each template that can reach itself, at its first inclusion
    /// on the way; true when there is none.
    private static func checkCycles(_ byName: [String: Template], _ diagnostics: inout Diagnostics) -> Bool {
        var acyclic = true
        for template in byName.values.sorted(by: { $0.name < $1.name }) {
            for inclusion in targets(template) {
                guard let path = route(from: inclusion.name, to: template.name, byName: byName) else { continue }
                let chain = ([template.name] + path).map { "'\($0)'" }.joined(separator: " → ")
                diagnostics.append(.error("template includes itself (\(chain)): the build would never end",
                    at: location(inclusion, in: template)))
                acyclic = false
                break
            }
        }
        return acyclic
    }

    /// The templates from `start` to `goal` (both included), breadth first; nil when unreachable.
    private static func route(from start: String, to goal: String, byName: [String: Template]) -> [String]? {
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
            for inclusion in byName[current].map(targets) ?? [] where previous[inclusion.name] == nil {
                previous[inclusion.name] = current
                queue.append(inclusion.name)
            }
        }
        return nil
    }

    // MARK: Depth

    /// With no cycles: the levels each template opens when rendered, its
    /// partials' included (an inclusion is a level of its own), worked out
    /// leaves first without recursion; an error at the first inclusion of
    /// each template that goes past the limit.
    private static func checkDepth(_ byName: [String: Template], _ diagnostics: inout Diagnostics) {
        let limit = TemplateOutline.depthLimit
        var total: [String: Int] = [:]
        func reach(_ inclusion: TemplateOutline.Inclusion) -> Int { inclusion.depth + 1 + (total[inclusion.name] ?? 0) }
        for root in byName.keys.sorted() {
            var stack = [(name: root, expanded: false)]
            while let (name, expanded) = stack.popLast() {
                guard total[name] == nil, let template = byName[name] else { continue }
                if expanded {
                    total[name] = min(targets(template).map(reach).reduce(template.outline.depth, max), limit + 1)
                } else {
                    stack.append((name, true))
                    for inclusion in targets(template) where total[inclusion.name] == nil {
                        stack.append((inclusion.name, false))
                    }
                }
            }
        }
        for template in byName.values.sorted(by: { $0.name < $1.name }) where template.outline.tooDeep == nil {
            guard let inclusion = targets(template).first(where: { reach($0) > limit }) else { continue }
            diagnostics.append(.error(
                "including '\(inclusion.name)' here nests sections and partials more than \(limit) levels deep",
                at: location(inclusion, in: template)))
        }
    }
}

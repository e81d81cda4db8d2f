/// Checks over what the theme's templates render of each other, built from
/// each template's `TemplateOutline`: every partial exists and is named in
/// the text, nothing renders itself, and no chain of inclusions nests
/// deeper than `TemplateOutline.depthLimit`.
///
/// swift-mustache renders a partial, a parent or an overridden block by
/// recursing into it: a template that includes itself (`{{> home}}` in
/// `home.mustache`, or through other partials), a block override that
/// expands its own block, or a long enough chain would overflow the stack.
/// Here each is an error at the tag, before anything is rendered.
enum TemplateGraph {
    struct Template {
        let name: String
        let path: String
        let outline: TemplateOutline
    }

    /// A piece of text swift-mustache renders by recursing into it.
    private enum Node: Hashable {
        /// A body of a template: the template itself (0) or a block override in it.
        case body(String, Int)
        /// Whatever a `{{$name}}` expansion renders: any override of `name`.
        case block(String)
    }

    private struct Graph {
        let templates: [String: Template]
        /// The override bodies of each block name, wherever they are written.
        let overrides: [String: [Node]]

        init(_ templates: [Template]) {
            self.templates = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            var overrides: [String: [Node]] = [:]
            for template in templates {
                for (index, body) in template.outline.bodies.enumerated() {
                    if let block = body.block { overrides[block, default: []].append(.body(template.name, index)) }
                }
            }
            self.overrides = overrides
        }

        /// Every body, in the order errors are reported.
        var bodies: [Node] {
            templates.keys.sorted().flatMap { name in templates[name]!.outline.bodies.indices.map { Node.body(name, $0) } }
        }

        func body(_ node: Node) -> TemplateOutline.Body? {
            guard case .body(let name, let index) = node else { return nil }
            return templates[name]?.outline.bodies[index]
        }

        /// What a reference renders; nil for a dynamic or missing partial.
        func node(_ reference: TemplateOutline.Reference) -> Node? {
            guard !reference.dynamic else { return nil }
            switch reference.target {
            case .template(let name): return templates[name] == nil ? nil : .body(name, 0)
            case .block(let name): return .block(name)
            }
        }

        /// The nodes `node` renders by recursing, each with the levels open
        /// around it (an inclusion is a level of its own; an override adds
        /// none to the expansion that renders it).
        func successors(_ node: Node) -> [(node: Node, depth: Int, reference: TemplateOutline.Reference?)] {
            switch node {
            case .body:
                return (body(node)?.references ?? []).compactMap { reference in
                    self.node(reference).map { ($0, reference.depth + 1, reference) }
                }
            case .block(let name):
                return (overrides[name] ?? []).map { ($0, 0, nil) }
            }
        }

        func label(_ node: Node) -> String? {
            switch node {
            case .body(let name, 0): "'\(name)'"
            case .body: nil
            case .block(let name): "block '\(name)'"
            }
        }
    }

    /// `missing` says what a reference to a partial that does not exist is
    /// (nil: nothing, already reported); by default a missing partial.
    static func check(
        _ templates: [Template], _ diagnostics: inout Diagnostics,
        missing: (String, SourceLocation) -> Diagnostic? = { Messages.missingPartial($0, at: $1) }
    ) {
        let graph = Graph(templates)
        var complete = true
        for template in templates {
            for reference in template.outline.references {
                guard case .template(let name) = reference.target else { continue }
                let place = SourceLocation(path: template.path, line: reference.line, column: reference.column)
                if reference.dynamic {
                    diagnostics.append(Messages.dynamicPartial(name, at: place))
                    complete = false
                } else if name.isEmpty {
                    diagnostics.append(Messages.partialWithoutName(at: place))
                } else if graph.templates[name] == nil, let problem = missing(name, place) {
                    diagnostics.append(problem)
                }
            }
        }
        guard checkCycles(graph, &diagnostics), complete else { return }
        checkDepth(graph, &diagnostics)
    }

    private static func location(_ node: Node, _ reference: TemplateOutline.Reference, _ graph: Graph) -> SourceLocation {
        guard case .body(let name, _) = node, let template = graph.templates[name] else { return SourceLocation(path: "") }
        return SourceLocation(path: template.path, line: reference.line, column: reference.column)
    }

    // MARK: Cycles

    /// Reports each body that can reach itself, at its first reference on
    /// the way; true when there is none.
    private static func checkCycles(_ graph: Graph, _ diagnostics: inout Diagnostics) -> Bool {
        var acyclic = true
        for node in graph.bodies {
            for next in graph.successors(node) {
                guard let reference = next.reference, let path = route(from: next.node, to: node, graph) else { continue }
                let start = graph.label(node) ?? graph.body(node).flatMap(\.block).map { "block '\($0)'" } ?? ""
                let chain = ([start] + path.compactMap(graph.label)).joined(separator: " → ")
                diagnostics.append(Messages.templateIncludesItself(chain: chain, at: location(node, reference, graph)))
                acyclic = false
                break
            }
        }
        return acyclic
    }

    /// The nodes from `start` to `goal` (both included), breadth first; nil when unreachable.
    private static func route(from start: Node, to goal: Node, _ graph: Graph) -> [Node]? {
        var previous: [Node: Node] = [start: start]
        var queue = [start], index = 0
        while index < queue.count {
            let current = queue[index]
            index += 1
            if current == goal {
                var path = [current]
                while let back = previous[path[0]], back != path[0] { path.insert(back, at: 0) }
                return path
            }
            for next in graph.successors(current) where previous[next.node] == nil {
                previous[next.node] = current
                queue.append(next.node)
            }
        }
        return nil
    }

    // MARK: Depth

    /// With no cycles: the levels each body opens when rendered, those of
    /// what it renders included, worked out leaves first without recursion;
    /// an error at the first reference of each body that goes past the limit.
    private static func checkDepth(_ graph: Graph, _ diagnostics: inout Diagnostics) {
        let limit = TemplateOutline.depthLimit
        var total: [Node: Int] = [:]
        func reach(_ next: (node: Node, depth: Int, reference: TemplateOutline.Reference?)) -> Int {
            next.depth + (total[next.node] ?? 0)
        }
        for root in graph.bodies {
            var stack = [(node: root, expanded: false)]
            while let (node, expanded) = stack.popLast() {
                guard total[node] == nil else { continue }
                let successors = graph.successors(node)
                if expanded {
                    total[node] = min(successors.map(reach).reduce(graph.body(node)?.depth ?? 0, max), limit + 1)
                } else {
                    stack.append((node, true))
                    for next in successors where total[next.node] == nil { stack.append((next.node, false)) }
                }
            }
        }
        for node in graph.bodies {
            guard case .body(let name, _) = node, graph.templates[name]?.outline.tooDeep == nil,
                let next = graph.successors(node).first(where: { reach($0) > limit }), let reference = next.reference
            else { continue }
            let (target, block) =
                switch reference.target {
                case .template(let name): (name, false)
                case .block(let name): (name, true)
                }
            diagnostics.append(Messages.templateNestsTooDeep(target, block: block, limit: limit, at: location(node, reference, graph)))
        }
    }
}

import Foundation

/// Random but repeatable edits of a `TestProject`: titles, names, bodies,
/// links, dates, lists, added and deleted files, drafts, broken files, the
/// theme, its assets and `site.yaml`. Some edits introduce errors; later
/// ones may fix them.
struct EditScript {
    private var random: SplitMix
    private var step = 0
    private var added: [String] = []
    private var broken: (path: String, text: String)?
    private var drafted: String?
    let project: TestProject

    init(project: TestProject, seed: UInt64) {
        self.project = project
        random = SplitMix(seed: seed)
    }

    /// Makes one edit and says what it was.
    mutating func edit() throws -> String {
        step += 1
        let events = project.files(under: "content/events")
        let actors = project.files(under: "content/actors")
        let slug = { (path: String) in String(path.split(separator: "/").last!.dropLast(3)) }
        let someEvent = events[random.below(events.count)]
        if let broken, random.below(2) == 0 {  // errors do not last long, so most rounds compare sites
            try project.write(broken.path, broken.text)
            self.broken = nil
            return "fixed \(broken.path)"
        }
        if let drafted, random.below(2) == 0 {
            try project.write(drafted, try project.read(drafted).replacingOccurrences(of: "draft: true\n", with: ""))
            self.drafted = nil
            return "published \(drafted) again"
        }
        switch random.below(16) {
        case 0:
            try replace(someEvent, line: "title:", with: "title: \"Edited event \(step)\"")
            return "retitled \(someEvent)"
        case 1:
            let actor = actors[random.below(actors.count)]
            try replace(actor, line: "name:", with: "name: Renamed actor \(step)")
            return "renamed \(actor)"
        case 2:
            let all = events + actors + project.files(under: "content/sources") + project.files(under: "content/pages")
            let file = all[random.below(all.count)]
            try project.write(file, try project.read(file) + "\nA paragraph added at step \(step).\n")
            return "appended to \(file)"
        case 3:
            let actor = slug(actors[random.below(actors.count)])
            try project.write(someEvent, try project.read(someEvent) + "\nSee also [someone](actor:\(actor)).\n")
            return "linked \(someEvent) to \(actor)"
        case 4, 5:
            let path = "content/events/added/added-\(step).md"
            let actor = slug(actors[random.below(actors.count)])
            let country = slug(project.files(under: "content/countries").first!)
            let source = slug(project.files(under: "content/sources").first!)
            try project.write(
                path,
                """
                ---
                title: "Added event \(step)"
                date: 20\(18 + random.below(5))-0\(1 + random.below(9))
                actors: [\(actor)]
                countries: [\(country)]
                sources: [\(source)]
                status: reported
                summary: "An event added by the edit script."
                ---
                It involved [an actor](actor:\(actor)).

                """)
            added.append(path)
            return "added \(path)"
        case 6:
            guard !added.isEmpty else { return try edit() }
            let path = added.remove(at: random.below(added.count))
            try project.remove(path)
            return "deleted \(path)"
        case 7:
            try replace(someEvent, line: "date:", with: "date: 20\(15 + random.below(7))-1\(random.below(3))")
            return "redated \(someEvent)"
        case 8:
            let actor = slug(actors[random.below(actors.count)])
            guard try !project.read(someEvent).contains(actor) else { return try edit() }
            try replace(someEvent, line: "actors: [", with: "actors: [\(actor), ", keepingRest: true)
            return "added \(actor) to \(someEvent)"
        case 9:
            guard broken == nil, someEvent != drafted else { return try edit() }
            let text = try project.read(someEvent)
            broken = (someEvent, text)
            try project.write(someEvent, text.replacingOccurrences(of: "actors: [", with: "actors: [no-such-actor, "))
            return "broke \(someEvent)"
        case 10:
            guard drafted == nil, someEvent != broken?.path else { return try edit() }
            drafted = someEvent
            try replace(someEvent, line: "status:", with: "draft: true\nstatus: confirmed")
            return "made \(someEvent) a draft"
        case 11:
            try project.write(
                "templates/partials/link-item.mustache", try project.read("templates/partials/link-item.mustache") + "<!-- \(step) -->\n")
            return "edited a partial"
        case 12:
            try project.write("templates/assets/style.css", try project.read("templates/assets/style.css") + "/* \(step) */\n")
            return "edited an asset"
        case 13:
            try replace("content/site.yaml", line: "description:", with: "description: \"Edited at step \(step)\"")
            return "edited site.yaml"
        case 14:
            try replace("content/pages/about.md", line: "title:", with: "title: About, step \(step)")
            return "retitled the about page"
        default:
            let sources = project.files(under: "content/sources")
            let source = sources[random.below(sources.count)]
            try replace(source, line: "publisher:", with: "publisher: Publisher \(step % 3)")
            return "changed the publisher of \(source)"
        }
    }

    /// Replaces the first line starting with `prefix` (only that prefix with
    /// `keepingRest`); appends to the front matter when there is none.
    private func replace(_ path: String, line prefix: String, with replacement: String, keepingRest: Bool = false) throws {
        var lines = try project.read(path).components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) {
            lines[index] = keepingRest ? replacement + lines[index].dropFirst(prefix.count) : replacement
        } else if lines.first == "---" {
            lines.insert(replacement, at: 1)
        }
        try project.write(path, lines.joined(separator: "\n"))
    }
}

/// A small seeded generator, so a failing run can be repeated.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

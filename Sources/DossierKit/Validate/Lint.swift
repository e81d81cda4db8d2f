/// Warnings for what the format allows but is likely a mistake: a source
/// no page cites or links to, an actor no event involves (neither in its `actors` list
/// nor linked from its body), an event without actors.
enum Lint {
    static func check(_ site: Site, _ diagnostics: inout Diagnostics) {
        let relations = site.relations
        for source in site.entries(of: .source)
        where relations.entries(pointingAt: source.key, by: .involves).isEmpty && relations.linkedFromEntries(source.key).isEmpty
            && relations.entries(pointingAt: source.key, by: .cites).isEmpty
        {
            diagnostics.append(Messages.uncitedSource(path: source.path))
        }
        for actor in site.entries(of: .actor)
        where !relations.hasEntries(.event, pointingAt: actor.key, by: .involves)
            && !relations.linkedFromEntries(actor.key).contains(where: { $0.kind == .event })
        {
            diagnostics.append(Messages.actorInNoEvent(path: actor.path))
        }
        for event in site.entries(of: .event) where event.event?.actors.isEmpty ?? false {
            diagnostics.append(Messages.eventWithoutActors(path: event.path))
        }
    }
}

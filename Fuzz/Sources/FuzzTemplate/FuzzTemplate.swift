import Foundation

@testable import DossierKit

/// libFuzzer entry: any text as a theme's `home.mustache` (the part after a
/// NUL byte, if any, as `partials/extra.mustache`), loaded by `Theme.load`
/// and rendered against real views of the minimal fixture site. A broken
/// template must give diagnostics, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let split = bytes.firstIndex(of: 0)
    let home = Data(bytes[..<(split ?? bytes.count)])
    let extra = split.map { Data(bytes[($0 + 1)...]) } ?? Data()
    let folder = Fixture.scratch
    do {
        try home.write(to: folder.appendingPathComponent("home.mustache"))
        try extra.write(to: folder.appendingPathComponent("partials/extra.mustache"))
    } catch {
        fatalError("cannot write the scratch theme: \(error)")
    }
    var diagnostics = Diagnostics()
    // As in a build: a theme with errors renders nothing.
    guard let theme = Theme.load(from: folder, languages: ["en"], &diagnostics), !diagnostics.hasErrors else { return 0 }
    for view in Fixture.views {
        _ = theme.render(view, template: "home")
        _ = theme.render(view, template: "partials/extra")
    }
    return 0
}

/// The minimal fixture site's views, made once; a scratch theme folder.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    // Built once, read only: libFuzzer runs inputs on one thread.
    nonisolated(unsafe) static let views: [View] = {
        let root = packageRoot.appendingPathComponent("Tests/DossierKitTests/Fixtures/sites/minimal")
        let project = Project(
            content: root, templates: packageRoot.appendingPathComponent("templates"),
            output: URL(fileURLWithPath: "/nonexistent/public"))
        var diagnostics = Diagnostics()
        guard let (site, theme) = Builder(project: project).prepare(&diagnostics) else {
            fatalError("the minimal fixture site does not load: \(diagnostics.all)")
        }
        let builder = ViewBuilder(
            site: site, renderBody: { entry, path in Renderer.bodyHTML(entry, path: path, site: site) },
            partials: PartialCache(theme: theme), labels: theme.labels)
        var views = [builder.home(path: Addresses.home), builder.index(.event, path: Addresses.index(.event))]
        if let actor = site.entries(of: .actor).first { views.append(builder.actorPage(actor, path: Addresses.page(actor.key))) }
        if let event = site.entries(of: .event).first { views.append(builder.eventPage(event, path: Addresses.page(event.key))) }
        return views
    }()

    static let scratchPath = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
        + "/dossier-fuzz-template-\(getpid())"

    /// A theme folder with every required template but `home`, which each
    /// input replaces, the real world map and English labels.
    static let scratch: URL = {
        let folder = URL(fileURLWithPath: scratchPath)
        let manager = FileManager.default
        try? manager.removeItem(at: folder)
        do {
            try manager.createDirectory(at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
            for name in Theme.required where name != "home" {
                try Data("<p>{{pageTitle}}</p>\n".utf8).write(to: folder.appendingPathComponent(name + ".mustache"))
            }
            try Data("{{$main}}{{/main}}\n".utf8).write(to: folder.appendingPathComponent("layout.mustache"))
            // A theme without its world map has an error, and would render nothing.
            try manager.createDirectory(
                at: folder.appendingPathComponent(WorldMap.file).deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(
                at: packageRoot.appendingPathComponent("templates").appendingPathComponent(WorldMap.file),
                to: folder.appendingPathComponent(WorldMap.file))
            // Nor without the labels of its language; inputs may include them ({{> i18n/jump_to}}).
            try manager.createDirectory(at: folder.appendingPathComponent(LabelFile.folder), withIntermediateDirectories: true)
            try manager.copyItem(
                at: packageRoot.appendingPathComponent("templates/i18n/en.yaml"),
                to: folder.appendingPathComponent(LabelFile.folder + "/en.yaml"))
        } catch {
            fatalError("cannot make the scratch theme: \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: Fixture.scratchPath) }
        return folder
    }()
}

import Foundation
import Testing

@testable import DossierKit

/// Input the invalid-fixture corpus does not hold, made on the fly: huge,
/// deeply nested, binary, empty, hostile YAML, links leading out of
/// `content/`. Each case names the message and the place, and a failed build
/// leaves `public/` as it was; none may crash or take unbounded time.
@Suite struct BadInputTests {
    static func page(_ title: String = "Big", body: String) -> Data {
        Data("---\ntitle: \(title)\n---\n\(body)".utf8)
    }

    // MARK: Size and nesting

    /// 20 MB of ordinary prose, links, headings and lists builds (the time
    /// limit only catches a return to quadratic work: it takes about a
    /// minute in a debug build, several under AddressSanitizer).
    @Test(.timeLimit(.minutes(20))) func twentyMegabytePageBuilds() throws {
        let unit = "Lorem ipsum [dolor](https://example.org/a) sit *amet*, [about](page:about).\n\n## Part\n\n- item\n\n"
        let body = String(repeating: unit, count: (20 << 20) / unit.utf8.count)
        try HostileProject.with(["pages/big.md": Self.page(body: body)]) { project in
            let result = Builder(project: project.project).build()
            guard case .success = result else {
                Issue.record("a 20 MB page did not build: \(result)")
                return
            }
            let html = try String(contentsOf: project.output.appendingPathComponent("pages/big/index.html"), encoding: .utf8)
            #expect(html.contains("id=\"part-2\""))
        }
    }

    /// A text file over the size limit is refused before it is read.
    @Test func oversizedFileIsRefused() throws {
        let big = Data(count: TextFile.maximumSize + 1)
        try HostileProject.with(["pages/huge.md": big]) { project in
            try project.expectFailure([
                "content/pages/huge.md: error: file is too large (65 MB): text files are limited to 64 MB"
            ])
        }
    }

    /// Half a million links to the same place on one line, and as many
    /// headings with the same text: linear work (both were quadratic, hours
    /// at this size). Measured on the parts themselves, without cmark, so
    /// the bound is far from both a slow machine and a quadratic return.
    @Test func repeatedLinksAndHeadingsStayLinear() {
        let count = 500_000
        var locator = LinkLocator(body: MarkdownBody(text: String(repeating: "[a](page:about) ", count: count), firstLine: 4, path: "x.md"))
        var last: DossierKit.SourceLocation?
        let linkSeconds = HostileProject.time {
            for index in 0..<count { last = locator.locate("page:about", line: 1, byteColumn: 16 * index + 1, blockEnd: 1) }
        }
        #expect(last == SourceLocation(path: "x.md", line: 4, column: 16 * (count - 1) + 5))
        #expect(linkSeconds < 120, "500k links took \(linkSeconds) s")

        var ids = HeadingIDs(reserved: ["a-3"])
        var made: [String] = []
        let headingSeconds = HostileProject.time { made = (0..<count).map { _ in ids.next(for: "A") } }
        #expect(made.prefix(4) == ["a", "a-2", "a-4", "a-5"])
        #expect(Set(made).count == count)
        #expect(headingSeconds < 120, "500k headings took \(headingSeconds) s")
    }

    /// Destinations written with entities are not found as written; a
    /// hundred thousand distinct ones must not each scan the whole body.
    @Test func unfindableDestinationsStayLinear() {
        let count = 100_000
        let text = (0..<count).map { "[a](&#33;\($0))\n" }.joined()
        var locator = LinkLocator(body: MarkdownBody(text: text, firstLine: 4, path: "x.md"))
        var last: DossierKit.SourceLocation?
        let seconds = HostileProject.time {
            for index in 0..<count { last = locator.locate("!\(index)", line: index + 1, byteColumn: 1, blockEnd: count) }
        }
        #expect(last == SourceLocation(path: "x.md", line: count + 3, column: 1))
        #expect(seconds < 120, "100k unfindable links took \(seconds) s")
        // The same through cmark, smaller: positions as written.
        let outline = Markdown.outline(of: MarkdownBody(text: String(text.prefix(20_000)), firstLine: 4, path: "x.md"), reservedIDs: [])
        #expect(
            outline.links.prefix(2).map(\.location) == [
                SourceLocation(path: "x.md", line: 4, column: 1), SourceLocation(path: "x.md", line: 5, column: 1),
            ])
    }

    /// 50,000 levels of block quotes, lists, brackets and emphasis: cmark
    /// must not exhaust the stack (nor the walk over its tree).
    @Test(arguments: ["> ", "- ", "1. ", "> - ", "[", "*", "<"])
    func deeplyNestedMarkdownBuilds(_ opener: String) throws {
        let body = String(repeating: opener, count: 50_000) + "deep\n\n# After\n"
        try HostileProject.with(["pages/deep.md": Self.page(body: body)]) { project in
            let result = Builder(project: project.project).build()
            guard case .success = result else {
                Issue.record("nested '\(opener)' did not build: \(result)")
                return
            }
            let html = try String(contentsOf: project.output.appendingPathComponent("pages/deep/index.html"), encoding: .utf8)
            #expect(html.contains("<h1 id=\"after\">"))
        }
    }

    /// YAML nested deeper than libyaml's limit is an error at its spot.
    @Test func deeplyNestedYAMLIsAnError() throws {
        let yaml = "---\ntitle: Deep\nsummary: " + String(repeating: "[", count: 50_000) + "\n---\nbody\n"
        try HostileProject.with(["pages/deep.md": Data(yaml.utf8)]) { project in
            let lines = try project.failingBuild()
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("content/pages/deep.md:3:") == true)
            #expect(lines.first?.contains("error: invalid YAML: ") == true, "\(lines)")
        }
    }

    // MARK: Binary and empty files

    /// A PNG named `.md`, a PNG beside the pages, a file of random bytes
    /// without NUL, a UTF-16 file and a binary `site.yaml`.
    @Test func binaryFilesAreRefused() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        let noise = Data([0x2D, 0x2D, 0x2D, 0x0A, 0xC3, 0x28, 0xFF, 0xFE, 0x80])
        let utf16 = Data([0xFF, 0xFE]) + "---\ntitle: x\n---\n".data(using: .utf16LittleEndian)!
        try HostileProject.with([
            "pages/photo.md": png, "pages/photo.png": png, "pages/noise.md": noise, "pages/windows.md": utf16,
        ]) { project in
            try project.expectFailure([
                "content/pages/noise.md:2:1: error: file is not valid UTF-8: save it as UTF-8",
                "content/pages/photo.md:3:1: error: file contains a NUL byte: is it a binary file?",
                "content/pages/photo.png: error: 'photo.png' is not a Markdown file: content files end in '.md' (did you mean 'photo.md'?)",
                "content/pages/windows.md:1:1: error: file is UTF-16: save it as UTF-8",
            ])
        }
        try HostileProject.with(["site.yaml": png]) { project in
            try project.expectFailure(["content/site.yaml:3:1: error: file contains a NUL byte: is it a binary file?"])
        }
    }

    /// Empty and blank `site.yaml`, front matter with nothing in it, a blank file.
    @Test func emptyFilesAreErrors() throws {
        for settings in ["", "\n\n", "# nothing\n"] {
            try HostileProject.with(["site.yaml": Data(settings.utf8)]) { project in
                try project.expectFailure(
                    [
                        "content/site.yaml:1:1: error: missing required field 'description'",
                        "content/site.yaml:1:1: error: missing required field 'language'",
                        "content/site.yaml:1:1: error: missing required field 'title'",
                    ], "site.yaml \(settings.debugDescription)")
            }
        }
        try HostileProject.with(["site.yaml": Data("~\n".utf8)]) { project in
            try project.expectFailure(["content/site.yaml:1:1: error: front matter must be a set of 'field: value' lines"])
        }
        try HostileProject.with([
            "pages/blank.md": Data("\n\n".utf8), "pages/bare.md": Data("---\n---\n".utf8), "actors/zero.md": Data(),
        ]) { project in
            try project.expectFailure([
                "content/actors/zero.md:1:1: error: empty file: a content file starts with front matter between two '---' lines",
                "content/pages/bare.md:1:1: error: missing required field 'title'",
                "content/pages/blank.md:1:1: error: missing front matter: the first line must be '---'",
            ])
        }
    }

    /// No `site.yaml`, a folder named `site.yaml`, no `content/` at all.
    @Test func missingSettingsAreErrors() throws {
        try HostileProject.with(["site.yaml": nil]) { project in
            try project.expectFailure([
                "content/site.yaml: error: missing site settings: create this file with title, description and language"
            ])
        }
        try HostileProject.with(["site.yaml": nil, "site.yaml/x": Data()]) { project in
            try project.expectFailure(["content/site.yaml: error: unreadable: it is not a regular file"])
        }
        try HostileProject.with([:]) { project in
            try FileManager.default.removeItem(at: project.content)
            try project.expectFailure(["content: error: content folder does not exist"])
        }
    }

    // MARK: Hostile YAML

    /// The classic alias bomb is refused at the alias that goes over the
    /// budget (in its definitions, before any use); used as a mapping key,
    /// which Yams hashes whole, it used to hang the build.
    @Test(arguments: ["aliases: *a8\n", "? *a8\n: x\n", "? [*a8, *a8]\n: x\n"])
    func aliasBombIsRefused(_ use: String) throws {
        var yaml = "---\nname: Bomb\nkind: group\na0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += use + "---\nbody\n"
        try HostileProject.with(["actors/bomb.md": Data(yaml.utf8)]) { project in
            var lines: [String] = []
            let seconds = try HostileProject.time { lines = try project.failingBuild() }
            #expect(
                lines == [
                    "content/actors/bomb.md:8:10: error: YAML aliases here stand for more than 10000 values: write the values out instead"
                ])
            #expect(seconds < 20, "the alias bomb took \(seconds) s")
        }
    }

    /// Reusing a list with an alias, as a person might, is still fine.
    @Test func modestAliasesAreAccepted() throws {
        let actor = "---\nname: A\nkind: group\ncountries: &c []\naliases: &n [One, Two]\n---\nbody\n"
        let other = "---\nname: B\nkind: group\naliases: *n\n---\nbody\n"
        try HostileProject.with(["actors/a.md": Data(actor.utf8), "actors/b.md": Data(other.utf8)]) { project in
            let lines = try project.failingBuild()
            // Aliases do not cross files: the second file's `*n` is undefined.
            #expect(lines == ["content/actors/b.md:4:10: error: invalid YAML: found undefined alias"])
        }
        let single = "---\nname: A\nkind: group\naliases: [&n One, *n, *n]\n---\nbody\n"
        try HostileProject.with(["actors/a.md": Data(single.utf8)]) { project in
            let result = Builder(project: project.project).build()
            guard case .success = result else {
                Issue.record("modest aliases were refused: \(result)")
                return
            }
        }
    }

    // MARK: Theme

    /// A template that includes itself, directly or through a partial,
    /// would recurse until the stack overflows: an error at the inclusion.
    @Test func selfIncludingTemplateIsAnError() throws {
        try HostileProject.with([:]) { project in
            let theme = project.root.appendingPathComponent("templates")
            try FileManager.default.copyItem(at: HostileProject.templates, to: theme)
            let home = theme.appendingPathComponent("home.mustache")
            let text = try String(contentsOf: home, encoding: .utf8)
            try Data((text + "{{> home}}\n").utf8).write(to: home)
            let updates = theme.appendingPathComponent("partials/updates.mustache")
            try Data((try String(contentsOf: updates, encoding: .utf8) + "{{> partials/loop}}\n").utf8).write(to: updates)
            try Data("{{#updates}}{{> partials/updates}}{{/updates}}\n".utf8).write(
                to: theme.appendingPathComponent("partials/loop.mustache"))
            let before = try HostileProject.snapshot(of: project.output)
            var custom = project.project
            custom.templates = theme
            guard case .failure(let failure) = Builder(project: custom).build() else {
                Issue.record("a theme that includes itself built")
                return
            }
            let homeLine = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let updatesLine = try String(contentsOf: updates, encoding: .utf8).split(separator: "\n").count
            #expect(
                project.lines(failure.diagnostics) == [
                    "templates/home.mustache:\(homeLine):1: error: template includes itself ('home' → 'home'): the build would never end",
                    "templates/partials/loop.mustache:1:13: error: template includes itself ('partials/loop' → 'partials/updates' → 'partials/loop'): the build would never end",
                    "templates/partials/updates.mustache:\(updatesLine):1: error: template includes itself ('partials/updates' → 'partials/loop' → 'partials/updates'): the build would never end",
                ])
            #expect(try HostileProject.snapshot(of: project.output) == before)
        }
    }

    // MARK: Links out of content/

    /// A file linked to `/etc/passwd`, to a file of the project outside
    /// `content/`, a kind folder linked to `/etc`, `site.yaml` linked out:
    /// all refused, and nothing of them is read.
    @Test func symlinksLeadingOutAreRefused() throws {
        try HostileProject.with(["site.yaml": nil]) { project in
            let manager = FileManager.default
            try project.write(Data("title: Secret\ndescription: s\nlanguage: en\n".utf8), to: "secret.yaml")
            try project.write(Data("---\ntitle: Secret\n---\nsecret\n".utf8), to: "secret.md")
            try manager.createSymbolicLink(
                atPath: project.content.appendingPathComponent("site.yaml").path, withDestinationPath: "../secret.yaml")
            try manager.createSymbolicLink(
                atPath: project.content.appendingPathComponent("pages/passwd.md").path, withDestinationPath: "/etc/passwd")
            try manager.createSymbolicLink(
                atPath: project.content.appendingPathComponent("pages/secret.md").path, withDestinationPath: "../../secret.md")
            try manager.createSymbolicLink(atPath: project.content.appendingPathComponent("actors").path, withDestinationPath: "/etc")
            try project.expectFailure([
                "content/actors: error: symbolic link leads outside the content folder: refused",
                "content/pages/passwd.md: error: symbolic link leads outside the content folder: refused",
                "content/pages/secret.md: error: symbolic link leads outside the content folder: refused",
                "content/site.yaml: error: symbolic link leads outside the content folder: refused",
            ])
        }
    }

    /// Links in a loop, a link to itself, a dangling link, a link to a FIFO
    /// and a FIFO: errors, never a hang.
    @Test func symlinkLoopsAndSpecialFilesAreErrors() throws {
        try HostileProject.with([:]) { project in
            let pages = project.content.appendingPathComponent("pages")
            let manager = FileManager.default
            try manager.createSymbolicLink(atPath: pages.appendingPathComponent("a.md").path, withDestinationPath: "b.md")
            try manager.createSymbolicLink(atPath: pages.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
            try manager.createSymbolicLink(atPath: pages.appendingPathComponent("self.md").path, withDestinationPath: "self.md")
            try manager.createSymbolicLink(atPath: pages.appendingPathComponent("gone.md").path, withDestinationPath: "nothing-here.md")
            #expect(mkfifo(pages.appendingPathComponent("pipe.md").path, 0o644) == 0)
            try manager.createSymbolicLink(atPath: pages.appendingPathComponent("to-pipe.md").path, withDestinationPath: "pipe.md")
            try project.expectFailure([
                "content/pages/a.md: error: unreadable: its link goes round in a loop",
                "content/pages/b.md: error: unreadable: its link goes round in a loop",
                "content/pages/gone.md: error: unreadable: its link leads nowhere",
                "content/pages/pipe.md: error: unreadable: it is neither a file nor a folder",
                "content/pages/self.md: error: unreadable: its link goes round in a loop",
                "content/pages/to-pipe.md: error: unreadable: it is neither a file nor a folder",
            ])
        }
        try HostileProject.with(["site.yaml": nil]) { project in
            #expect(mkfifo(project.content.appendingPathComponent("site.yaml").path, 0o644) == 0)
            try project.expectFailure(["content/site.yaml: error: unreadable: it is not a regular file"])
        }
    }
}

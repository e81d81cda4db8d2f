import Foundation
import Testing

@testable import DossierKit

/// Media items: hostile and broken files are errors naming the item's
/// `file` field, every check of the format has its diagnostic, and no
/// published file carries the original's metadata.
@Suite struct MediaTests {
    static let media = Fixture.url("media")

    /// The minimal site with `files` added under `content/` (text, or the
    /// bytes of a fixture of `Fixtures/media` for `fixture:NAME`).
    static func withSite<T>(_ files: [String: String], _ body: (URL, Project) throws -> T) throws -> T {
        try Fixture.withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.copyItem(at: Fixture.url("sites/minimal"), to: content)
            for (path, text) in files {
                let url = content.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if text.hasPrefix("fixture:") {
                    try FileManager.default.copyItem(at: media.appendingPathComponent(String(text.dropFirst(8))), to: url)
                } else {
                    try Data(text.utf8).write(to: url)
                }
            }
            let project = Project(content: content, templates: Fixture.templates, output: folder.appendingPathComponent("public"))
            return try body(folder, project)
        }
    }

    static func item(_ file: String, alt: Bool = true) -> String {
        "---\nfile: \(file)\ntitle: An item\n" + (alt ? "alt: What it shows\n" : "")
            + "credit: Someone\n---\nShown on [about](page:about).\n"
    }

    /// The diagnostics of a check, relative to the project's folder, without
    /// the minimal site's own warning.
    static func check(_ folder: URL, _ project: Project) -> [String] {
        Fixture.lines(Builder(project: project).check(), relativeTo: folder).filter { !$0.contains("javascript:") }
    }

    @Test(arguments: [
        (
            "truncated.jpg", "x.jpg",
            "content/media/x.md:2:7: error: media file 'x.jpg' is damaged or truncated: VipsJpeg: Premature end of input file"
        ),
        (
            "png-named-jpg.jpg", "x.jpg",
            "content/media/x.md:2:7: error: media file 'x.jpg' is named as JPEG but its content is PNG: rename it or replace it"
        ),
        (
            "bomb.png", "x.png",
            "content/media/x.md:2:7: error: media file 'x.png' claims 100000 × 100000 pixels, more than the limit of 50000000: "
                + "refused without decoding"
        ),
        (
            "script.svg", "x.svg",
            "content/media/x.md:2:7: error: media file 'x.svg' is SVG, which can carry script: refused; publish a PNG or WebP "
                + "rendering of it instead"
        ),
        (
            "script.svg", "x.png",
            "content/media/x.md:2:7: error: media file 'x.png' is SVG, which can carry script: refused; publish a PNG or WebP "
                + "rendering of it instead"
        ),
    ])
    func hostileFilesAreErrorsAndNothingIsWritten(fixture: String, name: String, expected: String) throws {
        try Self.withSite(["media/x.md": Self.item(name), "media/" + name: "fixture:" + fixture]) { folder, project in
            #expect(Self.check(folder, project) == [expected])
            #expect(throws: (any Error).self) { try Builder(project: project).build().get() }
            #expect(!FileManager.default.fileExists(atPath: project.output.path))
        }
    }

    @Test(arguments: [
        (Self.item("missing.jpg"), "content/media/x.md:2:7: error: media file 'missing.jpg' does not exist beside this file"),
        (
            Self.item("../site.yaml"),
            "content/media/x.md:2:7: error: 'file' must be the name of a file beside this one in content/media/, not a path: '../site.yaml'"
        ),
        ("---\ntitle: No file\n---\n", "content/media/x.md:1:1: error: missing required field 'file'"),
        (
            Self.item("small.png", alt: false),
            "content/media/x.md:1:1: error: missing field 'alt': an image needs a text alternative for readers who cannot see it"
        ),
    ])
    func itemErrors(text: String, expected: String) throws {
        try Self.withSite(["media/x.md": text, "media/small.png": "fixture:small.png"]) { folder, project in
            #expect(Self.check(folder, project) == [expected])
        }
    }

    @Test func unknownSlugSuggestsTheClosest() throws {
        try Self.withSite(["pages/more.md": "---\ntitle: More\n---\nSee ![x](media:harbor).\n"]) { folder, project in
            #expect(Self.check(folder, project) == ["content/pages/more.md:4:10: error: unknown media 'harbor' (did you mean 'harbour'?)"])
        }
    }

    @Test func warnings() throws {
        var large = Data("%PDF-1.4\n".utf8)
        large.append(Data(count: MediaRules.warnBytes + 1))
        try Self.withSite([
            "media/unused.md": "---\nfile: small.png\ntitle: Unused\nalt: A chart\n---\n",
            "media/small.png": "fixture:small.png",
            "media/stray.png": "fixture:small.png",
            "media/filing.md": Self.item("report.pdf", alt: false),
            "media/report.pdf": "fixture:report.pdf",
            "media/large.md": Self.item("large.pdf", alt: false),
            "pages/more.md": "---\ntitle: More\n---\nThe [filing](media:filing) and [another](media:large).\n",
        ]) { folder, project in
            try large.write(to: project.content.appendingPathComponent("media/large.pdf"))
            #expect(
                Self.check(folder, project) == [
                    "content/media/filing.md:2:7: warning: PDF 'report.pdf' is published as it is and names its author, producer: "
                        + "check that this reveals nothing (docs/content-format.md, Media)",
                    "content/media/large.md:2:7: warning: media file 'large.pdf' is 10 MB, more than 10 MB: readers of the PDF or "
                        + "the item page download it whole",
                    "content/media/stray.png:1:1: warning: no media item describes this file: it is not published (add a .md file "
                        + "with 'file: stray.png')",
                    "content/media/unused.md:1:1: warning: media item is shown or linked by no page",
                ])
        }
    }

    /// The fixture photo carries EXIF (make, body serial number), a GPS
    /// position, an embedded thumbnail and XMP: none of it may reach any
    /// published file, and the original stays as it was.
    @Test func publishedFilesCarryNoMetadata() throws {
        try Self.withSite([:]) { _, project in
            let original = project.content.appendingPathComponent("media/harbour.jpg")
            let before = try Data(contentsOf: original)
            #expect(before.range(of: Data("SERIAL-4242-XYZ".utf8)) != nil)
            _ = try Builder(project: project).build().get()
            #expect(try Data(contentsOf: original) == before)
            // The GPS latitude's seconds (2364/100) as EXIF writes the rational, in either byte order.
            let latitude = [Data([0, 0, 0x09, 0x3C, 0, 0, 0, 0x64]), Data([0x3C, 0x09, 0, 0, 0x64, 0, 0, 0])]
            let markers = ["SERIAL-4242-XYZ", "DossierCam", "Model Z", "http://ns.adobe.com/xap", "xmp-secret-marker"]
            // Words a page may say (the item's description does), but no image may hold.
            let imageMarkers = ["Exif", "GPS"]
            var images = 0
            for path in try Golden.files(in: project.output) {
                let bytes = try Data(contentsOf: project.output.appendingPathComponent(path))
                for marker in markers { #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) in \(path)") }
                guard path.hasPrefix("media/"), !path.hasSuffix(".html") else { continue }
                for marker in imageMarkers { #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) in \(path)") }
                for pattern in latitude { #expect(bytes.range(of: pattern) == nil, "GPS latitude in \(path)") }
                if path.hasSuffix(".jpg") {
                    images += 1
                    #expect(Self.segments(of: bytes).allSatisfy { $0 == 0xE0 || $0 < 0xE0 || $0 > 0xEF }, "APPn segment in \(path)")
                }
            }
            #expect(images == 3)
        }
    }

    /// Variants: 480, 960 and 1600 pixels wide, proportional, never wider
    /// than the original.
    @Test func variantsHaveTheirSizes() throws {
        try Self.withSite([:]) { _, project in
            _ = try Builder(project: project).build().get()
            func size(_ path: String) throws -> (Int, Int) {
                try ImageCodec.header(atPath: project.output.appendingPathComponent(path).path).get()
            }
            #expect(try size("media/harbour/harbour-480.jpg") == (480, 240))
            #expect(try size("media/harbour/harbour-960.jpg") == (960, 480))
            #expect(try size("media/harbour/harbour-1600.jpg") == (1600, 800))
            #expect(try size("media/chart/chart-300.png") == (300, 200))
            let files = try Golden.files(in: project.output).filter { $0.hasPrefix("media/chart/") }
            #expect(files.sorted() == ["media/chart/chart-300.png", "media/chart/index.html"])
        }
    }

    /// The markers of a JPEG's segments up to the image data.
    static func segments(of bytes: Data) -> [UInt8] {
        let data = [UInt8](bytes)
        var markers: [UInt8] = []
        var index = 2
        while index + 4 <= data.count, data[index] == 0xFF {
            let marker = data[index + 1]
            markers.append(marker)
            if marker == 0xDA { break }
            index += 2 + Int(data[index + 2]) << 8 + Int(data[index + 3])
        }
        return markers
    }
}

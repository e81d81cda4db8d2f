import Foundation

@testable import DossierKit

/// libFuzzer entry: any text as a Markdown body. `outline` (links, heading
/// ids, positions) and `html` (links rewritten as the renderer does) must not
/// crash and must agree; the HTML must hold no element, attribute or URL a
/// browser could run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let body = MarkdownBody(text: text, firstLine: 5, path: "content/events/fuzz.md")
    let reserved = Sections.ids(for: .event)
    let outline = Markdown.outline(of: body, reservedIDs: reserved)
    for link in outline.links {
        check(link.location.path == body.path, "link location in another file")
        check((link.location.line ?? 0) >= body.firstLine, "link before the body: \(link)")
        check((link.location.column ?? 0) >= 1, "link column below 1: \(link)")
    }
    let html = Markdown.html(of: text, reservedIDs: reserved) { destination in
        guard let (kind, slug, fragment) = Reference.parse(destination: destination), Slug.isValid(slug) else { return nil }
        let url = Addresses.relative(from: "events/fuzz/index.html", to: Addresses.page(PageKey(kind, slug)))
        return fragment.map { url + "#" + $0 } ?? url
    }
    let tags = HTMLTags.scan(html)
    check(tags.map(\.name).allSatisfy(HTMLTags.cmarkElements.contains), "unexpected element in \(tags.map(\.name))")
    var headingIDs: [String] = []
    for tag in tags {
        for (name, value) in tag.attributes {
            check(HTMLTags.cmarkAttributes.contains(name), "unexpected attribute '\(name)'")
            if name == "href" || name == "src" {
                check(!HTMLTags.isDangerous(url: value), "dangerous URL '\(value)'")
            }
            if name == "id", tag.name.count == 2, tag.name.hasPrefix("h") { headingIDs.append(value) }
        }
    }
    check(headingIDs == outline.headingIDs, "heading ids differ: html \(headingIDs), outline \(outline.headingIDs)")
    return 0
}

/// A property failed: crash so libFuzzer keeps the input.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("property failed: \(message())\n".utf8))
        abort()
    }
}

import Foundation
import Testing

@testable import DossierKit

/// The data exports are written by hand (`JSONText.swift`); they must be
/// the exact bytes Foundation's `JSONEncoder` writes for the same values.
@Suite struct JSONTextTests {
    static func encoder(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func site(_ content: URL) throws -> Site {
        let project = Project(content: content, templates: Fixture.templates, output: URL(fileURLWithPath: "/nonexistent/public"))
        var diagnostics = Diagnostics()
        return try #require(Builder(project: project).prepare(&diagnostics)?.0, "\(diagnostics.all)")
    }

    @Test(arguments: ["sites/minimal", "content"])
    func exportsMatchTheEncoder(_ name: String) throws {
        let site = try Self.site(name == "content" ? Fixture.content : Fixture.url(name))
        let export = DataExport(site: site)
        #expect(export.bytes() == (try Self.encoder(export)) + [UInt8(ascii: "\n")])
    }

    /// Every control character, quotes, backslashes, slashes, line and
    /// paragraph separators, text from other scripts and emoji.
    @Test func stringsMatchTheEncoder() throws {
        let hostile =
            (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
            + "\"\\/ </script> \u{7F} \u{85} \u{2028}\u{2029} é 北京 👩🏽‍💻 \u{FEFF}"
        let texts = [hostile, "", "plain", "\\\"", "a\u{0}b"]
        for text in texts {
            var mine: [UInt8] = []
            JSONWriter.write(text, into: &mine)
            #expect(mine == (try Self.encoder([text])).dropFirst().dropLast(), "\(text.debugDescription)")
        }
        var object = JSONWriter()
        object.object { (out: inout JSONWriter) in
            out.member("a", -12)
            out.member("b", hostile)
            out.array("c", 0..<3) { (out: inout JSONWriter, index: Int) in
                if index == 0 {
                    out.value(0)
                } else if index == 1 {
                    out.array(texts) { (out: inout JSONWriter, text: String) in out.value(text) }
                } else {
                    out.object { (_: inout JSONWriter) in }
                }
            }
            out.member("none", nil as String?)
        }
        struct Same: Encodable {
            let b: String, a: Int, none: String?, c: [Either]
            struct Empty: Encodable {}
            enum Either: Encodable {
                case number(Int), texts([String]), empty
                func encode(to encoder: Encoder) throws {
                    var container = encoder.singleValueContainer()
                    switch self {
                    case .number(let number): try container.encode(number)
                    case .texts(let texts): try container.encode(texts)
                    case .empty: try container.encode(Empty())
                    }
                }
            }
        }
        #expect(object.bytes == (try Self.encoder(Same(b: hostile, a: -12, none: nil, c: [.number(0), .texts(texts), .empty]))))
    }
}

/// The fast paths of the escapers keep every special character, including
/// one a combining mark joins into a single `Character` with it.
@Suite struct EscapingTests {
    @Test func feedTextEscapesEverySpecialByte() {
        #expect(Discovery.escape("plain text") == "plain text")
        #expect(Discovery.escape("&\u{301}<\u{301}\"'>") == "&amp;\u{301}&lt;\u{301}&quot;&apos;&gt;")
    }

    @Test func pictureTextEscapesEverySpecialByte() {
        #expect(SVGMarkup.escape("plain text") == "plain text")
        #expect(SVGMarkup.escape("&\u{301}<\"'>\tx") == "&amp;\u{301}&lt;&quot;&#39;&gt; x")
    }

    /// Label shortening trims as Foundation's `.whitespaces` does.
    @Test func labelTrimmingMatchesFoundation() {
        let samples = [
            "  plain  ", "\tTab\t", "\u{00A0}nbsp\u{3000}", "\u{2009}thin\u{202F}", "line\n", "\nline", "é\u{301} ",
            " ", "", "no-space", "\u{1680}ogham\u{205F}",
        ]
        for sample in samples {
            #expect(RelationsSVG.trimmed(sample[...]) == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
        }
    }

    /// Text without special bytes skips the per-scalar loop; what it keeps
    /// and drops must not depend on that: every code point around the
    /// refused ranges, alone and between letters, against the rule itself.
    @Test func pictureTextDropsRefusedCodePointsOnBothPaths() {
        func refused(_ v: UInt32) -> Bool {
            v < 0x20 || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
        }
        let points: [UInt32] = [
            0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xAB, 0xE9, 0x2013, 0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0,
            0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600, 0x1FFFD, 0x1FFFE, 0x1FFFF, 0x10FFFD, 0x10FFFE, 0x10FFFF,
        ]
        for point in points {
            let scalar = Unicode.Scalar(point)!
            let kept = scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : refused(point) ? "" : String(scalar)
            #expect(SVGMarkup.escape(String(scalar)) == kept, "U+\(String(point, radix: 16))")
            #expect(SVGMarkup.escape("a\(scalar)b – é") == "a\(kept)b – é", "U+\(String(point, radix: 16))")
        }
    }
}

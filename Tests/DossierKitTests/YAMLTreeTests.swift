import Foundation
import Testing

@testable import DossierKit

/// Front matter is composed from libyaml's events when it is plain, and by
/// Yams otherwise: both ways must give the same tree, positions included,
/// and every error must be Yams's.
@Suite struct YAMLTreeTests {
    /// A composition's outcome as a comparable value: the tree or the error's text.
    enum Answer: Equatable {
        case tree(YAMLNode?)
        case error(String)

        init(_ compose: () throws -> YAMLNode?) {
            do { self = .tree(try compose()) } catch { self = .error("\(error)") }
        }
    }

    static func yams(_ yaml: String) -> Answer { Answer { try YAMLTree.composeWithYams(yaml) } }
    static func compose(_ yaml: String) -> Answer { Answer { try YAMLTree.compose(yaml) } }

    /// Texts the direct composer takes itself: the tree must be Yams's.
    @Test(arguments: [
        "",
        "---\n",
        "---\n...\n",
        "%YAML 1.1\n---\ntitle: Directive\n",
        "title: Plain\n",
        "title: \"Double \\\"quoted\\\" \\u00e9\\t\\x41\"\nsummary: 'single ''quoted'''\n",
        "title: a plain\n  text over\n\n  three lines\n",
        "summary: |\n  kept\n  lines\n\nnote: >-\n  folded\n  text\n",
        "summary: |+\n  kept with\n\n\nnext: x\n",
        "aliases: [a, 'b', \"c\", d e]\nactors:\n- one\n-   two\n- \"three\"\n",
        "updates:\n  - date: 2021-07-18\n    note: First\n  - {date: 2021-07-19, note: Second}\n",
        "a:\n  b:\n    c: [[x], {y: z}]\n",
        "# a comment\ntitle: T # trailing\n# last\n",
        "empty:\nnull: ~\nNULL: null\n\"\": quoted empty key\n",
        "clé: valeur\n日本: 語\nemoji: \"👩🏽‍💻\"\n",
        "title: T\r\nsummary: S\r\n",
        "\u{FEFF}title: BOM\n",
        "just a scalar\n",
        "- a list\n- at the top\n",
        "? plain key\n: explicit form\n",
        "key:    spaced   \nother:\t tabbed\n",
        "x: {a: 1, b: [2, 3], c: {d: e}}\n",
        "a: 1\nb:\n  a: 1\n",
        "a:\n- x\n  - y\n",
        // A byte-order mark that starts a value is dropped, as Yams's
        // decoding drops it (found by FuzzContent); one inside is kept.
        " \u{FEFF}aCCC\n",
        "a: \u{FEFF}\nb: '\u{FEFF}\u{FEFF}x'\nc: x\u{FEFF}\n",
    ])
    func plainFrontMatterIsComposedDirectly(_ yaml: String) {
        let direct = YAMLTree.composeDirectly(yaml)
        guard case .composed(let tree) = direct else {
            Issue.record("deferred to Yams: \(yaml.debugDescription)")
            return
        }
        #expect(Self.yams(yaml) == .tree(tree), "\(yaml.debugDescription)")
    }

    /// Texts with what only Yams handles, or an error: `compose` gives
    /// exactly Yams's tree or error.
    @Test(arguments: [
        "a: &x [1, 2]\nb: *x\n",
        "a: *undefined\n",
        "a: !!str 1\n",
        "a: !custom x\n",
        "l: !!seq [a]\n",
        "m: !!map {a: b}\n",
        "? [complex, key]\n: value\n",
        "? {a: b}\n: value\n",
        "title: one\ntitle: two\n",
        "\"title\": one\ntitle: two\n",
        "b: 1\na: 2\nb: 3\na: 4\n",
        "outer:\n  k: 1\n  k: 2\n",
        "---\na: 1\n---\nb: 2\n",
        "a: [1, 2\n",
        "a: 'unclosed\n",
        "a: b: c\n",
        "\ta: tab\n",
        "a: \"\\q\"\n",
        "%YAML 2.0\n---\na: 1\n",
        "a: |\n  x\n y\n",
        "- a\nb: c\n",
        "a: 1\n...\n---\n",
    ])
    func everythingElseIsYamsAnswer(_ yaml: String) {
        #expect(YAMLTree.composeDirectly(yaml) == .needsYams, "\(yaml.debugDescription)")
        #expect(Self.compose(yaml) == Self.yams(yaml), "\(yaml.debugDescription)")
    }

    /// Every front matter of the real report and the test fixtures that
    /// Yams accepts goes the direct way and composes as Yams composes it;
    /// those it refuses (the invalid fixtures) give its error.
    @Test func everyFrontMatterInTheRepositoryAgrees() throws {
        var checked = 0
        var refused = 0
        for folder in [Fixture.content, Fixture.root] {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            for case let url as URL in files where ["md", "yaml"].contains(url.pathExtension) {
                guard let data = FileManager.default.contents(atPath: url.path),
                    let text = String(data: data, encoding: .utf8)
                else { continue }
                var diagnostics = Diagnostics()
                let yaml: String
                if url.pathExtension == "yaml" {
                    yaml = text
                } else if let split = FrontMatterSplitter.split(text, path: url.path, &diagnostics) {
                    yaml = split.yaml
                } else {
                    continue
                }
                let expected = Self.yams(yaml)
                switch YAMLTree.composeDirectly(yaml) {
                case .composed(let tree):
                    #expect(expected == .tree(tree), "\(url.path)")
                case .needsYams:
                    if case .tree = expected { Issue.record("deferred to Yams: \(url.path)") }
                    #expect(Self.compose(yaml) == expected, "\(url.path)")
                    refused += 1
                }
                checked += 1
            }
        }
        #expect(checked > 100)
        #expect(refused > 0)  // the invalid fixtures' YAML errors and repeated field
    }

    /// Positions are 1-based lines and columns in characters, as Yams counts them.
    @Test func positionsAreYamsPositions() throws {
        let yaml = "é: [x, \"y\"]\nnext:\n  - z\n"
        let tree = try #require(try YAMLTree.compose(yaml))
        guard case .mapping(let pairs, let start) = tree else {
            Issue.record("not a mapping")
            return
        }
        #expect(start == YAMLMark(line: 1, column: 1))
        #expect(pairs.map(\.key.mark) == [YAMLMark(line: 1, column: 1), YAMLMark(line: 2, column: 1)])
        #expect(
            pairs[0].value
                == .sequence(
                    [
                        .scalar("x", plain: true, at: YAMLMark(line: 1, column: 5)),
                        .scalar("y", plain: false, at: YAMLMark(line: 1, column: 8)),
                    ], at: YAMLMark(line: 1, column: 4)))
        #expect(pairs[1].value.mark == YAMLMark(line: 3, column: 3))
    }
}

import Foundation
import Testing

/// Text from the content quoted in a diagnostic cannot drive the terminal
/// (an ESC sequence) or fake another diagnostic (a line break): the printer
/// shows control characters and bidirectional overrides as `\u{...}`.
@Suite struct TerminalSafetyTests {
    @Test func controlCharactersInMessagesAreShownEscaped() throws {
        try CLITests.withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: content.appendingPathComponent("actors"), withIntermediateDirectories: true)
            try Data("title: T\ndescription: D\nlanguage: en\n".utf8).write(to: content.appendingPathComponent("site.yaml"))
            let actor = #"""
                ---
                name: A
                kind: "\e]0;owned\a\e[2J\ncontent/actors/fake.md:1:1: error: \u202Eforged"
                ---
                body

                """#
            try Data(actor.utf8).write(to: content.appendingPathComponent("actors/a.md"))
            let run = try CLITests.run(["check", "--templates", CLITests.templates.path], in: folder)
            #expect(run.status == 1)
            #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" })
            #expect(run.stderrLines.count == 2, "\(run.stderrLines)")
            #expect(
                run.stderrLines.first?.hasPrefix(
                    #"content/actors/a.md:3:7: error: invalid kind '\u{1B}]0;owned\u{7}\u{1B}[2J\u{A}content/actors/fake.md:1:1: error: \u{202E}forged'"#
                ) == true, "\(run.stderr)")
        }
    }
}

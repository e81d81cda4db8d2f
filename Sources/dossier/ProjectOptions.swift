import ArgumentParser
import DossierKit
import Foundation

/// The folders every command reads, shared through `@OptionGroup`.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The theme folder: Mustache templates, partials and assets.")
    var templates = "templates"

    @Flag(help: "Include files marked 'draft: true'.")
    var drafts = false

    func project(output: String = "public", baseURL: String? = nil) -> Project {
        Project(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output), includeDrafts: drafts, baseURL: baseURL)
    }
}

// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for DossierKit, kept out of the main package so its build
// is untouched. Built in debug (so `@testable import` works) one product at a
// time, by scripts/fuzz-smoke; docs/hardening.md has the commands.
let package = Package(
    name: "DossierFuzz",
    dependencies: [
        .package(name: "dossier", path: "..")
    ],
    targets: [
        // Bytes → a content file of one kind (or site.yaml): decode, split, YAML, outline, typed record.
        .executableTarget(name: "FuzzContent", dependencies: [.product(name: "DossierKit", package: "dossier")]),
        // Text → Markdown.outline and Markdown.html with KIND:SLUG links rewritten.
        .executableTarget(name: "FuzzMarkdown", dependencies: [.product(name: "DossierKit", package: "dossier")]),
        // Text → a theme template, loaded by Theme and rendered against a real view.
        .executableTarget(name: "FuzzTemplate", dependencies: [.product(name: "DossierKit", package: "dossier")]),
    ]
)

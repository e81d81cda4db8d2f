// swift-tools-version:6.0
// What one tag costs in swift-mustache, apart from Dossier: docs/performance.md,
// "Why three of the six are not held". Run: bench/mustache-tags/run.sh
import PackageDescription

let package = Package(
    name: "mustache-tags",
    dependencies: [.package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1")],
    targets: [
        .executableTarget(name: "mustache-tags", dependencies: [.product(name: "Mustache", package: "swift-mustache")])
    ]
)

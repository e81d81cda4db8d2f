// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Debian's libcmark-dev, found through pkg-config (libcmark.pc).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The two calls Foundation does not offer: an atomic directory exchange and flock.
        .target(name: "CSystem"),
        .target(
            name: "DossierKit",
            dependencies: [
                "CCmark",
                "CSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DossierKitTests",
            dependencies: ["DossierKit"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "dossierTests",
            dependencies: ["DossierKit"]
        ),
    ]
)

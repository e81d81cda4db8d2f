// swift-tools-version:6.0
import Foundation
import PackageDescription

/// jemalloc (Debian's libjemalloc-dev) instead of glibc's malloc for the
/// `dossier` binary on Linux: a build allocates millions of small strings on
/// both cores, and jemalloc's per-thread caches make the 10,000-event
/// benchmark about 9% faster (docs/performance.md). `DOSSIER_SYSTEM_MALLOC=1`
/// keeps the system allocator: scripts/asan-tests sets it, since
/// AddressSanitizer must own every allocation.
let allocator: [LinkerSetting] =
    ProcessInfo.processInfo.environment["DOSSIER_SYSTEM_MALLOC"] == "1"
    ? [] : [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Debian's libcmark-dev, found through pkg-config (libcmark.pc).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Debian's libvips-dev (8.14), found through pkg-config (vips.pc): media images.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        // The two calls Foundation does not offer: an atomic directory exchange and flock.
        .target(name: "CDossierSystem"),
        // Non-variadic wrappers over the few libvips calls media need (Swift cannot call variadic C).
        .target(name: "CDossierImage", dependencies: ["CVips"]),
        .target(
            name: "DossierKit",
            dependencies: [
                "CCmark",
                "CDossierSystem",
                "CDossierImage",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Plural rules (Render/PluralRules.swift) from the ICU that Foundation links.
            linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]
        ),
        // `dossier serve`: the preview server; keeps Hummingbird out of DossierKit.
        .target(
            name: "DossierServe",
            dependencies: [
                "DossierKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `check --external`'s HTTP client (FoundationNetworking): keeps network code out of DossierKit.
        .target(name: "DossierLinks", dependencies: ["DossierKit"]),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierKit",
                "DossierServe",
                "DossierLinks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The library and the tests keep the system allocator.
            linkerSettings: allocator
        ),
        .testTarget(
            name: "DossierKitTests",
            dependencies: ["DossierKit"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DossierServeTests",
            dependencies: ["DossierServe", "DossierKit"]
        ),
        .testTarget(
            name: "dossierTests",
            // `dossier` so the binary the tests run is built first.
            dependencies: ["DossierKit", "dossier"]
        ),
    ]
)

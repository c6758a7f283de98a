// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Vigie",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vigie", targets: ["vigie"]),
        .library(name: "VigieCore", targets: ["VigieCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The preview server: small, pure Swift, builds in seconds (Hummingbird pulls in SwiftNIO).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // SHA-256 of the files of a stored release (its manifest).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The OpenDocument spreadsheets under /donnees/ (an .ods is a ZIP archive).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The C library cmark (Debian `libcmark-dev`), the only Markdown parser.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The C library SQLite (Debian `libsqlite3-dev`): writes /donnees/vigie.sqlite.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // A per-thread bump allocator handed to cmark (see MarkdownRenderer).
        .target(name: "CMarkArena", dependencies: ["CCmark"]),
        // The whole pipeline: load, validate, compute, protect, render, publish.
        .target(
            name: "VigieCore",
            dependencies: [
                "CCmark",
                "CMarkArena",
                "CSQLite",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Seeded synthetic content: the default case file and the benchmark inputs.
        .target(name: "VigieSynthetic", dependencies: ["VigieCore"]),
        // `vigie serve`: local preview with rebuild on change, live reload and error overlay.
        .target(
            name: "VigiePreview",
            dependencies: ["VigieCore", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "vigie",
            dependencies: [
                "VigieCore",
                "VigieSynthetic",
                "VigiePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "VigieTestSupport",
            dependencies: ["VigieCore"],
            path: "Tests/VigieTestSupport"
        ),
        .testTarget(
            name: "VigieCoreTests",
            dependencies: [
                "VigieCore", "VigieSynthetic", "VigieTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "VigiePreviewTests",
            dependencies: ["VigiePreview", "VigieTestSupport"]
        ),
        .testTarget(
            name: "VigieEndToEndTests",
            dependencies: ["VigieCore", "VigieTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)

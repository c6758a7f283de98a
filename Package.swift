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
        // The preview server's sockets (FlyingSocks): small, pure Swift, builds in seconds (Hummingbird
        // pulls in SwiftNIO). Its HTTP layer (FlyingFox) is not used: see PreviewHTTPServer.
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
        // The bottom of the pipeline, with no dependency on it: diagnostics, the parallel map and the
        // disjoint writes, the byte-word scans, XML escaping and quantiles. Every stage may use it.
        .target(name: "VigieSupport"),
        // The Mustache engine: parser, compiled program, renderer, nesting check and the templates
        // folder's containment; what Vigie's pages read (TemplateSet, strings.yaml) stays in VigieCore.
        .target(name: "VigieMustache", dependencies: ["VigieSupport"]),
        // The SVG charts: drawn from labels and values already formatted, with no knowledge of
        // the statistics they show.
        .target(name: "VigieCharts", dependencies: ["VigieSupport"]),
        // The whole pipeline: load, validate, compute, protect, render, publish.
        .target(
            name: "VigieCore",
            dependencies: [
                "VigieSupport",
                "VigieMustache",
                "VigieCharts",
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
            dependencies: ["VigieCore", .product(name: "FlyingSocks", package: "FlyingFox")]
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
            dependencies: ["VigieCore", "VigieSupport"],
            path: "Tests/VigieTestSupport"
        ),
        .testTarget(
            name: "VigieCoreTests",
            dependencies: [
                "VigieSupport", "VigieMustache", "VigieCore", "VigieSynthetic", "VigieTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "VigieMustacheTests",
            dependencies: ["VigieMustache", "VigieTestSupport", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "VigieChartsTests", dependencies: ["VigieCharts"]),
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

// Coverage-guided fuzzing (libFuzzer), one executable per reader, declared only when VIGIE_FUZZ=1:
// they must be built with `-sanitize=fuzzer,address`, which an ordinary `swift build` or
// `swift test` does not pass, so `scripts/fuzz.sh` builds them in their own `.build-fuzz`.
// Each file defines `LLVMFuzzerTestOneInput` and hands `main` to libFuzzer's driver. The package then
// holds only VigieCore and what it needs, so one `swift build` makes the four (`vigie` would bring
// a second `main`; building the targets one `--product` at a time compiled every module twice).
if Context.environment["VIGIE_FUZZ"] == "1" {
    let needed: Set<String> = ["CCmark", "CMarkArena", "CSQLite", "VigieSupport", "VigieMustache", "VigieCharts", "VigieCore"]
    package.targets.removeAll { !needed.contains($0.name) }
    package.products = []
    // `@_extern(c)`: the targets' `main` calls libFuzzer's driver (FuzzSupport's `runFuzzer`).
    package.targets.append(
        .target(name: "FuzzSupport", path: "Tests/Fuzz/FuzzSupport", swiftSettings: [.enableExperimentalFeature("Extern")]))
    for name in ["FuzzCaseFile", "FuzzSiteYAML", "FuzzNote", "FuzzTemplate"] {
        package.targets.append(
            .executableTarget(name: name, dependencies: ["VigieSupport", "VigieMustache", "VigieCore", "FuzzSupport"], path: "Tests/Fuzz/" + name)
        )
        package.products.append(.executable(name: name, targets: [name]))
    }
}

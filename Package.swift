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
        // SHA-256 of the files of a stored release (its manifest) and of a published site (the site manifest).
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
        // The PostgreSQL client library libpq (Debian `libpq-dev`): cases read from an intake database
        // (`cases_database` in site.yaml) through a streamed COPY.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // A per-thread bump allocator handed to cmark (see MarkdownRenderer).
        .target(name: "CMarkArena", dependencies: ["CCmark"]),
        // The bottom of the pipeline, with no dependency on it: diagnostics, the parallel map and the
        // disjoint writes, the byte-word scans, XML escaping and quantiles. Every stage may use it.
        .target(name: "VigieSupport"),
        // The Mustache engine: parser, compiled program, renderer, nesting check and the templates
        // folder's containment; what Vigie's pages read (TemplateSet, strings.yaml) is in VigieRendering.
        .target(name: "VigieMustache", dependencies: ["VigieSupport"]),
        // The SVG charts: drawn from labels and values already formatted, with no knowledge of
        // the statistics they show.
        .target(name: "VigieCharts", dependencies: ["VigieSupport"]),
        // The stages, one target each, in pipeline order: a stage may import the ones above it and
        // never one below, so the compiler holds the direction load → validate → compute → protect →
        // render → check → publish.
        // Load and validate: site.yaml, the case files (read, checked and guarded against personal
        // data as they are read), the notes' front matter and the milestones, into `Content`.
        .target(name: "VigieInput", dependencies: ["VigieSupport", "CLibPQ", .product(name: "Yams", package: "Yams")]),
        // Compute: the statistics tables from the validated cases.
        .target(name: "VigieStatistics", dependencies: ["VigieInput"]),
        // Protect: disclosure control (primary and secondary suppression, the audit).
        .target(name: "VigieDisclosure", dependencies: ["VigieStatistics"]),
        // The open-data contract (which table is published in which columns, its CSV and JSON) and
        // the stored releases written in it. A stored release is loaded with the content, but what it
        // holds is a protected publication, so its target comes after protection.
        .target(
            name: "VigieReleases",
            dependencies: ["VigieDisclosure", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Render: Markdown through cmark, the pages through the templates, the charts, and every
        // published file's bytes (data files, spreadsheets, the database, feed, sitemap, releases).
        .target(
            name: "VigieRendering",
            dependencies: [
                "VigieReleases", "VigieMustache", "VigieCharts", "CCmark", "CMarkArena", "CSQLite",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Check: the links of the built pages and notes, against the built files.
        .target(name: "VigieLinkChecking", dependencies: ["VigieRendering"]),
        // Publish: the atomic swap of the output folder and the guard of what it may replace.
        // Its site manifest holds the SHA-256 of each published file (swift-crypto).
        .target(name: "VigiePublishing", dependencies: ["VigieRendering", .product(name: "Crypto", package: "swift-crypto")]),
        // The pipeline: runs the stages in order, caches what each produced for the preview's rebuilds.
        .target(
            name: "VigieCore",
            dependencies: [
                "VigieSupport", "VigieMustache", "VigieCharts", "VigieInput", "VigieStatistics", "VigieDisclosure",
                "VigieReleases", "VigieRendering", "VigieLinkChecking", "VigiePublishing",
                // The keys of the notes' rendering cache (NoteRenderCache).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Seeded synthetic content: the default case file and the benchmark inputs.
        .target(name: "VigieSynthetic", dependencies: ["VigieSupport", "VigieInput"]),
        // `vigie serve`: local preview with rebuild on change, live reload and error overlay.
        .target(
            name: "VigiePreview",
            dependencies: ["VigieCore", .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "vigie",
            dependencies: [
                "VigieCore",
                "VigieInput",
                "VigieReleases",
                "VigieRendering",
                "VigiePublishing",
                "VigieSynthetic",
                "VigiePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "VigieTestSupport",
            dependencies: ["VigieSupport", "VigieInput", "VigieStatistics"],
            path: "Tests/VigieTestSupport"
        ),
        // One test target per target, its folders mirroring the sources' (Tests/VigieInputTests/Content
        // tests Sources/VigieInput/Content).
        .testTarget(
            name: "VigieInputTests",
            dependencies: [
                "VigieSupport",
                "VigieInput",
                "VigieCore",
                "VigieSynthetic",
                "VigieTestSupport",
            ]
        ),
        .testTarget(
            name: "VigieStatisticsTests",
            dependencies: [
                "VigieSupport",
                "VigieInput",
                "VigieStatistics",
                "VigieDisclosure",
                "VigieReleases",
            ]
        ),
        .testTarget(
            name: "VigieDisclosureTests",
            dependencies: [
                "VigieInput",
                "VigieStatistics",
                "VigieDisclosure",
                "VigieCore",
                "VigieSynthetic",
                "VigieTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "VigieReleasesTests", dependencies: ["VigieInput", "VigieStatistics", "VigieReleases"]),
        .testTarget(
            name: "VigieRenderingTests",
            dependencies: [
                "VigieSupport",
                "VigieMustache",
                "VigieInput",
                "VigieStatistics",
                "VigieReleases",
                "VigieRendering",
                "VigieSynthetic",
                "VigieTestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "VigieLinkCheckingTests", dependencies: ["VigieInput", "VigieRendering", "VigieLinkChecking"]),
        .testTarget(
            name: "VigiePublishingTests",
            dependencies: [
                "VigieRendering",
                "VigiePublishing",
                "VigieCore",
                "VigieTestSupport",
            ]
        ),
        .testTarget(name: "VigieCoreTests", dependencies: ["VigieCore", "VigieTestSupport"]),
        .testTarget(
            name: "VigieSyntheticTests",
            dependencies: [
                "VigieSupport",
                "VigieInput",
                "VigieSynthetic",
                "VigieTestSupport",
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
            dependencies: ["VigieCore", "VigieInput", "VigieTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)

// Coverage-guided fuzzing (libFuzzer), one executable per reader, declared only when VIGIE_FUZZ=1:
// they must be built with `-sanitize=fuzzer,address`, which an ordinary `swift build` or
// `swift test` does not pass, so `scripts/fuzz.sh` builds them in their own `.build-fuzz`.
// Each file defines `LLVMFuzzerTestOneInput` and hands `main` to libFuzzer's driver. The package then
// holds only the stages the readers need, so one `swift build` makes the four (`vigie` would bring
// a second `main`; building the targets one `--product` at a time compiled every module twice).
if Context.environment["VIGIE_FUZZ"] == "1" {
    let needed: Set<String> = [
        "CCmark", "CMarkArena", "CSQLite", "CLibPQ", "VigieSupport", "VigieMustache", "VigieCharts", "VigieInput", "VigieStatistics",
        "VigieDisclosure", "VigieReleases", "VigieRendering", "VigieLinkChecking",
    ]
    package.targets.removeAll { !needed.contains($0.name) }
    package.products = []
    // `@_extern(c)`: the targets' `main` calls libFuzzer's driver (FuzzSupport's `runFuzzer`).
    package.targets.append(
        .target(name: "FuzzSupport", path: "Tests/Fuzz/FuzzSupport", swiftSettings: [.enableExperimentalFeature("Extern")]))
    for name in ["FuzzCaseFile", "FuzzSiteYAML", "FuzzNote", "FuzzTemplate"] {
        package.targets.append(
            .executableTarget(
                name: name,
                dependencies: ["VigieSupport", "VigieMustache", "VigieInput", "VigieRendering", "VigieLinkChecking", "FuzzSupport"],
                path: "Tests/Fuzz/" + name
            )
        )
        package.products.append(.executable(name: name, targets: [name]))
    }
}

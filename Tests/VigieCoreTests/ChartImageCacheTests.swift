// The charts' PNG files kept on disk between builds: a new session (a new `vigie build`) draws only
// the charts the cache does not hold whole, and publishes the same bytes as a build without it.

import Foundation
import Testing
import VigieTestSupport

@testable import VigieCore

@Suite struct ChartImageCacheTests {
    @Test("a second build draws no chart, a damaged cached file is drawn again, and the site is the same")
    func secondBuildDrawsOnlyWhatTheCacheLacks() throws {
        let folder = TemporaryFolder("chart-cache")
        let cache = folder.path + "/cache"
        func build(_ output: String) throws -> BuildReport {
            let report = try BuildSession(
                options: BuildOptions(
                    contentDirectory: Repository.content, templatesDirectory: Repository.templates,
                    outputDirectory: folder.path + "/" + output, cacheFolder: cache)
            ).rebuild()
            #expect(report.succeeded, "\(report.diagnostics)")
            return report
        }
        let first = try build("first")
        let charts = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/first").filter { $0.hasSuffix(".svg") }
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache + "/charts").sorted()
        #expect(!charts.isEmpty && first.chartsRasterized == charts.count && cached.count == charts.count)

        #expect(try build("second").chartsRasterized == 0)
        #expect(SiteTree.files(under: folder.path + "/first") == SiteTree.files(under: folder.path + "/second"))

        // A cached file cut short (a full disk, a build killed elsewhere) is not used, and is stored whole again.
        let damaged = cache + "/charts/" + cached[0]
        let whole = try #require(FileManager.default.contents(atPath: damaged))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: damaged))
        #expect(try build("third").chartsRasterized == 1)
        #expect(FileManager.default.contents(atPath: damaged) == whole)
        #expect(SiteTree.files(under: folder.path + "/first") == SiteTree.files(under: folder.path + "/third"))
    }

    @Test("another rsvg-convert version has other keys")
    func keysNameTheRasterizer() {
        let svg = Array("<svg/>".utf8)
        let old = ChartImageCache(folder: "/cache", rasterizerIdentity: "rsvg-convert version 2.54.7; zoom 2")
        let new = ChartImageCache(folder: "/cache", rasterizerIdentity: "rsvg-convert version 2.58.0; zoom 2")
        #expect(old.path(for: svg) != new.path(for: svg))
        #expect(old.path(for: svg) == old.path(for: Array("<svg/>".utf8)))
        #expect(old.path(for: svg).hasPrefix("/cache/") && old.path(for: svg).hasSuffix(".png"))
    }

    @Test("pruning keeps the most recently used files")
    func pruneKeepsTheNewest() throws {
        let folder = TemporaryFolder("chart-cache-prune")
        let cache = ChartImageCache(folder: folder.path, rasterizerIdentity: "test")
        for index in 0..<5 {
            let path = folder.path + "/\(index).png"
            #expect(FileManager.default.createFile(atPath: path, contents: Data([UInt8(index)])))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(index) * 60)], ofItemAtPath: path)
        }
        cache.prune(capacity: 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["3.png", "4.png"])
    }

    @Test("the default cache folder follows XDG_CACHE_HOME, then the home folder")
    func defaultFolder() {
        #expect(BuildOptions.defaultCacheFolder(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/vigie")
        #expect(BuildOptions.defaultCacheFolder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/vigie")
        #expect(BuildOptions.defaultCacheFolder(environment: [:]) == nil)
    }
}

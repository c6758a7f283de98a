// The charts' PNG files kept on disk between builds, so that a one-shot `vigie build` draws again
// only the charts whose SVG changed. rsvg-convert takes about 80 ms of CPU per chart (41 charts
// on the default site, three more per extra platform): without this cache a 10 k build spent 1.0 s
// of its 1.1 s rasterizing charts it had already drawn the build before.

import Foundation
import VigieCharts
import VigieReleases

/// A folder of PNG files named by the SHA-256 of what makes their bytes: the rasterizer's version,
/// its zoom and the SVG. A file is used only if it looks whole (PNG signature and final IEND chunk)
/// and is written under a temporary name then renamed, so a build killed while storing one leaves
/// nothing half-written under a key. The cache is an aid, never a source of truth: any failure to
/// read or write it falls back to drawing the chart.
struct ChartImageCache {
    let folder: String
    /// What, besides the SVG, decides the PNG's bytes: `rsvg-convert --version` and the zoom.
    let rasterizerIdentity: String
    /// Files kept at most; the least recently used go first. About 4 000 charts of 30–120 kB, the
    /// charts of many builds of a site with hundreds of platforms.
    static let capacity = 4_000

    func path(for svg: [UInt8]) -> String {
        let key = FileDigest.sha256(Array(rasterizerIdentity.utf8) + [0] + svg)
        return folder + "/" + key + ".png"
    }

    /// The stored PNG of `svg`, if there is a whole one; its date is renewed, which keeps it
    /// among the files that `prune` spares.
    func png(for svg: [UInt8]) -> [UInt8]? {
        let path = path(for: svg)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        guard Self.looksWhole(bytes) else { return nil }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        return bytes
    }

    func store(_ png: [UInt8], for svg: [UInt8]) {
        let path = path(for: svg)
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).part"
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
            FileManager.default.createFile(atPath: temporary, contents: Data(png))
        else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }

    /// Removes the least recently used files beyond `capacity`.
    func prune(capacity: Int = Self.capacity) {
        CacheFolder.prune(folder, suffix: ".png", capacity: capacity)
    }

    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// An IEND chunk: length 0, type, CRC. Every whole PNG ends with these 12 bytes.
    private static let end: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    static func looksWhole(_ bytes: [UInt8]) -> Bool {
        bytes.count > signature.count + end.count && bytes.starts(with: signature) && bytes.suffix(end.count).elementsEqual(end)
    }
}

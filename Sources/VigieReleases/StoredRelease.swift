// A stored release: one publication frozen by `vigie release` in content/publications/<date>/,
// loaded back by `ReleaseLoader`. Never rewritten by a build.

import VigieDisclosure
import VigieInput
import VigieStatistics

/// A publication as it was released: its protected tables and its files, byte for byte.
public struct StoredRelease: Sendable {
    /// Version of the folder's layout (manifest.json, withheld.csv, donnees/); bump it on any change.
    /// 4: cases_by_platform has each platform's `share` of all cases.
    /// 3: days_to_stage has quartiles (`q1_days`, `q3_days`) and the delay `referred_to_closed`;
    /// `days_to_stage_by_platform` and `cases_by_month` (`TableID.introducedInFormat`,
    /// `StatTable.asHeld(inFormat:)`).
    /// 2: donnees/ follows the open-data contract 2 (status columns, `<table>_totals` files, shares in
    /// percent). 1: contract 1 (total rows among the others, one `suppressed` flag per row).
    public static let formatVersion = 4
    /// Releases stored by earlier versions stay readable: they are never rewritten.
    public static let readableFormats = 1...formatVersion
    /// The folder under the content folder that holds one sub-folder per release.
    public static let folderName = "publications"
    public static let manifestName = "manifest.json"
    public static let withheldName = "withheld.csv"
    public static let withheldHeader = ["table", "keys", "column", "status", "label"]

    /// The files every release of a format holds besides its manifest, relative to its folder, sorted:
    /// the tables of that format (`TableID.introducedInFormat`); format 1 predates the totals files.
    public static func expectedFiles(format: Int = formatVersion) -> [String] {
        var paths = ["donnees/datapackage.json", withheldName]
        for id in TableID.allCases where id.introducedInFormat <= format {
            paths += dataFiles(id)
            if format >= 2 && OpenDataContract.tablesWithTotals.contains(id) {
                let totals = id.rawValue + OpenDataContract.totalsSuffix
                paths += ["donnees/\(totals).csv", "donnees/\(totals).json"]
            }
        }
        return paths.sorted()
    }

    /// The CSV and JSON of one table.
    static func dataFiles(_ id: TableID) -> [String] { ["donnees/\(id.rawValue).csv", "donnees/\(id.rawValue).json"] }

    /// The publication date of the release (its folder's name).
    public var date: Day { statistics.asOf }
    public var manifest: ReleaseManifest
    /// The release's folder, as the user's paths name it.
    public var path: String
    /// The tables as published then: `asOf` is the release's date and `threshold` its k.
    public var statistics: ProtectedStatistics
    /// Every file of the folder but the manifest, by path relative to the folder, sorted by path.
    public var files: [(path: String, bytes: [UInt8])]

    public init(manifest: ReleaseManifest, path: String, statistics: ProtectedStatistics, files: [(path: String, bytes: [UInt8])]) {
        self.manifest = manifest
        self.path = path
        self.statistics = statistics
        self.files = files
    }

    /// The published data files (`donnees/…`), as the release's own /donnees/ served them.
    public var dataFiles: [(path: String, bytes: [UInt8])] { files.filter { $0.path.hasPrefix("donnees/") } }

    /// The bytes of one file of the release.
    public func bytes(of path: String) -> [UInt8]? { files.first { $0.path == path }?.bytes }
}

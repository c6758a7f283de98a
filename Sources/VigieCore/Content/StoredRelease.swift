// A stored release: one publication frozen by `vigie release` in content/publications/<date>/,
// loaded back by `ReleaseLoader`. Never rewritten by a build.

/// A publication as it was released: its protected tables and its files, byte for byte.
public struct StoredRelease: Sendable {
    /// Version of the folder's layout (manifest.json, withheld.csv, donnees/); bump it on any change.
    public static let formatVersion = 1
    /// The folder under the content folder that holds one sub-folder per release.
    public static let folderName = "publications"
    public static let manifestName = "manifest.json"
    public static let withheldName = "withheld.csv"
    public static let withheldHeader = ["table", "keys", "column", "status", "label"]

    /// The files `vigie release` writes besides the manifest, relative to the release folder, sorted.
    public static var expectedFiles: [String] {
        (["donnees/datapackage.json", withheldName] + TableID.allCases.flatMap(dataFiles)).sorted()
    }

    /// The files every stored release must hold: a release made before a table existed
    /// (`TableID.isNewerThanReleaseFormat`) does not hold its files.
    public static var requiredFiles: [String] {
        (["donnees/datapackage.json", withheldName] + TableID.allCases.filter { !$0.isNewerThanReleaseFormat }.flatMap(dataFiles)).sorted()
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

// The files of a stored release, in memory: the data files exactly as this build published them,
// withheld.csv and manifest.json. `vigie release` writes them into content/publications/<date>/.

import VigieDisclosure
import VigieReleases

public enum ReleaseWriter {
    /// The release folder's files, relative to it, sorted by path.
    /// - Parameter dataFiles: the build's `donnees/` CSV, JSON and datapackage.json files, byte for byte.
    public static func files(
        statistics: ProtectedStatistics, dataFiles: [OutputFile], labels: Labels, vigieVersion: String
    ) -> [OutputFile] {
        var files = dataFiles.filter { file in StoredRelease.expectedFiles().contains(file.path) }
        files.append(OutputFile(path: StoredRelease.withheldName, bytes: withheldCSV(statistics, labels: labels)))
        let digests = Dictionary(uniqueKeysWithValues: files.map { ($0.path, FileDigest.sha256($0.bytes)) })
        let manifest = ReleaseManifest(date: statistics.asOf, threshold: statistics.threshold, vigieVersion: vigieVersion, files: digests)
        files.append(OutputFile(path: StoredRelease.manifestName, text: manifest.text))
        return files.sorted { $0.path < $1.path }
    }

    /// `table,keys,column,status,label`: every withheld cell, keys joined with `|`, and the label
    /// the HTML showed for it (`< 5`, `masqué`, …).
    static func withheldCSV(_ statistics: ProtectedStatistics, labels: Labels) -> [UInt8] {
        var out = StoredRelease.withheldHeader.joined(separator: ",") + "\n"
        for cell in WithheldCell.all(in: statistics) {
            let fields = [
                cell.table.rawValue, cell.keys.joined(separator: "|"), cell.column, cell.status.rawValue, labels.withheldText(cell.status),
            ]
            out += fields.map(TableSerializer.quoteIfNeeded).joined(separator: ",") + "\n"
        }
        return Array(out.utf8)
    }
}

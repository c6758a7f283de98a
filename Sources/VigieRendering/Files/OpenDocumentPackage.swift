// The ZIP container of an OpenDocument file (ODF 1.3, part 2 "Packages"): `mimetype` first and
// stored, then the manifest and the XML parts, compressed. Written by ZIPFoundation in memory with
// a fixed date on every entry and a fixed order, so the same parts give the same bytes.

import Foundation
import VigieInput
import ZIPFoundation

enum OpenDocumentPackage {
    static let spreadsheetType = "application/vnd.oasis.opendocument.spreadsheet"

    /// An .ods holding `content` (content.xml) and `meta` (meta.xml), every entry dated `date` at
    /// midnight UTC (ZIPFoundation converts with `gmtime`, so the time zone of the build does not matter).
    static func spreadsheet(content: String, meta: String, date: Day) -> [UInt8] {
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
             <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(spreadsheetType)"/>
             <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
             <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>

            """
        let entries: [(path: String, bytes: Data, method: CompressionMethod)] = [
            // ODF: the first entry, named `mimetype`, uncompressed, so that its type sits at offset 38.
            ("mimetype", Data(spreadsheetType.utf8), .none),
            ("META-INF/manifest.xml", Data(manifest.utf8), .deflate),
            ("content.xml", Data(content.utf8), .deflate),
            ("meta.xml", Data(meta.utf8), .deflate),
        ]
        let modified = Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch) * 86_400)
        do {
            let archive = try Archive(accessMode: .create)
            for entry in entries {
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(entry.bytes.count), modificationDate: modified,
                    permissions: 0o644, compressionMethod: entry.method
                ) { position, size in
                    entry.bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { preconditionFailure("ZIPFoundation: in-memory archive without data") }
            return [UInt8](data)
        } catch {
            // An archive in memory of parts we made: a failure is a bug, not an input or I/O error.
            preconditionFailure("ZIPFoundation: \(error)")
        }
    }
}

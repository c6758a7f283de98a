// Test support: a small content folder declared inline and written to a fresh temporary folder.

import Foundation

/// Files of a content folder, by relative path, written to disk for a test.
///
///     let tree = try ContentTree(["site.yaml": "title: T\npublication_date: 2019-03-29\n",
///                                 "cases/a.csv": CaseCSV.header + "\n" + CaseCSV.row()])
///     let result = ContentLoader.load(directory: tree.path)
public struct ContentTree: ~Copyable {
    /// Absolute path of the written folder, without a trailing slash.
    public let path: String

    public init(_ files: [String: String]) throws {
        try self.init(bytes: files.mapValues { Array($0.utf8) })
    }

    /// Files given as raw bytes, for encodings and line endings a Swift string literal cannot show plainly.
    public init(bytes files: [String: [UInt8]]) throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigie-test-\(UUID().uuidString)", isDirectory: true)
        for (relative, content) in files {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content).write(to: url)
        }
        path = root.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

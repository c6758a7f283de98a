// Test support: the fixture folders under Tests/Fixtures, each a content folder and what a check must say.

import Foundation

/// One fixture: `<folder>/content/` is a content folder; `expected.txt` holds the exact diagnostics a
/// check prints (paths relative to the fixture folder); `secret.txt`, when present, holds values that
/// must appear in no output, one per line.
public struct Fixture: Sendable, CustomStringConvertible {
    public let name: String
    /// Absolute path of the fixture folder: the working directory of an end-to-end run.
    public let folder: String

    public var contentFolder: String { folder + "/content" }
    public var description: String { name }

    /// The lines of `expected.txt`, in the order the CLI prints them.
    public var expectedLines: [String] { Self.lines(of: folder + "/expected.txt") }

    /// The raw values that must never be echoed (empty when the fixture has no `secret.txt`).
    public var secrets: [String] { Self.lines(of: folder + "/secret.txt") }

    /// Every folder of `Tests/Fixtures/<group>/`, sorted by name.
    public static func all(in group: String) -> [Fixture] {
        let base = Repository.fixtures + "/" + group
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.contains(".") }.sorted()
            .map { Fixture(name: $0, folder: base + "/" + $0) }
    }

    /// True when the rule can only be checked on the built site (a link to a page that does not
    /// exist): the content loads, and the error comes after rendering. Marked by a file
    /// `found-after-rendering.txt` in the fixture folder.
    public var isFoundAfterRendering: Bool { FileManager.default.fileExists(atPath: folder + "/found-after-rendering.txt") }

    /// Content folders that break one rule each (`Tests/Fixtures/bad-inputs/<rule>/`).
    public static var badInputs: [Fixture] { all(in: "bad-inputs") }

    /// Content folders that must load without a diagnostic (`Tests/Fixtures/good-inputs/<name>/`).
    public static var goodInputs: [Fixture] { all(in: "good-inputs") }

    private static func lines(of path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}

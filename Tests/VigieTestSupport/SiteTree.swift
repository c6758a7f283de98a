// A small content tree declared inline, written to a temp folder and built with the real templates.

import Foundation

/// A test site: `site.yaml`, case rows and notes given as strings; the repository's templates.
public struct SiteTree {
    public var files: [String: String]

    public static let header =
        "case_id,reported_on,platform,issues,company_size,region,sector,revenue_loss_pct,status,referred_on,closed_on,outcome"

    public static let siteYAML = """
        title: "Site d'essai"
        base_url: "https://essai.example.org/"
        publication_date: 2019-03-29
        disclosure_threshold: 5

        """

    public init(files: [String: String]) {
        self.files = files
    }

    /// A site whose case file holds `rows` (without the header).
    public static func withCases(_ rows: [String], extra: [String: String] = [:]) -> SiteTree {
        var files = ["site.yaml": siteYAML, "cases/cases.csv": ([header] + rows).joined(separator: "\n") + "\n"]
        files["notes/premiere-note.md"] = """
            ---
            title: "Première note"
            date: 2019-01-15
            summary: "Une note d'essai."
            tags: [essai]
            ---

            Un paragraphe.

            """
        for (path, text) in extra { files[path] = text }
        return SiteTree(files: files)
    }

    /// `count` valid cases on `platform`, reported on distinct days of November 2018.
    public static func rows(platform: String, count: Int, startingAt first: Int = 1) -> [String] {
        (0..<count).map { i in
            let day = 1 + (first + i) % 28
            let date = "2018-11-" + (day < 10 ? "0\(day)" : "\(day)")
            return "T-\(first + i),\(date),\(platform),delisting,micro,11,publishing,20,received,,,"
        }
    }

    /// Writes the tree under `folder/content` and builds it with the repository's templates into
    /// `folder/_site`, with the real `vigie` binary.
    public func build(in folder: TemporaryFolder) throws -> CommandRun {
        let content = write(into: folder)
        return try CommandRun.vigie(
            ["build", "--content", content, "--templates", Repository.templates, "--output", folder.path + "/_site"], in: folder.path)
    }

    /// Writes the tree under `folder/content` and returns that path.
    @discardableResult
    public func write(into folder: TemporaryFolder) -> String {
        for (path, text) in files { folder.write("content/" + path, text) }
        return folder.path + "/content"
    }
}

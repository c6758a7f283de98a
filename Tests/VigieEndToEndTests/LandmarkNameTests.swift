import Foundation
import Testing
import VigieTestSupport

@Suite("vigie build on the default content: landmarks")
struct LandmarkNameTests {
    /// The names of a page's labelled regions: `<section aria-labelledby>` (the text of the element
    /// it names) and `role="region"` with `aria-label` (the scroll box around each table).
    static func regionNames(in html: String) -> [String] {
        func matches(_ pattern: String) -> [[String]] {
            let regex = try! NSRegularExpression(pattern: pattern)
            let text = html as NSString
            return regex.matches(in: html, range: NSRange(location: 0, length: text.length)).map { match in
                (1..<match.numberOfRanges).map { text.substring(with: match.range(at: $0)) }
            }
        }
        let labelled = matches(#"<section[^>]* aria-labelledby="([^"]+)""#).compactMap { ids in
            matches(#"id="\#(ids[0])"[^>]*>([^<]*)<"#).first?[0]
        }
        return labelled + matches(#"role="region"[^>]* aria-label="([^"]*)""#).map { $0[0] }
    }

    @Test("no two regions of a page share a name (a screen reader lists them by name; axe landmark-unique)")
    func regionNamesAreUnique() throws {
        let folder = TemporaryFolder()
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/_site"],
            in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let platform = try #require(folder.read("_site/plateformes/amazon/index.html"))
        #expect(Self.regionNames(in: platform).count >= 8, "the platform page has its sections and tables")
        for page in ["plateformes/amazon/index.html", "plateformes/autres/index.html", "glossaire/index.html", "statistiques/index.html", "index.html"] {
            let html = try #require(folder.read("_site/" + page))
            let names = Self.regionNames(in: html)
            let repeated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(page): \(repeated)")
        }
    }
}

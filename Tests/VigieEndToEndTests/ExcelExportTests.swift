import Foundation
import Testing
import VigieTestSupport

@Suite("A spreadsheet export publishes the same site")
struct ExcelExportTests {
    /// The default case file as French Excel saves "CSV UTF-8": BOM, `;`, CRLF, columns in another
    /// order, every field quoted, decimal commas.
    static func frenchExcel(_ csv: String) -> [UInt8] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let order = Array((0..<lines[0].count).reversed())
        var out = "\u{FEFF}"
        for (index, fields) in lines.enumerated() {
            let reordered = order.map { column -> String in
                var value = fields[column]
                if index > 0 && lines[0][column] == "revenue_loss_pct" { value = value.replacingOccurrences(of: ".", with: ",") }
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            out += reordered.joined(separator: ";") + "\r\n"
        }
        return Array(out.utf8)
    }

    @Test("the default cases saved by French Excel build a byte-identical site")
    func byteIdentical() throws {
        let folder = TemporaryFolder()
        let plain = try #require(FileManager.default.contents(atPath: Repository.content + "/cases/signalements.csv"))
        let excel = Self.frenchExcel(String(decoding: plain, as: UTF8.self))
        #expect(excel.starts(with: [0xEF, 0xBB, 0xBF]))
        // A copy of the default content whose case file is the Excel export.
        try FileManager.default.copyItem(atPath: Repository.content, toPath: folder.path + "/excel")
        folder.write("excel/cases/signalements.csv", bytes: excel)

        let one = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", "plain-site"], in: folder.path)
        let two = try CommandRun.vigie(
            ["build", "--content", "excel", "--templates", Repository.templates, "--output", "excel-site"], in: folder.path)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(two.status == 0, "\(two.stderr)")
        let a = DeterminismTests.tree(folder.path + "/plain-site"), b = DeterminismTests.tree(folder.path + "/excel-site")
        #expect(a.count > 30)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
    }
}

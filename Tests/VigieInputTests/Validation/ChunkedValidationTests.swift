// A large case file is validated in chunks on all cores: the records and the diagnostics must be
// exactly those of one sequential pass, whatever falls across a cut.

import Foundation
import Testing
import VigieSupport
import VigieTestSupport

@testable import VigieInput

@Suite struct ChunkedValidationTests {
    static let config = SiteConfig(publicationDate: Day(year: 2019, month: 3, day: 29)!)

    /// Validates the files (written to a temp folder, read back from disk) in `chunks` chunks whatever
    /// their size; read whole, or in windows of `windowBytes` as the build reads them.
    static func validate(_ files: [(name: String, text: String)], chunks: Int, windowBytes: Int? = nil) -> (
        records: [CaseRecord], lines: [String], unsorted: [String]
    ) {
        let folder = TemporaryFolder("vigie-chunks")
        var validator = CaseFileValidator(config: config, parallelism: .init(chunks: chunks, minimumBytes: 0))
        var diagnostics: [Diagnostic] = []
        for file in files {
            folder.write("cases/" + file.name, file.text)
            let path = folder.path + "/cases/" + file.name
            if let windowBytes {
                validator.validate(fileAt: path, windowBytes: windowBytes, into: &diagnostics)
            } else {
                validator.validate(bytes: ContentLoader.readBytes(path)!, path: path, into: &diagnostics)
            }
        }
        let unsorted = diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        return (validator.records, diagnostics.rendered(relativeTo: folder.path), unsorted)
    }

    /// Checks `files` in 1 (the reference), 2 and 3 chunks, and read in windows of a few hundred
    /// bytes to a few kilobytes (a window shorter than a record included), in 1 and 2 chunks each;
    /// returns the sequential lines.
    static func expectSameAsSequential(_ files: [(name: String, text: String)]) -> [String] {
        let sequential = validate(files, chunks: 1)
        var variants = [2, 3].map { (chunks: $0, windowBytes: Int?.none) }
        for windowBytes in [100, 333, 1000, 4096] { variants += [(1, windowBytes), (2, windowBytes)] }
        for (chunks, windowBytes) in variants {
            let chunked = validate(files, chunks: chunks, windowBytes: windowBytes)
            let name = "\(chunks) chunks, windows of \(windowBytes.map(String.init) ?? "the whole file")"
            #expect(chunked.lines == sequential.lines, "\(name)")
            #expect(chunked.records == sequential.records, "\(name)")
            // Same order too, not only once sorted.
            #expect(chunked.unsorted == sequential.unsorted, "\(name)")
        }
        return sequential.lines
    }

    static func rows(_ count: Int, from first: Int = 1) -> [String] {
        (first..<first + count).map { SiteTree.caseRow(id: "C-\($0)") }
    }

    @Test func aQuotedFieldWithNewlinesAcrossTheNaturalCutIsNotCut() throws {
        // 40 rows, then a sector spanning 30 lines around the middle of the file, then 40 rows.
        let straddling = SiteTree.caseRow(["sector": "\"publi" + String(repeating: "\nshing", count: 30) + "\""], id: "C-41")
        let lines = [SiteTree.header] + Self.rows(40) + [straddling] + Self.rows(40, from: 42)
        let text = lines.joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        let headerEnd = SiteTree.header.utf8.count + 1
        let cuts = CaseFileSplitter.chunkStarts(bytes, from: headerEnd, line: 2, count: 2)
        // The middle of the file is inside the quoted field (lines 42 to 72): the cut goes after it, on row C-42.
        let fieldStart = text.utf8.count / 2 - 1
        #expect(cuts.count == 1)
        #expect(try #require(cuts.first).line == 73)
        #expect(try #require(cuts.first).position > fieldStart)
        #expect(String(decoding: bytes[cuts[0].position...].prefix(5), as: UTF8.self) == "C-42,")

        let output = Self.expectSameAsSequential([("cases.csv", text)])
        #expect(output.count == 1)
        #expect(output.first?.hasPrefix("cases/cases.csv:42:") == true)
        #expect(output.first?.contains("unknown sector") == true)
    }

    @Test func duplicatesAcrossChunksAndFilesNameTheFirstOccurrence() {
        var lines = [SiteTree.header] + Self.rows(100)
        lines[90] = SiteTree.caseRow(id: "C-5")  // line 91, second chunk: a duplicate of line 6
        lines[95] = SiteTree.caseRow(["platform": "amazn"], id: "C-5")  // line 96: a duplicate with another error
        lines[80] = SiteTree.caseRow(id: "C-70")  // line 81: duplicate of line 71, both in the second half
        let other = [SiteTree.header, SiteTree.caseRow(id: "C-99"), SiteTree.caseRow(id: "C-200")].joined(separator: "\n")
        let output = Self.expectSameAsSequential([("a.csv", lines.joined(separator: "\n")), ("b.csv", other)])
        #expect(
            output == [
                "cases/a.csv:81:1: error: duplicate case_id: the same identifier is already used at cases/a.csv:71; give each case its own",
                "cases/a.csv:91:1: error: duplicate case_id: the same identifier is already used at cases/a.csv:6; give each case its own",
                "cases/a.csv:96:1: error: duplicate case_id: the same identifier is already used at cases/a.csv:6; give each case its own",
                "cases/a.csv:96:16: error: unknown platform 'amazn'; did you mean 'amazon'?",
                "cases/b.csv:2:1: error: duplicate case_id: the same identifier is already used at cases/a.csv:100; give each case its own",
            ])
        #expect(Self.validate([("a.csv", lines.joined(separator: "\n"))], chunks: 2).records.count == 97)
    }

    /// 12,000 ids: enough for the registry to register them on all cores, by parts.
    @Test func duplicatesAmongManyIDsAreFoundByTheParallelRegistryToo() {
        var lines = [SiteTree.header] + Self.rows(12_000)
        lines[11_000] = SiteTree.caseRow(id: "C-17")
        lines[6_001] = SiteTree.caseRow(id: "C-6000")
        lines[11_999] = SiteTree.caseRow(id: "C-6000")
        let output = Self.expectSameAsSequential([("cases.csv", lines.joined(separator: "\n"))])
        #expect(
            output == [
                "cases/cases.csv:6002:1: error: duplicate case_id: the same identifier is already used at cases/cases.csv:6001; give each case its own",
                "cases/cases.csv:11001:1: error: duplicate case_id: the same identifier is already used at cases/cases.csv:18; give each case its own",
                "cases/cases.csv:12000:1: error: duplicate case_id: the same identifier is already used at cases/cases.csv:6001; give each case its own",
            ])
    }

    /// The registry is sized once from the first window; here that window's rows are long (a long
    /// id and a long region) and the others short, so it guesses too few ids and must still grow.
    @Test func theRegistrySizedFromTheFirstWindowStillFindsEveryDuplicate() {
        let long = (1...30_000).map { SiteTree.caseRow(["sector": "publishing"], id: "C-\($0)-" + String(repeating: "x", count: 60)) }
        var short = (30_001...90_000).map { SiteTree.caseRow(id: "C-\($0)") }
        short[100] = SiteTree.caseRow(id: "C-30001")
        short[59_999] = long[7]
        let text = ([SiteTree.header] + long + short).joined(separator: "\n")
        let sequential = Self.validate([("cases.csv", text)], chunks: 1)
        let windowed = Self.validate([("cases.csv", text)], chunks: 2, windowBytes: 2 << 20)
        #expect(windowed.lines == sequential.lines)
        #expect(windowed.records == sequential.records)
        #expect(
            windowed.lines == [
                "cases/cases.csv:30102:1: error: duplicate case_id: the same identifier is already used at cases/cases.csv:30002; give each case its own",
                "cases/cases.csv:90001:1: error: duplicate case_id: the same identifier is already used at cases/cases.csv:9; give each case its own",
            ])
    }

    @Test func errorsInEveryChunkKeepTheirExactLines() {
        var lines = [SiteTree.header] + Self.rows(60)
        lines[3] = SiteTree.caseRow(["reported_on": "2018-02-30"], id: "C-3")
        lines[20] = SiteTree.caseRow(["sector": "a\"b"], id: "C-20")  // a stray quote: the reader skips the line
        lines[40] = SiteTree.caseRow(["sector": "\"multi\r\nline\""], id: "C-40") + "\r"  // CRLF inside and after
        lines[58] = SiteTree.caseRow(["sector": "contact@exemple.fr"], id: "C-58")
        let output = Self.expectSameAsSequential([("cases.csv", lines.joined(separator: "\n") + "\n")])
        #expect(
            output.map { $0.prefix { $0 != " " } } == [
                "cases/cases.csv:4:5:", "cases/cases.csv:21:65:", "cases/cases.csv:41:64:", "cases/cases.csv:60:64:",
            ])
    }

    @Test func invalidUTF8IsReportedOnceWhicheverChunksHoldIt() {
        var lines = [SiteTree.header] + Self.rows(60)
        lines[10] = SiteTree.caseRow(["sector": "caf\u{E9}"], id: "C-10")
        lines[50] = SiteTree.caseRow(["sector": "caf\u{E9}"], id: "C-50")
        var bytes = Array(lines.joined(separator: "\n").utf8)
        // Latin-1 é instead of UTF-8: replace each C3 A9 by E9.
        var latin1: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xC3, i + 1 < bytes.count, bytes[i + 1] == 0xA9 {
                latin1.append(0xE9)
                i += 2
            } else {
                latin1.append(bytes[i])
                i += 1
            }
        }
        bytes = latin1
        let folder = TemporaryFolder("vigie-chunks")
        folder.write("cases/cases.csv", bytes: bytes)
        let path = folder.path + "/cases/cases.csv"
        var results: [[String]] = []
        for (chunks, windowBytes) in [(1, nil), (2, nil), (3, nil), (1, 300), (2, 1000)] as [(Int, Int?)] {
            var validator = CaseFileValidator(config: Self.config, parallelism: .init(chunks: chunks, minimumBytes: 0))
            var diagnostics: [Diagnostic] = []
            if let windowBytes {
                validator.validate(fileAt: path, windowBytes: windowBytes, into: &diagnostics)
            } else {
                validator.validate(bytes: ContentLoader.readBytes(path)!, path: path, into: &diagnostics)
            }
            results.append(diagnostics.rendered(relativeTo: folder.path))
            #expect(validator.records.count == 58)
        }
        #expect(results[0].count == 1)
        #expect(results[0].first?.hasPrefix("cases/cases.csv:11:") == true)
        for result in results.dropFirst() { #expect(result == results[0]) }
    }

    @Test func anUnterminatedQuoteBeforeTheCutSwallowsTheRestAsInOnePass() {
        var lines = [SiteTree.header] + Self.rows(60)
        lines[10] = SiteTree.caseRow(["sector": "\"publishing"], id: "C-10")
        let output = Self.expectSameAsSequential([("cases.csv", lines.joined(separator: "\n"))])
        #expect(output.count == 1)
        #expect(output.first?.contains("cases/cases.csv:11:") == true)
        #expect(output.first?.contains("unterminated quoted field") == true)
    }

    @Test func aStrayQuoteThatFoolsTheParityGivesTheMessagesOfOnePass() {
        // A quote inside an unquoted field (an error) flips the parity; a quoted field with line
        // breaks further on then looks like the end of a record to a window cut by parity.
        var lines = [SiteTree.header] + Self.rows(80)
        lines[12] = SiteTree.caseRow(["sector": "publ\"ishing"], id: "C-12")
        lines[40] = SiteTree.caseRow(["sector": "\"publi\nshing\nhouse\""], id: "C-40")
        lines[61] = SiteTree.caseRow(["platform": "amazn"], id: "C-61")
        let output = Self.expectSameAsSequential([("cases.csv", lines.joined(separator: "\n") + "\n")])
        #expect(output.count == 3)
        #expect(output.first?.contains("unexpected '\"' inside an unquoted field") == true)
    }

    @Test func windowsCutCRLFFilesAndQuotedLineBreaksAtRecordBoundaries() {
        var lines = [SiteTree.header] + Self.rows(120)
        for k in stride(from: 7, to: 120, by: 13) {
            lines[k] = SiteTree.caseRow(["sector": "\"publi\r\nshing, \"\"house\"\"\""], id: "C-\(k)")
        }
        lines[99] = SiteTree.caseRow(["region": "999"], id: "C-99")
        let output = Self.expectSameAsSequential([("cases.csv", lines.joined(separator: "\r\n") + "\r\n")])
        // Nine sectors that are not in the vocabulary, each on the line its row starts on (every
        // earlier two-line row shifts it by one), and the region of C-99 after eight of them.
        #expect(output.count == 10)
        #expect(output.filter { $0.contains("unknown sector") }.count == 9)
        #expect(output.first?.hasPrefix("cases/cases.csv:8:") == true)
        #expect(output.contains { $0.hasPrefix("cases/cases.csv:108:") && $0.contains("region") })
    }

    @Test func atMostAHundredErrorsPerFileWhicheverChunksFindThem() {
        // 300 rows: an unknown platform on each, a duplicate of C-1 on every tenth (330 errors).
        let rows = (1...300).map { n in SiteTree.caseRow(["platform": "amazn"], id: n % 10 == 0 ? "C-1" : "C-\(n)") }
        let lines = Self.expectSameAsSequential([("cases.csv", ([SiteTree.header] + rows).joined(separator: "\n") + "\n")])
        #expect(lines.count == 101)
        let summary = "error: … and 230 more errors in this file, not listed: only the first 100 errors of a case file are shown"
        #expect(lines.last?.hasSuffix(summary) == true)
    }
}

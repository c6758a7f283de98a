// The CSV reader on the shapes real exports take: quoting, delimiters, BOM, line endings, broken bytes.

import Testing
import VigieInput
import VigieSupport

/// Reads every record of `bytes`, returning each record's fields as `text@line:column` and the diagnostics.
private func read(_ bytes: [UInt8]) -> (records: [[String]], diagnostics: [String]) {
    var reader = CSVReader(bytes: bytes, path: "f.csv")
    var diagnostics: [Diagnostic] = []
    var records: [[String]] = []
    while let record = reader.next(diagnostics: &diagnostics) {
        records.append(
            record.fields.map { field in
                let location = reader.location(of: field)
                return "\(reader.string(field))@\(location.line):\(location.column)"
            })
    }
    return (records, diagnostics.map(\.description))
}

private func read(_ text: String) -> (records: [[String]], diagnostics: [String]) { read(Array(text.utf8)) }

@Suite struct CSVReaderTests {
    @Test func plainCommaSeparated() {
        let result = read("a,b,c\n1,2,3\n")
        #expect(result.records == [["a@1:1", "b@1:3", "c@1:5"], ["1@2:1", "2@2:3", "3@2:5"]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func quotedFieldsHoldTheDelimiterDoubledQuotesAndNewlines() {
        let result = read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n4,5,6\n")
        #expect(
            result.records == [
                ["a@1:1", "b@1:3", "c@1:5"],
                ["x, y@2:1", "say \"hi\"@2:8", "two\nlines@2:21"],
                ["4@4:1", "5@4:3", "6@4:5"],
            ])
    }

    @Test func fieldAfterAMultiLineQuotedFieldIsLocatedOnItsOwnLine() {
        let result = read("a,b,c\n\"x\ny\",2,é\n")
        #expect(result.records[1] == ["x\ny@2:1", "2@3:4", "é@3:6"])
    }

    @Test func semicolonIsDetectedFromTheHeader() {
        let result = read("a;b;\"c,d\"\n1;\"2;x\";3,5\n")
        #expect(result.records == [["a@1:1", "b@1:3", "c,d@1:5"], ["1@2:1", "2;x@2:3", "3,5@2:9"]])
    }

    @Test func commaWinsWhenTheHeaderHasNoSemicolon() {
        #expect(CSVReader(bytes: Array("a,b;c,d\n".utf8), path: "f.csv").delimiter == UInt8(ascii: ","))
        #expect(CSVReader(bytes: Array("\"a;b\",c\n".utf8), path: "f.csv").delimiter == UInt8(ascii: ","))
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstColumn() {
        let result = read([0xEF, 0xBB, 0xBF] + Array("a;b\n1;2\n".utf8))
        #expect(result.records == [["a@1:1", "b@1:3"], ["1@2:1", "2@2:3"]])
    }

    @Test func crlfLineEndingsInsideAndOutsideQuotes() {
        let result = read("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n")
        #expect(result.records == [["a@1:1", "b@1:3"], ["x\r\ny@2:1", "2@3:4"], ["3@4:1", "4@4:3"]])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func blankLinesAndAMissingFinalNewlineAreFine() {
        let result = read("a,b\n\n1,\n\r\n3,4")
        #expect(result.records == [["a@1:1", "b@1:3"], ["1@3:1", "@3:3"], ["3@5:1", "4@5:3"]])
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() {
        let result = read("a,b\n1,\"open\n2,3\n")
        #expect(result.records.count == 1)
        #expect(
            result.diagnostics == [
                "f.csv:2:3: error: unterminated quoted field: the quote opened here is never closed; close it or double the quotes inside the value"
            ])
    }

    @Test func strayQuotesAreReportedAndTheNextLineIsRead() {
        let result = read("a,b\n1,x\"y\n\"p\"q,2\n3,4\n")
        #expect(result.records == [["a@1:1", "b@1:3"], ["3@4:1", "4@4:3"]])
        #expect(
            result.diagnostics == [
                "f.csv:2:4: error: unexpected '\"' inside an unquoted field; quote the whole field and double the quote",
                "f.csv:3:4: error: unexpected character after a closing quote; a quoted field must end at the delimiter or the end of the line (write a quote inside a value as \"\")",
            ])
    }

    @Test func invalidUTF8IsReportedAtItsByte() {
        let result = read(Array("a,b\n1,caf".utf8) + [0xE9] + Array("\n3,4\n".utf8))
        #expect(result.records == [["a@1:1", "b@1:3"], ["3@3:1", "4@3:3"]])
        #expect(
            result.diagnostics == [
                "f.csv:2:6: error: invalid UTF-8 byte sequence; save the file as \"CSV UTF-8\" (Excel's plain \"CSV\" uses another encoding); later lines with invalid bytes are skipped without a message"
            ])
    }

    /// A Windows-1252 file has invalid bytes on every accented line: one message, not hundreds.
    @Test func invalidUTF8IsReportedOncePerFile() {
        let result = read(Array("a,b\n1,caf".utf8) + [0xE9] + Array("\n2,".utf8) + [0xE9, 0x74, 0xE9] + Array("\n3,4\n".utf8))
        #expect(result.records.count == 2)
        #expect(result.diagnostics.count == 1)
    }

    /// Regression: the reader used to resume at the next physical line, inside the quoted field,
    /// and report a second, spurious error there.
    @Test func invalidUTF8InAMultiLineFieldSkipsTheWholeRecord() {
        let result = read(Array("a,b\n1,\"x".utf8) + [0xFF] + Array("\ny\"\n3,4\n".utf8))
        #expect(result.records == [["a@1:1", "b@1:3"], ["3@4:1", "4@4:3"]])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.hasPrefix("f.csv:2:5: error: invalid UTF-8") == true)
    }

    /// Regression: a malformed header used to be skipped silently, making the first row the header.
    @Test func aMalformedRecordIsCountedSoAMalformedHeaderIsNoticed() {
        var reader = CSVReader(bytes: Array("a,\"b\"x\n1,2\n".utf8), path: "f.csv")
        var diagnostics: [Diagnostic] = []
        let first = reader.next(diagnostics: &diagnostics)
        #expect(first?.line == 2)
        #expect(reader.skippedRecords == 1)
    }
}

import Foundation
import Testing
import VigieTestSupport
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// /donnees/vigie.sqlite and /donnees/<table>.ods, read back by real readers: the `sqlite3` command
/// and a ZIP reader with an XML parser (checks/site_check.py reads the .ods with pandas and odfpy).
@Suite("The database and the spreadsheets of /donnees/")
struct DataFilesTests {
    /// The default site, built into `folder`/`name`; its /donnees/ folder.
    static func buildDefault(in folder: TemporaryFolder, name: String = "site") throws -> String {
        let run = try CommandRun.vigie(
            ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/" + name],
            in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        return folder.path + "/" + name + "/donnees"
    }

    /// Every CSV resource of /donnees/ by name (`cases_by_platform_totals`), header first.
    static func csvFiles(_ donnees: String) throws -> [String: [[String]]] {
        var tables: [String: [[String]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: donnees) where file.hasSuffix(".csv") {
            let text = try String(contentsOfFile: donnees + "/" + file, encoding: .utf8)
            tables[String(file.dropLast(4))] = parseCSV(text)
        }
        return tables
    }

    /// RFC 4180, LF or CRLF.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r": break
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// `sqlite3 -csv -header database sql`, parsed.
    static func sqlite(_ database: String, _ sql: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", "-csv", "-header", database, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 failed on \(sql) (is the sqlite3 command installed? scripts/setup.sh installs it)")
        return parseCSV(String(decoding: data, as: UTF8.self))
    }

    /// The same figure: equal numbers (`45.9` and `45.9`, `3` and `3.0`), the flag as 1/0, or equal text.
    static func same(csv: String, sqlite: String) -> Bool {
        if csv == sqlite { return true }
        if csv == "true" || csv == "false" { return sqlite == (csv == "true" ? "1" : "0") }
        guard let a = Double(csv), let b = Double(sqlite) else { return false }
        return a == b
    }

    @Test("every CSV is a table of vigie.sqlite with the same columns, rows and figures (read by the sqlite3 command)")
    func databaseMatchesCSV() throws {
        let folder = TemporaryFolder()
        let donnees = try Self.buildDefault(in: folder)
        let database = donnees + "/vigie.sqlite"
        let csvs = try Self.csvFiles(donnees)
        #expect(csvs.count > 20)
        let listed = try Self.sqlite(database, "SELECT name FROM tables ORDER BY name").dropFirst().map { $0[0] }
        #expect(listed == csvs.keys.sorted())
        for (name, csv) in csvs {
            let rows = try Self.sqlite(database, "SELECT * FROM \"\(name)\" ORDER BY rowid")
            #expect(rows.first == csv.first, "\(name): columns")
            #expect(rows.count == csv.count, "\(name): rows")
            for (r, (expected, got)) in zip(csv, rows).enumerated().dropFirst() {
                for (c, (a, b)) in zip(expected, got).enumerated() {
                    #expect(Self.same(csv: a, sqlite: b), "\(name) row \(r) column \(csv[0][c]): CSV \(a), SQLite \(b)")
                }
            }
            // Every column is described, in order, with a French header and a definition.
            let described = try Self.sqlite(
                database, "SELECT name, header, definition FROM columns WHERE table_name = '\(name)' ORDER BY position")
            #expect(described.dropFirst().map { $0[0] } == csv[0], "\(name): columns table")
            #expect(described.dropFirst().allSatisfy { !$0[1].isEmpty && !$0[2].isEmpty })
        }
        let labels = try Self.sqlite(database, "SELECT label FROM labels WHERE vocabulary = 'platforms' AND key = 'amazon'")
        #expect(labels.count == 2 && labels[1] == ["Amazon"])
        let threshold = try Self.sqlite(database, "SELECT value FROM metadata WHERE key = 'disclosure_threshold'")
        #expect(threshold.last == ["5"])
    }

    @Test("nothing withheld in a CSV has a value in vigie.sqlite or in the .ods: NULL, and the label the pages show")
    func withheldCellsStayWithheld() throws {
        let folder = TemporaryFolder()
        let donnees = try Self.buildDefault(in: folder)
        let database = donnees + "/vigie.sqlite"
        let markers = ["below_threshold": "< 5", "masked": "masqué", "small_group": "n. p.", "no_value": "—"]
        var withheld = 0
        for (name, csv) in try Self.csvFiles(donnees) {
            let header = csv[0]
            for column in header where column.hasSuffix("_status") {
                let value = String(column.dropLast("_status".count))
                // The database: NULL wherever the status is not `published`, and the same statuses as the CSV.
                let leaks = try Self.sqlite(
                    database, "SELECT count(*) FROM \"\(name)\" WHERE \"\(column)\" <> 'published' AND \"\(value)\" IS NOT NULL")
                #expect(leaks.last == ["0"], "\(name).\(value): a withheld cell has a value in vigie.sqlite")
                let statuses = try Self.sqlite(database, "SELECT \"\(column)\" FROM \"\(name)\" ORDER BY rowid").dropFirst().map { $0[0] }
                let c = header.firstIndex(of: column)!
                #expect(statuses == csv.dropFirst().map { $0[c] }, "\(name).\(column)")
                withheld += statuses.count { $0 != "published" }
            }
        }
        #expect(withheld > 0, "the default content withholds cells: the test must see some")

        // The spreadsheets: the sheet of each CSV holds, where the CSV's status is not `published`,
        // a text cell with the marker the pages show, never a number.
        for file in try FileManager.default.contentsOfDirectory(atPath: donnees) where file.hasSuffix(".ods") {
            let sheets = try Self.odsSheets(donnees + "/" + file)
            let table = String(file.dropLast(4))
            let csvs = try Self.csvFiles(donnees)
            for (index, resource) in [table, table + "_totals"].enumerated() {
                guard let csv = csvs[resource] else { continue }
                let sheet = sheets[index].rows
                #expect(sheet.count == csv.count, "\(file) sheet \(index + 1): rows")
                // The sheet shows the CSV's columns without the statuses and the flag.
                let shown = csv[0].indices.filter { !csv[0][$0].hasSuffix("_status") && csv[0][$0] != "suppressed" }
                for (r, row) in csv.enumerated().dropFirst() where r < sheet.count {
                    for (s, c) in shown.enumerated() {
                        // A value column is followed by its status; keys, dates and texts are not compared here.
                        guard csv[0].indices.contains(c + 1), csv[0][c + 1] == csv[0][c] + "_status" else { continue }
                        let status = row[c + 1]
                        let cell = sheet[r][s]
                        if status == "published" {
                            #expect(
                                cell.type == "float" && cell.value.flatMap(Double.init) == Double(row[c]), "\(file) \(resource) row \(r)")
                        } else {
                            #expect(cell.type == "string" && cell.value == nil, "\(file): a withheld cell is a number")
                            #expect(cell.text == markers[status], "\(file) \(resource) row \(r): \(cell.text)")
                        }
                    }
                }
            }
            #expect(sheets.last?.name == "Définitions")
        }
    }

    @Test("the .ods is an OpenDocument package: mimetype first and stored, then the manifest and the parts")
    func spreadsheetPackage() throws {
        let folder = TemporaryFolder()
        let donnees = try Self.buildDefault(in: folder)
        let bytes = try #require(FileManager.default.contents(atPath: donnees + "/cases_by_platform.ods"))
        // ODF 1.3 part 2, 3.3: the type is readable at offset 38 of the file.
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<84], as: UTF8.self) == "application/vnd.oasis.opendocument.spreadsheet")
        let archive = try Archive(data: bytes, accessMode: .read)
        #expect(archive.map(\.path) == ["mimetype", "META-INF/manifest.xml", "content.xml", "meta.xml"])
        #expect(archive["mimetype"]?.isCompressed == false)
        let sheets = try Self.odsSheets(donnees + "/cases_by_platform.ods")
        #expect(sheets.map(\.name) == ["Tableau", "Totaux", "Définitions"])
        #expect(sheets[0].rows[0].map(\.text) == ["Plateforme", "Dossiers", "Part des dossiers"])
    }

    @Test("two builds give the same vigie.sqlite and .ods, byte for byte")
    func byteIdentical() throws {
        let folder = TemporaryFolder()
        let one = try Self.buildDefault(in: folder, name: "one")
        let two = try Self.buildDefault(in: folder, name: "two")
        let files = try FileManager.default.contentsOfDirectory(atPath: one).filter { $0.hasSuffix(".ods") || $0.hasSuffix(".sqlite") }
        #expect(files.count > 10)
        for file in files {
            #expect(
                FileManager.default.contents(atPath: one + "/" + file) == FileManager.default.contents(atPath: two + "/" + file),
                "\(file) differs")
        }
    }

    /// LibreOffice (Debian's libreoffice-calc-nogui), when installed: not a dependency of the build.
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(
        "LibreOffice headless converts every .ods to CSV with the CSV's figures and the withheld cells' markers",
        .enabled(if: soffice != nil, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"))
    func libreOfficeReadsTheSpreadsheets() throws {
        let folder = TemporaryFolder()
        let donnees = try Self.buildDefault(in: folder)
        let spreadsheets = try FileManager.default.contentsOfDirectory(atPath: donnees).filter { $0.hasSuffix(".ods") }.sorted()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.soffice))
        // Comma, double quote, UTF-8, …, the last token -1: every sheet to its own file `<name>-<sheet>.csv`.
        process.arguments =
            [
                "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", folder.path + "/lo",
            ]
            + spreadsheets.map { donnees + "/" + $0 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let markers = ["below_threshold": "< 5", "masked": "masqué", "small_group": "n. p.", "no_value": "—"]
        let csvs = try Self.csvFiles(donnees)
        var compared = 0
        for file in spreadsheets {
            let table = String(file.dropLast(4))
            for (resource, sheet) in [(table, "Tableau"), (table + "_totals", "Totaux")] {
                guard let csv = csvs[resource] else { continue }
                let text = try String(contentsOfFile: folder.path + "/lo/\(table)-\(sheet).csv", encoding: .utf8)
                let rows = Self.parseCSV(text)
                #expect(rows.count == csv.count, "\(file) \(sheet): rows")
                let shown = csv[0].indices.filter { !csv[0][$0].hasSuffix("_status") && csv[0][$0] != "suppressed" }
                for (r, row) in csv.enumerated().dropFirst() where r < rows.count {
                    for (s, c) in shown.enumerated() where c + 1 < csv[0].count && csv[0][c + 1] == csv[0][c] + "_status" {
                        let got = rows[r][s]
                        if row[c + 1] == "published" {
                            #expect(Double(got) == Double(row[c]), "\(file) \(sheet) row \(r): LibreOffice \(got), CSV \(row[c])")
                        } else {
                            #expect(got == markers[row[c + 1]], "\(file) \(sheet) row \(r): \(got)")
                        }
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 100)
    }

    // MARK: Reading an .ods

    struct SheetCell {
        var type = "", value: String? = nil, text = ""
    }

    /// The sheets of an .ods: name and rows of cells (type, `office:value`, text).
    static func odsSheets(_ path: String) throws -> [(name: String, rows: [[SheetCell]])] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let entry = try #require(archive["content.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        let reader = ContentReader()
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = false
        parser.delegate = reader
        #expect(parser.parse(), "content.xml does not parse")
        return reader.sheets
    }

    final class ContentReader: NSObject, XMLParserDelegate {
        var sheets: [(name: String, rows: [[SheetCell]])] = []
        private var cell: SheetCell?

        func parser(
            _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            switch element {
            case "table:table": sheets.append((attributes["table:name"] ?? "", []))
            case "table:table-row": sheets[sheets.count - 1].rows.append([])
            case "table:table-cell": cell = SheetCell(type: attributes["office:value-type"] ?? "", value: attributes["office:value"])
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { cell?.text += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            if element == "table:table-cell", let cell {
                let s = sheets.count - 1
                sheets[s].rows[sheets[s].rows.count - 1].append(cell)
                self.cell = nil
            }
        }
    }
}

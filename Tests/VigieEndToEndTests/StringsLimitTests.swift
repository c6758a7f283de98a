// templates/strings.yaml is read by the same guarded YAML reader as the content.

import Foundation
import Testing
import VigieTestSupport

@Suite("strings.yaml within the YAML limits")
struct StringsLimitTests {
    @Test("an alias bomb in strings.yaml is an error at its line, not gigabytes of copies")
    func aliasBomb() throws {
        let folder = TemporaryFolder()
        SiteTree.withCases(SiteTree.rows(platform: "amazon", count: 6)).write(into: folder)
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/templates")
        let strings = try #require(folder.read("templates/strings.yaml"))
        // The file ends with a line end: its last "line" is empty, the first added line is `lines`.
        let lines = strings.split(separator: "\n", omittingEmptySubsequences: false).count
        var bomb = [#"rire0: &r0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]"#]
        for i in 1...8 { bomb.append("rire\(i): &r\(i) [" + Array(repeating: "*r\(i - 1)", count: 9).joined(separator: ", ") + "]") }
        folder.write("templates/strings.yaml", strings + bomb.joined(separator: "\n") + "\n")
        let run = try CommandRun.vigie(["check"], in: folder.path, timeout: 60)
        #expect(!run.timedOut)
        #expect(run.status == 1)
        #expect(
            run.stderrLines == [
                "templates/strings.yaml:\(lines + 4):13: error: invalid YAML: aliases ('*name') repeat more than 10000 values in this file; write the values out instead",
                "1 error in 1 file",
            ])
    }
}

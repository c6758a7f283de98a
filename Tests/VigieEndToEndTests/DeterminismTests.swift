import Foundation
import Testing
import VigieTestSupport

@Suite("Reproducible output")
struct DeterminismTests {
    /// Every file under `root`, by relative path.
    static func tree(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: root + "/" + relative)
            }
        }
        return files
    }

    @Test("two builds of the same input are byte-identical")
    func byteIdentical() throws {
        let folder = TemporaryFolder()
        for name in ["one", "two"] {
            let run = try CommandRun.vigie(
                ["build", "--content", Repository.content, "--templates", Repository.templates, "--output", folder.path + "/" + name],
                in: folder.path)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let one = Self.tree(folder.path + "/one"), two = Self.tree(folder.path + "/two")
        #expect(one.count > 30)
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, data) in one { #expect(two[path] == data, "\(path) differs") }
    }
}

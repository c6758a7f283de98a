// Reading a text file straight into a buffer of its size: the text and the refusals are those of
// the Foundation decoding it replaced.

import Foundation
import Testing
import VigieInput
import VigieSupport
import VigieTestSupport

@Suite struct TextFileTests {
    /// What `String(data:encoding: .utf8)` gave, the reference the reading must agree with.
    private func foundationText(_ bytes: [UInt8]) -> String? { String(data: Data(bytes), encoding: .utf8) }

    @Test(
        arguments: [
            [],
            Array("---\ntitle: Médiation\n---\nTexte « français ».\n".utf8),
            [0xEF, 0xBB, 0xBF] + Array("title: x\n".utf8),
            [0xEF, 0xBB, 0xBF],
            Array("a\u{FEFF}b".utf8),
            [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("x".utf8),
            Array("a\0b".utf8),
            // Larger than one read and than the 64 KB the reading used to go by.
            Array(String(repeating: "Délai de réponse — 72 h. ", count: 9_000).utf8),
        ])
    func textIsWhatFoundationDecoded(_ bytes: [UInt8]) {
        let folder = TemporaryFolder()
        folder.write("note.md", bytes: bytes)
        var diagnostics: [Diagnostic] = []
        let text = TextFile.contents(of: folder.path + "/note.md", into: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(text.map { Array($0.utf8) } == foundationText(bytes).map { Array($0.utf8) })
    }

    @Test(arguments: [[0x61, 0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xEF, 0xBB, 0xBF, 0xFF], [0xEF, 0xBB]] as [[UInt8]])
    func invalidUTF8IsRefusedAtTheFile(_ bytes: [UInt8]) {
        let folder = TemporaryFolder()
        folder.write("note.md", bytes: bytes)
        var diagnostics: [Diagnostic] = []
        #expect(TextFile.contents(of: folder.path + "/note.md", into: &diagnostics) == nil)
        #expect(foundationText(bytes) == nil)
        #expect(diagnostics.map(\.description) == ["\(folder.path)/note.md:1:1: error: the file is not valid UTF-8; save it as UTF-8"])
    }

    @Test func bytesAreTheFileWhateverItsSize() throws {
        let folder = TemporaryFolder()
        for size in [0, 1, 4095, 4096, 65_536, 65_537, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            folder.write("f\(size)", bytes: bytes)
            #expect(try TextFile.readBytes(folder.path + "/f\(size)").get() == bytes)
        }
    }

    /// The name without `.md`, as `NSString` and `replacingOccurrences` gave it, on the names the
    /// byte path takes and on those it leaves to Foundation.
    @Test(
        arguments: [
            "content/notes/note-00042.md", "note.md", "/abs/path/a.md", "a.md.md", "x.mdx", "é.md", "notes/.md", "notes/a.b.md",
            "md", "a.MD", "dir.md/n.md", "notes/n.md/",
        ])
    func fileStemIsFoundations(_ path: String) {
        #expect(ContentLoader.fileStem(of: path) == (path as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: ""))
    }
}

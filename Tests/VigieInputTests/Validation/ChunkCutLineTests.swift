// Each cut of a large case file carries the line a reader counts there, whatever the line ends.

import Testing
import VigieSynthetic

@testable import VigieInput

@Suite struct ChunkCutLineTests {
    /// Lines as `CSVReader` counts them: LF, CRLF and a lone CR each end one.
    private func lineEnds(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == 0x0A {
                count += 1
            } else if bytes[i] == 0x0D {
                count += 1
                if i + 1 < bytes.endIndex, bytes[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return count
    }

    @Test(arguments: 2...4)
    func everyCutStartsOnTheLineAReaderCounts(chunks: Int) {
        var generator = SeededGenerator(seed: 2018)  // the same cases on every run
        for _ in 0..<200 {
            let pieces: [[UInt8]] = [Array("abc,12".utf8), [0x0A], [0x0D, 0x0A], [0x0D], Array("x\"y\"".utf8), Array("é".utf8)]
            var bytes = Array("case_id\n".utf8)
            let start = bytes.count
            for _ in 0..<Int.random(in: 0...120, using: &generator) {
                bytes += pieces.randomElement(using: &generator)!
            }
            for cut in CaseFileSplitter.chunkStarts(bytes, from: start, line: 2, count: chunks) {
                // A cut after a CR whose LF is the cut's first byte would split a CRLF: never, a cut follows an LF.
                #expect(bytes[cut.position - 1] == 0x0A)
                #expect(cut.line == 2 + lineEnds(bytes[start..<cut.position]), "\(bytes) at \(cut.position)")
            }
        }
    }
}

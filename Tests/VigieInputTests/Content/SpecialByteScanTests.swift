// The word-at-a-time scan of unquoted fields stops at exactly the byte a byte-by-byte scan stops at.

import Testing
import VigieSynthetic

@testable import VigieInput

@Suite struct SpecialByteScanTests {
    private func naive(_ bytes: [UInt8], from start: Int, delimiter: UInt8) -> Int {
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            if c == delimiter || c == 0x0A || c == 0x0D || c == 0x22 || c >= 0x80 { return i }
            i += 1
        }
        return bytes.count
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";")])
    func stopsWhereAByteByByteScanStops(delimiter: UInt8) {
        // Ordinary bytes with, now and then, one of the bytes that end or interrupt a field, and the
        // bytes next to them (a borrow in the word trick must not flag a neighbour first).
        let alphabet =
            Array("abz09_-.|".utf8) + [0x00, 0x01, 0x0A, 0x0B, 0x0D, 0x21, 0x22, 0x23, 0x2B, 0x2C, 0x3A, 0x3B, 0x7F, 0x80, 0xC3, 0xFF]
        var generator = SeededGenerator(seed: 2018)  // the same cases on every run
        for _ in 0..<2000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0
                    ? alphabet.randomElement(using: &generator)! : UInt8(ascii: "m")
            }
            for start in 0...count {
                let fast = bytes.withUnsafeBufferPointer { CSVReader.firstSpecialByte($0, from: start, delimiter: delimiter) }
                #expect(fast == naive(bytes, from: start, delimiter: delimiter), "\(bytes) from \(start)")
            }
        }
    }
}

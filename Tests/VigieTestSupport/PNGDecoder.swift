// Test support: decodes a PNG file completely with Python's zlib (no imaging library is installed),
// so a test checks the file a browser would read, not only its header.

import Foundation

/// What decoding a PNG found.
public struct DecodedPNG: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Distinct colours of the decoded pixels (capped at 1,000): 1 would be a blank picture.
    public var colourCount: Int
}

public enum PNGDecoder {
    /// Checks the signature and every chunk's CRC, reads IHDR, inflates the IDAT stream, checks that
    /// it holds exactly one filter byte and `width × bytes per pixel` bytes per row, undoes the
    /// filters (types 0–4) and counts the colours. 8-bit greyscale, RGB, grey+alpha and RGBA, as
    /// librsvg writes; anything else is an error.
    static let script = #"""
        import struct, sys, zlib
        data = open(sys.argv[1], "rb").read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
        pos, chunks = 8, []
        while pos < len(data):
            length, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            crc, = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
            assert zlib.crc32(kind + body) & 0xffffffff == crc, "bad CRC in " + kind.decode()
            chunks.append((kind, body))
            pos += 12 + length
        assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND", "IHDR first and IEND last"
        width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
        channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        assert depth == 8 and interlace == 0, "8-bit, not interlaced"
        raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
        stride = width * channels
        assert len(raw) == height * (1 + stride), "IDAT holds %d bytes, not %d" % (len(raw), height * (1 + stride))
        previous, colours = bytearray(stride), set()
        for y in range(height):
            kind, row = raw[y * (1 + stride)], bytearray(raw[y * (1 + stride) + 1:(y + 1) * (1 + stride)])
            assert kind <= 4, "filter type %d" % kind
            for i in range(stride):
                a = row[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                if kind == 1: row[i] = (row[i] + a) & 255
                elif kind == 2: row[i] = (row[i] + b) & 255
                elif kind == 3: row[i] = (row[i] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            if len(colours) < 1000:
                colours.update(bytes(row[i:i + channels]) for i in range(0, stride, channels))
            previous = row
        print(width, height, min(len(colours), 1000))
        """#

    /// Decodes the PNG at `path` with `python3`; throws with Python's message when it is not a valid PNG.
    public static func decode(_ path: String) throws -> DecodedPNG {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errReader = PipeReader(err)
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: errReader.finish(), as: UTF8.self)
        process.waitUntilExit()
        let numbers = output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard process.terminationStatus == 0, numbers.count == 3 else { throw DecodingFailure(message: errors) }
        return DecodedPNG(width: numbers[0], height: numbers[1], colourCount: numbers[2])
    }

    public struct DecodingFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "PNG does not decode: \(message)" }
    }
}

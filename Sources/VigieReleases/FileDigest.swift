// SHA-256 of a file's bytes, as written in a stored release's manifest.

import Crypto

package enum FileDigest {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hexadecimal SHA-256 of `bytes` (64 characters).
    package static func sha256(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

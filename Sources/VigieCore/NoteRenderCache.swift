// The notes' Markdown rendered to HTML, kept on disk between builds, so that a one-shot
// `vigie build` runs cmark only on the notes whose body changed. Rendering the 10,000 notes of the
// 1 M benchmark (94 MB of Markdown) took about 1.3 s of CPU, a third of the whole build's; reading
// them back takes a few tens of milliseconds.

import Crypto
import Foundation
import VigieReleases
import VigieRendering
import VigieSupport

/// One file per content folder, in the cache folder's `notes/`, named by the SHA-256 of the content
/// folder's absolute path. Each rendering is filed under the SHA-256 of all it depends on: the
/// renderer (the running executable's size, date and inode, so any other build of Vigie misses;
/// cmark's version; this file's format), the note's path and first body line (its links are located
/// by them), the options and the Markdown. A rendering with diagnostics is not kept (the note is
/// rendered again, and its warnings said again). The file is written under a temporary name then
/// renamed, and read with every length checked against its size: the cache is an aid, never a source
/// of truth, and any failure to read or write it falls back to rendering.
///
/// Layout (integers little-endian): `VIGNOTE1`, the entry count (8 bytes), then per entry its key
/// (32 bytes), offset and length (8 bytes each), then the entries. An entry: the word count
/// (8 bytes); the headings (4-byte count; per heading its level, 4 bytes, text and anchor); the links
/// (4-byte count; per link its destination, line and column, 4 bytes each, and 1 if an image
/// else 0); the HTML. Each text is its UTF-8 length (4 bytes) then its bytes.
struct NoteRenderCache: Sendable {
    /// A SHA-256, as four words.
    struct Key: Hashable, Sendable {
        var a: UInt64, b: UInt64, c: UInt64, d: UInt64
    }

    /// The file of this content folder's notes.
    let path: String
    /// What, besides the note, decides the rendering's bytes (see the type's comment).
    let rendererIdentity: String
    /// Files of content folders kept at most in `notes/`; the least recently used go first.
    static let capacity = 16
    static let magic = Array("VIGNOTE1".utf8)

    /// Nil when the running executable cannot be told apart from another build of it.
    init?(folder: String, contentRoot: String) {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        let absoluteRoot = contentRoot.hasPrefix("/") ? contentRoot : FileManager.default.currentDirectoryPath + "/" + contentRoot
        path = folder + "/" + String(FileDigest.sha256(Array(absoluteRoot.utf8)).prefix(32)) + ".notes"
        rendererIdentity =
            "\(String(decoding: Self.magic, as: UTF8.self)) \(MarkdownRenderer.engineVersion) "
            + "\(info.st_size)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)/\(info.st_ino)"
    }

    /// The key of a rendering of `markdown` with these arguments of `MarkdownRenderer.render`.
    func key(markdown: String, path notePath: String, firstLine: Int, allowRawHTML: Bool, frenchTypography: Bool) -> Key {
        var hasher = SHA256()
        hasher.update(data: Array("\(rendererIdentity)\0\(notePath)\0\(firstLine)\0\(allowRawHTML)\0\(frenchTypography)\0".utf8))
        var markdown = markdown
        markdown.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hasher.finalize().withUnsafeBytes { digest in
            Key(
                a: digest.loadUnaligned(fromByteOffset: 0, as: UInt64.self), b: digest.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                c: digest.loadUnaligned(fromByteOffset: 16, as: UInt64.self), d: digest.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
    }

    /// The stored renderings, or nil when there is no whole file to read.
    func open() -> Stored? { Stored(path: path) }

    /// Replaces the file with these renderings (those with diagnostics left out), then removes the
    /// files of the least recently built content folders beyond `capacity`.
    func store(_ renderings: [(key: Key, markdown: RenderedMarkdown)]) {
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).part"
        if Self.write(renderings.filter { $0.markdown.diagnostics.isEmpty }, to: temporary), rename(temporary, path) == 0 {
            CacheFolder.prune(folder, suffix: ".notes", capacity: Self.capacity)
        } else {
            unlink(temporary)
        }
    }

    /// Entries are encoded one at a time into one buffer: the file of 10,000 notes is about 100 MB,
    /// which a build of 10 M cases could not also hold within its memory limit.
    private static func write(_ renderings: [(key: Key, markdown: RenderedMarkdown)], to path: String) -> Bool {
        let file = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { return false }
        defer { close(file) }
        let lengths = renderings.map { EntryCoder.length(of: $0.markdown) }
        var buffer = magic
        buffer.appendWord(UInt64(renderings.count))
        var offset = magic.count + 8 + renderings.count * 48
        for (rendering, length) in zip(renderings, lengths) {
            for word in [rendering.key.a, rendering.key.b, rendering.key.c, rendering.key.d, UInt64(offset), UInt64(length)] {
                buffer.appendWord(word)
            }
            offset += length
        }
        guard writeAll(buffer, to: file) else { return false }
        for (rendering, length) in zip(renderings, lengths) {
            buffer.removeAll(keepingCapacity: true)
            guard EntryCoder.encode(rendering.markdown, into: &buffer), buffer.count == length, writeAll(buffer, to: file) else {
                return false
            }
        }
        return true
    }

    private static func writeAll(_ bytes: [UInt8], to file: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = Foundation.write(file, buffer.baseAddress! + done, buffer.count - done)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                done += written
            }
            return true
        }
    }
}

extension NoteRenderCache {
    /// An open cache file: its index in memory, each rendering read from the file when asked for
    /// (from any thread), so the file's 100 MB are never held at once.
    final class Stored: @unchecked Sendable {
        private let file: Int32
        private let entries: [Key: (offset: Int, length: Int)]
        var count: Int { entries.count }

        fileprivate init?(path: String) {
            let file = Foundation.open(path, O_RDONLY | O_CLOEXEC)
            guard file >= 0 else { return nil }
            var info = stat()
            guard fstat(file, &info) == 0, let header = Self.read(file, offset: 0, length: NoteRenderCache.magic.count + 8),
                header.starts(with: NoteRenderCache.magic)
            else {
                close(file)
                return nil
            }
            let size = Int(info.st_size)
            let count = Int(truncatingIfNeeded: header.word(at: NoteRenderCache.magic.count))
            let indexEnd = NoteRenderCache.magic.count + 8 + count * 48
            guard count >= 0, count < 1 << 24, indexEnd <= size, let index = Self.read(file, offset: header.count, length: count * 48)
            else {
                close(file)
                return nil
            }
            var entries: [Key: (offset: Int, length: Int)] = [:]
            entries.reserveCapacity(count)
            for start in stride(from: 0, to: index.count, by: 48) {
                let key = Key(
                    a: index.word(at: start), b: index.word(at: start + 8), c: index.word(at: start + 16), d: index.word(at: start + 24))
                let offset = Int(truncatingIfNeeded: index.word(at: start + 32)),
                    length = Int(truncatingIfNeeded: index.word(at: start + 40))
                guard offset >= indexEnd, length >= 0, offset <= size - length else {
                    close(file)
                    return nil
                }
                entries[key] = (offset, length)
            }
            self.file = file
            self.entries = entries
            // Its date says when a build last used it, for `prune`.
            futimens(file, nil)
        }

        deinit { close(file) }

        /// The rendering filed under `key`, its links located in `notePath`; nil if there is none or
        /// it cannot be read whole.
        func rendering(for key: Key, path notePath: String) -> RenderedMarkdown? {
            guard let entry = entries[key], let bytes = Self.read(file, offset: entry.offset, length: entry.length) else { return nil }
            return EntryCoder.decode(bytes, path: notePath)
        }

        private static func read(_ file: Int32, offset: Int, length: Int) -> [UInt8]? {
            let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
                var done = 0
                while done < length {
                    let got = pread(file, buffer.baseAddress! + done, length - done, off_t(offset + done))
                    if got < 0, errno == EINTR { continue }
                    guard got > 0 else { break }
                    done += got
                }
                initialized = done
            }
            return bytes.count == length ? bytes : nil
        }
    }

    /// One rendering's bytes in the file (see the type's comment for the layout).
    enum EntryCoder {
        static func length(of markdown: RenderedMarkdown) -> Int {
            var length = 8 + 4 + 4 + 4 + markdown.html.utf8.count
            for heading in markdown.headings { length += 4 + 4 + heading.text.utf8.count + 4 + heading.anchor.utf8.count }
            for link in markdown.links { length += 4 + link.destination.utf8.count + 4 + 4 + 1 }
            return length
        }

        /// False when a number does not fit its field (such a note is never that long).
        static func encode(_ markdown: RenderedMarkdown, into bytes: inout [UInt8]) -> Bool {
            var fits = true
            func append32(_ value: Int) {
                fits = fits && value >= 0 && value <= Int(UInt32.max)
                withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes.append(contentsOf: $0) }
            }
            func append(_ text: String) {
                append32(text.utf8.count)
                bytes.append(contentsOf: text.utf8)
            }
            bytes.appendWord(UInt64(max(0, markdown.wordCount)))
            append32(markdown.headings.count)
            for heading in markdown.headings {
                append32(heading.level)
                append(heading.text)
                append(heading.anchor)
            }
            append32(markdown.links.count)
            for link in markdown.links {
                append(link.destination)
                append32(link.location.line)
                append32(link.location.column)
                bytes.append(link.isImage ? 1 : 0)
            }
            append(markdown.html)
            return fits
        }

        static func decode(_ bytes: [UInt8], path: String) -> RenderedMarkdown? {
            bytes.withUnsafeBufferPointer { buffer -> RenderedMarkdown? in
                var reader = Reader(bytes: buffer)
                guard let wordCount = reader.word(), let headingCount = reader.int32() else { return nil }
                var headings: [RenderedMarkdown.Heading] = []
                headings.reserveCapacity(headingCount)
                for _ in 0..<headingCount {
                    guard let level = reader.int32(), let text = reader.text(), let anchor = reader.text() else { return nil }
                    headings.append(.init(level: level, text: text, anchor: anchor))
                }
                guard let linkCount = reader.int32() else { return nil }
                var links: [MarkdownLink] = []
                links.reserveCapacity(linkCount)
                for _ in 0..<linkCount {
                    guard let destination = reader.text(), let line = reader.int32(), let column = reader.int32(),
                        let image = reader.byte(),
                        image <= 1
                    else { return nil }
                    links.append(
                        MarkdownLink(
                            destination: destination, location: SourceLocation(path: path, line: line, column: column), isImage: image == 1)
                    )
                }
                guard let html = reader.text(), reader.isAtEnd, wordCount <= UInt64(Int.max) else { return nil }
                return RenderedMarkdown(html: html, headings: headings, wordCount: Int(wordCount), diagnostics: [], links: links)
            }
        }

        /// Reads fields in order; nil once one runs past the end.
        private struct Reader {
            let bytes: UnsafeBufferPointer<UInt8>
            var position = 0
            var isAtEnd: Bool { position == bytes.count }

            mutating func byte() -> UInt8? {
                guard position < bytes.count else { return nil }
                defer { position += 1 }
                return bytes[position]
            }

            mutating func int32() -> Int? {
                guard bytes.count - position >= 4 else { return nil }
                defer { position += 4 }
                return Int(UInt32(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            }

            mutating func word() -> UInt64? {
                guard bytes.count - position >= 8 else { return nil }
                defer { position += 8 }
                return UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: position, as: UInt64.self))
            }

            mutating func text() -> String? {
                guard let length = int32(), bytes.count - position >= length else { return nil }
                defer { position += length }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self)
            }
        }
    }
}

extension [UInt8] {
    fileprivate mutating func appendWord(_ word: UInt64) {
        Swift.withUnsafeBytes(of: word.littleEndian) { append(contentsOf: $0) }
    }

    fileprivate func word(at offset: Int) -> UInt64 {
        withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }
}

// Reading a hand-edited text file (site.yaml, milestones.yaml, a note, strings.yaml): every way it
// cannot be read is a located error, never a silent gap in the site.

import Foundation
import VigieSupport

/// Reads the text files a publisher or maintainer edits, as UTF-8, within a size limit.
///
/// `FileManager.contents(atPath:)` gave nil for a folder, a file without read permission and an
/// unreadable link alike, and callers took nil for "no file": a `site.yaml` that was a folder built
/// "0 pages" with exit 0, and a note without read permission vanished from the site. A link to
/// `/dev/zero` was read until memory ran out. Here only a path with nothing at it is "missing";
/// anything else that is not a readable regular file is an error at the path.
public enum TextFile {
    /// The largest file read: ten times the largest note of the 10,000-note benchmark (76 MB) would
    /// still be under 1 MB, and a `site.yaml` or `strings.yaml` is a few kilobytes. Stated in the README.
    public static let sizeLimit = 10 << 20

    /// The file's text, or nil. A missing file is reported with `missingMessage` (nothing when nil: an
    /// optional file); a file that cannot be read, is too large or is not UTF-8 is always reported.
    public static func contents(of path: String, missingMessage: String? = nil, into diagnostics: inout [Diagnostic]) -> String? {
        let bytes: [UInt8]
        switch readBytes(path) {
        case .success(let read):
            bytes = read
        case .failure(.missing):
            if let missingMessage { diagnostics.append(.error(missingMessage, at: .wholeFile(path))) }
            return nil
        case .failure(let failure):
            diagnostics.append(.error(failure.message, at: .wholeFile(path)))
            return nil
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(.error("the file is in UTF-16; save it as UTF-8", at: SourceLocation(path: path)))
            return nil
        }
        // A UTF-8 byte order mark is dropped, as `String(data:encoding:)` did; the bytes are then
        // validated and copied once (that initialiser copied them into `Data` first, then went
        // through Foundation). With `readBytes` below, reading 10,000 notes took 0.13 → 0.10 CPU s.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let text = String(validating: bytes[start...], as: UTF8.self) else {
            diagnostics.append(.error("the file is not valid UTF-8; save it as UTF-8", at: SourceLocation(path: path)))
            return nil
        }
        return text
    }

    /// Why a file could not be read.
    public enum Failure: Error, Equatable {
        case missing
        case danglingLink
        case folder
        case notRegularFile
        case permissionDenied
        case unreadable
        case tooLarge

        var message: String {
            switch self {
            case .missing: "the file is missing"
            case .danglingLink: "the file is a link to a file that does not exist"
            case .folder: "expected a file, found a folder"
            case .notRegularFile: "expected a regular file, found a device, a pipe or a socket; put the file itself here"
            case .permissionDenied: "cannot read the file: permission denied"
            case .unreadable: "cannot read the file"
            case .tooLarge: "the file is larger than \(TextFile.sizeLimit >> 20) MB, the most Vigie reads from a text file"
            }
        }
    }

    /// The bytes of a regular file of at most `sizeLimit` bytes.
    public static func readBytes(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor: Int32, size: Int
        switch openRegularFile(path) {
        case .success(let opened): (descriptor, size) = opened
        case .failure(let failure): return .failure(failure)
        }
        defer { close(descriptor) }
        // Read to the end rather than trusting the size: a file may grow while it is read. Straight
        // into a buffer of the size `fstat` gave, and one byte more to see the end at once, rather
        // than through a 64 KB buffer zeroed for each file and appended from.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 64 << 10))) }
            let n = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failure(.unreadable) }
            if n == 0 {
                bytes.removeLast(bytes.count - filled)
                return .success(bytes)
            }
            filled += n
            if filled > sizeLimit { return .failure(.tooLarge) }
        }
    }

    /// An open descriptor on a regular file and its size, to be closed by the caller. Opened without
    /// blocking, so that a named pipe does not wait for a writer; a link is followed, and judged by
    /// what it points to. `limit` refuses a larger file before any byte is read.
    static func openRegularFile(_ path: String, limit: Int = sizeLimit) -> Result<(descriptor: Int32, size: Int), Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: return .failure(somethingIsAt(path) ? .danglingLink : .missing)
            case EACCES, EPERM: return .failure(.permissionDenied)
            default: return .failure(.unreadable)
            }
        }
        var status = stat()
        let failure: Failure?
        if fstat(descriptor, &status) != 0 {
            failure = .unreadable
        } else {
            switch status.st_mode & S_IFMT {
            case S_IFREG: failure = Int(status.st_size) > limit ? .tooLarge : nil
            case S_IFDIR: failure = .folder
            default: failure = .notRegularFile
            }
        }
        if let failure {
            close(descriptor)
            return .failure(failure)
        }
        return .success((descriptor, Int(status.st_size)))
    }

    /// True when something, a dangling link included, is at `path`.
    private static func somethingIsAt(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }
}

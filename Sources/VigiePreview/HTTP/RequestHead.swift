// Reads the head of one HTTP request (request line and headers) within a fixed size, so that no
// request, however long, costs the preview more than a few kilobytes and microseconds.

/// The request line of a request whose head was read whole: what the preview needs of it.
struct RequestHead: Equatable {
    /// At most this many bytes are read before the blank line that ends the head (the request
    /// line and every header). Browsers send well under 2 KB to a local preview; Vigie's longest URL
    /// is under 200 bytes. FlyingFox's HTTP server read a request line without a bound and in
    /// quadratic time (each byte compared the whole line read so far): two 300 KB request lines froze
    /// `vigie serve` for about 90 s, a 1 MB one for minutes.
    static let limit = 8 << 10

    var method: String
    /// The request target as sent (`/notes/x/?a=b`), percent-encoded.
    var target: String

    /// What reading a head gave.
    enum Outcome: Equatable {
        case request(RequestHead)
        /// No end of the request line within `limit`: answered 414 URI Too Long.
        case requestLineTooLong
        /// The request line ended, the headers did not within `limit`: answered 431.
        case headTooLong
        /// Not an HTTP/1 request line (`GET /path HTTP/1.1`): answered 400.
        case malformed
    }

    /// Reads the head in `buffer`, the bytes received so far: the outcome, or nil when it is not
    /// complete yet and more bytes may come. Only the first `limit` bytes are ever looked at.
    static func read(_ buffer: [UInt8]) -> Outcome? {
        let window = buffer.prefix(limit)
        guard let end = endOfHead(window) else {
            guard buffer.count >= limit else { return nil }
            return window.contains(UInt8(ascii: "\n")) ? .headTooLong : .requestLineTooLong
        }
        let lineEnd = window[..<end].firstIndex(of: UInt8(ascii: "\n")) ?? end
        var line = window[..<lineEnd]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].starts(with: Array("HTTP/1.".utf8)),
            let method = String(validating: parts[0], as: UTF8.self),
            let target = String(validating: parts[1], as: UTF8.self)
        else { return .malformed }
        return .request(RequestHead(method: method, target: target))
    }

    /// The offset of the blank line that ends a head (`\r\n\r\n`, or `\n\n` from a lenient client).
    private static func endOfHead(_ bytes: ArraySlice<UInt8>) -> Int? {
        var previousLineFeed: Int?
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if let previous = previousLineFeed,
                index == previous + 1 || (index == previous + 2 && bytes[previous + 1] == UInt8(ascii: "\r"))
            {
                return previous + 1
            }
            previousLineFeed = index
        }
        return nil
    }
}

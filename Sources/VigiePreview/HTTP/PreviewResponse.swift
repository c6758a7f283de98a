// One answer of the preview server, written as HTTP/1.1 bytes.

import Foundation

/// A status, headers and a body; every answer closes its connection (`Connection: close`), so
/// each request is read afresh within `RequestHead.limit`.
struct PreviewResponse {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var body = Data()

    static let reasons = [
        200: "OK", 301: "Moved Permanently", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
        414: "URI Too Long", 431: "Request Header Fields Too Large", 503: "Service Unavailable",
    ]

    /// A short plain-text answer (errors).
    static func text(_ status: Int, _ message: String) -> PreviewResponse {
        PreviewResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data((message + "\n").utf8))
    }

    /// The bytes sent: status line, headers, `Content-Length`, and the body unless the request was HEAD.
    func encoded(includingBody: Bool = true) -> Data {
        var head = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Status")\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var data = Data(head.utf8)
        if includingBody { data.append(body) }
        return data
    }
}

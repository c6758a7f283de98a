// The preview's request head reader: complete heads, heads still arriving, and heads past the limit.

import Testing

@testable import VigiePreview

@Suite("Request head")
struct RequestHeadTests {
    @Test(
        "a whole head gives its method and target; a partial one asks for more",
        arguments: [
            (
                "GET /notes/x/?a=b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                RequestHead.Outcome.request(.init(method: "GET", target: "/notes/x/?a=b"))
            ),
            ("HEAD / HTTP/1.0\n\n", .request(.init(method: "HEAD", target: "/"))),
            ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n", nil),
            ("GET /", nil),
            ("GET / SMTP\r\n\r\n", .malformed),
            ("GET  HTTP/1.1\r\n\r\n", .malformed),
        ])
    func heads(text: String, outcome: RequestHead.Outcome?) {
        #expect(RequestHead.read(Array(text.utf8)) == outcome)
    }

    @Test("past the limit: 414 without the end of the request line, 431 without the end of the headers")
    func limits() {
        let line = Array("GET /".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: RequestHead.limit)
        #expect(RequestHead.read(line) == .requestLineTooLong)
        let headers = Array("GET / HTTP/1.1\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: RequestHead.limit)
        #expect(RequestHead.read(headers) == .headTooLong)
        let justUnder =
            Array("GET / HTTP/1.1\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: RequestHead.limit - 20) + Array("\r\n\r\n".utf8)
        #expect(RequestHead.read(justUnder) == .request(.init(method: "GET", target: "/")))
    }
}

// The preview's HTTP/1.1 server on 127.0.0.1: one request per connection, its head read within
// `RequestHead.limit`, answered from the last good build by `PreviewHandler`.

import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Accepts connections on FlyingSocks' non-blocking sockets and answers each in a task of its own.
///
/// Why not FlyingFox's `HTTPServer`: it reads the request line without a bound, comparing the end
/// of the line read so far after every byte (the whole line each time: quadratic), and offers no
/// setting to cap it; one 1 MB request line kept the preview busy for minutes. The preview needs
/// only GET and HEAD of files, so a bounded head reader and a fixed answer are all there is here.
struct PreviewHTTPServer: Sendable {
    let handler: PreviewHandler
    let socket: Socket
    /// The port bound (the one asked for, or the free one picked for 0).
    let port: UInt16
    /// How long a client may take to send its head (a connection that sends nothing holds a task).
    static let headTimeout: Duration = .seconds(10)

    /// Listens on 127.0.0.1:`port` (0 picks a free port); throws when the port cannot be had.
    init(handler: PreviewHandler, port: UInt16) throws {
        self.handler = handler
        socket = try Socket(domain: AF_INET)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
        try socket.listen()
        if case .ip4(_, let bound) = try socket.sockname() { self.port = bound } else { self.port = port }
    }

    /// Serves until the task is cancelled, then closes the listening socket.
    func run() async throws {
        defer { try? socket.close() }
        let pool = SocketPool<Poll>.make()
        try await pool.prepare()
        let listener = try AsyncSocket(socket: socket, pool: pool)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    for try await client in listener.sockets {
                        connections.addTask { await self.serve(client) }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Reads one request head (at most `RequestHead.limit` bytes), answers it and closes.
    func serve(_ client: AsyncSocket) async {
        defer { try? client.close() }
        let outcome = await withTaskGroup(of: RequestHead.Outcome?.self) { group in
            group.addTask { await Self.readHead(from: client) }
            group.addTask {
                try? await Task.sleep(for: Self.headTimeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        let response: PreviewResponse
        var isHead = false
        switch outcome {
        case .request(let request)?:
            response = handler.respond(to: request)
            isHead = request.method == "HEAD"
        case .requestLineTooLong?: response = .text(414, "request line longer than \(RequestHead.limit) bytes")
        case .headTooLong?: response = .text(431, "request head longer than \(RequestHead.limit) bytes")
        case .malformed?: response = .text(400, "not an HTTP/1.1 request")
        case nil: return
        }
        try? await client.write(response.encoded(includingBody: !isHead))
        // Said, then closed for writing: a client still sending a refused head reads the answer
        // instead of a reset (the rest of its bytes are dropped with the socket).
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
    }

    /// The head's outcome once complete or past the limit; nil when the client went away first.
    static func readHead(from client: AsyncSocket) async -> RequestHead.Outcome? {
        var buffer: [UInt8] = []
        while true {
            guard let chunk = try? await client.read(atMost: RequestHead.limit - buffer.count + 1), !chunk.isEmpty else {
                return nil
            }
            buffer += chunk
            if let outcome = RequestHead.read(buffer) { return outcome }
        }
    }
}

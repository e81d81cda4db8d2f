import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for `check --external`: plain
/// sockets, so that it can also reset a connection or never answer, which
/// a real server stack will not do on purpose. Each connection gets one
/// answer and is closed. Every request line is recorded.
final class TestHTTPServer: @unchecked Sendable {
    enum Reply {
        case status(Int, headers: [String: String] = [:])
        /// A JSON body.
        case json(String)
        /// Closes the connection with a TCP reset, before any answer.
        case reset
        /// Reads the request and never answers (until the server stops).
        case silent
    }

    let port: UInt16
    private let listener: Int32
    private let reply: @Sendable (_ method: String, _ path: String) -> Reply
    private let lock = NSLock()
    private var log: [String] = []
    private var held: [Int32] = []
    private var stopped = false

    init(reply: @escaping @Sendable (_ method: String, _ path: String) -> Reply) throws {
        self.reply = reply
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request so far, as `METHOD /path`, in order of arrival.
    var requests: [String] { lock.withLock { log } }

    func stop() {
        lock.withLock {
            stopped = true
            for connection in held { close(connection) }
            held = []
        }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            if lock.withLock({ stopped }) {
                close(connection)
                return
            }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.containsHeaderEnd() {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else {
                close(connection)
                return
            }
            request += buffer[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2 else {
            close(connection)
            return
        }
        let method = String(line[0]), path = String(line[1])
        lock.withLock { log.append("\(method) \(path)") }
        switch reply(method, path) {
        case .status(let status, let headers):
            var text = "HTTP/1.1 \(status) Status\r\nContent-Length: 0\r\nConnection: close\r\n"
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
            text += "\r\n"
            _ = text.utf8CString.withUnsafeBufferPointer { write(connection, $0.baseAddress, $0.count - 1) }
            close(connection)
        case .json(let body):
            let text =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
                + body
            _ = text.utf8CString.withUnsafeBufferPointer { write(connection, $0.baseAddress, $0.count - 1) }
            close(connection)
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            close(connection)
        case .silent:
            let keep = lock.withLock { () -> Bool in
                if stopped { return false }
                held.append(connection)
                return true
            }
            if !keep { close(connection) }
        }
    }
}

extension [UInt8] {
    fileprivate func containsHeaderEnd() -> Bool {
        count >= 4 && (0...(count - 4)).contains { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
}

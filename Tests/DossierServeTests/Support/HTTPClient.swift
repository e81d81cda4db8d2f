import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny HTTP/1.1 client over a real loopback socket that sends the path
/// exactly as given (URLSession and curl would tidy `..` away), for tests.
struct HTTPClient: Sendable {
    let port: Int

    struct Reply: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// One request on its own connection (`Connection: close`), made on a
    /// Dispatch thread: blocking a test's thread would starve the server.
    func request(_ path: String, method: String = "GET") async throws -> Reply {
        try await offload { try blockingRequest(path, method: method) }
    }

    private func blockingRequest(_ path: String, method: String) throws -> Reply {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = Data()
        while let chunk = try receive(socket, timeout: 10) { data.append(chunk) }
        return try parse(data)
    }

    /// What the server sends back for bytes written as they are (a malformed
    /// or oversized request): the status of the first response, or nil when
    /// the connection closed without one. The server may close before it has
    /// read everything, so a failed send is not an error; a server that
    /// neither answers nor closes within `timeout` is.
    func raw(_ bytes: [UInt8], timeout: Double = 10) async throws -> (status: Int?, reply: Data) {
        try await offload { try blockingRaw(bytes, timeout: timeout) }
    }

    /// `raw` for many requests at once, each on its own thread: that many
    /// blocking calls on Dispatch's pool would starve the server's tasks,
    /// which share it.
    func rawAtOnce(_ requests: [[UInt8]], timeout: Double = 20) async -> [Result<Int?, Failure>] {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var values: [Result<Int?, Failure>?]
            var left: Int
            var done: CheckedContinuation<[Result<Int?, Failure>], Never>?
            init(count: Int) {
                values = Array(repeating: nil, count: count)
                left = count
            }
        }
        let results = Results(count: requests.count)
        return await withCheckedContinuation { continuation in
            results.done = continuation
            for (index, bytes) in requests.enumerated() {
                let thread = Thread {
                    let result: Result<Int?, Failure>
                    do {
                        result = .success(try blockingRaw(bytes, timeout: timeout).status)
                    } catch {
                        result = .failure(error as? Failure ?? Failure(description: "\(error)"))
                    }
                    results.lock.lock()
                    results.values[index] = result
                    results.left -= 1
                    let finished = results.left == 0 ? results.done : nil
                    results.lock.unlock()
                    finished?.resume(returning: results.values.map { $0! })
                }
                thread.start()
            }
        }
    }

    private func blockingRaw(_ bytes: [UInt8], timeout: Double) throws -> (status: Int?, reply: Data) {
        let socket = try connect()
        defer { close(socket) }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { break }  // closed by the server: read what it said
            sent += n
        }
        shutdown(socket, Int32(SHUT_WR))
        var data = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "no answer and no close within \(timeout) s") }
            var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(max(1, left * 1000))) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = recv(socket, &buffer, buffer.count, 0)
            if n <= 0 { break }  // closed (or reset, after an early close)
            data.append(contentsOf: buffer[..<n])
        }
        let line = data.firstRange(of: Data("\r\n".utf8)).map { String(decoding: data[..<$0.lowerBound], as: UTF8.self) }
        let parts = line?.split(separator: " ") ?? []
        let status = parts.count >= 2 && parts[0].hasPrefix("HTTP/") ? Int(parts[1]) : nil
        return (status, data)
    }

    /// Opens `/_dossier/events` and returns the socket, once the stream has
    /// started (its `retry:` line has arrived).
    func openEvents() async throws -> EventStream {
        let socket = try connect()
        try send(socket, "GET /_dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let stream = EventStream(socket: socket)
        _ = try await stream.waitFor("retry:", timeout: 10)
        return stream
    }

    /// The read side of a Server-Sent Events response (used by one task).
    final class EventStream: @unchecked Sendable {
        let socket: Int32
        private(set) var received = ""

        init(socket: Int32) {
            self.socket = socket
        }

        deinit { close(socket) }

        /// Reads until the text received after the call contains `needle`.
        func waitFor(_ needle: String, timeout: Double) async throws -> String {
            try await offload { try self.blockingWaitFor(needle, timeout: timeout) }
        }

        private func blockingWaitFor(_ needle: String, timeout: Double) throws -> String {
            let start = received.endIndex
            let deadline = Date().addingTimeInterval(timeout)
            while !received[start...].contains(needle) {
                let left = deadline.timeIntervalSinceNow
                guard left > 0 else { throw Failure(description: "no '\(needle)' in the event stream: \(received)") }
                guard let chunk = try HTTPClient.receive(socket, timeout: left) else {
                    throw Failure(description: "event stream closed")
                }
                received += String(decoding: chunk, as: UTF8.self)
            }
            return String(received[start...])
        }

        /// True when the server closed the stream within `timeout`.
        func closes(within timeout: Double) async -> Bool {
            await offload { self.blockingCloses(within: timeout) }
        }

        private func blockingCloses(within timeout: Double) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while deadline.timeIntervalSinceNow > 0 {
                guard let chunk = try? HTTPClient.receive(socket, timeout: deadline.timeIntervalSinceNow) else { return true }
                received += String(decoding: chunk, as: UTF8.self)
            }
            return false
        }
    }

    private func connect() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "connect to port \(port): errno \(errno)")
        }
        return socket
    }

    private func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += n
        }
    }

    /// The next bytes, or nil at the end of the stream.
    static func receive(_ socket: Int32, timeout: Double) throws -> Data? {
        var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, Int32(max(1, timeout * 1000))) > 0 else { throw Failure(description: "timed out reading") }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = recv(socket, &buffer, buffer.count, 0)
        guard n >= 0 else { throw Failure(description: "recv: errno \(errno)") }
        return n == 0 ? nil : Data(buffer[..<n])
    }

    private func receive(_ socket: Int32, timeout: Double) throws -> Data? {
        try Self.receive(socket, timeout: timeout)
    }

    private func parse(_ data: Data) throws -> Reply {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no header end") }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = head.first?.split(separator: " ") ?? []
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try Self.unchunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    private static func unchunk(_ data: Data) throws -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { throw Failure(description: "bad chunk") }
            if size == 0 { break }
            let start = lineEnd.upperBound
            result.append(rest[start..<start + size])
            rest = rest[(start + size + 2)...]
        }
        return result
    }
}

/// Runs blocking socket work on a Dispatch thread.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}

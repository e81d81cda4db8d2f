import Foundation

/// Keeps rendered files in memory, by path, from every core at once.
final class MemorySink: PageSink, @unchecked Sendable {
    let files = Mutex<[String: Data]>([:])

    func write(_ path: String, _ contents: String) {
        let data = Data(contents.utf8)
        files.withLock { $0[path] = data }
    }

    func write(_ path: String, bytes: [UInt8]) {
        let data = Data(bytes)
        files.withLock { $0[path] = data }
    }
}

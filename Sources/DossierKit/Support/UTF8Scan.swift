extension String {
    /// Whether any UTF-8 byte of the text passes `test`, read straight from
    /// the string's storage: about twice as fast as `utf8.contains(where:)`,
    /// which steps through `String.UTF8View` indices. Every value escaped for
    /// HTML, JSON, CSV or SVG is scanned this way first, and most need
    /// nothing.
    @inline(__always)
    func containsUTF8(where test: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: test) }) { return found }
        return utf8.contains(where: test)
    }
}

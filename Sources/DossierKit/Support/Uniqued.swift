extension Array where Element: Hashable {
    /// The elements without repeats, first occurrences in order. Short
    /// lists (an event's actors, a page's sources) are compared in place
    /// rather than hashed; long ones go through a set, so the cost stays
    /// linear whatever a file holds.
    func uniqued() -> [Element] {
        guard count > 8 else {
            var result: [Element] = []
            result.reserveCapacity(count)
            for element in self where !result.contains(element) { result.append(element) }
            return result
        }
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// "Did you mean": the closest candidate by edit distance, when it is close
/// enough to be a plausible typo.
enum Suggestions {
    /// The candidate nearest to `word`, or nil when none is within a third of
    /// the word's length (at least 2 edits allowed).
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(2, word.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            if candidate.hasPrefix(word) || word.hasPrefix(candidate), min(word.count, candidate.count) >= 3 {
                let distance = abs(candidate.count - word.count)
                if best.map({ (distance, candidate) < ($0.distance, $0.candidate) }) ?? true {
                    best = (distance, candidate)
                }
                continue
            }
            let distance = editDistance(word, candidate, limit: limit)
            guard distance <= limit else { continue }
            if best.map({ (distance, candidate) < ($0.distance, $0.candidate) }) ?? true {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance over Unicode scalars; stops early past `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Gives headings their `id`s: lower-case text reduced to `a-z`, `0-9` and
/// `-`; a repeated id gets `-2`, `-3`, ...; ids the theme uses on the page are
/// taken already, so a heading never clashes with a theme section.
struct HeadingIDs {
    private var taken: Set<String>
    /// The number to try next for each base, so a thousand headings with
    /// the same text cost a thousand steps, not half a million.
    private var nextNumber: [String: Int] = [:]

    init(reserved: Set<String>) {
        taken = reserved
    }

    /// The next id for a heading with this text.
    mutating func next(for text: String) -> String {
        let made = Slug.make(from: text)
        let base = made.isEmpty ? "section" : made
        var candidate = base
        var number = nextNumber[base] ?? 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        nextNumber[base] = number
        taken.insert(candidate)
        return candidate
    }
}

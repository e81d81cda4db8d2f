/// A test input with its expected positions marked in place: `1️⃣`, `2️⃣`, ...
/// stand just before the spot a diagnostic must point at, as in
/// `[X](1️⃣actor:x)`. The markers are removed from `text`.
struct Marked {
    /// The input without markers.
    let text: String
    /// Marker number → 1-based (line, column), columns in Unicode scalars.
    let positions: [Int: (line: Int, column: Int)]

    private static let markers: [(number: Int, marker: String)] = (1...9).map { ($0, "\($0)\u{FE0F}\u{20E3}") }

    init(_ marked: String) {
        var text = ""
        var positions: [Int: (line: Int, column: Int)] = [:]
        var line = 1, column = 1
        var rest = Substring(marked)
        outer: while !rest.isEmpty {
            for (number, marker) in Self.markers where rest.hasPrefix(marker) {
                positions[number] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            let character = rest.removeFirst()
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        self.positions = positions
    }
}

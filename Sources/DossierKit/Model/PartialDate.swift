/// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, keeping the precision
/// the author wrote: `2021-07` is shown as a month ("July 2021"), never as a day.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How much of the date was written.
    public enum Precision: String, Sendable { case year, month, day }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    /// Parses the three forms; nil for anything else or an impossible day.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts[0].count == 4, let year = Int(parts[0]), parts[0].allSatisfy(\.isASCIIDigit), year >= 1
        else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), let m = Int(parts[1]), (1...12).contains(m)
            else { return nil }
            month = m
        }
        if parts.count == 3, let month {
            guard parts[2].count == 2, parts[2].allSatisfy(\.isASCIIDigit), let d = Int(parts[2]),
                (1...Self.daysIn(month: month, year: year)).contains(d)
            else { return nil }
            day = d
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date known to the year, month or day (no check: for values already read).
    init(year: Int, month: Int?, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date as written: `2021`, `2021-07` or `2021-07-18`.
    public var description: String {
        var text = Self.padded(year, 4)
        if let month { text += "-" + Self.padded(month, 2) }
        if let day { text += "-" + Self.padded(day, 2) }
        return text
    }

    /// Earlier first; at the same start a coarser date sorts first
    /// (`2021` before `2021-07` before `2021-07-18`).
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// Whether `self` can end a span starting at `start`: not before it at
    /// the precision both share (`2021-07` may end a span starting `2021-07-18`).
    public func isNotBefore(_ start: PartialDate) -> Bool {
        if year != start.year { return year > start.year }
        guard let month, let startMonth = start.month else { return true }
        if month != startMonth { return month > startMonth }
        guard let day, let startDay = start.day else { return true }
        return day >= startDay
    }

    /// `7` → `07`: zero-padded without Foundation's formatter (a hot path).
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Character {
    /// `0` to `9` only: `Int("+7")` parses, but `+7` is not a month.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

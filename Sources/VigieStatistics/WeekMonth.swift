// The month of the `cases_by_month` table: whole ISO weeks, each in the month of its Thursday.

import VigieInput

/// A calendar month made of whole ISO weeks: a week belongs to the month that holds its Thursday,
/// as a week belongs to the ISO year that holds its Thursday. Each month has 4 or 5 weeks, and its
/// count is exactly the sum of its weeks' counts in `cases_by_week`, so the two tables add up and
/// disclosure control sees one equation per month (`CountRelations`), not an overlap of days.
/// The price: a month may start up to three days before the 1st or end up to three days after its
/// last day, which its label and the table's definition say.
public struct WeekMonth: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month of `week`: the month of its Thursday.
    public init(containing week: ISOWeek) {
        let (year, month, _) = week.monday.adding(days: 3).components
        self.init(year: year, month: month)
    }

    /// Parses the published key, `2019-01`.
    public init?(key: some StringProtocol) {
        let parts = key.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
            (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `2019-01`
    public var description: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))" }

    /// The first week: the one whose Thursday is the first Thursday of the month.
    public var firstWeek: ISOWeek {
        let first = Day(year: year, month: month, day: 1)!
        return first.adding(days: (4 - first.isoWeekday + 7) % 7).isoWeek
    }

    /// The last week: the one whose Thursday is the last Thursday of the month.
    public var lastWeek: ISOWeek {
        let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        return last.adding(days: -((last.isoWeekday - 4 + 7) % 7)).isoWeek
    }

    /// The Monday that starts the month's first week.
    public var firstDay: Day { firstWeek.monday }

    /// The Sunday that ends the month's last week.
    public var lastDay: Day { lastWeek.monday.adding(days: 6) }

    public static func < (lhs: WeekMonth, rhs: WeekMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

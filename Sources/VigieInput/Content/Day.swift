// A calendar date without time or zone: what every date in the input and output is.

/// A civil date, stored as days since 1970-01-01 so that comparisons and differences are integer operations.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Builds a date from its parts; returns nil for an impossible date (2019-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.daysSinceEpoch = Day.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let day = Day(isoBytes: bytes[...]) else { return nil }
        self = day
    }

    /// Parses exactly `YYYY-MM-DD` from raw bytes (the CSV reader's hot path).
    public init?(isoBytes b: ArraySlice<UInt8>) {
        guard let day = b.withUnsafeBufferPointer({ Day(isoBytes: $0) }) else { return nil }
        self = day
    }

    /// Parses exactly `YYYY-MM-DD` from a buffer: validation's hot path, where a slice of the file's
    /// bytes retained their storage, shared by the cores, once per date (9 % of the samples at 1 M rows).
    init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10 else { return nil }
        let s = 0
        guard b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-") else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                let c = b[s + i]
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        Day.civilFromDays(daysSinceEpoch)
    }

    /// `2018-11-30`
    public var iso: String {
        let (y, m, d) = components
        return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))"
    }

    public var description: String { iso }

    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        ((daysSinceEpoch % 7 + 7 + 3) % 7) + 1
    }

    /// The ISO 8601 week this day belongs to.
    public var isoWeek: ISOWeek {
        let thursday = Day(daysSinceEpoch: daysSinceEpoch - isoWeekday + 4)
        let year = thursday.components.year
        let firstOfYear = Day(year: year, month: 1, day: 1)!
        let week = (thursday.daysSinceEpoch - firstOfYear.daysSinceEpoch) / 7 + 1
        return ISOWeek(year: year, week: week)
    }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

    public static func - (lhs: Day, rhs: Day) -> Int { lhs.daysSinceEpoch - rhs.daysSinceEpoch }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// An ISO 8601 week, published as `2018-W44`.
public struct ISOWeek: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// Parses the published key, `2018-W44`.
    public init?(key: some StringProtocol) {
        let parts = key.split(separator: "-W")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let week = Int(parts[1]), (1...53).contains(week)
        else { return nil }
        self.init(year: year, week: week)
    }

    public var description: String { "\(year)-W\(Day.pad(week, 2))" }

    /// The Monday that starts this week.
    public var monday: Day {
        let jan4 = Day(year: year, month: 1, day: 4)!
        let firstMonday = jan4.adding(days: 1 - jan4.isoWeekday)
        return firstMonday.adding(days: (week - 1) * 7)
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}

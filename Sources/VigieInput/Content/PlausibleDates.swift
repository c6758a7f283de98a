// The dates Vigie accepts: a typo in a year is an error at its cell, not a build that runs for hours.

/// The window every date that sizes the statistics must fall in.
///
/// The weekly table has one row per ISO week from the first case to the publication date, and its
/// disclosure control grows faster than the weeks: one case dated `0019-01-10` (for 2019) made
/// `vigie check` run for minutes, `publication_date: 9999-12-31` took over a minute and 1.1 GB.
/// With the default content and one case moved back (debug build): 2 years before the publication
/// 1.7 s, 4 years 12 s, 7 years 64 s. Both limits are stated in the README.
public enum PlausibleDates {
    /// `publication_date` and `next_publication`: this century.
    public static let publication: ClosedRange<Day> = Day(year: 2000, month: 1, day: 1)!...Day(year: 2099, month: 12, day: 31)!

    /// A case's dates go back at most this many years before the publication date.
    public static let caseYears = 5

    /// The earliest date a case may carry: the same day `caseYears` years before the publication
    /// (29 February gives 28 February).
    public static func earliestCaseDay(publishedOn publication: Day) -> Day {
        let (year, month, day) = publication.components
        return Day(year: year - caseYears, month: month, day: min(day, Day.daysIn(month: month, year: year - caseYears)))!
    }
}

// The stored releases a build shows besides the current publication: the calendar, the frozen
// pages, "what changed" and the revisions announced for each release.

import VigieDisclosure
import VigieInput
import VigieStatistics

/// The stored releases up to the current publication, and what today's data revises in each.
public struct ReleaseHistory: Sendable {
    /// Stored releases dated on or before the publication date, oldest first.
    public var releases: [StoredRelease]
    /// The publication date of this build.
    public var publicationDate: Day
    /// For each release dated before the publication date, the counts it published that today's
    /// data gives differently for its date (`Revision.list`), in table and row order.
    public var revisions: [Day: [Revision]]

    public init(releases: [StoredRelease] = [], publicationDate: Day, revisions: [Day: [Revision]] = [:]) {
        self.releases = releases
        self.publicationDate = publicationDate
        self.revisions = revisions
    }

    /// The latest release before the current publication: the base of "what changed".
    public var previous: StoredRelease? { releases.last { $0.date < publicationDate } }

    /// True when the current publication is itself stored, so its dated permalink exists.
    public var isCurrentReleased: Bool { releases.contains { $0.date == publicationDate } }

    /// True when the current publication is stored and holds `table`, so the table's dated permalink
    /// exists (a table added after the release was made has none).
    public func isCurrentReleased(holding table: TableID) -> Bool {
        releases.contains { $0.date == publicationDate && $0.statistics.tables[table] != nil }
    }

    /// True when the current publication is stored and its `table` has `column` (a column added after
    /// the release was made, like cases_by_platform's `share`, has no dated permalink).
    public func isCurrentReleased(holding table: TableID, column: String) -> Bool {
        releases.contains { $0.date == publicationDate && $0.statistics.tables[table]?.columnIndex(column) != nil }
    }

    /// The release before `release`, if any.
    public func release(before release: StoredRelease) -> StoredRelease? { releases.last { $0.date < release.date } }
}

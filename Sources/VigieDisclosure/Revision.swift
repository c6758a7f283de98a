// A figure of a stored release that today's data gives differently for the same date: announced, never silent.

import VigieInput
import VigieStatistics

/// One revised figure: the count a stored release published, and what the data now gives for that date.
public struct Revision: Sendable, Hashable {
    /// The date of the stored release whose figure is revised.
    public var release: Day
    public var table: TableID
    /// The row's keys, e.g. `["amazon"]`.
    public var keys: [String]
    public var column: String
    /// The value the release published.
    public var published: Int
    /// The value today's data gives for the release's date, or nil when it is a small count (1 to k−1)
    /// and so cannot be shown, or when it is masked: the revision is then announced without its new value.
    public var revised: Int?
    /// Announced without its value although it is 0 or at least k: shown, it would give away a small
    /// revised count of the same release (a revised total less the other revised parts).
    public var isMasked: Bool

    public init(release: Day, table: TableID, keys: [String], column: String, published: Int, revised: Int?, isMasked: Bool = false) {
        self.release = release
        self.table = table
        self.keys = keys
        self.column = column
        self.published = published
        self.revised = revised
        self.isMasked = isMasked
    }

    /// What the reader learns of a revised count.
    package enum Value: Hashable {
        /// The new value, shown.
        case shown(Int)
        /// "Not publishable": a small count, 1 to k−1.
        case small
        /// Masked: any value from 0.
        case masked
    }

    package var value: Value {
        if let revised { return .shown(revised) }
        return isMasked ? .masked : .small
    }

    /// `revisions` with every shown value masked in each table of a release where a revision is
    /// small: shown beside a small one, the others (and the counts not revised) would give it away
    /// through the table's totals. The audit checks every release's revisions with the rest
    /// (`ReaderKnowledge`); `maskingAll` masks every shown value, its fallback.
    public static func protected(_ revisions: [Revision], maskingAll: Bool = false) -> [Revision] {
        struct Table: Hashable {
            var release: Day
            var id: TableID
        }
        let withSmall = Set(revisions.filter { $0.value == .small }.map { Table(release: $0.release, id: $0.table) })
        return revisions.map { revision in
            guard revision.revised != nil, maskingAll || withSmall.contains(Table(release: revision.release, id: revision.table)) else {
                return revision
            }
            var masked = revision
            masked.revised = nil
            masked.isMasked = true
            return masked
        }
    }

    /// The revisions of `release`: every count it published that `recomputed` (today's data as of the
    /// release's date) gives differently, in table and row order.
    public static func list(of release: ProtectedStatistics, recomputed: Statistics) -> [Revision] {
        var revisions: [Revision] = []
        for id in TableID.allCases {
            guard let frozen = release.tables[id], let now = recomputed.tables[id] else { continue }
            let rowsNow = now.rowIndexByKeys()
            for r in frozen.rows.indices {
                let keys = frozen.keys(ofRow: r)
                for c in frozen.columns.indices where frozen.columns[c].kind == .count {
                    guard let published = frozen.rows[r][c].count else { continue }
                    var current = 0
                    if let row = rowsNow[keys], let column = now.columnIndex(frozen.columns[c].name) {
                        current = now.rows[row][column].count ?? 0
                    }
                    guard current != published else { continue }
                    let shown = current == 0 || current >= release.threshold ? current : nil
                    revisions.append(
                        Revision(
                            release: release.asOf, table: id, keys: keys, column: frozen.columns[c].name, published: published,
                            revised: shown))
                }
            }
        }
        return revisions
    }

    /// `revisions` by publication (the index of its release in `releases`) and cell of its tables,
    /// with what the reader learns of each, as the reader's model takes them (`ReaderKnowledge`).
    static func cells(_ revisions: [Revision], in releases: [ProtectedStatistics]) -> [Int: [CellAddress: Value]] {
        var cells: [Int: [CellAddress: Value]] = [:]
        let index = Dictionary(releases.enumerated().map { ($1.asOf, $0) }, uniquingKeysWith: { first, _ in first })
        for revision in revisions {
            guard let p = index[revision.release], let table = releases[p].tables[revision.table],
                let row = table.rowIndex(keys: revision.keys), let column = table.columnIndex(revision.column)
            else { continue }
            cells[p, default: [:]][CellAddress(table: revision.table, row: row, column: column)] = revision.value
        }
        return cells
    }
}

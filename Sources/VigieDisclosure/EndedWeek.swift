// What a reader assumes of the weeks across editions: a week (or a month of weeks) that had ended
// before an edition was published does not change afterwards. Used by the heuristic, the audit and the audit-driven completion.

import VigieStatistics

enum EndedWeek {
    /// The last week an edition's tables show (the week of its publication date), e.g. `2019-W05`.
    static func last(in tables: [TableID: StatTable]) -> String? {
        guard case let .key(week)? = tables[.casesByWeek]?.rows.last?.first else { return nil }
        return week
    }

    /// True when row `keys` of table `id` is a week, or a month of whole weeks whose last week, came
    /// before `lastWeek`, the last week an earlier edition showed: that edition was published after
    /// the week (or the month) ended.
    static func isEnded(_ id: TableID, keys: [String], before lastWeek: String?) -> Bool {
        guard let lastWeek else { return false }
        switch id {
        case .casesByWeek: return keys.first.map { $0 < lastWeek } ?? false
        case .casesByMonth: return keys.count == 3 && keys[2] < lastWeek
        default: return false
        }
    }
}

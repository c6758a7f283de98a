// What a reader assumes of the weeks across editions: a week that had ended before an edition was
// published does not change afterwards. Used by the heuristic, the audit and the audit-driven completion.

enum EndedWeek {
    /// The last week an edition's tables show (the week of its publication date), e.g. `2019-W05`.
    static func last(in tables: [TableID: StatTable]) -> String? {
        guard case let .key(week)? = tables[.casesByWeek]?.rows.last?.first else { return nil }
        return week
    }

    /// True when row `keys` of table `id` is a week that came before `lastWeek`, the last week an
    /// earlier edition showed: that edition was published after the week ended.
    static func isEnded(_ id: TableID, keys: [String], before lastWeek: String?) -> Bool {
        guard id == .casesByWeek, let week = keys.first, let lastWeek else { return false }
        return week < lastWeek
    }
}

// The one order of every ranked display (bars, tables, cards, grids): largest value first, so a
// list that looks ranked is ranked. The published CSV and JSON keep the tables' key order.

import Foundation
import VigieStatistics

/// Orders the categories of a ranked display.
///
/// 1. Published values, largest first; ties by label, then key.
/// 2. Categories with no value to rank by (withheld as « < 5 », « masqué », « n. p. », or empty),
///    by label: ranking them by a hidden value would reveal something of it.
/// 3. The catch-all categories (`other`, `unspecified`), by label, whatever their value: « Autres
///    plateformes » gathers many small ones, and ranking it among single platforms misleads.
/// 4. The `total` row, last.
enum RankedOrder {
    static let residualKeys: Set<String> = ["other", "unspecified"]

    /// `items` in ranked order; `key`, `label` and `value` read each item.
    static func sorted<Item>(
        _ items: [Item], key: (Item) -> String, label: (Item) -> String, value: (Item) -> Double?
    ) -> [Item] {
        let decorated = items.map { item -> (item: Item, group: Int, value: Double, label: String, key: String) in
            let key = key(item)
            let value = value(item)
            let group: Int
            if key == "total" {
                group = 3
            } else if residualKeys.contains(key) {
                group = 2
            } else {
                group = value == nil ? 1 : 0
            }
            let folded = label(item).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return (item, group, value ?? 0, folded, key)
        }
        return decorated.sorted { a, b in
            if a.group != b.group { return a.group < b.group }
            if a.group == 0, a.value != b.value { return a.value > b.value }
            if a.label != b.label { return a.label < b.label }
            return a.key < b.key
        }.map(\.item)
    }

    /// The value of a cell to rank by: a published count or measure; nil when withheld or empty.
    static func value(of cell: TableCell) -> Double? {
        switch cell {
        case let .count(value): return Double(value)
        case let .measure(value, _): return value
        default: return nil
        }
    }
}

extension TableID {
    /// The column a table's HTML view and chart are ranked by, or nil when its rows keep their own
    /// order: company sizes (an ordered scale), weeks, case paths and funnel stages (time), days to each stage
    /// (per platform: platforms in the order of cases_by_platform, `SiteRenderer.tableModel`),
    /// commitments (by deadline). platform_issue is a grid ranked on both axes (`TableModel.pivot`).
    var rankingColumn: String? {
        switch self {
        case .casesByPlatform, .casesByIssue, .casesByRegion, .casesBySector, .casesByOutcome: return "cases"
        case .resolutionByPlatform: return "share_resolved"
        case .revenueLossByPlatform: return "median"
        case .casesBySize, .casesByWeek, .casesByMonth, .casePaths, .mediationFunnel, .daysToStage, .daysToStageByPlatform,
            .platformIssue, .commitments:
            return nil
        }
    }
}

// The delays of one group of cases (all of them, or one platform's), counted by number of days.

/// One `DayHistogram` per `DelayStage`, for the medians and quartiles of days_to_stage and
/// days_to_stage_by_platform.
struct DelayHistograms {
    private var histograms = Array(repeating: DayHistogram(), count: DelayStage.allCases.count)

    mutating func add(_ days: Int, to stage: DelayStage) { histograms[stage.index].add(days) }

    /// The delays of all the groups together (all cases, from the platforms' histograms).
    static func merged(_ groups: [DelayHistograms]) -> DelayHistograms {
        var all = DelayHistograms()
        for group in groups {
            for i in all.histograms.indices { all.histograms[i].add(group.histograms[i]) }
        }
        return all
    }

    /// The cases with this delay, then its median, first and third quartiles (`.empty` without cases),
    /// in the order of the tables' columns `cases, median_days, q1_days, q3_days`.
    func cells(_ stage: DelayStage) -> [TableCell] {
        let histogram = histograms[stage.index]
        let quantiles = [0.5, 0.25, 0.75].map { p in histogram.quantile(p).map { TableCell.measure($0, decimals: 1) } ?? .empty }
        return [.count(histogram.count)] + quantiles
    }

    /// The value columns of a delay table, after its key columns.
    static let columns: [TableColumn] = [
        TableColumn("cases", .count), TableColumn("median_days", .measure(unit: "days")),
        TableColumn("q1_days", .measure(unit: "days")), TableColumn("q3_days", .measure(unit: "days")),
        TableColumn("suppressed", .suppressedFlag),
    ]
}

// Compute stage: aggregates the validated cases into every table of the SPEC in one pass.

import VigieInput
import VigieSupport

/// Computes the SPEC's tables. Pure: the same cases and configuration give the same tables.
public enum StatisticsCalculator {
    /// - Parameter asOf: count the cases, referrals and closures known on this date (the publication
    ///   date for this publication, an earlier one for "what changed").
    public static func compute(cases: [CaseRecord], config: SiteConfig, asOf: Day) -> Statistics {
        var accumulator = StatisticsAccumulator(config: config, dates: [asOf])
        accumulator.add(cases)
        return accumulator.statistics()[0]
    }
}

/// The statistics of cases streamed in batch by batch (a `CaseRecordSink`), as of several dates at
/// once: the publication's and each stored release's, for its revisions. It keeps counts, day
/// histograms and the distinct revenue losses, never the cases: its memory grows with the
/// vocabularies, the weeks, the delays' days and the distinct loss values, not with the rows.
public struct StatisticsAccumulator: CaseRecordSink, Sendable {
    public let dates: [Day]
    private var accumulators: [Accumulator]
    /// The first day any case was reported, whatever the date: the weeks start from its week.
    private var firstDay: Day?

    public init(config: SiteConfig, dates: [Day]) {
        self.dates = dates
        accumulators = dates.map { _ in Accumulator(config: config) }
    }

    public mutating func add(_ records: [CaseRecord]) {
        if let earliest = records.lazy.map(\.reportedOn).min(), firstDay.map({ earliest < $0 }) ?? true { firstDay = earliest }
        // Independent counts per date, one per core; a lone date stays on this thread.
        accumulators = ParallelMap.map(Array(zip(dates, accumulators))) { date, accumulator in
            var accumulator = accumulator
            for record in records where record.reportedOn <= date { accumulator.add(record, asOf: date) }
            return accumulator
        }
    }

    /// The tables as of each date, in the order of `dates`.
    public func statistics() -> [Statistics] {
        zip(dates, accumulators).map { date, accumulator in accumulator.statistics(asOf: date, firstWeek: firstDay?.isoWeek) }
    }
}

/// Running counts for one pass over the cases; memory grows with the number of distinct keys, not rows.
struct Accumulator: Sendable {
    let config: SiteConfig
    var total = 0
    var byPlatform: [Int]
    var byIssue: [Int]
    var bySize: [Int]
    var byRegion: [Int]
    var bySector: [Int]
    var byOutcome: [Int]
    var closedWithoutOutcome = 0
    /// Cases by ISO week: `weekCounts[i]` for the week `weekBase + i`, weeks numbered from the one
    /// of 1970-01-05 (a Monday) — an array index per case rather than the week's year and number
    /// (`isoWeek`'s calendar arithmetic) or a hashed key.
    var weekCounts: [Int] = []
    var weekBase = 0
    var platformIssue: [[Int]]
    var referred = 0
    var closed = 0
    var resolved = 0
    /// Cases by `CasePath`, in its order.
    var byPath = Array(repeating: 0, count: CasePath.allCases.count)
    var closedByPlatform: [Int]
    var resolvedByPlatform: [Int]
    /// Each platform's declared losses, counted by value: the quartiles need every value, but there are
    /// few distinct ones (a percentage written with a decimal or two), however many cases.
    var lossByPlatform: [[Double: Int]]
    /// How many cases took each number of days for each delay, per platform (all cases: their sum, made
    /// once at the end rather than counted again per case): the medians come from these counts instead
    /// of sorting a million durations (sorting was 9 % of a 1 M-case build's samples).
    var delaysByPlatform: [DelayHistograms]

    init(config: SiteConfig) {
        self.config = config
        let p = config.platforms.count, i = config.issues.count
        byPlatform = Array(repeating: 0, count: p)
        byIssue = Array(repeating: 0, count: i)
        bySize = Array(repeating: 0, count: CompanySize.allCases.count)
        byRegion = Array(repeating: 0, count: config.regions.count)
        bySector = Array(repeating: 0, count: config.sectors.count)
        byOutcome = Array(repeating: 0, count: config.outcomes.count)
        platformIssue = Array(repeating: Array(repeating: 0, count: i), count: p)
        closedByPlatform = Array(repeating: 0, count: p)
        resolvedByPlatform = Array(repeating: 0, count: p)
        lossByPlatform = Array(repeating: [:], count: p)
        delaysByPlatform = Array(repeating: DelayHistograms(), count: p)
    }

    mutating func add(_ record: CaseRecord, asOf: Day) {
        total += 1
        byPlatform[record.platform] += 1
        var issues = record.issues
        while issues != 0 {
            let issue = issues.trailingZeroBitCount
            byIssue[issue] += 1
            platformIssue[record.platform][issue] += 1
            issues &= issues - 1
        }
        bySize[CompanySize.allCases.firstIndex(of: record.size)!] += 1
        byRegion[record.region] += 1
        bySector[record.sector] += 1
        countWeek(ofMonday: record.reportedOn.daysSinceEpoch - record.reportedOn.isoWeekday + 1)
        // `+ 0` makes a "-0" the same value as 0.
        if let loss = record.revenueLossPercent { lossByPlatform[record.platform][loss + 0, default: 0] += 1 }
        byPath[CasePath.of(record, asOf: asOf).index] += 1
        for stage in DelayStage.allCases {
            guard let days = stage.days(of: record, asOf: asOf) else { continue }
            delaysByPlatform[record.platform].add(days, to: stage)
        }
        if let referredOn = record.referredOn, referredOn <= asOf { referred += 1 }
        if let closedOn = record.closedOn, closedOn <= asOf {
            closed += 1
            closedByPlatform[record.platform] += 1
            if record.status == .resolved {
                resolved += 1
                resolvedByPlatform[record.platform] += 1
            }
            if let outcome = record.outcome { byOutcome[outcome] += 1 } else { closedWithoutOutcome += 1 }
        }
    }

    /// Week number of a Monday (days since 1970), counted from the Monday 1970-01-05 (day 4).
    private static func weekNumber(ofMonday monday: Int) -> Int { (monday - 4) / 7 }

    private mutating func countWeek(ofMonday monday: Int) {
        let week = Self.weekNumber(ofMonday: monday)
        if weekCounts.isEmpty { weekBase = week }
        if week < weekBase {
            weekCounts.insert(contentsOf: repeatElement(0, count: weekBase - week), at: 0)
            weekBase = week
        }
        if week - weekBase >= weekCounts.count { weekCounts += repeatElement(0, count: week - weekBase - weekCounts.count + 1) }
        weekCounts[week - weekBase] += 1
    }

    private func cases(inWeekOfMonday monday: Int) -> Int {
        let index = Self.weekNumber(ofMonday: monday) - weekBase
        return weekCounts.indices.contains(index) ? weekCounts[index] : 0
    }

    /// Months of whole ISO weeks (`WeekMonth`), each the sum of its rows of `weeks`: from the month of
    /// the first week to the last month ended by `asOf`, with zeros. A month's key columns name its
    /// first and last weeks, the same in every release whatever the data.
    ///
    /// The month still running is left out: published now and again once complete, the difference
    /// would count the few cases of its last days, and protecting that difference cost the default
    /// content its grand total (every table's `total` masked, measured on the 2019-03-29 release).
    static func monthTable(weeks: StatTable, asOf: Day) -> StatTable {
        var table = StatTable(
            id: .casesByMonth,
            columns: [
                TableColumn("month", .key(vocabulary: nil)), TableColumn("first_week", .key(vocabulary: nil)),
                TableColumn("last_week", .key(vocabulary: nil)), TableColumn("cases", .count),
                TableColumn("suppressed", .suppressedFlag),
            ])
        for row in weeks.rows {
            guard case let .key(key) = row[0], let week = ISOWeek(key: key), let count = row[1].count else { continue }
            let month = WeekMonth(containing: week)
            guard month.lastDay <= asOf else { break }
            if case .key(month.description)? = table.rows.last?.first {
                table.rows[table.rows.count - 1][3] = .count(table.rows[table.rows.count - 1][3].count! + count)
            } else {
                table.rows.append([
                    .key(month.description), .key(month.firstWeek.description), .key(month.lastWeek.description), .count(count),
                    .flag(false),
                ])
            }
        }
        return table
    }

    func statistics(asOf: Day, firstWeek: ISOWeek?) -> Statistics {
        var tables: [TableID: StatTable] = [:]
        func countTable(
            _ id: TableID, keyName: String, vocabulary: String?, keys: [String], counts: [Int], total: Int, extra: [(String, Int)] = []
        ) -> StatTable {
            var table = StatTable(
                id: id,
                columns: [
                    TableColumn(keyName, .key(vocabulary: vocabulary)), TableColumn("cases", .count),
                    TableColumn("suppressed", .suppressedFlag),
                ])
            for (key, count) in zip(keys, counts) { table.rows.append([.key(key), .count(count), .flag(false)]) }
            for (key, count) in extra { table.rows.append([.key(key), .count(count), .flag(false)]) }
            table.rows.append([.key("total"), .count(total), .flag(false)])
            return table
        }
        tables[.casesByPlatform] = countTable(
            .casesByPlatform, keyName: "platform", vocabulary: "platforms", keys: config.platforms.keys, counts: byPlatform, total: total
        ).addingShareOfCases()
        tables[.casesByIssue] = countTable(
            .casesByIssue, keyName: "issue", vocabulary: "issues", keys: config.issues.keys, counts: byIssue, total: total)
        tables[.casesBySize] = countTable(
            .casesBySize, keyName: "company_size", vocabulary: "sizes", keys: CompanySize.allCases.map(\.rawValue), counts: bySize,
            total: total)
        tables[.casesByRegion] = countTable(
            .casesByRegion, keyName: "region", vocabulary: "regions", keys: config.regions.keys, counts: byRegion, total: total)
        tables[.casesBySector] = countTable(
            .casesBySector, keyName: "sector", vocabulary: "sectors", keys: config.sectors.keys, counts: bySector, total: total)
        tables[.casesByOutcome] = countTable(
            .casesByOutcome, keyName: "outcome", vocabulary: "outcomes", keys: config.outcomes.keys, counts: byOutcome, total: closed,
            extra: closedWithoutOutcome > 0 ? [("unspecified", closedWithoutOutcome)] : [])

        // Weeks: every ISO week from the first case to the publication date, with zeros.
        var weekTable = StatTable(
            id: .casesByWeek,
            columns: [
                TableColumn("week", .key(vocabulary: nil)), TableColumn("cases", .count), TableColumn("suppressed", .suppressedFlag),
                TableColumn("cumulative", .count),
            ])
        if let firstWeek {
            var monday = firstWeek.monday
            let lastWeek = asOf.isoWeek
            var cumulative = 0
            while monday.isoWeek <= lastWeek {
                let week = monday.isoWeek
                let count = cases(inWeekOfMonday: monday.daysSinceEpoch)
                cumulative += count
                weekTable.rows.append([.key(week.description), .count(count), .flag(false), .count(cumulative)])
                monday = monday.adding(days: 7)
            }
        }
        tables[.casesByWeek] = weekTable
        tables[.casesByMonth] = Self.monthTable(weeks: weekTable, asOf: asOf)

        var pi = StatTable(
            id: .platformIssue,
            columns: [
                TableColumn("platform", .key(vocabulary: "platforms")), TableColumn("issue", .key(vocabulary: "issues")),
                TableColumn("cases", .count), TableColumn("suppressed", .suppressedFlag),
            ])
        for (p, platform) in config.platforms.keys.enumerated() {
            for (i, issue) in config.issues.keys.enumerated() {
                pi.rows.append([.key(platform), .key(issue), .count(platformIssue[p][i]), .flag(false)])
            }
        }
        for (i, issue) in config.issues.keys.enumerated() {
            pi.rows.append([.key("total"), .key(issue), .count(byIssue[i]), .flag(false)])
        }
        tables[.platformIssue] = pi

        var paths = StatTable(
            id: .casePaths,
            columns: [
                TableColumn("path", .key(vocabulary: "paths")), TableColumn("cases", .count), TableColumn("suppressed", .suppressedFlag),
            ])
        for path in CasePath.allCases { paths.rows.append([.key(path.rawValue), .count(byPath[path.index]), .flag(false)]) }
        paths.rows.append([.key("total"), .count(total), .flag(false)])
        tables[.casePaths] = paths

        var funnel = StatTable(
            id: .mediationFunnel,
            columns: [
                TableColumn("stage", .key(vocabulary: "stages")), TableColumn("cases", .count), TableColumn("suppressed", .suppressedFlag),
            ])
        for (stage, count) in [("reported", total), ("referred", referred), ("closed", closed), ("resolved", resolved)] {
            funnel.rows.append([.key(stage), .count(count), .flag(false)])
        }
        tables[.mediationFunnel] = funnel

        var resolution = StatTable(
            id: .resolutionByPlatform,
            columns: [
                TableColumn("platform", .key(vocabulary: "platforms")), TableColumn("closed", .count), TableColumn("resolved", .count),
                TableColumn("share_resolved", .measure(unit: "share")), TableColumn("suppressed", .suppressedFlag),
            ])
        func share(_ resolved: Int, _ closed: Int) -> TableCell {
            closed == 0 ? .empty : .measure(Double(resolved) / Double(closed), decimals: 3)
        }
        for (p, platform) in config.platforms.keys.enumerated() {
            resolution.rows.append([
                .key(platform), .count(closedByPlatform[p]), .count(resolvedByPlatform[p]),
                share(resolvedByPlatform[p], closedByPlatform[p]), .flag(false),
            ])
        }
        resolution.rows.append([.key("total"), .count(closed), .count(resolved), share(resolved, closed), .flag(false)])
        tables[.resolutionByPlatform] = resolution

        var loss = StatTable(
            id: .revenueLossByPlatform,
            columns: [
                TableColumn("platform", .key(vocabulary: "platforms")), TableColumn("cases", .count),
                TableColumn("median", .measure(unit: "percent")), TableColumn("q1", .measure(unit: "percent")),
                TableColumn("q3", .measure(unit: "percent")), TableColumn("suppressed", .suppressedFlag),
            ])
        func lossRow(_ key: String, _ lists: [[Double: Int]]) -> [TableCell] {
            let quantiles = PercentQuantiles(lists)
            let cells = quantiles.values(at: [0.5, 0.25, 0.75]).map { $0.map { TableCell.measure($0, decimals: 1) } ?? .empty }
            return [.key(key), .count(quantiles.count)] + cells + [.flag(false)]
        }
        for (p, platform) in config.platforms.keys.enumerated() { loss.rows.append(lossRow(platform, [lossByPlatform[p]])) }
        loss.rows.append(lossRow("total", lossByPlatform))
        tables[.revenueLossByPlatform] = loss

        var days = StatTable(id: .daysToStage, columns: [TableColumn("stage", .key(vocabulary: "delays"))] + DelayHistograms.columns)
        let delays = DelayHistograms.merged(delaysByPlatform)
        for stage in DelayStage.allCases { days.rows.append([.key(stage.rawValue)] + delays.cells(stage) + [.flag(false)]) }
        tables[.daysToStage] = days

        // Every platform × delay, so that each delay's cases add up to days_to_stage's over the platforms.
        var daysByPlatform = StatTable(
            id: .daysToStageByPlatform,
            columns: [TableColumn("platform", .key(vocabulary: "platforms")), TableColumn("stage", .key(vocabulary: "delays"))]
                + DelayHistograms.columns)
        for (p, platform) in config.platforms.keys.enumerated() {
            for stage in DelayStage.allCases {
                daysByPlatform.rows.append([.key(platform), .key(stage.rawValue)] + delaysByPlatform[p].cells(stage) + [.flag(false)])
            }
        }
        tables[.daysToStageByPlatform] = daysByPlatform

        return Statistics(asOf: asOf, tables: tables, caseCount: total)
    }
}

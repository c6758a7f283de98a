// The home page: headline figures with their date and change, the trend, progress and the latest notes.

import VigieInput
import VigieMustache
import VigieStatistics

extension SiteRenderer {
    package func renderHome() -> OutputFile {
        let folder = paths.prefix
        let root = Self.root(for: folder)
        var headlines: [[String: Any]] = []
        func headline(_ value: String, _ key: String, change: String?, anchor: String) {
            headlines.append([
                "value": value,
                "label": strings.text("home.headline.\(key)"),
                "meaning": strings.text("home.headline.\(key)_meaning"),
                "change": change ?? "",
                "has_change": change != nil,
                "href": root + paths.folder(.statistics) + "#\(anchor)",
            ])
        }
        headline(
            countText(count(.mediationFunnel, ["reported"])), "cases", change: changeText(.mediationFunnel, ["reported"]),
            anchor: TableID.casePaths.anchor)
        headline(
            countText(count(.mediationFunnel, ["referred"])), "referred", change: changeText(.mediationFunnel, ["referred"]),
            anchor: TableID.casePaths.anchor)
        headline(
            countText(count(.mediationFunnel, ["resolved"])), "resolved", change: changeText(.mediationFunnel, ["resolved"]),
            anchor: TableID.casePaths.anchor)
        headline(resolvedShareText, "share_resolved", change: nil, anchor: TableID.casePaths.anchor)
        // The share's meaning is what it divides, the one definition shown wherever the share is.
        headlines[headlines.count - 1]["meaning"] = resolvedShareDetail
        let days = statistics[.daysToStage].cell(keys: ["referred"], column: "median_days")
        headline(
            labels.cellText(days ?? .empty, column: TableColumn("median_days", .measure(unit: "days")), vocabulary: nil), "median_days",
            change: nil, anchor: TableID.daysToStage.anchor)

        // The same derived status as /progres/ (`standingCounts`), never the typed one.
        let milestones = content.milestones
        let counts = standingCounts()
        let done = (counts[.done] ?? 0) + (counts[.doneLate] ?? 0)
        let progress = strings.format(
            "home.progress_summary", count: done,
            [
                "done": String(done), "total": String(milestones.count), "late": String(counts[.late] ?? 0),
                "done_late": String(counts[.doneLate] ?? 0),
            ])
        let statusCounts: [[String: Any]] = Milestone.Standing.allCases.map { standing in
            let n = counts[standing] ?? 0
            return [
                "status": standing.rawValue, "label": strings.text("labels.milestone_status.\(standing.rawValue)"), "count": String(n),
                "percent": milestones.isEmpty ? "0" : String(n * 100 / milestones.count),
            ]
        }
        let grain = trendGrain
        let trend = ChartBuilder(renderer: self).chart(for: statistics[grain])
        var values: [String: Any] = [
            "headlines": headlines,
            "as_of": strings.format("home.as_of", ["date": format.date(config.publicationDate)]),
            "trend": trend ?? "",
            "has_trend": trend != nil,
            "trend_heading": strings.text(grain == .casesByWeek ? "home.trend_heading" : "home.trend_heading_monthly"),
            "trend_href": root + paths.folder(.statistics) + "#\(grain.anchor)",
            "progress_summary": progress,
            "progress_counts": statusCounts,
            "latest_notes": TemplateValue.list(notes.prefix(3).map { .map(noteCard($0, root: root, level: 3)) }),
            "change": totalChangeSentence() ?? "",
        ]
        if let revisions = revisionsModel(root: root) { values["revisions"] = revisions }
        return page(template: "home", folder: folder, title: strings.text("home.title"), section: "home", values: values)
    }
}

extension SiteRenderer {
    /// How many recent weeks the home page's trend covers when drawn week by week.
    static let trendWeeks = 13

    /// The grain of the home page's trend: weeks while each of the last `trendWeeks` weeks is
    /// published, else months of whole weeks (`cases_by_month`), whose larger counts are more often
    /// publishable, so the recent trend stays visible instead of a row of "< k".
    var trendGrain: TableID {
        guard let months = statistics.tables[.casesByMonth], !months.rows.isEmpty else { return .casesByWeek }
        let weeks = statistics[.casesByWeek]
        let recent = weeks.rows.suffix(Self.trendWeeks)
        return recent.allSatisfy { !$0[1].isWithheld } ? .casesByWeek : .casesByMonth
    }
}

// The resolved share, with the one definition the site gives it, written next to the number.

import VigieStatistics

extension SiteRenderer {
    /// The published total share of resolved cases (resolution_by_platform's `total` row), as text.
    var resolvedShareText: String {
        let share = statistics[.resolutionByPlatform].cell(keys: ["total"], column: "share_resolved")
        return labels.cellText(share ?? .empty, column: TableColumn("share_resolved", .measure(unit: "share")), vocabulary: nil)
    }

    /// "226 résolus sur 469 dossiers clos, dont 31 clos sans transmission au médiateur": what the
    /// share divides, with the cases closed before referral named (they are in the denominator). The
    /// plain definition when the counts are withheld; without the number of cases closed before
    /// referral when it is withheld or the publication has no `case_paths` (a stored release made before).
    var resolvedShareDetail: String {
        let resolution = statistics[.resolutionByPlatform]
        guard let resolved = resolution.cell(keys: ["total"], column: "resolved")?.count,
            let closed = resolution.cell(keys: ["total"], column: "closed")?.count
        else { return strings.text("definitions.share_resolved") }
        var values = ["resolved": format.integer(resolved), "closed": format.integer(closed)]
        let closedNotReferred = statistics.tables[.casePaths]?.cell(keys: [CasePath.closedNotReferred.rawValue], column: "cases")?.count
        guard let closedNotReferred else { return strings.format("resolved_share.detail_short", values) }
        values["closed_not_referred"] = format.integer(closedNotReferred)
        return strings.format("resolved_share.detail", count: closedNotReferred, values)
    }

    /// "Part des dossiers résolus : 48,2 % (226 résolus sur 469 dossiers clos, dont …)."
    var resolvedShareSentence: String {
        strings.format("resolved_share.sentence", ["share": resolvedShareText, "detail": resolvedShareDetail])
    }
}

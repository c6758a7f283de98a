// /progres/: the commitments as a timeline grouped by their derived status, late ones first.

import VigieInput
import VigieStatistics

extension SiteRenderer {
    package func renderProgress() -> OutputFile {
        let folder = paths.folder(.progress)
        let root = Self.root(for: folder)
        let groups: [[String: Any]] = Milestone.Standing.allCases.compactMap { standing in
            let items = content.milestones.filter { self.standing(of: $0) == standing }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            guard !items.isEmpty else { return nil }
            return [
                "status": standing.rawValue,
                "heading": strings.text("labels.milestone_status.\(standing.rawValue)"),
                "count": String(items.count),
                "items": items.map { milestoneItem($0, root: root) },
            ]
        }
        let counts = standingCounts()
        var values: [String: String] = [:]
        for standing in Milestone.Standing.allCases {
            let n = counts[standing] ?? 0
            values[standing.rawValue] = String(n)
            values[standing.rawValue + "_word"] = strings.plural("progress.words.\(standing.rawValue)", count: n)
        }
        let summary = strings.format("progress.summary", values)
        return page(
            template: "progress", folder: folder, title: strings.text("progress.title"), section: "progress",
            values: [
                "lede": strings.format("progress.lede", ["date": format.date(config.publicationDate)]),
                "summary": summary,
                "groups": groups,
                "csv_href": root + SitePaths.dataFiles + "\(TableID.commitments.rawValue).csv",
                "json_href": root + SitePaths.dataFiles + "\(TableID.commitments.rawValue).json",
            ])
    }

    /// Where a commitment stands at this publication: the only status any page or table shows.
    func standing(of milestone: Milestone) -> Milestone.Standing {
        milestone.standing(asOf: config.publicationDate)
    }

    /// How many commitments stand in each status at this publication.
    func standingCounts() -> [Milestone.Standing: Int] {
        Dictionary(grouping: content.milestones) { standing(of: $0) }.mapValues(\.count)
    }

    func milestoneItem(_ milestone: Milestone, root: String) -> [String: Any] {
        let standing = standing(of: milestone)
        let daysLate = milestone.daysLate(asOf: config.publicationDate)
        let description = milestone.translatedDescriptions[paths.language] ?? milestone.description
        var item: [String: Any] = [
            "id": milestone.id,
            "title": milestone.translatedTitles[paths.language] ?? milestone.title,
            "description": description ?? "",
            "has_description": description != nil,
            "status": standing.rawValue,
            "status_label": strings.text("labels.milestone_status.\(standing.rawValue)"),
            "actor": labels.label(milestone.actor, in: "actors"),
            "due": strings.format("progress.due", ["date": format.date(milestone.due)]),
            "due_iso": milestone.due.iso,
        ]
        if let doneOn = milestone.doneOn {
            item["done"] = strings.format("progress.done_on", ["date": format.date(doneOn)])
            item["done_iso"] = doneOn.iso
        }
        switch standing {
        case .late:
            item["overdue"] = strings.format("progress.overdue", count: daysLate, ["days": format.integer(daysLate)])
        case .doneLate:
            item["overdue"] = strings.format("progress.done_late_by", count: daysLate, ["days": format.integer(daysLate)])
        case .inProgress, .notStarted, .done:
            break
        }
        if let source = milestone.source {
            if source.hasPrefix("notes/") {
                let slug = String(source.dropFirst("notes/".count)).split(separator: "/").first.map(String.init) ?? ""
                // The note in this edition's language when it has one, else the note as written.
                let shown = edition.translatedSlug(slug) ?? slug
                let folder = notes.contains { $0.note.slug == shown } ? paths.noteFolder(shown) : "notes/\(slug)/"
                let title = notes.first { $0.note.slug == shown }?.note.title ?? slug
                item["source"] = ["href": root + folder, "text": strings.format("progress.source_note", ["title": title])]
            } else {
                item["source"] = ["href": source, "text": strings.text("progress.source_link")]
            }
        }
        return item
    }
}

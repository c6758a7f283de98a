// /progres/: the commitments as a timeline grouped by status, late ones first.

extension SiteRenderer {
    func renderProgress() -> OutputFile {
        let folder = "progres/"
        let root = Self.root(for: folder)
        let order: [Milestone.Status] = [.late, .inProgress, .notStarted, .done]
        let groups: [[String: Any]] = order.compactMap { status in
            let items = content.milestones.filter { $0.status == status }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            guard !items.isEmpty else { return nil }
            return [
                "status": status.rawValue,
                "heading": strings.text("labels.milestone_status.\(status.rawValue)"),
                "count": String(items.count),
                "items": items.map { milestoneItem($0, root: root) },
            ]
        }
        let counts = Dictionary(grouping: content.milestones, by: \.status).mapValues(\.count)
        let summary = strings.format(
            "progress.summary",
            [
                "done": String(counts[.done] ?? 0), "in_progress": String(counts[.inProgress] ?? 0),
                "late": String(counts[.late] ?? 0), "not_started": String(counts[.notStarted] ?? 0),
                "done_word": strings.plural("progress.done_word", count: counts[.done] ?? 0),
                "not_started_word": strings.plural("progress.not_started_word", count: counts[.notStarted] ?? 0),
            ])
        return page(
            template: "progress", folder: folder, title: strings.text("progress.title"), section: "progress",
            values: [
                "lede": strings.format("progress.lede", ["date": format.date(config.publicationDate)]),
                "summary": summary,
                "groups": groups,
            ])
    }

    func milestoneItem(_ milestone: Milestone, root: String) -> [String: Any] {
        var item: [String: Any] = [
            "id": milestone.id,
            "title": milestone.title,
            "description": milestone.description ?? "",
            "has_description": milestone.description != nil,
            "status": milestone.status.rawValue,
            "status_label": strings.text("labels.milestone_status.\(milestone.status.rawValue)"),
            "actor": actorLabel(milestone.actor),
            "due": strings.format("progress.due", ["date": format.date(milestone.due)]),
            "due_iso": milestone.due.iso,
        ]
        if let doneOn = milestone.doneOn {
            item["done"] = strings.format("progress.done_on", ["date": format.date(doneOn)])
            item["done_iso"] = doneOn.iso
        }
        if milestone.status != .done, milestone.due < config.publicationDate {
            item["overdue"] = strings.format("progress.overdue", ["days": String(config.publicationDate - milestone.due)])
        }
        if let source = milestone.source {
            if source.hasPrefix("notes/") {
                let slug = String(source.dropFirst("notes/".count)).split(separator: "/").first.map(String.init) ?? ""
                let title = notes.first { $0.note.slug == slug }?.note.title ?? slug
                item["source"] = ["href": root + "notes/\(slug)/", "text": strings.format("progress.source_note", ["title": title])]
            } else {
                item["source"] = ["href": source, "text": strings.text("progress.source_link")]
            }
        }
        return item
    }

    func actorLabel(_ actor: String) -> String {
        if let label = strings.optionalText("labels.actors.\(actor)") { return label }
        return labels.platform(actor)
    }
}

// The commitments of milestones.yaml as a published table (/donnees/commitments.csv and .json),
// with the status derived from the dates that /progres/ shows.

import VigieInput

public enum CommitmentsTable {
    public static let columns = [
        TableColumn("id", .identifier),
        TableColumn("title", .text),
        TableColumn("actor", .key(vocabulary: "actors")),
        TableColumn("due", .date),
        TableColumn("done_on", .date),
        TableColumn("status", .key(vocabulary: "milestone_status")),
        TableColumn("days_late", .integer(unit: "days_late")),
        TableColumn("source", .text),
    ]

    /// One row per commitment, by deadline then id (the order of /progres/ within a status); a
    /// source citing a note (`notes/<slug>`) becomes that note's address on the site.
    /// Milestones hold no personal data and no counts of cases: nothing here is withheld.
    public static func make(_ milestones: [Milestone], asOf date: Day, baseURL: String) -> StatTable {
        let rows = milestones.sorted { ($0.due, $0.id) < ($1.due, $1.id) }.map { milestone -> [TableCell] in
            [
                .key(milestone.id),
                .text(milestone.title),
                .key(milestone.actor),
                .date(milestone.due),
                milestone.doneOn.map(TableCell.date) ?? .empty,
                .key(milestone.standing(asOf: date).rawValue),
                .count(milestone.daysLate(asOf: date)),
                milestone.source.map { .text(address(of: $0, baseURL: baseURL)) } ?? .empty,
            ]
        }
        return StatTable(id: .commitments, columns: columns, rows: rows)
    }

    /// `notes/mediation` → `https://…/notes/mediation/`; a URL as written.
    static func address(of source: String, baseURL: String) -> String {
        guard source.hasPrefix("notes/") else { return source }
        let slug = source.dropFirst("notes/".count).split(separator: "/").first.map(String.init) ?? ""
        return baseURL + "notes/\(slug)/"
    }
}

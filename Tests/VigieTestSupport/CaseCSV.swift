// Test support: a valid case file header and row to build small case files from, one change at a time.

/// The columns and a valid row of a case file, as the fixtures and inline tests use them.
public enum CaseCSV {
    public static let columns = [
        "case_id", "reported_on", "platform", "issues", "company_size", "region", "sector", "revenue_loss_pct",
        "status", "referred_on", "closed_on", "outcome",
    ]
    public static let header = columns.joined(separator: ",")

    /// A valid resolved case; pass replacements by column name (`["sector": "food"]`).
    public static func row(_ changes: [String: String] = [:], id: String = "C-2018-00001") -> String {
        var values: [String: String] = [
            "case_id": id, "reported_on": "2018-11-05", "platform": "amazon", "issues": "delisting|accounting_documents",
            "company_size": "micro", "region": "44", "sector": "publishing", "revenue_loss_pct": "20",
            "status": "resolved", "referred_on": "2018-11-20", "closed_on": "2019-01-15", "outcome": "reinstated",
        ]
        values.merge(changes) { $1 }
        return columns.map { values[$0] ?? "" }.joined(separator: ",")
    }

    /// A minimal valid site.yaml published on 2019-03-29.
    public static let siteYAML = "title: Vigie test\npublication_date: 2019-03-29\n"
}

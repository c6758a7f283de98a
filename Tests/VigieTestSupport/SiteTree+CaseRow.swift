// Test support: one valid case row, to build case files that break a single rule.

extension SiteTree {
    /// A valid resolved case in `SiteTree.header`'s column order; `changes` replace cells by column name.
    ///
    ///     SiteTree.caseRow(["sector": "contact@exemple.fr"])
    public static func caseRow(_ changes: [String: String] = [:], id: String = "C-2018-00001") -> String {
        var values: [String: String] = [
            "case_id": id, "reported_on": "2018-11-05", "platform": "amazon", "issues": "delisting|accounting_documents",
            "company_size": "micro", "region": "44", "sector": "publishing", "revenue_loss_pct": "20",
            "status": "resolved", "referred_on": "2018-11-20", "closed_on": "2019-01-15", "outcome": "reinstated",
        ]
        values.merge(changes) { $1 }
        return header.split(separator: ",").map { values[String($0)] ?? "" }.joined(separator: ",")
    }
}

// The facts of the accessibility statement (/accessibilite/), from `legal.accessibility` in
// site.yaml: the publisher's audit as recorded, never results the build did not measure.

import VigieSupport

/// The declaration's status, date and the audit behind it, in the RGAA model's order.
public struct AccessibilityStatement: Sendable, Equatable {
    public var status: ConformanceStatus
    /// The share of RGAA criteria met, in whole percent, when an audit measured it.
    public var criteriaMetPercent: Int?
    /// When the statement was made (établie le …).
    public var statementDate: Day
    /// The pages checked, as paths from the site root (`/`, `/statistiques/`).
    public var auditedPages: [String]
    /// Where each of `auditedPages` is written in site.yaml, for the build to report one that is not a page of the site.
    public var auditedPageLocations: [SourceLocation] = []
    /// The tools and methods used to check them.
    public var tools: [String]
    /// The results of those checks, one statement per item.
    public var results: [String]
    /// The contents known not to be accessible, and why.
    public var nonConformities: [String]
    /// Contents exempted for a disproportionate burden (dérogations), if any.
    public var derogations: [String]
    /// Contents outside the obligation (contenus non soumis), if any.
    public var exemptContents: [String]

    public init(
        status: ConformanceStatus, criteriaMetPercent: Int? = nil, statementDate: Day, auditedPages: [String], tools: [String],
        results: [String], nonConformities: [String], derogations: [String] = [], exemptContents: [String] = []
    ) {
        self.status = status
        self.criteriaMetPercent = criteriaMetPercent
        self.statementDate = statementDate
        self.auditedPages = auditedPages
        self.tools = tools
        self.results = results
        self.nonConformities = nonConformities
        self.derogations = derogations
        self.exemptContents = exemptContents
    }
}

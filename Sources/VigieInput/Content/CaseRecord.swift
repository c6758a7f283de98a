// One validated case, compact: vocabulary keys are stored as indexes into the site's vocabularies.

/// A reported case after validation. Strings are resolved to vocabulary indexes so that
/// a million records stay small and aggregation is array indexing.
public struct CaseRecord: Sendable, Hashable {
    public var reportedOn: Day
    public var platform: Int
    /// Bit i set when the case reports issue i of the `issues` vocabulary (at most 64 issues).
    public var issues: UInt64
    public var size: CompanySize
    public var region: Int
    public var sector: Int
    /// Estimated loss of revenue in percent, when given.
    public var revenueLossPercent: Double?
    public var status: CaseStatus
    public var referredOn: Day?
    public var closedOn: Day?
    public var outcome: Int?

    public init(
        reportedOn: Day, platform: Int, issues: UInt64, size: CompanySize, region: Int, sector: Int,
        revenueLossPercent: Double? = nil, status: CaseStatus, referredOn: Day? = nil, closedOn: Day? = nil,
        outcome: Int? = nil
    ) {
        self.reportedOn = reportedOn
        self.platform = platform
        self.issues = issues
        self.size = size
        self.region = region
        self.sector = sector
        self.revenueLossPercent = revenueLossPercent
        self.status = status
        self.referredOn = referredOn
        self.closedOn = closedOn
        self.outcome = outcome
    }

    /// The issue indexes of this case, in vocabulary order.
    public var issueIndexes: [Int] {
        (0..<64).filter { issues & (1 << UInt64($0)) != 0 }
    }
}

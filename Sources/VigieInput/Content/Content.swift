// The loaded, validated input of a build: the value the later stages work from.

public struct Content: Sendable {
    public var config: SiteConfig
    /// Published notes (drafts removed), newest first, then by slug.
    public var notes: [Note]
    public var milestones: [Milestone]
    /// Number of case files read, for the summary line.
    public var caseFileCount: Int

    public init(config: SiteConfig, notes: [Note], milestones: [Milestone], caseFileCount: Int = 0) {
        self.config = config
        self.notes = notes
        self.milestones = milestones
        self.caseFileCount = caseFileCount
    }
}

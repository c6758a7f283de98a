// A commitment tracked on /progres/, from content/milestones.yaml.

public struct Milestone: Sendable {
    public enum Status: String, CaseIterable, Sendable {
        case done
        case inProgress = "in_progress"
        case late
        case notStarted = "not_started"
    }

    public var id: String
    public var title: String
    public var description: String?
    /// The title and description in each further language of the site (`title_en`, `description_en`), by code.
    public var translatedTitles: [String: String] = [:]
    public var translatedDescriptions: [String: String] = [:]
    /// A platform key, `government` or `mediator`.
    public var actor: String
    public var due: Day
    public var status: Status
    public var doneOn: Day?
    /// A note slug (`notes/<slug>`) or an absolute URL.
    public var source: String?

    public init(
        id: String, title: String, description: String? = nil, actor: String, due: Day, status: Status,
        doneOn: Day? = nil, source: String? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.actor = actor
        self.due = due
        self.status = status
        self.doneOn = doneOn
        self.source = source
    }
}

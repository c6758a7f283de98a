// The pipeline's steps and page groups, each with the inputs it is made from. `BuildSession` finds
// which inputs changed since its last successful render, and derives the rest from these
// declarations: which cached values to make again (`BuildStep.isStale`), which page groups to
// render again (`PageGroup.isStale`), and the timing labels of `vigie build --timings`.
// `PageInvalidationTests` holds the result to a table of "file changed → groups re-rendered".

/// What a build is made from, as the preview sees it change.
enum BuildInput: CaseIterable, Hashable, Sendable {
    /// templates/: layouts, pages, partials, strings.yaml and assets.
    case templates
    /// content/site.yaml.
    case configuration
    /// content/publications/: the stored releases.
    case releases
    /// content/cases/*.csv.
    case cases
    /// content/notes/*.md: a note added, removed, or its file changed.
    case notes
    /// content/milestones.yaml, or the set of note slugs it may cite.
    case milestones
    /// A note's rendered body: its text changed, or a value its placeholders show.
    case renderedNotes

    /// The inputs every page is made from: a change to one of them renders the whole site again.
    static let everyPage: Set<BuildInput> = [.templates, .configuration, .releases]
}

/// A step of the pipeline, in the order `BuildSession.rebuild` runs them.
enum BuildStep: CaseIterable, Sendable {
    /// The templates, site.yaml and the stored releases.
    case load
    /// The case files, read and validated, and counted as they stream: the statistics as of the
    /// publication date and each stored release's, so the stored releases are among its inputs.
    case validate
    /// The notes' front matter and the milestones.
    case readNotes
    case compute
    case protect
    case renderMarkdown
    case renderTemplates
    case checkLinks
    case write

    /// Its name in `vigie build --timings` and `BuildReport.stageSeconds`.
    var label: String {
        switch self {
        case .load: "load"
        case .validate: "validate"
        case .readNotes: "read notes"
        case .compute: "compute"
        case .protect: "protect"
        case .renderMarkdown: "render markdown"
        case .renderTemplates: "render templates"
        case .checkLinks: "check links"
        case .write: "write"
        }
    }

    /// What the step's cached result is made from; nil for a step that runs on every build (each
    /// reader of `.load` and `.readNotes` keeps its own file signature, and the links and the writes
    /// are checked against the files of this build).
    var inputs: Set<BuildInput>? {
        switch self {
        case .validate, .compute, .protect: [.cases, .configuration, .releases]
        case .renderMarkdown: [.configuration]
        case .load, .readNotes, .renderTemplates, .checkLinks, .write: nil
        }
    }

    /// True when one of the step's inputs is in `changed`, so its cached result cannot be kept.
    func isStale(after changed: Set<BuildInput>) -> Bool {
        inputs.map { !$0.isDisjoint(with: changed) } ?? true
    }
}

extension PageGroup {
    /// What the group's pages are made from, besides `BuildInput.everyPage`.
    var inputs: Set<BuildInput> {
        switch self {
        case .statistics: [.cases, .milestones]
        case .notes: [.notes, .renderedNotes]
        case .home: [.cases, .notes, .renderedNotes, .milestones]
        case .publications: [.cases]
        case .progress: [.notes, .renderedNotes, .milestones]
        case .methodology: [.cases, .notes, .renderedNotes]
        case .legal, .notFound, .assets: []
        }
    }

    /// True when the group's pages must be rendered again after the inputs in `changed` changed.
    func isStale(after changed: Set<BuildInput>) -> Bool {
        !changed.isDisjoint(with: inputs.union(BuildInput.everyPage))
    }

    /// The groups to render again after `changed`.
    static func stale(after changed: Set<BuildInput>) -> Set<PageGroup> {
        Set(allCases.filter { $0.isStale(after: changed) })
    }
}

/// The inputs that changed since each step last ran. A run that stops on an error before a step
/// leaves that step's changes in place, so the next run still makes again what they affect.
struct StepLedger {
    private var changes: [BuildStep: Set<BuildInput>]

    /// A ledger for a session that has run nothing: every step has everything to do.
    init() {
        changes = Dictionary(uniqueKeysWithValues: BuildStep.allCases.map { ($0, Set(BuildInput.allCases)) })
    }

    /// Records that `input` changed, for every step.
    mutating func changed(_ input: BuildInput) {
        for step in BuildStep.allCases { changes[step, default: []].insert(input) }
    }

    /// The inputs that changed since `step` last ran.
    func changes(since step: BuildStep) -> Set<BuildInput> { changes[step] ?? [] }

    /// True when `step`'s cached result must be made again.
    func isStale(_ step: BuildStep) -> Bool { step.isStale(after: changes(since: step)) }

    /// Records that `step` ran on every change recorded so far.
    mutating func ran(_ step: BuildStep) { changes[step] = [] }
}

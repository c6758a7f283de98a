// The outcome of a run: diagnostics (which decide the exit status), counts and stage timings.

import VigieDisclosure
import VigieSupport

public struct BuildReport: Sendable {
    public var diagnostics: DiagnosticList
    public var pageCount = 0
    public var tableCount = 0
    public var caseCount = 0
    public var noteCount = 0
    public var fileCount = 0
    /// Files actually written (all on a full publish; the changed ones on an incremental rebuild).
    public var writtenFileCount = 0
    /// What was re-rendered: `full`, or the page groups a change invalidated.
    public var scope = "full"
    /// Charts whose PNG file this run made with rsvg-convert (the others were kept from the session's last rendering or
    /// found in the chart cache on disk).
    public var chartsRasterized = 0
    /// Notes whose Markdown cmark rendered (the others came from this session's or the disk's cache).
    public var notesRendered = 0
    public var suppression: SuppressionReport?
    /// Wall time of each stage, in run order.
    public var stageSeconds: [(stage: String, seconds: Double)] = []

    public init(diagnostics: DiagnosticList = DiagnosticList()) {
        self.diagnostics = diagnostics
    }

    public var succeeded: Bool { !diagnostics.hasErrors }
    public var totalSeconds: Double { stageSeconds.reduce(0) { $0 + $1.seconds } }
}

// What one run of the pipeline is asked to do.

import Foundation

public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    /// Where to publish; nil for `vigie check` (validate everything, write nothing).
    public var outputDirectory: String?
    /// After the first build of a session, rewrite only changed files instead of swapping a whole
    /// new folder in (the preview, which never writes to the publication folder).
    public var incrementalWrites: Bool
    /// Test-only: a file the publisher creates once the site is staged, then waits while it exists
    /// (see `AtomicPublisher.publish`). Set by `vigie build` from `VIGIE_TEST_PAUSE_BEFORE_SWAP`.
    public var pauseBeforeSwap: String?
    /// Where the charts' PNG files (`charts/`, see `ChartImageCache`) and the notes' rendered Markdown
    /// (`notes/`, see `NoteRenderCache`) are kept between builds; nil keeps them only for the session.
    /// `vigie` passes `defaultCacheFolder()` unless told otherwise.
    public var cacheFolder: String?

    public init(
        contentDirectory: String = "content", templatesDirectory: String = "templates", outputDirectory: String? = "_site",
        incrementalWrites: Bool = false, pauseBeforeSwap: String? = nil, cacheFolder: String? = nil
    ) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.incrementalWrites = incrementalWrites
        self.pauseBeforeSwap = pauseBeforeSwap
        self.cacheFolder = cacheFolder
    }

    /// `$XDG_CACHE_HOME/vigie`, else `~/.cache/vigie`, else nil (no home folder).
    public static func defaultCacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/vigie" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/vigie" }
        return nil
    }
}

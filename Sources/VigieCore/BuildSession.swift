// Runs the pipeline and remembers its intermediate values, so that a second run (the preview's
// rebuild) redoes only what the changed files affect: a note change re-renders that note and the
// pages listing it; a case-file change recomputes the statistics; templates or site.yaml rebuild all.
// What depends on what is declared once, in `BuildStep` and `PageGroup.inputs`.

import Foundation
import VigieCharts
import VigieDisclosure
import VigieInput
import VigieLinkChecking
import VigiePublishing
import VigieReleases
import VigieRendering
import VigieStatistics
import VigieSupport

public final class BuildSession {
    public let options: BuildOptions
    private let root: String

    // What the last run loaded, with the signatures it was loaded from.
    private var templateSignature: [String: String]?
    private var templates: TemplateSet?
    /// The theme the templates were loaded with: choosing another in site.yaml reloads them.
    private var templateTheme: SiteTheme?
    /// The languages the templates were loaded for: naming another in site.yaml reloads them.
    private var templateLanguages: [String]?
    private var templateDiagnostics: [Diagnostic] = []
    private var configSignature: String?
    private var config: SiteConfig?
    private var configDiagnostics: [Diagnostic] = []
    private var caseSignature: [String: String]?
    /// The statistics the cases gave as of each date of `statisticsDates`, counted as they streamed
    /// in: the build never holds the cases themselves.
    private var caseStatistics: [Statistics] = []
    private var caseDiagnostics: [Diagnostic] = []
    private var releaseSignature: [String: String]?
    private var releases: [StoredRelease] = []
    private var releaseDiagnostics: [Diagnostic] = []
    private var statistics: (current: Statistics, protected: ProtectedStatistics, history: ReleaseHistory)?
    private var auditDiagnostics: [Diagnostic] = []
    private var noteCache: [String: (signature: String, note: Note?, diagnostics: [Diagnostic])] = [:]
    private var renderedCache: [String: (key: String, rendered: RenderedNote)] = [:]
    private var milestoneSignature: String?
    private var milestones: [Milestone] = []
    private var milestoneNoteSlugs: Set<String> = []
    private var milestoneDiagnostics: [Diagnostic] = []
    private var groups: [PageGroup: [OutputFile]] = [:]
    /// What changed since each step last ran.
    private var ledger = StepLedger()
    /// What went wrong making the charts' PNG files when the statistics group was last rendered.
    private var chartDiagnostics: [Diagnostic] = []
    /// Each chart's PNG file by the bytes of the SVG it was made from, as the last rendering made them.
    private var pngBySVG: [[UInt8]: [UInt8]] = [:]
    /// `rsvg-convert --version`, asked on a thread of its own from the start of the session's first
    /// build with a chart cache: asked when the charts were made, it held a 1 M-case build for
    /// 40–50 ms with both cores idle, waiting for the process.
    private var rasterizerIdentityLookup: BackgroundWork<String?>?
    private var rasterizerIdentityAnswer: String??
    /// What `rsvg-convert --version` says, asked once per session (nil when it cannot tell: no disk cache).
    private var rasterizerIdentity: String? {
        if let answer = rasterizerIdentityAnswer { return answer }
        let answer = (rasterizerIdentityLookup ?? Self.lookUpRasterizerIdentity()).wait()
        rasterizerIdentityLookup = nil
        rasterizerIdentityAnswer = .some(answer)
        return answer
    }

    private static func lookUpRasterizerIdentity() -> BackgroundWork<String?> {
        BackgroundWork { PNGRasterizer.installed()?.identity() }
    }
    /// The charts rasterized since the report of the last run.
    private var chartsRasterized = 0
    /// The notes whose Markdown went through cmark since the report of the last run.
    private var notesRendered = 0
    /// The notes' renderings being written to the disk cache, waited for before `rebuild` returns.
    private var noteRenderStore: BackgroundWork<Void>?
    private var published: [String: [UInt8]]?
    private var lastRunFailed = true

    public init(options: BuildOptions) {
        self.options = options
        self.root = ContentLoader.normalized(options.contentDirectory)
    }

    /// Loads what changed, recomputes and re-renders what depends on it, and (when an output folder
    /// is set) publishes: atomically on the first run, then by rewriting only the changed files.
    public func rebuild(progress: ((String) -> Void)? = nil) throws -> BuildReport {
        var report = BuildReport()
        var timer = StageTimer()
        lastRunFailed = true
        defer {
            noteRenderStore?.wait()
            noteRenderStore = nil
        }
        // A step done in two parts (the Markdown of notes without figures is rendered before the
        // statistics are known, the rest after) is one line of the report, the sum of both.
        func finished(_ step: BuildStep) {
            let seconds = timer.lap()
            if let known = report.stageSeconds.firstIndex(where: { $0.stage == step.label }) {
                report.stageSeconds[known].seconds += seconds
            } else {
                report.stageSeconds.append((step.label, seconds))
            }
        }

        // Load.
        if options.cacheFolder != nil, rasterizerIdentityAnswer == nil, rasterizerIdentityLookup == nil {
            rasterizerIdentityLookup = Self.lookUpRasterizerIdentity()
        }
        // site.yaml first: its `theme` says which folders the templates are read from.
        progress?("content")
        let newConfigSignature = FileSignature.of(root + "/site.yaml")
        // The releases and the milestones are read with the configuration: read again when it changed.
        var configurationChanged = false
        if newConfigSignature != configSignature || config == nil {
            var diagnostics: [Diagnostic] = []
            config = ContentLoader.loadConfig(root: root, into: &diagnostics)
            configDiagnostics = diagnostics
            configSignature = newConfigSignature
            configurationChanged = true
        }
        if configurationChanged { ledger.changed(.configuration) }
        progress?("templates")
        let newTemplateSignature = FileSignature.tree(options.templatesDirectory)
        let theme = config?.theme ?? .neutral
        let languages = config?.languages ?? []
        if newTemplateSignature != templateSignature || templates == nil || theme != templateTheme || languages != templateLanguages {
            var diagnostics: [Diagnostic] = []
            templates = TemplateSet.load(
                directory: options.templatesDirectory, theme: theme, themeLocation: config?.themeLocation, languages: languages,
                into: &diagnostics)
            templateDiagnostics = diagnostics
            templateSignature = newTemplateSignature
            templateTheme = theme
            templateLanguages = languages
            ledger.changed(.templates)
        }
        guard let config else {
            report.diagnostics = DiagnosticList(templateDiagnostics + configDiagnostics)
            configSignature = nil
            return report
        }

        // Stored releases: any change reloads them all and rebuilds every page (releases are rare).
        let newReleaseSignature = FileSignature.tree(ReleaseLoader.folder(root: root))
        if newReleaseSignature != releaseSignature || configurationChanged {
            var diagnostics: [Diagnostic] = []
            releases = ReleaseLoader.load(root: root, config: config, into: &diagnostics)
            releaseDiagnostics = diagnostics
            releaseSignature = newReleaseSignature
            ledger.changed(.releases)
        }
        finished(.load)

        // Validate the cases and count them, as the rows stream (read again only when a case file,
        // site.yaml or the stored releases changed: the releases' dates are among those counted as of).
        // On a thread of its own, while the notes are read and the Markdown of those that show no
        // figure is rendered: validating keeps 1.3 of 2 cores busy, and those need none of its
        // results (1 M cases + 10,000 notes: validate 1.0 s, read notes 0.3 s, render markdown
        // 0.6 s one after the other; see BENCHMARKS.md).
        progress?("cases")
        let casePaths = ContentLoader.caseFilePaths(root: root)
        let newCaseSignature = FileSignature.of(casePaths)
        // Rows in a database have no signature: read again on every run.
        if newCaseSignature != caseSignature || config.casesDatabase != nil { ledger.changed(.cases) }
        // The publication, and each stored release before it as today's data gives it (for its revisions).
        let shown = releases.filter { $0.date <= config.publicationDate }
        let earlier = shown.filter { $0.date < config.publicationDate }
        var validation: BackgroundWork<(statistics: [Statistics], diagnostics: [Diagnostic])>?
        if ledger.isStale(.validate) || caseStatistics.isEmpty {
            let dates = [config.publicationDate] + earlier.map(\.date)
            let root = self.root
            validation = BackgroundWork {
                var diagnostics: [Diagnostic] = []
                var accumulator = StatisticsAccumulator(config: config, dates: dates)
                ContentLoader.streamCases(paths: casePaths, root: root, config: config, to: &accumulator, into: &diagnostics)
                return (accumulator.statistics(), diagnostics)
            }
        }

        // Notes: front matter of changed files only.
        var noteDiagnostics: [Diagnostic] = []
        var loadedNotes: [Note] = []
        let notePaths = ContentLoader.notePaths(root: root)
        let livePaths = Set(notePaths)
        if Set(noteCache.keys) != livePaths { ledger.changed(.notes) }
        // Changed notes are read and their front matter parsed on every core, then gathered in path
        // order (with `FileSignature` on `lstat`: validate on 1 M cases + 10,000 notes 7.8 s → 6.1 s).
        let signatures = ParallelMap.map(notePaths) { FileSignature.of($0) }  // 10,000 `lstat`s: 22 ms on one core
        let stale = notePaths.indices.filter { noteCache[notePaths[$0]]?.signature != signatures[$0] }
        let fresh = ParallelMap.map(stale) { index -> (note: Note?, diagnostics: [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let note = ContentLoader.loadNote(path: notePaths[index], into: &diagnostics)
            return (note, diagnostics)
        }
        for (index, loaded) in zip(stale, fresh) {
            noteCache[notePaths[index]] = (signatures[index], loaded.note, loaded.diagnostics)
            ledger.changed(.notes)
        }
        for path in notePaths {
            let cached = noteCache[path]!
            if let note = cached.note { loadedNotes.append(note) }
            noteDiagnostics += cached.diagnostics
        }
        // A set, not `notePaths.contains`: that was 10,000 × 10,000 comparisons.
        for path in noteCache.keys where !livePaths.contains(path) { noteCache[path] = nil }
        let notes = ContentLoader.checkNotes(loadedNotes, config: config, into: &noteDiagnostics)

        let failedNotes = notePaths.filter { noteCache[$0]?.note == nil }
        let slugs = ContentLoader.citableSlugs(notes: notes, failedPaths: failedNotes)
        let newMilestoneSignature = FileSignature.of(root + "/milestones.yaml")
        if newMilestoneSignature != milestoneSignature || slugs != milestoneNoteSlugs || configurationChanged {
            var diagnostics: [Diagnostic] = []
            milestones = ContentLoader.loadMilestones(root: root, config: config, noteSlugs: slugs, into: &diagnostics)
            milestoneDiagnostics = diagnostics
            milestoneSignature = newMilestoneSignature
            milestoneNoteSlugs = slugs
            ledger.changed(.milestones)
        }
        finished(.readNotes)

        // The Markdown that does not depend on the cases, while they are still being validated.
        if ledger.isStale(.renderMarkdown) { renderedCache = [:] }
        let beforeCases = templateDiagnostics + configDiagnostics + releaseDiagnostics + noteDiagnostics + milestoneDiagnostics
        if validation != nil, !beforeCases.contains(where: { $0.severity == .error }) {
            progress?("notes")
            prerenderNotes(notes, config: config)
            finished(.renderMarkdown)
        }

        if let validation {
            progress?("cases")
            (caseStatistics, caseDiagnostics) = validation.wait()
            caseSignature = newCaseSignature
            ledger.ran(.validate)
        }
        finished(.validate)

        var diagnostics =
            templateDiagnostics + configDiagnostics + releaseDiagnostics + caseDiagnostics + noteDiagnostics + milestoneDiagnostics
        if let templates {
            diagnostics += Labels(config: config, strings: templates.strings).platformSlugProblems(
                stringsPath: options.templatesDirectory + "/strings.yaml")
        }
        guard let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            report.diagnostics = DiagnosticList(diagnostics)
            return report
        }
        let content = Content(config: config, notes: notes, milestones: milestones, caseFileCount: casePaths.count)

        // Compute and protect.
        if ledger.isStale(.compute) || statistics == nil {
            progress?("statistics")
            // Counted with validation, as the cases streamed in.
            let computed = caseStatistics
            let current = computed[0]
            finished(.compute)
            progress?("disclosure control")
            // Protect the publication against a reader who holds every stored release before it;
            // then audit the result with them, independently, before anything is rendered.
            // The revisions of every stored release: the reader knows their sums, and that this
            // publication grew from the latest one's. Should the audit still pin a small one, all are masked.
            let listed = zip(earlier, computed.dropFirst()).flatMap { release, recomputed in
                Revision.list(of: release.statistics, recomputed: recomputed)
            }
            let frozen = earlier.map(\.statistics)
            let (protected, announced, findings) = DisclosureControl.protectAndAudit(
                current, after: frozen, threshold: config.threshold, revisions: listed)
            let revisions = Dictionary(grouping: announced, by: \.release)
            statistics = (
                current, protected, ReleaseHistory(releases: shown, publicationDate: config.publicationDate, revisions: revisions)
            )
            auditDiagnostics = findings.map { finding in
                .error(
                    "disclosure audit: \(finding); nothing is published until disclosure control protects it (report this as a bug)",
                    at: Self.location(of: finding, releases: shown, config: config))
            }
            if let stored = shown.last, stored.date == config.publicationDate,
                !Self.sameFigures(protected, stored.statistics, format: stored.manifest.formatVersion)
            {
                auditDiagnostics.append(
                    .error(
                        "a release is already stored for this date and today's data changes its figures; set the date of the new publication "
                            + "('publication_date'): a stored release is never rewritten (\(stored.path))",
                        at: config.publicationDateLocation))
            }
            ledger.ran(.compute)
            ledger.ran(.protect)
            finished(.protect)
        }
        guard let statistics else { return report }

        // Render Markdown: each note once, again only when its text or its placeholders changed.
        progress?("notes")
        let rendered = renderNotes(notes, config: config, caseCount: statistics.current.caseCount, templates: templates).map {
            var note = $0
            note.folders = SiteRenderer.folders(showing: note.note, config: config)
            return note
        }
        ledger.ran(.renderMarkdown)
        for note in rendered { diagnostics += note.body.diagnostics }
        diagnostics += auditDiagnostics
        finished(.renderMarkdown)

        // Render the page groups that an input changed since they were last rendered, and any not rendered yet.
        progress?("pages")
        // One renderer per edition (`languages` in site.yaml), the first language's first; each with its notes.
        let editions = SiteEdition.all(config: config, templates: templates, notes: rendered.map(\.note))
        let renderers = editions.map { edition in
            var content = content
            content.config = config.localized(for: edition.language)
            return SiteRenderer(
                content: content, notes: rendered.filter { ContentLoader.edition(of: $0.note, config: config) == edition.language },
                statistics: statistics.protected, history: statistics.history, templates: templates, edition: edition)
        }
        let staleGroups = PageGroup.stale(after: ledger.changes(since: .renderTemplates))
        let toRender = PageGroup.allCases.filter { staleGroups.contains($0) || groups[$0] == nil }
        // The statistics group's pages, charts and data files are made mostly on one core (0.15 s at
        // 1 M cases): on a thread of their own while the other groups render on every core.
        let statisticsWork = toRender.contains(.statistics) ? BackgroundWork { Self.statisticsFiles(renderers: renderers) } : nil
        for group in toRender where group != .statistics {
            groups[group] = render(group, renderers: renderers, templates: templates)
        }
        if let statisticsWork {
            let made = statisticsWork.wait()
            groups[.statistics] = made.pages + chartFiles(svgFiles: made.charts) + made.data
        }
        ledger.ran(.renderTemplates)
        report.chartsRasterized = chartsRasterized
        chartsRasterized = 0
        report.notesRendered = notesRendered
        notesRendered = 0
        diagnostics += chartDiagnostics
        var files = PageGroup.allCases.flatMap { groups[$0] ?? [] }
        // Made from the pages themselves on every run (a scan of their headings); rewritten only if it changed.
        // Each edition's site map lists its own pages.
        let prefixes = editions.map(\.paths.prefix).filter { !$0.isEmpty }
        files += renderers.map { edition in
            let prefix = edition.paths.prefix
            return edition.renderSiteMap(
                of: files.filter { file in
                    prefix.isEmpty ? !prefixes.contains { file.path.hasPrefix($0) } : file.path.hasPrefix(prefix)
                })
        }
        let pages = files.map(\.path).filter { $0.hasSuffix(".html") }.sorted()
        files.append(
            OutputFile(
                path: "sitemap.xml",
                bytes: SitemapWriter.sitemap(pages: pages, config: config, alternates: Self.alternates(pages: pages, renderers: renderers)))
        )
        files.append(OutputFile(path: "robots.txt", bytes: SitemapWriter.robots(config: config)))
        files.sort { $0.path < $1.path }
        finished(.renderTemplates)

        // Check the links written in notes, then every page's, against the files just built (nothing is fetched).
        progress?("links")
        let contentLinks = Self.contentLinks(config)
        let checkLinks: @Sendable () -> [Diagnostic] = { [rendered, files, templates] in
            InternalLinkChecker.check(rendered, files: files, baseURL: config.baseURL)
                + PageLinkChecker.check(
                    files, notes: rendered, templates: templates.links, baseURL: config.baseURL, contentLinks: contentLinks)
        }
        // When nothing else stops the build, the new site is staged while the links are checked, and
        // swapped in only if none is broken: at 1 M cases + 10,000 notes each took about 0.18 s one
        // after the other, neither keeping both cores busy (staging waits for the disk on a cold cache).
        var stagedAndWritten: Int??
        if let output = options.outputDirectory, !diagnostics.contains(where: { $0.severity == .error }), !writesInPlace(to: output) {
            let linkCheck = BackgroundWork(checkLinks)
            var linkDiagnostics: [Diagnostic]?
            progress?("writing")
            do {
                stagedAndWritten = .some(
                    try stage(files, to: output) {
                        linkDiagnostics = linkCheck.wait()
                        finished(.checkLinks)
                        return !linkDiagnostics!.contains { $0.severity == .error }
                    })
            } catch {
                // Broken links are told before a folder that cannot be written.
                if linkDiagnostics == nil { linkDiagnostics = linkCheck.wait() }
                guard linkDiagnostics!.contains(where: { $0.severity == .error }) else { throw error }
                finished(.checkLinks)
            }
            diagnostics += linkDiagnostics!
        } else {
            diagnostics += checkLinks()
            finished(.checkLinks)
        }

        report.diagnostics = DiagnosticList(diagnostics)
        report.pageCount = pages.count
        report.tableCount = statistics.protected.tables.count
        report.caseCount = statistics.current.caseCount
        report.noteCount = rendered.count
        report.fileCount = files.count
        report.suppression = statistics.protected.report
        report.scope = staleGroups.count == PageGroup.allCases.count ? "full" : staleGroups.map { "\($0)" }.sorted().joined(separator: ", ")
        lastRunFailed = report.diagnostics.hasErrors
        guard !report.diagnostics.hasErrors else { return report }

        if case .some(.some(let written)) = stagedAndWritten {
            report.writtenFileCount = written
            finished(.write)
        } else if let output = options.outputDirectory {
            progress?("writing")
            report.writtenFileCount = try publish(files, to: output)
            finished(.write)
        }
        return report
    }

    /// Each HTML page's `hreflang` alternates, by path, from the edition whose folder holds it; empty
    /// for a site of one language.
    static func alternates(pages: [String], renderers: [SiteRenderer]) -> [String: [(language: String, url: String)]] {
        guard renderers.count > 1 else { return [:] }
        var result: [String: [(language: String, url: String)]] = [:]
        // The longest prefix first: `en/…` belongs to the English edition, the rest to the first language's.
        let byPrefix = renderers.sorted { $0.paths.prefix.count > $1.paths.prefix.count }
        for page in pages where page.hasSuffix("index.html") {
            let folder = String(page.dropLast("index.html".count))
            guard let owner = byPrefix.first(where: { folder.hasPrefix($0.paths.prefix) }) else { continue }
            let links = owner.alternateURLs(folder: folder)
            if !links.isEmpty { result[page] = links }
        }
        return result
    }

    /// True when this build publishes every table of the stored release `stored` as it did: the same
    /// CSV bytes and the same withheld cells with the same status (labels and descriptions may have
    /// been reworded since), on what a release of its `format` holds (`StatTable.asHeld(inFormat:)`).
    /// A table, column or row added to Vigie after the release was made (`case_paths`, the quartiles of
    /// `days_to_stage`) is published by this build as new, protected with the others, and the frozen
    /// pages keep what the release published.
    static func sameFigures(_ current: ProtectedStatistics, _ stored: ProtectedStatistics, format: Int) -> Bool {
        guard current.threshold == stored.threshold else { return false }
        var held = current
        held.tables = current.tables.filter { stored.tables[$0.key] != nil }.mapValues { $0.asHeld(inFormat: format) }
        guard WithheldCell.all(in: held) == WithheldCell.all(in: stored) else { return false }
        return stored.tables.keys.allSatisfy { id in
            held.tables[id].map(TableSerializer.csv) == stored.tables[id].map(TableSerializer.csv)
        }
    }

    /// The links whose destinations site.yaml gives: the pages of the accessibility statement's audit.
    static func contentLinks(_ config: SiteConfig) -> [PageLinkChecker.ContentLink] {
        guard let statement = config.legal?.accessibility else { return [] }
        return zip(statement.auditedPages, statement.auditedPageLocations).map { path, location in
            PageLinkChecker.ContentLink(folder: SiteRenderer.accessibilityFolder, sitePath: path, location: location)
        }
    }

    /// The publication date of the last run's configuration.
    public var publicationDate: Day? { config?.publicationDate }

    /// The files that `vigie release` stores for this publication, after a successful `rebuild`:
    /// the data files exactly as this build published them, withheld.csv and the manifest. Nil when
    /// the last run failed.
    public func releaseFiles() -> [OutputFile]? {
        guard let statistics, let config, let templates, let data = groups[.statistics], !lastRunFailed else { return nil }
        let labels = Labels(config: config, strings: templates.strings)
        // The release holds the CSV and JSON files only (`StoredRelease.expectedFiles`): its descriptor
        // is the build's without `vigie:other_formats`, which names the .ods and vigie.sqlite.
        let commitments = CommitmentsTable.make(milestones, asOf: config.publicationDate, baseURL: config.baseURL)
        let descriptor = OutputFile(
            path: "donnees/datapackage.json",
            bytes: DataPackageWriter.write(statistics: statistics.protected, labels: labels, commitments: commitments))
        let dataFiles = data.filter { $0.path.hasPrefix("donnees/") }.map { $0.path == descriptor.path ? descriptor : $0 }
        return ReleaseWriter.files(
            statistics: statistics.protected, dataFiles: dataFiles, labels: labels, vigieVersion: VigieVersion.current)
    }

    /// Where an audit finding points: a stored release's cell at its line of that release's
    /// withheld.csv (the release that a reader holding the new one could now read further), anything
    /// else at `publication_date` in site.yaml (the publication being made).
    static func location(of finding: DisclosureAudit.Finding, releases: [StoredRelease], config: SiteConfig) -> SourceLocation {
        guard finding.publication != config.publicationDate, let release = releases.first(where: { $0.date == finding.publication })
        else { return config.publicationDateLocation }
        let withheldPath = release.path + "/" + StoredRelease.withheldName
        let wanted = [finding.table.rawValue, finding.keys.joined(separator: "|"), finding.column].joined(separator: ",")
        // The release's files are in memory, checked against its manifest when it was loaded.
        if let bytes = release.bytes(of: StoredRelease.withheldName) {
            let text = String(decoding: bytes, as: UTF8.self)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.hasPrefix(wanted + ",") {
                return SourceLocation(path: withheldPath, line: index + 1, column: 1)
            }
        }
        return SourceLocation(path: withheldPath, line: 1, column: 1)
    }

    /// True when `publish` writes the changed files into the published folder itself (the preview,
    /// after its first build), rather than staging a new folder and swapping it in.
    private func writesInPlace(to output: String) -> Bool {
        options.incrementalWrites && published != nil && FileManager.default.fileExists(atPath: output)
    }

    /// Stages the new site beside `output` and swaps it in if `ready()` says so, once staged: the
    /// number of files published, or nil when it was not swapped in.
    private func stage(_ files: [OutputFile], to output: String, swapIf ready: () -> Bool) throws -> Int? {
        if let problem = OutputFolderGuard.problem(output: output, inputs: [options.contentDirectory, options.templatesDirectory]) {
            throw AtomicPublisher.Failure.io(path: output, reason: problem)
        }
        guard try AtomicPublisher.publish(files, to: output, pauseBeforeSwap: options.pauseBeforeSwap, swapIf: ready) != nil else {
            return nil
        }
        published = options.incrementalWrites ? Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }) : nil
        return files.count
    }

    /// The first publication is atomic (a whole new folder); later ones, in a preview, rewrite only
    /// the files whose bytes changed and remove the files that are gone.
    private func publish(_ files: [OutputFile], to output: String) throws -> Int {
        guard options.incrementalWrites, let previous = published, FileManager.default.fileExists(atPath: output) else {
            return try stage(files, to: output) { true }!
        }
        var changed: [OutputFile] = []
        var current: [String: [UInt8]] = [:]
        for file in files {
            current[file.path] = file.bytes
            if previous[file.path] != file.bytes { changed.append(file) }
        }
        try AtomicPublisher.writeInPlace(changed, into: output)
        for path in previous.keys where current[path] == nil {
            try? FileManager.default.removeItem(atPath: output + "/" + path)
        }
        published = current
        return changed.count
    }

    /// A page group in every edition (each its 404 page: `404.html`, `en/404.html`); the data files and the assets once.
    private func render(_ group: PageGroup, renderers: [SiteRenderer], templates: TemplateSet) -> [OutputFile] {
        switch group {
        case .statistics:
            let made = Self.statisticsFiles(renderers: renderers)
            return made.pages + chartFiles(svgFiles: made.charts) + made.data
        case .notes:
            // One feed per edition: /feed.xml, /en/feed.xml.
            return renderers.flatMap { renderer in
                renderer.renderNotes() + [
                    OutputFile(
                        path: renderer.paths.prefix + "feed.xml",
                        bytes: AtomFeedWriter.write(
                            notes: renderer.notes, releases: renderer.history.releases.map(\.date), config: renderer.config,
                            strings: renderer.strings, paths: renderer.paths))
                ]
            }
        case .publications: return renderers.flatMap { $0.renderPublications() }
        case .home: return renderers.map { $0.renderHome() }
        case .progress: return renderers.map { $0.renderProgress() }
        case .methodology: return renderers.flatMap { [$0.renderMethodology(), $0.renderGlossary()] }
        case .legal: return renderers.flatMap { $0.renderLegalPages() }
        case .notFound: return renderers.map { $0.renderNotFound() }
        case .assets: return templates.assets.map { OutputFile(path: "assets/" + $0.path, bytes: $0.bytes) }
        }
    }

    /// The statistics group's files but the charts' PNG files: each edition's pages, each chart's
    /// SVG file, and the data files (once). Made of the renderers alone, so on any thread.
    private static func statisticsFiles(renderers: [SiteRenderer]) -> (pages: [OutputFile], charts: [OutputFile], data: [OutputFile]) {
        let renderer = renderers[0]
        let pages = renderers.flatMap { renderer in
            [renderer.renderStatistics(), renderer.renderDataPage()] + renderer.renderFigurePages() + renderer.renderPlatforms()
        }
        var files: [OutputFile] = []
        for table in OpenDataContract.resources(of: renderer.publishedTables) {
            files.append(OutputFile(path: "donnees/\(table.name).csv", bytes: TableSerializer.csv(table)))
            files.append(OutputFile(path: "donnees/\(table.name).json", bytes: TableSerializer.json(table)))
        }
        for table in renderer.publishedTables {
            let spreadsheet = SpreadsheetWriter.write(table, labels: renderer.labels)
            files.append(OutputFile(path: "donnees/" + SpreadsheetWriter.fileName(table.id), bytes: spreadsheet))
        }
        files.append(
            OutputFile(
                path: "donnees/datapackage.json",
                bytes: DataPackageWriter.write(
                    statistics: renderer.statistics, labels: renderer.labels, commitments: renderer.commitmentsTable,
                    otherFormats: true,
                    translations: renderers.dropFirst().map { ($0.paths.language, $0.labels) })))
        files.append(
            OutputFile(
                path: "donnees/" + SQLiteDatabaseWriter.fileName,
                bytes: SQLiteDatabaseWriter.write(tables: renderer.publishedTables, labels: renderer.labels)))
        files.append(OutputFile(path: "donnees/LICENCE.txt", text: "\(renderer.config.licence)\n\(renderer.config.licenceURL)\n"))
        return (pages, renderers.flatMap { $0.chartFiles() }, files)
    }

    /// Each chart's SVG file and the PNG that rsvg-convert makes of it, one process per chart on every
    /// core. Rasterizing is most of the chart files' cost (about 80 ms of CPU per chart, 41 charts on
    /// the default site), so a PNG is made again only when its SVG's bytes are new: not made by this
    /// session's last rendering (a preview's rebuild after a case-file edit redraws only the charts
    /// whose figures moved) and not in the chart cache on disk (a one-shot build after such an edit
    /// does the same). Sets `chartDiagnostics`: rsvg-convert missing or failing is an error, since
    /// the pages link to the PNG files.
    private func chartFiles(svgFiles: [OutputFile]) -> [OutputFile] {
        chartDiagnostics = []
        guard let rasterizer = PNGRasterizer.installed() else {
            chartDiagnostics = [.error(PNGRasterizer.missingMessage, at: .wholeFile(PNGRasterizer.commandName))]
            return svgFiles
        }
        var pngs: [[UInt8]: Result<[UInt8], RasterizingFailure>] = pngBySVG.mapValues { .success($0) }
        let disk = chartCache
        let unknown = svgFiles.filter { pngs[$0.bytes] == nil }
        let stored = ParallelMap.map(unknown) { disk?.png(for: $0.bytes) }
        for (file, png) in zip(unknown, stored) { if let png { pngs[file.bytes] = .success(png) } }
        let fresh = unknown.filter { pngs[$0.bytes] == nil }
        let results = ParallelMap.map(fresh) { file in
            rasterizer.png(from: String(decoding: file.bytes, as: UTF8.self))
        }
        chartsRasterized += fresh.count
        for (file, result) in zip(fresh, results) {
            pngs[file.bytes] = result
            if case let .success(png) = result { disk?.store(png, for: file.bytes) }
        }
        if !fresh.isEmpty { disk?.prune() }
        var files = svgFiles
        var kept: [[UInt8]: [UInt8]] = [:]
        for file in svgFiles {
            let path = String(file.path.dropLast("svg".count)) + "png"
            switch pngs[file.bytes]! {
            case let .success(png):
                files.append(OutputFile(path: path, bytes: png))
                kept[file.bytes] = png
            case let .failure(failure):
                chartDiagnostics.append(.error("\(failure.reason) (making /\(path))", at: .wholeFile(PNGRasterizer.commandName)))
            }
        }
        // Only this build's charts: a session that runs for days keeps no PNG of a chart that is gone.
        pngBySVG = kept
        return files
    }

    /// The chart cache on disk, when the options name one and rsvg-convert says its version (a PNG
    /// made by another version would not be the bytes this one makes).
    private var chartCache: ChartImageCache? {
        guard let folder = options.cacheFolder, let identity = rasterizerIdentity else { return nil }
        return ChartImageCache(folder: folder + "/charts", rasterizerIdentity: identity)
    }

    /// True when the text holds `{{`. Foundation's `contains` was 9 % of the Markdown stage (then
    /// called three times per note, now once), a loop over `utf8` still 2 % of a 10,000-note build;
    /// `memchr` finds each `{` at memory speed. A false positive only costs a `replacingOccurrences` that changes nothing.
    static func mayHavePlaceholder(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 1 else { return false }
            var start = 0
            while start < bytes.count - 1, let hit = memchr(base + start, 0x7B, bytes.count - 1 - start) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if base[offset + 1] == 0x7B { return true }
                start = offset + 1
            }
            return false
        }
    }

    /// Renders the bodies of the notes that show no figure (no `{{`) and are not in the cache yet,
    /// on every core, into the cache under the key `renderNotes` gives them: their HTML does not
    /// depend on the cases, so it is made while the cases are validated. A rendering kept on disk
    /// by an earlier build (`NoteRenderCache`) is read instead of made; on the session's first
    /// rendering, the disk file is rewritten (on a thread of its own, waited for before the build
    /// returns) when it lacked one of them or held others.
    private func prerenderNotes(_ notes: [Note], config: SiteConfig) {
        let signatures = noteCache.mapValues(\.signature)
        let cachedKeys = renderedCache.mapValues(\.key)
        let wanted = ParallelMap.map(Array(notes.indices)) { i -> Bool in
            cachedKeys[notes[i].path] != (signatures[notes[i].path] ?? "") && !Self.mayHavePlaceholder(notes[i].body)
        }
        let stale = notes.indices.filter { wanted[$0] }
        guard !stale.isEmpty else { return }
        let firstRendering = renderedCache.isEmpty
        let disk = options.cacheFolder.flatMap { NoteRenderCache(folder: $0 + "/notes", contentRoot: root) }
        let stored = disk?.open()
        let fresh = ParallelMap.map(stale) { index -> (rendered: RenderedNote, key: NoteRenderCache.Key?, made: Bool) in
            let note = notes[index]
            let frenchTypography = (note.language ?? config.language) == "fr"
            let key = disk?.key(
                markdown: note.body, path: note.path, firstLine: note.bodyFirstLine, allowRawHTML: config.allowRawHTML,
                frenchTypography: frenchTypography)
            if let key, let body = stored?.rendering(for: key, path: note.path) {
                return (RenderedNote(note: note, body: body), key, false)
            }
            return (RenderedNote(note: note, body: Self.renderMarkdown(note.body, of: note, config: config)), key, true)
        }
        for (index, made) in zip(stale, fresh) { renderedCache[notes[index].path] = (signatures[notes[index].path] ?? "", made.rendered) }
        notesRendered += fresh.count { $0.made }
        ledger.changed(.renderedNotes)

        let keep = fresh.compactMap { made in made.key.map { (key: $0, markdown: made.rendered.body) } }.filter {
            $0.markdown.diagnostics.isEmpty
        }
        if let disk, firstRendering,
            stored?.count != keep.count || fresh.contains(where: { $0.made && $0.rendered.body.diagnostics.isEmpty })
        {
            noteRenderStore = BackgroundWork { disk.store(keep) }
        }
    }

    /// The HTML of a note's Markdown `body` (its placeholders already filled).
    private static func renderMarkdown(_ body: String, of note: Note, config: SiteConfig) -> RenderedMarkdown {
        MarkdownRenderer.render(
            body, path: note.path, firstLine: note.bodyFirstLine, allowRawHTML: config.allowRawHTML,
            frenchTypography: (note.language ?? config.language) == "fr")
    }

    /// Renders every note body once, in parallel, reusing the previous rendering of unchanged notes;
    /// fills the methodology placeholders from the configuration.
    private func renderNotes(
        _ notes: [Note], config: SiteConfig, caseCount: Int, templates: TemplateSet
    ) -> [RenderedNote] {
        // The placeholders of each edition's notes, filled in its language (numbers, dates, labels).
        var placeholdersByLanguage: [String: [(String, String)]] = [:]
        for language in config.languages {
            let strings = templates.strings(for: language, isDefault: language == config.language)
            let format = ReaderFormatter(strings: strings)
            let labels = Labels(config: config, strings: strings)
            placeholdersByLanguage[language] =
                [
                    ("{{threshold}}", String(config.threshold)),
                    ("{{threshold_minus_one}}", String(config.threshold - 1)),
                    ("{{publication_date}}", format.date(config.publicationDate)),
                    ("{{case_count}}", format.integer(caseCount)),
                    ("{{share_resolved_definition}}", strings.text("definitions.share_resolved")),
                ] + Labels.listedVocabularies.map { ("{{labels.\($0)}}", labels.quotedList($0)) }
        }
        let placeholders = placeholdersByLanguage
        let placeholderKey = config.languages.flatMap { placeholdersByLanguage[$0]!.map(\.1) }.joined(separator: "|")
        // Each body is scanned for `{{` once: the cache key and the rendering both need the answer.
        // On every core with the keys (one pass on one core over 10,000 notes took 16 ms).
        let signatures = noteCache.mapValues(\.signature)
        let cachedKeys = renderedCache.mapValues(\.key)
        let checked = ParallelMap.map(Array(notes.indices)) { i -> (placeholder: Bool, key: String, stale: Bool) in
            let placeholder = Self.mayHavePlaceholder(notes[i].body)
            let key = (signatures[notes[i].path] ?? "") + (placeholder ? "|" + placeholderKey : "")
            return (placeholder, key, cachedKeys[notes[i].path] != key)
        }
        let stale = notes.indices.filter { checked[$0].stale }
        let fresh = ParallelMap.map(stale) { index -> RenderedNote in
            let note = notes[index]
            var body = note.body
            if checked[index].placeholder {
                for (placeholder, value) in placeholders[ContentLoader.edition(of: note, config: config)] ?? [] {
                    body = body.replacingOccurrences(of: placeholder, with: value)
                }
            }
            return RenderedNote(note: note, body: Self.renderMarkdown(body, of: note, config: config))
        }
        notesRendered += fresh.count
        if !stale.isEmpty { ledger.changed(.renderedNotes) }
        // The result in note order, fresh renderings where there are, the cache's elsewhere; then the
        // cache, its room reserved (filling it and reading the result back from it took 25–30 ms).
        var rendered: [RenderedNote] = []
        rendered.reserveCapacity(notes.count)
        var next = 0
        for index in notes.indices {
            if next < stale.count, stale[next] == index {
                rendered.append(fresh[next])
                next += 1
            } else {
                rendered.append(renderedCache[notes[index].path]!.rendered)
            }
        }
        var cache: [String: (key: String, rendered: RenderedNote)] = [:]
        cache.reserveCapacity(notes.count)
        for index in notes.indices { cache[notes[index].path] = (checked[index].key, rendered[index]) }
        renderedCache = cache
        return rendered
    }
}

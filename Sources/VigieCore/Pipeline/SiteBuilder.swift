// The pipeline in order: load → validate → compute → protect → audit → render → publish.
// Each stage is a value in and a value out; this type only sequences them and times them.

import Foundation

public enum SiteBuilder {
    /// Runs the pipeline. Content and template problems are returned as diagnostics; only I/O
    /// failures while publishing are thrown. On any error nothing is published.
    public static func run(_ options: BuildOptions, progress: ((String) -> Void)? = nil) throws -> BuildReport {
        var report = BuildReport()
        var timer = StageTimer()

        progress?("templates")
        var diagnostics: [Diagnostic] = []
        let templates = TemplateSet.load(directory: options.templatesDirectory, into: &diagnostics)
        progress?("content")
        let loaded = ContentLoader.load(directory: options.contentDirectory)
        diagnostics += loaded.diagnostics
        report.stageSeconds.append(("load + validate", timer.lap()))
        guard let content = loaded.content, let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            report.diagnostics = DiagnosticList(diagnostics)
            return report
        }

        progress?("statistics")
        let config = content.config
        let current = StatisticsCalculator.compute(cases: content.cases, config: config, asOf: config.publicationDate)
        let previousRaw = config.previousPublication.map { StatisticsCalculator.compute(cases: content.cases, config: config, asOf: $0) }
        report.stageSeconds.append(("compute", timer.lap()))

        progress?("disclosure control")
        let protected = DisclosureControl.protect(current, threshold: config.threshold)
        let previous = previousRaw.map { DisclosureControl.protect($0, threshold: config.threshold) }
        report.stageSeconds.append(("protect", timer.lap()))

        progress?("notes")
        let notes = renderNotes(content, caseCount: current.caseCount, templates: templates, diagnostics: &diagnostics)
        report.stageSeconds.append(("render markdown", timer.lap()))

        progress?("pages")
        let renderer = SiteRenderer(content: content, notes: notes, statistics: protected, previous: previous, templates: templates)
        var files = renderer.renderPages()
        let pages = files.map(\.path)
        for table in protected.orderedTables {
            files.append(OutputFile(path: "donnees/\(table.id.rawValue).csv", bytes: TableSerializer.csv(table)))
            files.append(OutputFile(path: "donnees/\(table.id.rawValue).json", bytes: TableSerializer.json(table)))
        }
        files.append(OutputFile(path: "donnees/datapackage.json", bytes: DataPackageWriter.write(statistics: protected, labels: renderer.labels)))
        files.append(OutputFile(path: "donnees/LICENCE.txt", text: "\(config.licence)\n\(config.licenceURL)\n"))
        files.append(OutputFile(path: "feed.xml", bytes: AtomFeedWriter.write(notes: notes, config: config)))
        files.append(OutputFile(path: "sitemap.xml", bytes: SitemapWriter.sitemap(pages: pages, config: config)))
        files.append(OutputFile(path: "robots.txt", bytes: SitemapWriter.robots(config: config)))
        for asset in templates.assets { files.append(OutputFile(path: "assets/" + asset.path, bytes: asset.bytes)) }
        files.sort { $0.path < $1.path }
        report.stageSeconds.append(("render templates", timer.lap()))

        report.diagnostics = DiagnosticList(diagnostics)
        report.pageCount = pages.count
        report.tableCount = protected.tables.count
        report.caseCount = current.caseCount
        report.noteCount = notes.count
        report.fileCount = files.count
        report.suppression = protected.report
        guard !report.diagnostics.hasErrors else { return report }

        if let output = options.outputDirectory {
            progress?("writing")
            try AtomicPublisher.publish(files, to: output)
            report.stageSeconds.append(("write", timer.lap()))
        }
        return report
    }

    /// Renders every note body once, in parallel; fills the methodology placeholders from the configuration.
    static func renderNotes(_ content: Content, caseCount: Int, templates: TemplateSet, diagnostics: inout [Diagnostic]) -> [RenderedNote] {
        let config = content.config
        let format = ReaderFormatter(strings: templates.strings)
        let placeholders = [
            "{{threshold}}": String(config.threshold),
            "{{threshold_minus_one}}": String(config.threshold - 1),
            "{{publication_date}}": format.date(config.publicationDate),
            "{{case_count}}": format.integer(caseCount),
        ]
        let notes = content.notes
        let results = ParallelMap.map(notes) { note -> RenderedNote in
            var body = note.body
            if body.contains("{{") {
                for (placeholder, value) in placeholders { body = body.replacingOccurrences(of: placeholder, with: value) }
            }
            let language = note.language ?? config.language
            let rendered = MarkdownRenderer.render(body, path: note.path, firstLine: note.bodyFirstLine, allowRawHTML: config.allowRawHTML, frenchTypography: language == "fr")
            return RenderedNote(note: note, body: rendered)
        }
        for result in results { diagnostics += result.body.diagnostics }
        return results
    }
}

/// Measures the wall time of successive stages.
struct StageTimer {
    private var last = ContinuousClock.now

    mutating func lap() -> Double {
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

// `vigie build`: validate everything, then publish the site atomically.

import ArgumentParser
import Foundation
import VigieCore
import VigiePublishing

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder (atomically: on any error the previous site stays).")

    @OptionGroup var inputs: InputOptions
    @Option(help: "Output folder.") var output = "_site"
    @Flag(help: "After the summary, print the wall time of each stage (one 'timing: <stage>: <seconds>' line each).")
    var timings = false

    /// Checked before any work: publishing replaces the output folder whole (exit 2, wrong usage).
    func validate() throws {
        if let problem = OutputFolderGuard.problem(output: output, inputs: [inputs.content, inputs.templates]) {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        let options = BuildOptions(
            contentDirectory: inputs.content, templatesDirectory: inputs.templates, outputDirectory: output,
            pauseBeforeSwap: ProcessInfo.processInfo.environment["VIGIE_TEST_PAUSE_BEFORE_SWAP"],
            cacheFolder: inputs.cacheFolder)
        try Runner.run(options, verb: "built", timings: timings)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content and templates; write nothing.")

    @OptionGroup var inputs: InputOptions

    func run() throws {
        let options = BuildOptions(
            contentDirectory: inputs.content, templatesDirectory: inputs.templates, outputDirectory: nil,
            cacheFolder: inputs.cacheFolder)
        try Runner.run(options, verb: "checked")
    }
}

struct InputOptions: ParsableArguments {
    @Option(help: "Content folder (site.yaml, cases/, notes/, milestones.yaml).") var content = "content"
    @Option(help: "Templates folder (Mustache templates, strings.yaml, assets/).") var templates = "templates"
    @Option(
        help: ArgumentHelp(
            "Folder where the charts' PNG files and the notes' rendered Markdown are kept between builds, so that only changed charts and notes are made again (default: $XDG_CACHE_HOME/vigie, else ~/.cache/vigie).",
            valueName: "dir"))
    var cacheDir: String?
    @Flag(help: "Draw every chart and render every note again, without reading or writing the cache.") var noCache = false

    /// The cache's folder, or nil when `--no-cache` turns it off.
    var cacheFolder: String? {
        noCache ? nil : cacheDir ?? BuildOptions.defaultCacheFolder()
    }
}

// `vigie generate`: seeded synthetic content, for the default case file, tests and benchmarks.

import ArgumentParser
import Foundation
import VigieSynthetic

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write synthetic content (cases and notes) for tests and benchmarks.",
        discussion: "With --cases-only, writes just the case CSV to --output (a file path).")

    @Option(help: "Number of cases.") var cases = 600
    @Option(help: "Number of notes.") var notes = 10
    @Option(help: "Random seed: the same seed gives the same files.") var seed: UInt64 = 2018
    @Option(help: "Output folder (or file with --cases-only).") var output: String
    @Option(help: "Extra small platforms (marketplace-01…), declared in the generated site.yaml.") var extraPlatforms = 0
    @Flag(help: "Write only the case file.") var casesOnly = false

    func validate() throws {
        guard cases >= 0, notes >= 0, (0...99).contains(extraPlatforms) else {
            throw ValidationError("--cases and --notes must be zero or more, --extra-platforms from 0 to 99")
        }
    }

    func run() throws {
        if casesOnly {
            try Data(CaseGenerator(seed: seed, count: cases).csv()).write(to: URL(fileURLWithPath: output))
            print("wrote \(cases) cases → \(output)")
        } else {
            try SyntheticSite.write(to: output, cases: cases, notes: notes, seed: seed, extraPlatforms: extraPlatforms)
            print("wrote \(cases) cases and \(notes) notes → \(output)/")
        }
    }
}

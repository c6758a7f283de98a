// The `vigie` command and its subcommands.

import ArgumentParser

struct Vigie: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigie",
        abstract: "Builds a static transparency site from anonymised case data and Markdown notes.",
        subcommands: [Build.self, Check.self, Release.self, Serve.self, New.self, Generate.self],
        defaultSubcommand: nil
    )
}

/// A run that found problems in the content or templates (exit status 1); already reported.
struct CommandFailure: Error {}

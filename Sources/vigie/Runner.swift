// Runs the pipeline for a command and reports like a compiler: diagnostics on stderr, one summary line.

import Foundation
import VigieCore

enum Runner {
    static func run(_ options: BuildOptions, verb: String, timings: Bool = false) throws {
        let terminal = isatty(STDERR_FILENO) == 1
        let progress: ((String) -> Void)? = terminal ? { stage in Console.progress(stage) } : nil
        let report: BuildReport
        do {
            // The process ends after this report: no need to free the build's values one by one.
            report = try SiteBuilder.run(options, freeingMemory: false, progress: progress)
        } catch {
            Console.clearProgress(terminal)
            Console.error("\(error)")
            Console.error("1 error: nothing was published")
            throw CommandFailure()
        }
        Console.clearProgress(terminal)
        for diagnostic in report.diagnostics.sorted { Console.error(diagnostic.description) }
        guard report.succeeded else {
            Console.error(report.diagnostics.summary + (options.outputDirectory == nil ? "" : "; nothing was published"))
            throw CommandFailure()
        }
        var line = "\(verb) \(report.pageCount) pages, \(report.tableCount) tables, \(report.caseCount) cases, \(report.noteCount) notes"
        if let suppression = report.suppression {
            line +=
                ", \(suppression.primary + suppression.secondary) cells suppressed (\(suppression.primary) primary, \(suppression.secondary) secondary)"
        }
        line += String(format: " in %.2f s", report.totalSeconds)
        if let output = options.outputDirectory { line += " → \(output)/" }
        if report.diagnostics.items.count > 0 { line += " (\(report.diagnostics.summary))" }
        print(line)
        if timings {
            for (stage, seconds) in report.stageSeconds { print("timing: \(stage): " + String(format: "%.4f", seconds)) }
        }
    }
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func progress(_ stage: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K… \(stage)".utf8))
    }

    static func clearProgress(_ terminal: Bool) {
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

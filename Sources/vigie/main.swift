// Entry point: parses the command line and maps errors to the SPEC's exit statuses
// (0 success, 1 invalid content or templates, 2 wrong usage).

import ArgumentParser
import Foundation

do {
    var command = try Vigie.parseAsRoot()
    try command.run()
} catch is CommandFailure {
    // Diagnostics and the summary line were already printed.
    exit(1)
} catch {
    let code = Vigie.exitCode(for: error)
    let message = Vigie.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    // Anything ArgumentParser rejects is wrong usage.
    exit(2)
}

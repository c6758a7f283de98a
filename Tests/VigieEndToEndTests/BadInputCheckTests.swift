// `vigie check` on every bad-input fixture, run from the fixture folder as a publisher would.

import Testing
import VigieTestSupport

@Suite("vigie check on the bad-input fixtures")
struct BadInputCheckTests {
    /// `vigie check --content content` in the fixture folder, with the repository's templates.
    /// Killed after a minute: some fixtures once made `check` run for minutes or grow without bound.
    static func check(_ fixture: Fixture) throws -> CommandRun {
        try CommandRun.vigie(["check", "--content", "content", "--templates", Repository.templates], in: fixture.folder, timeout: 60)
    }

    /// The summary a failed check ends with, worked out from the expected lines themselves: a line
    /// "… and N more errors in this file" counts for N.
    static func summary(of lines: [String]) -> String {
        let files = Set(lines.map { $0.prefix { $0 != ":" } }).count
        let errors = lines.reduce(0) { count, line in
            guard let more = line.firstRange(of: "error: … and ") else { return count + 1 }
            return count + (Int(line[more.upperBound...].prefix { $0.isNumber }) ?? 1)
        }
        return "\(errors) error\(errors == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
    }

    @Test("exits 1, prints exactly expected.txt then one summary line", arguments: Fixture.badInputs)
    func printsTheExpectedDiagnostics(_ fixture: Fixture) throws {
        let run = try Self.check(fixture)
        #expect(run.status == 1)
        #expect(run.stderrLines == fixture.expectedLines + [Self.summary(of: fixture.expectedLines)])
        #expect(run.stdout.isEmpty)
    }

    @Test("never prints an identifying value", arguments: Fixture.badInputs.filter { !$0.secrets.isEmpty })
    func neverPrintsTheIdentifier(_ fixture: Fixture) throws {
        let run = try Self.check(fixture)
        for secret in fixture.secrets {
            #expect(!run.stderr.contains(secret), "stderr echoes a value of \(fixture.name)/secret.txt")
            #expect(!run.stdout.contains(secret), "stdout echoes a value of \(fixture.name)/secret.txt")
        }
    }

    @Test("a good input checks clean", arguments: Fixture.goodInputs)
    func goodInputExitsZero(_ fixture: Fixture) throws {
        let run = try Self.check(fixture)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("checked "))
    }
}

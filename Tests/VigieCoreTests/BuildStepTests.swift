// The declarations the pipeline's caching is derived from: what each step and page group is made of,
// and the ledger of what changed since each step last ran.

import Testing

@testable import VigieCore

@Suite struct BuildStepTests {
    @Test("a change to templates, site.yaml or a stored release renders every page again")
    func everyPageInputs() {
        for input in BuildInput.everyPage {
            #expect(PageGroup.stale(after: [input]) == Set(PageGroup.allCases), "\(input)")
        }
    }

    @Test("each group is stale after its own inputs only")
    func groupsFollowTheirInputs() {
        #expect(PageGroup.stale(after: []).isEmpty)
        #expect(PageGroup.stale(after: [.cases]) == [.statistics, .home, .publications, .methodology])
        #expect(PageGroup.stale(after: [.renderedNotes]) == [.notes, .home, .progress, .methodology])
        #expect(PageGroup.stale(after: [.milestones]) == [.statistics, .home, .progress])
        for group in [PageGroup.legal, .notFound, .assets] {
            #expect(!group.isStale(after: Set(BuildInput.allCases).subtracting(BuildInput.everyPage)))
        }
    }

    @Test("the statistics are made again from cases, site.yaml and the stored releases, never from notes or templates")
    func computeInputs() {
        for input in BuildInput.allCases {
            let expected: Set<BuildInput> = [.cases, .configuration, .releases]
            #expect(BuildStep.compute.isStale(after: [input]) == expected.contains(input), "\(input)")
        }
        #expect(BuildStep.load.isStale(after: []), "a step without declared inputs runs on every build")
    }

    @Test("the ledger keeps a change for every step until that step runs")
    func ledger() {
        var ledger = StepLedger()
        #expect(BuildStep.allCases.allSatisfy { ledger.isStale($0) }, "a new session has everything to do")
        for step in BuildStep.allCases { ledger.ran(step) }
        #expect(!ledger.isStale(.compute) && !ledger.isStale(.validate))
        ledger.changed(.cases)
        ledger.ran(.validate)
        #expect(!ledger.isStale(.validate))
        #expect(ledger.isStale(.compute), "a run that stopped before computing leaves the change for the next one")
        #expect(ledger.changes(since: .renderTemplates) == [.cases])
        ledger.changed(.notes)
        #expect(!ledger.isStale(.validate), "notes are not an input of the case validation")
    }
}

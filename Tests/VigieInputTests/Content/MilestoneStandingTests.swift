import Testing

@testable import VigieInput

@Suite("A commitment's status comes from its dates")
struct MilestoneStandingTests {
    static let publication = Day(iso: "2019-03-29")!

    static func milestone(due: String, status: Milestone.Status, doneOn: String? = nil) -> Milestone {
        Milestone(
            id: "engagement", title: "Un engagement", actor: "government", due: Day(iso: due)!, status: status,
            doneOn: doneOn.flatMap { Day(iso: $0) })
    }

    @Test(
        "the dates decide, whatever status was typed",
        arguments: [
            // Met on the deadline, before it, after it.
            ("2018-12-24", Milestone.Status.done, String?("2018-12-24"), Milestone.Standing.done, 0),
            ("2018-12-24", .done, "2018-12-20", .done, 0),
            ("2018-12-24", .done, "2019-01-25", .doneLate, 32),
            // Not met, deadline passed: late, even when typed in_progress or not_started.
            ("2018-12-24", .inProgress, nil, .late, 95),
            ("2018-12-24", .notStarted, nil, .late, 95),
            ("2018-12-24", .late, nil, .late, 95),
            // Deadline ahead: the typed status tells in progress from not started; typed late is in progress.
            ("2019-06-30", .inProgress, nil, .inProgress, 0),
            ("2019-06-30", .notStarted, nil, .notStarted, 0),
            ("2019-06-30", .late, nil, .inProgress, 0),
            // The deadline is the publication day itself: not late yet.
            ("2019-03-29", .inProgress, nil, .inProgress, 0),
        ])
    func derived(due: String, typed: Milestone.Status, doneOn: String?, expected: Milestone.Standing, daysLate: Int) {
        let milestone = Self.milestone(due: due, status: typed, doneOn: doneOn)
        #expect(milestone.standing(asOf: Self.publication) == expected)
        #expect(milestone.daysLate(asOf: Self.publication) == daysLate)
    }

    @Test("the same commitment becomes late at the first publication after its deadline")
    func movesWithThePublicationDate() {
        let milestone = Self.milestone(due: "2018-12-24", status: .inProgress)
        #expect(milestone.standing(asOf: Day(iso: "2018-12-20")!) == .inProgress)
        #expect(milestone.standing(asOf: Day(iso: "2018-12-24")!) == .inProgress)
        #expect(milestone.standing(asOf: Day(iso: "2018-12-25")!) == .late)
        #expect(milestone.daysLate(asOf: Day(iso: "2018-12-25")!) == 1)
    }
}

// Disclosure control across a series of stored releases, with corrections in between: checked on
// random case sets rather than chosen examples.

import Testing
import VigieSynthetic
import VigieTestSupport

@testable import VigieDisclosure
@testable import VigieInput

@Suite struct ReleaseSeriesPropertyTests {
    /// A retroactive correction between two releases: every `step`-th case reported so far moves to the
    /// next platform, and every `step + 1`-th one changes status (an open case closed, a closed one reopened).
    static func corrected(_ cases: [CaseRecord], step: Int, before date: Day) -> [CaseRecord] {
        cases.enumerated().map { index, record in
            var record = record
            guard record.reportedOn <= date else { return record }
            if index % step == 0 { record.platform = (record.platform + 1) % 10 }
            if index % (step + 1) == 0 {
                if record.closedOn == nil {
                    (record.status, record.closedOn, record.outcome) = (.withdrawn, record.reportedOn.adding(days: 1), nil)
                    record.referredOn = nil
                } else {
                    (record.status, record.closedOn, record.outcome, record.referredOn) = (.received, nil, nil, nil)
                }
            }
            return record
        }
    }

    /// One random case, drawn with `random` like `RandomCaseSets.record` draws it.
    static func record(_ random: inout SeededGenerator) -> CaseRecord {
        let day = Int.random(in: 0...58, using: &random)
        let reportedOn = CaseFixtures.campaignStart.adding(days: day)
        var issues = UInt64(1) << UInt64(Int.random(in: 0...9, using: &random))
        let second = Int.random(in: 0...19, using: &random)
        if second < 10 { issues |= 1 << UInt64(second) }
        let stage = Int.random(in: 0...9, using: &random)
        let (status, referred, closed): (CaseStatus, Day?, Day?) =
            switch stage {
            case 0, 1: (.received, nil, nil)
            case 2: (.qualified, nil, nil)
            case 3, 4: (.inMediation, reportedOn.adding(days: 2), nil)
            case 5, 6, 9: (.resolved, reportedOn.adding(days: 2), reportedOn.adding(days: 9))
            case 7: (.notResolved, reportedOn.adding(days: 2), reportedOn.adding(days: 9))
            default: (.withdrawn, nil, reportedOn.adding(days: 9))
            }
        return CaseRecord(
            reportedOn: reportedOn, platform: Int(Double(Int.random(in: 0...99, using: &random)).squareRoot()), issues: issues,
            size: CompanySize.allCases.randomElement(using: &random)!, region: Int.random(in: 0...17, using: &random),
            sector: Int.random(in: 0...8, using: &random), revenueLossPercent: Double(Int.random(in: 0...40, using: &random)),
            status: status, referredOn: referred, closedOn: closed, outcome: closed == nil ? nil : Int.random(in: 0...4, using: &random))
    }

    /// Seeded series rather than a property check: the run stays bounded and repeatable in CI (a
    /// failing random input made the property library shrink it, re-running the exact audit of whole
    /// series for 45 minutes). Each seed: 1 to 40 cases, k from 2 to 10, 2 to 4 releases, corrections.
    /// 16 seeds in the suite. The audit holds every withheld small count to the whole range 1…k−1,
    /// masked ones included: seeds 2 and 3 failed that before the month still running was protected
    /// (a month whose weeks an earlier release had shown "< k"; see `RunningMonthTests`).
    @Test(arguments: 1...16)
    func noReleaseOfASeriesGivesAWithheldCountAway(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &* 0x2545_F491_4F6C_DD1D)
        let cases = (0..<Int.random(in: 1...40, using: &random)).map { _ in Self.record(&random) }
        let k = Int.random(in: 2...10, using: &random)
        let dates = (1...Int.random(in: 2...4, using: &random)).map { CaseFixtures.campaignStart.adding(days: 14 + 24 * $0) }
        let step = Int.random(in: 3...9, using: &random)
        var stored: [ProtectedStatistics] = []
        var data = cases
        for (i, date) in dates.enumerated() {
            if i > 0 { data = Self.corrected(data, step: step + i, before: dates[i - 1]) }
            let raw = CaseFixtures.statistics(data, threshold: k, asOf: date)
            // The revisions the site announces for every stored release, as the build lists them.
            let revisions = stored.flatMap { Revision.list(of: $0, recomputed: CaseFixtures.statistics(data, threshold: k, asOf: $0.asOf)) }
            // Every withheld cell of every release so far: not pinned, a small count not narrowed
            // below 1…k−1, a masked one whose range does not hold all of 1…k−1, no small number of new
            // cases pinned, no small revised count of the latest release narrowed.
            let (protected, _, findings) = DisclosureControl.protectAndAudit(raw, after: stored, threshold: k, revisions: revisions)
            #expect(findings == [], "seed \(seed), release \(i + 1), k = \(k): \(findings.map { "\($0)" }.joined(separator: "; "))")
            for table in protected.orderedTables {
                for row in table.rows {
                    for cell in row { if let count = cell.count { #expect(count == 0 || count >= k) } }
                }
            }
            stored.append(protected)
        }
    }

    @Test func atThresholdTwoASmallCountMaskedLaterIsStillOnlyOne() {
        // Found by the property test: at k = 2, "< 2" already says 1; the same week masked in the next
        // release is tied to it (an ended week does not change) and is 1 too, which tells nothing more.
        let record = CaseRecord(
            reportedOn: CaseFixtures.campaignStart, platform: 0, issues: 1, size: .medium, region: 0, sector: 0,
            revenueLossPercent: 0, status: .received, referredOn: nil, closedOn: nil, outcome: nil)
        let dates = [Day(year: 2018, month: 11, day: 29)!, Day(year: 2018, month: 12, day: 23)!]
        var stored: [ProtectedStatistics] = []
        var data = [record]
        for (i, date) in dates.enumerated() {
            if i > 0 { data = Self.corrected(data, step: 3 + i, before: dates[i - 1]) }
            let raw = CaseFixtures.statistics(data, threshold: 2, asOf: date)
            let protected = DisclosureControl.protect(raw, after: stored, threshold: 2)
            #expect(DisclosureAudit.audit(protected, raw: raw, after: stored) == [])
            stored.append(protected)
        }
    }

    @Test func aCellMovedFromOneReleaseToTheNextIsNotRecovered() {
        // The attack of the issue: one release withholds ebay/delisting and publishes other/delisting,
        // the next does the reverse; the column total then pins the small apple/delisting count.
        let k = 5
        var cases = CaseFixtures.cases(2, platform: "apple") + CaseFixtures.cases(7, platform: "ebay")
        cases += CaseFixtures.cases(3, platform: "other") + CaseFixtures.cases(30, platform: "amazon")
        let first = CaseFixtures.statistics(cases, threshold: k, asOf: CaseFixtures.campaignStart.adding(days: 30))
        let released = DisclosureControl.protect(first, after: [], threshold: k)
        #expect(DisclosureAudit.audit(released, raw: first, after: []) == [])
        cases += CaseFixtures.cases(3, platform: "other", reportedOn: CaseFixtures.campaignStart.adding(days: 40))
        let second = CaseFixtures.statistics(cases, threshold: k, asOf: CaseFixtures.campaignStart.adding(days: 58))
        let next = DisclosureControl.protect(second, after: [released], threshold: k)
        #expect(DisclosureAudit.audit(next, raw: second, after: [released]) == [])
        #expect(next[.platformIssue].cell(keys: ["apple", "delisting"], column: "cases")?.isWithheld == true)
    }

    @Test func aCountACorrectionLowersBelowKKeepsTheWholeSmallRangeOnceTheRevisionIsAnnounced() throws {
        // A release publishes ebay = 7; a correction then moves 4 of those cases to amazon, so ebay is
        // 3 for the same date. The revision is announced without its (small) value. Growing the next
        // release's ebay from the published 7 would make a reader believe it is at least 7; grown from
        // the revised value, a small count of its own, ebay keeps every value from 1 to 4.
        let k = 5
        let day = CaseFixtures.campaignStart.adding(days: 30)
        var cases = CaseFixtures.cases(7, platform: "ebay") + CaseFixtures.cases(30, platform: "amazon")
        cases += CaseFixtures.cases(12, platform: "cdiscount")
        let first = CaseFixtures.statistics(cases, threshold: k, asOf: day)
        let released = DisclosureControl.protect(first, after: [], threshold: k)
        #expect(released[.casesByPlatform].cell(keys: ["ebay"], column: "cases") == .count(7))
        for i in 0..<4 { cases[i].platform = SiteConfig(publicationDate: day).platforms.index(of: "amazon")! }
        let revisions = Revision.list(of: released, recomputed: CaseFixtures.statistics(cases, threshold: k, asOf: day))
        let ebay = try #require(revisions.first { $0.table == .casesByPlatform && $0.keys == ["ebay"] })
        #expect(ebay.published == 7 && ebay.revised == nil)

        let second = CaseFixtures.statistics(cases, threshold: k, asOf: day.adding(days: 20))
        let (next, announced, findings) = DisclosureControl.protectAndAudit(second, after: [released], threshold: k, revisions: revisions)
        #expect(findings == [])
        #expect(next[.casesByPlatform].cell(keys: ["ebay"], column: "cases")?.isWithheld == true)
        // amazon's revision (30 → 34) shown beside ebay's would give ebay away: the total did not change,
        // so ebay = 49 − 34 − 12. It is announced masked.
        let amazon = try #require(announced.first { $0.table == .casesByPlatform && $0.keys == ["amazon"] })
        #expect(amazon.published == 30 && amazon.revised == nil && amazon.isMasked)
        // What the reader can work out of ebay now: every value from 1 to 4, and no more than 4 if it
        // is still labelled "< 5".
        let knowledge = ReaderKnowledge(
            publications: [(released.tables, nil, k), (next.tables, second.tables, k)],
            revised: Revision.cells(announced, in: [released]))
        #expect(knowledge.findings().isEmpty)
        // Shown as first listed, the revisions pin it: the audit sees that, not only the completion.
        let shown = ReaderKnowledge(
            publications: [(released.tables, nil, k), (next.tables, second.tables, k)],
            revised: Revision.cells(revisions, in: [released]))
        #expect(!shown.findings().isEmpty)
    }
}

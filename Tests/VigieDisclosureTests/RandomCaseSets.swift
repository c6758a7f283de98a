// Random case sets for property tests: uneven platforms (some with one or two cases), mixed issues, stages and dates.

import PropertyBased
import VigieInput
import VigieTestSupport

enum RandomCaseSets {
    /// One case. Platform `p` is drawn with weight 2p + 1, so the first platforms often have a handful
    /// of cases or none; a case has one or two issues; closures may fall after the publication date.
    static let record = zip(
        Gen.int(in: 0...99), Gen.int(in: 0...9), Gen.int(in: 0...19), Gen<CompanySize>.case, Gen.int(in: 0...17),
        Gen.int(in: 0...8), Gen.int(in: 0...58), Gen.int(in: 0...9), Gen.int(in: 0...60)
    ).map { platformDraw, issue, secondIssue, size, region, sector, day, stage, loss in
        let reportedOn = CaseFixtures.campaignStart.adding(days: day)
        let referredOn = reportedOn.adding(days: 2)
        let closedOn = reportedOn.adding(days: 9)
        var issues = UInt64(1) << UInt64(issue)
        if secondIssue < 10 { issues |= 1 << UInt64(secondIssue) }
        let (status, referred, closed, outcome): (CaseStatus, Day?, Day?, Int?) =
            switch stage {
            case 0, 1: (.received, nil, nil, nil)
            case 2: (.qualified, nil, nil, nil)
            case 3: (.referred, referredOn, nil, nil)
            case 4: (.inMediation, referredOn, nil, nil)
            case 5, 6: (.resolved, referredOn, closedOn, day % 2)
            case 7: (.notResolved, referredOn, closedOn, day % 3 == 0 ? nil : 3)
            case 8: (.withdrawn, nil, closedOn, day % 2 == 0 ? nil : 4)
            default: (.resolved, referredOn, closedOn, nil)
            }
        return CaseRecord(
            reportedOn: reportedOn, platform: Int(Double(platformDraw).squareRoot()), issues: issues, size: size,
            region: region, sector: sector, revenueLossPercent: loss > 50 ? nil : Double(loss), status: status,
            referredOn: referred, closedOn: closed, outcome: outcome)
    }

    /// From a single case to a few hundred.
    static let cases = record.array(of: 1...250)

    static let threshold = Gen.int(in: 2...10)
}

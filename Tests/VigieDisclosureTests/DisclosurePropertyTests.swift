// The disclosure rules, checked on random case sets and thresholds rather than on chosen examples.

import PropertyBased
import Testing
import VigieDisclosure
import VigieTestSupport

@Suite struct DisclosurePropertyTests {
    @Test func noSmallCountIsPublished() async {
        await propertyCheck(input: RandomCaseSets.cases, RandomCaseSets.threshold) { cases, k in
            let protected = DisclosureControl.protect(CaseFixtures.statistics(cases, threshold: k), threshold: k)
            for table in protected.orderedTables {
                for row in table.rows {
                    for cell in row { if let count = cell.count { #expect(count == 0 || count >= k, "\(table.id)") } }
                }
            }
        }
    }

    @Test func everyPublishedCountIsTheTrueCount() async {
        await propertyCheck(input: RandomCaseSets.cases, RandomCaseSets.threshold) { cases, k in
            let raw = CaseFixtures.statistics(cases, threshold: k)
            let protected = DisclosureControl.protect(raw, threshold: k)
            for table in protected.orderedTables {
                for (r, row) in table.rows.enumerated() {
                    for (c, cell) in row.enumerated() where cell.count != nil {
                        #expect(cell == raw[table.id].rows[r][c], "\(table.id) row \(r)")
                    }
                }
            }
        }
    }

    @Test func noWithheldCountCanBeWorkedOut() async {
        await propertyCheck(input: RandomCaseSets.cases, RandomCaseSets.threshold) { cases, k in
            let raw = CaseFixtures.statistics(cases, threshold: k)
            let protected = DisclosureControl.protect(raw, threshold: k)
            #expect(DisclosureAudit.audit(protected, raw: raw) == [])
        }
    }

    @Test func noWithheldCountCanBeWorkedOutFromTwoPublications() async {
        await propertyCheck(input: RandomCaseSets.cases, RandomCaseSets.threshold) { cases, k in
            let raw = CaseFixtures.statistics(cases, threshold: k)
            let before = CaseFixtures.statistics(cases, threshold: k, asOf: CaseFixtures.campaignStart.adding(days: 30))
            let publications = DisclosureControl.protect(current: raw, previous: before, threshold: k)
            #expect(DisclosureAudit.audit(publications, raw: raw, previous: before) == [])
        }
    }
}

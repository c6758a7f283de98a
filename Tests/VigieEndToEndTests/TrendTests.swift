import Foundation
import Testing
import VigieTestSupport

@Suite("A trend a reader can see: weeks while they are publishable, else months of whole weeks")
struct TrendTests {
    /// `perDay` cases on each listed day (ISO dates), all on amazon.
    static func rows(_ days: [String], perDay: Int) -> [String] {
        var rows: [String] = []
        for (d, day) in days.enumerated() {
            for i in 0..<perDay { rows.append("T-\(d * 100 + i),\(day),amazon,delisting,micro,11,publishing,20,received,,,") }
        }
        return rows
    }

    static func build(_ rows: [String]) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let run = try SiteTree.withCases(rows).build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    /// Every day from `first` to `last` (ISO dates, same year), one a week.
    static func weekly(from first: String, weeks: Int) -> [String] {
        var dates: [String] = []
        var formatter = Date.ISO8601FormatStyle().year().month().day()
        formatter.timeZone = TimeZone(identifier: "UTC")!
        var day = try! formatter.parse(first)
        for _ in 0..<weeks {
            dates.append(formatter.format(day))
            day = day.addingTimeInterval(7 * 86_400)
        }
        return dates
    }

    @Test("two cases a week since November: the weeks are all < 5, so the home page draws the months, which add up")
    func smallWeeksGiveMonths() throws {
        // Mondays from 2018-11-05 to 2019-03-25: 21 weeks of 2 cases.
        let folder = try Self.build(Self.rows(Self.weekly(from: "2018-11-05", weeks: 21), perDay: 2))
        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains("Dossiers reçus mois par mois"))
        #expect(home.contains("statistiques/#cases-by-month"))
        #expect(!home.contains("semaine par semaine"))
        // Months of whole weeks: November 2018 (W45–W48, the first week in W45 holds 2 cases) … February 2019;
        // March is not over on 29 March and is left out.
        // Secondary suppression may mask one month (here the last one would let a reader subtract March's
        // weeks from the total); every month it publishes is its weeks' sum.
        let csv = try #require(folder.read("_site/donnees/cases_by_month.csv"))
        let expected = ["2018-11,2018-W44,2018-W48,8", "2018-12,2018-W49,2018-W52,8", "2019-01,2019-W01,2019-W05,10", "2019-02,2019-W06,2019-W09,8"]
        let lines = csv.split(separator: "\n").dropFirst().map(String.init)
        #expect(lines.count == 4)
        for (line, sum) in zip(lines, expected) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.prefix(3).joined(separator: ",") == sum.split(separator: ",").prefix(3).joined(separator: ","))
            #expect(fields[3].isEmpty ? fields[4] == "masked" : line.hasPrefix(sum + ",published"), "\(line)")
        }
        #expect(lines.filter { $0.contains(",published,") }.count >= 3)
        let statistics = try #require(folder.read("_site/statistiques/index.html"))
        #expect(statistics.contains("janvier 2019 (du 31 décembre 2018 au 3 février 2019)"))
        // One scale per chart: the weekly chart draws no line over its columns.
        #expect(!statistics.contains("class=\"line\""))
    }

    @Test("ten cases a week: every recent week is published, so the home page stays weekly")
    func largeWeeksStayWeekly() throws {
        let folder = try Self.build(Self.rows(Self.weekly(from: "2018-11-05", weeks: 21), perDay: 10))
        let home = try #require(folder.read("_site/index.html"))
        #expect(home.contains("Dossiers reçus semaine par semaine"))
        #expect(home.contains("statistiques/#cases-by-week"))
    }
}

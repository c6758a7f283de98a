// Seeded synthetic case files of the SPEC's shape: the default content and the benchmark inputs.
// Skewed like the real campaign: most reports in November 2018, the largest marketplace first,
// a few platforms with very few cases, several issues per case, statuses consistent with dates.

import Foundation
import VigieInput

public struct CaseGenerator: Sendable {
    public var seed: UInt64
    public var count: Int
    public var firstDay: Day
    public var publicationDate: Day
    /// Extra small marketplaces (`marketplace-01`…), each with about 0.3 % of the cases: they exercise
    /// disclosure control on many small groups. Their keys must be declared in site.yaml.
    public var extraPlatforms: Int

    public init(
        seed: UInt64, count: Int, firstDay: Day = Day(iso: "2018-10-31")!, publicationDate: Day = Day(iso: "2019-03-29")!,
        extraPlatforms: Int = 0
    ) {
        self.seed = seed
        self.count = count
        self.firstDay = firstDay
        self.publicationDate = publicationDate
        self.extraPlatforms = extraPlatforms
    }

    /// Keys of the extra platforms.
    public static func extraPlatformKeys(_ count: Int) -> [String] {
        (1...max(1, count)).prefix(count).map { "marketplace-" + pad($0, 2) }
    }

    static let header =
        "case_id,reported_on,platform,issues,company_size,region,sector,revenue_loss_pct,status,referred_on,closed_on,outcome\n"

    static let platformWeights: [(String, Double)] = [
        ("amazon", 44), ("cdiscount", 14), ("fnac-darty", 9), ("rakuten", 8), ("ebay", 7), ("manomano", 5.5),
        ("leboncoin", 5), ("google", 3.2), ("apple", 0.6), ("other", 3.7),
    ]
    static let platforms = WeightedChoice(platformWeights)
    static let issues = WeightedChoice([
        ("delisting", 30), ("account_suspension", 20), ("funds_withheld", 18), ("accounting_documents", 8),
        ("no_customer_service", 25), ("unilateral_terms_change", 10), ("ranking_demotion", 8), ("fees_increase", 10),
        ("data_access", 2.5), ("other", 4),
    ])
    static let sizes = WeightedChoice([("micro", 62), ("small", 28), ("medium", 10)])
    static let regions = WeightedChoice([
        ("11", 19), ("84", 12), ("75", 9), ("76", 9), ("32", 8), ("44", 8), ("93", 8), ("52", 6), ("53", 5), ("28", 5),
        ("27", 4), ("24", 4), ("94", 0.5), ("01", 0.6), ("02", 0.5), ("03", 0.25), ("04", 1), ("06", 0.15),
    ])
    static let sectors = WeightedChoice([
        ("publishing", 9), ("fashion", 16), ("electronics", 14), ("home_garden", 15), ("food", 6), ("health_beauty", 10),
        ("toys_leisure", 11), ("services", 5), ("other", 8),
    ])

    /// The whole file as bytes (a 1 M-case file is about 100 MB).
    public func csv() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + count * 100)
        out.append(contentsOf: Self.header.utf8)
        var random = SeededGenerator(seed: seed)
        let span = publicationDate - firstDay
        let platforms =
            extraPlatforms == 0
            ? Self.platforms
            : WeightedChoice(Self.platformWeights + Self.extraPlatformKeys(extraPlatforms).map { ($0, 0.3) })
        for index in 0..<count {
            appendCase(index: index, span: span, platforms: platforms, random: &random, to: &out)
        }
        return out
    }

    /// Day offset of a report: half of them during the call (31 October to 30 November), the rest tailing off.
    func reportOffset(span: Int, random: inout SeededGenerator) -> Int {
        let u = random.unit()
        if u < 0.62 {
            // During the call, with a rush in the last week.
            let v = random.unit()
            return v < 0.3 ? 23 + Int(random.unit() * 8) : Int(random.unit() * 31)
        }
        // After the call: exponential decay over the remaining months.
        let decay = -log(1 - random.unit() * 0.98) * 30
        return min(span, 31 + Int(decay))
    }

    func appendCase(index: Int, span: Int, platforms: WeightedChoice, random: inout SeededGenerator, to out: inout [UInt8]) {
        let reported = firstDay.adding(days: reportOffset(span: span, random: &random))
        let platform = platforms.pick(&random)
        var issueSet: [Int] = [Self.issues.index(&random)]
        if platform == "amazon" && random.unit() < 0.35 { issueSet = [0] }  // delisting, the campaign's emblematic case
        let extra = random.unit()
        if extra < 0.45 { issueSet.append(Self.issues.index(&random)) }
        if extra < 0.15 { issueSet.append(Self.issues.index(&random)) }
        let issues = Set(issueSet).sorted().map { Self.issues.keys[$0] }.joined(separator: "|")
        let size = Self.sizes.pick(&random)
        let region = Self.regions.pick(&random)
        let sector = Self.sectors.pick(&random)
        var loss = ""
        if random.unit() < 0.72 {
            // Skewed towards 10–30 %, occasionally much more.
            let value = min(100, max(0, 4 + 40 * pow(random.unit(), 1.6) + (random.unit() < 0.08 ? 35 * random.unit() : 0)))
            loss = Self.oneDecimal(value)
        }
        let age = publicationDate - reported
        var status = "received"
        var referred = ""
        var closed = ""
        var outcome = ""
        let qualifyDelay = 2 + Int(random.unit() * 12)
        let referDelay = qualifyDelay + 3 + Int(random.unit() * 25)
        let closeDelay = referDelay + 10 + Int(random.unit() * 70)
        let roll = random.unit()
        if age >= qualifyDelay { status = "qualified" }
        if roll < 0.06 && age >= qualifyDelay {
            status = "withdrawn"
            closed = reported.adding(days: qualifyDelay).iso
            outcome = "abandoned"
        } else if age >= referDelay && roll < 0.82 {
            status = "referred"
            referred = reported.adding(days: referDelay).iso
            if age >= referDelay + 7 { status = "in_mediation" }
            if age >= closeDelay {
                closed = reported.adding(days: closeDelay).iso
                let result = random.unit()
                if result < 0.55 {
                    status = "resolved"
                    outcome = random.unit() < 0.6 ? "reinstated" : (random.unit() < 0.5 ? "compensated" : "explanation_given")
                } else if result < 0.9 {
                    status = "not_resolved"
                    outcome = "no_agreement"
                } else {
                    status = "withdrawn"
                    outcome = "abandoned"
                }
            }
        }
        let id = "VIG-" + Self.pad(index + 1, 7)
        let line =
            "\(id),\(reported.iso),\(platform),\(issues),\(size),\(region),\(sector),\(loss),\(status),\(referred),\(closed),\(outcome)\n"
        out.append(contentsOf: line.utf8)
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

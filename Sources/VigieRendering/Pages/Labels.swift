// Turns keys into what readers see: vocabulary labels (site.yaml first, then strings.yaml),
// stage and size names, ISO weeks, and withheld or formatted cell values.

import VigieInput
import VigieStatistics

/// Reader-facing text for keys and cells, in the site language.
public struct Labels: Sendable {
    public let config: SiteConfig
    public let strings: Strings
    public let format: ReaderFormatter

    public init(config: SiteConfig, strings: Strings) {
        self.config = config
        self.strings = strings
        self.format = ReaderFormatter(strings: strings)
    }

    func vocabulary(_ name: String) -> Vocabulary? {
        switch name {
        case "platforms": return config.platforms
        case "issues": return config.issues
        case "sectors": return config.sectors
        case "outcomes": return config.outcomes
        case "regions": return config.regions
        default: return nil
        }
    }

    /// The label of a key in a vocabulary (`platforms`, `issues`, `sizes`, `stages`, …).
    public func label(_ key: String, in vocabularyName: String?) -> String {
        if key == "total" { return strings.text("labels.total") }
        if key == "unspecified" { return strings.text("labels.unspecified") }
        guard let vocabularyName else { return key }
        // A milestone's actor is `government`, `mediator` or a platform key.
        if vocabularyName == "actors", strings.optionalText("labels.actors.\(key)") == nil { return platform(key) }
        if let configured = vocabulary(vocabularyName)?.labels[key] { return configured }
        return strings.optionalText("labels.\(vocabularyName).\(key)") ?? key
    }

    public func platform(_ key: String) -> String { label(key, in: "platforms") }

    /// The labels of a vocabulary in key order, each quoted (`format.quoted`), joined: what the methodology
    /// lists as `{{labels.issues}}`, so that it names the categories exactly as the tables do.
    public func quotedList(_ vocabularyName: String) -> String {
        keys(of: vocabularyName).map { strings.format("format.quoted", ["text": label($0, in: vocabularyName)]) }
            .joined(separator: strings.text("format.list_separator"))
    }

    /// The keys of a vocabulary in their order: the open ones from the configuration, the closed ones
    /// from their types (company sizes, statuses, paths, funnel stages, delays, commitment standings).
    public func keys(of vocabularyName: String) -> [String] {
        switch vocabularyName {
        case "sizes": return CompanySize.allCases.map(\.rawValue)
        case "statuses": return CaseStatus.allCases.map(\.rawValue)
        case "paths": return CasePath.allCases.map(\.rawValue)
        case "stages": return ["reported", "referred", "closed", "resolved"]
        case "delays": return DelayStage.allCases.map(\.rawValue)
        case "milestone_status": return Milestone.Standing.allCases.map(\.rawValue)
        case "actors": return ["government", "mediator"]
        default: return vocabulary(vocabularyName)?.keys ?? []
        }
    }

    /// The vocabularies a note may list with `{{labels.<name>}}`.
    package static let listedVocabularies = ["platforms", "issues", "sectors", "outcomes", "sizes", "paths", "stages", "delays"]

    /// `2018-W44` → `S44 2018` short label for charts.
    public func shortWeek(_ key: String) -> String {
        let parts = key.split(separator: "W")
        guard parts.count == 2 else { return key }
        return strings.format("statistics.week_short", ["week": String(parts[1])])
    }

    /// `2018-W44` → `2018-W44 (semaine du 29 octobre 2018)`; the week of the publication date, not
    /// over yet, says so and until when it counts (its count is not a whole week's).
    public func week(_ key: String) -> String {
        guard let monday = ISOWeek(key: key)?.monday else { return key }
        if monday.adding(days: 6) > config.publicationDate {
            return strings.format(
                "statistics.week_label_partial",
                ["week": key, "monday": format.date(monday), "date": format.date(config.publicationDate)])
        }
        return strings.format("statistics.week_label", ["week": key, "monday": format.date(monday)])
    }

    /// `2019-01` → `janv.`, the short label of a month of weeks for charts (the year is drawn apart).
    public func shortMonth(_ key: String) -> String {
        guard let month = WeekMonth(key: key) else { return key }
        let short = strings.list("format.months_short")
        return short.count == 12 ? short[month.month - 1] : format.months[month.month - 1]
    }

    /// `2019-01` → `janvier 2019 (du 31 décembre 2018 au 3 février 2019)`: a month of whole ISO weeks
    /// (`WeekMonth`) with the days it really covers (only months ended by the publication date are
    /// published, so none is partial).
    public func month(_ key: String) -> String {
        guard let month = WeekMonth(key: key) else { return key }
        return strings.format(
            "statistics.month_label",
            [
                "month": format.months[month.month - 1], "year": String(month.year), "first": format.date(month.firstDay),
                "last": format.date(month.lastDay),
            ])
    }

    /// A cell as text: formatted number, or the marker of a withheld value.
    public func cellText(_ cell: TableCell, column: TableColumn, vocabulary: String?) -> String {
        switch cell {
        case let .key(key):
            if column.name == "week" { return week(key) }
            if column.name == "month" { return month(key) }
            return label(key, in: vocabulary)
        case let .count(value):
            return format.integer(value)
        case let .measure(value, decimals):
            if case let .measure(unit) = column.kind {
                switch unit {
                case "share": return format.percent(share: value)
                case "percent": return format.percent(points: value)
                default: return format.decimal(value, places: value == value.rounded() ? 0 : 1)
                }
            }
            return format.decimal(value, places: decimals)
        case let .withheld(reason):
            return withheldText(reason)
        case .empty:
            return strings.text("statistics.empty_value")
        case let .flag(value):
            return value ? "true" : "false"
        case let .text(text):
            return text
        case let .date(day):
            return format.date(day)
        }
    }

    public func withheldText(_ reason: Withholding) -> String {
        let k = String(config.threshold)
        switch reason {
        case .primary: return strings.format("statistics.withheld_primary", ["k": k])
        case .secondary, .primaryMasked: return strings.text("statistics.withheld_secondary")
        case .smallGroup: return strings.text("statistics.withheld_small_group")
        }
    }
}

// Formats numbers and dates for readers in the site language (French by default: `1 234`, `12,5 %`,
// `20 décembre 2018`), from the conventions in strings.yaml; deterministic, no locale database.

import VigieInput

public struct ReaderFormatter: Sendable {
    public var groupSeparator: String
    public var decimalSeparator: String
    public var percentPattern: String
    public var months: [String]
    public var datePattern: String
    /// How the first day of a month is written (`1er` in French).
    public var firstDay: String

    public init(strings: Strings) {
        groupSeparator = strings.optionalText("format.group_separator") ?? "\u{202F}"
        decimalSeparator = strings.optionalText("format.decimal_separator") ?? ","
        percentPattern = strings.optionalText("format.percent") ?? "{value}\u{00A0}%"
        let months = strings.list("format.months")
        self.months = months.count == 12 ? months : ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
        datePattern = strings.optionalText("format.date") ?? "{day} {month} {year}"
        firstDay = strings.optionalText("format.first_day") ?? "1"
    }

    /// `1234567` → `1 234 567`
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += groupSeparator }
            out.append(c)
        }
        return value < 0 ? "−" + out : out
    }

    /// `+42`, `−3`, `0`: a change, with its sign.
    public func signed(_ value: Int) -> String {
        value > 0 ? "+" + integer(value) : integer(value)
    }

    /// Fixed decimals with the site's separator; trailing zeros kept so columns align.
    public func decimal(_ value: Double, places: Int) -> String {
        let scale = pow10(places)
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded.rounded(.towardZero))
        var text = integer(whole)
        if rounded < 0 && whole == 0 { text = "−0" }
        if places > 0 {
            let fraction = Int((abs(rounded - Double(whole)) * scale).rounded())
            let fractionText = String(fraction)
            text += decimalSeparator + String(repeating: "0", count: places - fractionText.count) + fractionText
        }
        return text
    }

    /// `0.125` → `12,5 %` (one decimal, dropped when zero).
    public func percent(share: Double) -> String {
        percent(points: share * 100)
    }

    /// `12.5` → `12,5 %`
    public func percent(points: Double) -> String {
        let rounded = (points * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? integer(Int(rounded)) : decimal(rounded, places: 1)
        return Strings.fill(percentPattern) { $0 == "value" ? text : nil }
    }

    /// `20 décembre 2018`
    public func date(_ day: Day) -> String {
        let (y, m, d) = day.components
        let dayText = d == 1 ? firstDay : String(d)
        return Strings.fill(datePattern) { name in
            switch name {
            case "day": dayText
            case "month": months[m - 1]
            case "year": String(y)
            default: nil
            }
        }
    }

    private func pow10(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<n { value *= 10 }
        return value
    }
}

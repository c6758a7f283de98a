// Reading what a mistyped date meant, for "did you mean" hints in case files and YAML.

extension Day {
    /// The date a non-ISO value most likely means: `30/11/2018`, `30-11-2018`, `30.11.2018`, `2018/11/30`,
    /// `2018-1-5`, or a spreadsheet serial number such as `43434` (days since 1899-12-30). Nil otherwise.
    public static func suggestion(forMistyped text: String) -> Day? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        if parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) {
            if parts[0].count == 4 { return Day(year: a, month: b, day: c) }
            if parts[2].count == 4 { return Day(year: c, month: b, day: a) }
            return nil
        }
        // A date cell that Excel exported as its serial number: 40000…55000 covers 2009 to 2050.
        if parts.count == 1, text.count == 5, let serial = Int(text), (40_000...55_000).contains(serial) {
            return Day(year: 1899, month: 12, day: 30)?.adding(days: serial)
        }
        return nil
    }

    /// True when the text has the shape `YYYY-MM-DD` but names no calendar day (`2019-02-30`).
    public static func isImpossibleISO(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
        return b.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || ($0.element >= 48 && $0.element <= 57) }
            && Day(iso: text) == nil
    }
}

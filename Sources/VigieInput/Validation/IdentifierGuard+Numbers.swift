// The anonymity guard's number detectors: phone numbers, SIREN and SIRET.

extension IdentifierGuard {
    /// A run of digit groups joined by single separators, e.g. `06 12 34 56 78` or `+33 (0)6 12 34 56 78`.
    struct DigitRun {
        var groups: [[UInt8]] = [[]]
        var afterPlus = false
        var digits: [UInt8] { groups.flatMap { $0 } }
        var groupLengths: [Int] { groups.map(\.count) }
    }

    /// Classifies every digit run of the text; the grouping decides as much as the digit count, so
    /// that `C-2018-00042` (4 + 5 digits) is not read as a SIREN (9 digits written 9 or 3 + 3 + 3).
    static func numberKind(_ b: [UInt8]) -> IdentifierKind? {
        for run in digitRuns(b) {
            if let kind = classify(run) { return kind }
        }
        return nil
    }

    static func digitRuns(_ raw: [UInt8]) -> [DigitRun] {
        let b = raw.contains(where: { $0 >= 0x80 }) ? spacesFolded(raw) : raw
        var runs: [DigitRun] = []
        var i = 0
        while i < b.count {
            guard isDigit(b[i]) else {
                i += 1
                continue
            }
            var run = DigitRun()
            run.afterPlus = i > 0 && b[i - 1] == UInt8(ascii: "+")
            var j = i
            while j < b.count {
                if isDigit(b[j]) {
                    run.groups[run.groups.count - 1].append(b[j])
                    j += 1
                    continue
                }
                // One separator, or a space and a parenthesis (`33 (0)6`, `(0) 6`), then a digit.
                let gap = separatorGap(b, at: j)
                guard gap > 0 else { break }
                run.groups.append([])
                j += gap
            }
            runs.append(run)
            i = j
        }
        return runs
    }

    /// French spreadsheets group digits with a no-break space (U+00A0) or a narrow one (U+202F):
    /// each becomes a plain space.
    private static func spacesFolded(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 {
                out.append(UInt8(ascii: " "))
                i += 2
            } else if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xAF {
                out.append(UInt8(ascii: " "))
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }

    /// Length of the separator at `j` when a digit follows it, else 0.
    private static func separatorGap(_ b: [UInt8], at j: Int) -> Int {
        let single: Set<UInt8> = [
            UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"),
        ]
        if j + 1 < b.count, single.contains(b[j]), isDigit(b[j + 1]) { return 1 }
        if j + 2 < b.count, isDigit(b[j + 2]) {
            let pair = (b[j], b[j + 1])
            if pair == (UInt8(ascii: " "), UInt8(ascii: "(")) || pair == (UInt8(ascii: ")"), UInt8(ascii: " ")) { return 2 }
        }
        return 0
    }

    static func classify(_ run: DigitRun) -> IdentifierKind? {
        let d = run.digits
        let n = d.count
        let lengths = run.groupLengths
        // International: `+33 6 12 34 56 78`, `+49 30 1234567` (E.164 holds at most 15 digits).
        if run.afterPlus, (8...15).contains(n), d[0] != 48 { return .phone }
        // International with the `00` prefix: `0033 6 12 34 56 78` (a country code never starts with 0).
        if (11...15).contains(n), d[0] == 48, d[1] == 48, d[2] != 48 { return .phone }
        // French: ten digits `0X…`, written whole or in short groups (pairs, `(0)6 …`).
        if n == 10, d[0] == 48, d[1] != 48, lengths == [10] || lengths.allSatisfy({ $0 <= 4 }) { return .phone }
        if n == 14, isSIRET(d) { return .siret }
        if n == 9, lengths == [9] || lengths == [3, 3, 3] { return .siren }
        // A number inside a longer run, e.g. a SIRET with a wrong key `732829320 00075`.
        for group in run.groups {
            if group.count == 9 { return .siren }
            if group.count == 14, isSIRET(group) { return .siret }
            if group.count == 10, group[0] == 48, group[1] != 48 { return .phone }
        }
        return nil
    }

    /// Luhn check, or La Poste's exception (SIREN 356000000: its establishments' digit sum is divisible by 5).
    static func isSIRET(_ digits: [UInt8]) -> Bool {
        let values = digits.map { Int($0 - 48) }
        if values.starts(with: [3, 5, 6, 0, 0, 0, 0, 0, 0]), values.reduce(0, +) % 5 == 0 { return true }
        return luhn(values)
    }

    static func luhn(_ values: [Int]) -> Bool {
        var sum = 0
        for (index, value) in values.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = value * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += value
            }
        }
        return sum % 10 == 0
    }
}

// The anonymity guard's IBAN detector: country code, check digits, mod-97 (ISO 13616).

extension IdentifierGuard {
    /// IBAN length per country (ISO 13616 registry). Testing only the registered length, and only for
    /// registered countries, keeps opaque ids such as `AB2018000042…` from passing mod 97 by chance.
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "BY": 28,
        "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
        "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
        "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
        "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
        "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19,
        "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    ]

    /// An IBAN written compact or in groups (`FR76 3000 6000 0112 3456 7890 189`), any case, starting a word.
    static func containsIBAN(_ b: [UInt8]) -> Bool {
        var i = 0
        while i + 4 <= b.count {
            defer { i += 1 }
            guard isLetter(b[i]), isLetter(b[i + 1]), isDigit(b[i + 2]), isDigit(b[i + 3]) else { continue }
            guard i == 0 || !isAlnum(b[i - 1]) else { continue }
            // Collect up to 34 alphanumerics, skipping single spaces or dashes between groups.
            var compact: [UInt8] = []
            var j = i
            while j < b.count, compact.count < 34 {
                if isAlnum(b[j]) {
                    compact.append(b[j] >= 97 ? b[j] - 32 : b[j])
                } else if !((b[j] == UInt8(ascii: " ") || b[j] == UInt8(ascii: "-")) && j + 1 < b.count && isAlnum(b[j + 1])) {
                    break
                }
                j += 1
            }
            let country = String(decoding: compact.prefix(2), as: UTF8.self)
            if let length = ibanLengths[country], length <= compact.count, mod97(compact[0..<length]) == 1 { return true }
        }
        return false
    }

    /// ISO 13616 check: move the first four characters to the end, letters become 10…35, remainder mod 97.
    static func mod97(_ iban: ArraySlice<UInt8>) -> Int {
        let start = iban.startIndex
        let rearranged = iban[(start + 4)...] + iban[start..<(start + 4)]
        var remainder = 0
        for c in rearranged {
            if isDigit(c) {
                remainder = (remainder * 10 + Int(c - 48)) % 97
            } else if c >= 65 && c <= 90 {
                remainder = (remainder * 100 + Int(c - 55)) % 97
            } else {
                return -1
            }
        }
        return remainder
    }
}

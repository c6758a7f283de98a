// Sample inputs for the chart tests and the visual preview, worded as the site would word them.

import VigieCharts

enum ChartSamples {
    static let withheldLegend = "Valeur masquée (secret statistique)"

    static func text(_ title: String, _ description: String = "Description du constat principal.") -> ChartText {
        ChartText(title: title, description: description, withheldLegend: withheldLegend)
    }

    /// Counts written the French way: `1 234` with a narrow no-break space.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append("\u{202F}") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    static func datum(_ key: String, _ label: String, _ value: Int?) -> ChartDatum {
        ChartDatum(key: key, label: label, value: value.map(Double.init), valueText: value.map(count) ?? "< 5")
    }

    static let platforms: [ChartDatum] = [
        datum("amazon", "Amazon", 1234),
        datum("cdiscount", "Cdiscount", 412),
        datum("fnac-darty", "Fnac Darty", 187),
        datum("rakuten", "Rakuten", 96),
        datum("ebay", "eBay", 58),
        datum("manomano", "ManoMano", 21),
        datum("leboncoin", "leboncoin", 9),
        datum("google", "Google", nil),
        datum("apple", "Apple", 0),
        datum("other", "Autres plateformes", 33),
    ]

    static let issues: [ChartDatum] = [
        datum("delisting", "Déréférencement", 642),
        datum("account_suspension", "Suspension du compte vendeur", 488),
        datum("funds_withheld", "Fonds retenus par la plateforme", 351),
        datum("accounting_documents", "Pièces comptables impossibles à obtenir", 274),
        datum("no_customer_service", "Aucun service client joignable", 266),
        datum("unilateral_terms_change", "Modification unilatérale des conditions générales", 150),
        datum("ranking_demotion", "Rétrogradation dans les résultats", 97),
        datum("fees_increase", "Hausse des commissions", 64),
        datum("data_access", "Accès aux données", nil),
        datum("other", "Autre difficulté", 12),
    ]

    static let weeks: [ChartDatum] = {
        let counts: [Int?] = [38, 112, 205, 264, 231, 190, 122, 84, 61, nil, 27, 14]
        return counts.enumerated().map { index, count in
            let week = 40 + index
            return datum("2018-W\(week)", "S\(week)", count)
        }
    }()

    /// Thirty weeks across the new year (2018-W40 to 2019-W17), for label thinning.
    static let longWeeks: [ChartDatum] = (0..<30).map { index in
        let (year, week) = index < 13 ? (2018, 40 + index) : (2019, index - 12)
        let count = [12, 30, 64, 88, 120, 140, 131, 117, 96, 80, 71, 60, 43][index % 13] / (index < 13 ? 1 : 2) + 6
        return datum("\(year)-W\(week)", "S\(week)", count)
    }

    static let funnel: [ChartDatum] = [
        datum("reported", "Signalements reçus", 2050),
        datum("referred", "Transmis au médiateur", 1271),
        datum("closed", "Dossiers clos", 684),
        datum("resolved", "Résolus", 402),
    ]
    /// A funnel of a small publication, whose last stage is withheld.
    static let funnelWithWithheldStage: [ChartDatum] = [
        datum("reported", "Signalements reçus", 41),
        datum("referred", "Transmis au médiateur", 17),
        datum("closed", "Dossiers clos", 6),
        datum("resolved", "Résolus", nil),
    ]
    static let funnelShares: [String?] = ["100\u{202F}%", "62\u{202F}%", "33\u{202F}%", "20\u{202F}%"]

    static let regionShortLabels: [String: String] = [
        "11": "IDF", "24": "CVL", "27": "BFC", "28": "NOR", "32": "HDF", "44": "GES", "52": "PDL", "53": "BRE",
        "75": "NAQ", "76": "OCC", "84": "ARA", "93": "PAC", "94": "COR",
        "01": "GUA", "02": "MTQ", "03": "GUF", "04": "RÉU", "06": "MAY",
    ]

    static let regions: [ChartDatum] = [
        datum("11", "Île-de-France", 612), datum("84", "Auvergne-Rhône-Alpes", 255),
        datum("93", "Provence-Alpes-Côte d'Azur", 181), datum("76", "Occitanie", 176),
        datum("75", "Nouvelle-Aquitaine", 158), datum("32", "Hauts-de-France", 141),
        datum("44", "Grand Est", 118), datum("52", "Pays de la Loire", 102), datum("53", "Bretagne", 87),
        datum("28", "Normandie", 64), datum("27", "Bourgogne-Franche-Comté", 52),
        datum("24", "Centre-Val de Loire", 47), datum("94", "Corse", nil), datum("01", "Guadeloupe", 8),
        datum("02", "Martinique", 6), datum("03", "Guyane", nil), datum("04", "La Réunion", 19),
        datum("06", "Mayotte", 0),
    ]

    static let shares: [ChartDatum] = [
        ChartDatum(key: "amazon", label: "Amazon", value: 0.58, valueText: "58\u{202F}%"),
        ChartDatum(key: "cdiscount", label: "Cdiscount", value: 0.71, valueText: "71\u{202F}%"),
        ChartDatum(key: "fnac-darty", label: "Fnac Darty", value: 0.44, valueText: "44\u{202F}%"),
        ChartDatum(key: "rakuten", label: "Rakuten", value: 0.63, valueText: "63\u{202F}%"),
        ChartDatum(key: "ebay", label: "eBay", value: 0.25, valueText: "25\u{202F}%"),
        ChartDatum(key: "manomano", label: "ManoMano", value: nil, valueText: "n.\u{202F}d."),
        ChartDatum(key: "other", label: "Autres plateformes", value: 0, valueText: "0\u{202F}%"),
    ]
}

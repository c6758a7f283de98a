// Seeded synthetic notes for benchmarks and large test sites: front matter, headings, lists,
// links, emphasis and code, several kilobytes each, in plausible French.

import VigieInput

public struct NoteGenerator: Sendable {
    public var seed: UInt64
    public var count: Int
    public var publicationDate: Day

    public init(seed: UInt64, count: Int, publicationDate: Day = Day(iso: "2019-03-29")!) {
        self.seed = seed
        self.count = count
        self.publicationDate = publicationDate
    }

    static let words = [
        "plateforme", "entreprise", "vendeur", "médiation", "signalement", "compte", "déréférencement", "commission",
        "marché", "client", "contrat", "conditions", "délai", "réponse", "service", "boutique", "catalogue", "commande",
        "paiement", "transparence", "règle", "classement", "données", "litige", "accord", "dialogue", "engagement",
        "publication", "chiffre", "affaires", "numérique", "européen", "régulation", "procédure", "recours", "dossier",
    ]
    static let tags = ["plateformes", "médiation", "fiscalité", "europe", "données", "commerce", "pme", "méthode"]

    /// `(file name, text)` for each note, in a stable order.
    public func notes() -> [(name: String, text: String)] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { index in note(index: index, random: &random) }
    }

    func sentence(_ random: inout SeededGenerator, words count: Int) -> String {
        var parts: [String] = []
        for i in 0..<count {
            var word = Self.words[Int(random.next() % UInt64(Self.words.count))]
            if i == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
            let style = random.unit()
            if style < 0.03 { word = "*\(word)*" } else if style < 0.05 { word = "**\(word)**" } else if style < 0.06 { word = "`\(word)`" }
            parts.append(word)
        }
        return parts.joined(separator: " ") + (random.unit() < 0.1 ? " ?" : ".")
    }

    func paragraph(_ random: inout SeededGenerator) -> String {
        (0..<(3 + Int(random.next() % 4))).map { _ in sentence(&random, words: 8 + Int(random.next() % 12)) }.joined(separator: " ")
    }

    func note(index: Int, random: inout SeededGenerator) -> (name: String, text: String) {
        let date = publicationDate.adding(days: -Int(random.next() % 150))
        let title = "Note \(index + 1) : " + sentence(&random, words: 4 + Int(random.next() % 8)).dropLast()
        let tagCount = 1 + Int(random.next() % 3)
        let tags = Set((0..<tagCount).map { _ in Self.tags[Int(random.next() % UInt64(Self.tags.count))] }).sorted()
        var body =
            "---\ntitle: \"\(title)\"\ndate: \(date.iso)\nsummary: \"\(sentence(&random, words: 12))\"\ntags: [\(tags.joined(separator: ", "))]\n---\n\n"
        body += paragraph(&random) + "\n\n"
        for section in 0..<(3 + Int(random.next() % 3)) {
            body += "## Partie \(section + 1) : \(sentence(&random, words: 3).dropLast())\n\n"
            body += paragraph(&random) + "\n\n"
            if random.unit() < 0.6 {
                for _ in 0..<(2 + Int(random.next() % 4)) { body += "- \(sentence(&random, words: 6))\n" }
                body += "\n"
            }
            if random.unit() < 0.4 {
                body +=
                    "### Détail\n\n" + paragraph(&random)
                    + " Voir [la méthodologie](../../methodologie/) et [le site du médiateur](https://www.economie.gouv.fr/mediateur-des-entreprises).\n\n"
            }
            if random.unit() < 0.2 {
                body += "```\ncase_id,reported_on,platform\nVIG-0000001,2018-11-05,amazon\n```\n\n"
            }
            body += paragraph(&random) + "\n\n"
        }
        return ("note-\(CaseGenerator.pad(index + 1, 5)).md", body)
    }
}

// Writes a whole synthetic content folder (site.yaml, cases, notes, milestones) that `vigie build` takes.

import Foundation

public enum SyntheticSite {
    /// Writes `cases` cases and `notes` notes under `directory`, replacing its `cases/` and `notes/`.
    public static func write(to directory: String, cases: Int, notes: Int, seed: UInt64, extraPlatforms: Int = 0) throws {
        let fm = FileManager.default
        for folder in ["cases", "notes"] {
            try? fm.removeItem(atPath: directory + "/" + folder)
            try fm.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
        }
        let site = """
            title: "Vigie — site de synthèse"
            description: "Contenu de synthèse généré pour les essais et les mesures de performance."
            publisher: "Vigie (données de synthèse)"
            base_url: "https://vigie.example.org/"
            language: fr
            publication_date: 2019-03-29
            disclosure_threshold: 5

            """ + vocabulary(extraPlatforms: extraPlatforms)
        try Data(site.utf8).write(to: URL(fileURLWithPath: directory + "/site.yaml"))
        let csv = CaseGenerator(seed: seed, count: cases, extraPlatforms: extraPlatforms).csv()
        try Data(csv).write(to: URL(fileURLWithPath: directory + "/cases/cases.csv"))
        for note in NoteGenerator(seed: seed &+ 1, count: notes).notes() {
            try Data(note.text.utf8).write(to: URL(fileURLWithPath: directory + "/notes/" + note.name))
        }
        let milestones = """
            milestones:
              - id: appel-a-signalements
                title: "Appel à signalements"
                actor: government
                due: 2018-11-30
                status: done
                done_on: 2018-11-30
              - id: reponse-amazon
                title: "Réponse de la plateforme"
                actor: amazon
                due: 2018-12-24
                status: late

            """
        try Data(milestones.utf8).write(to: URL(fileURLWithPath: directory + "/milestones.yaml"))
    }

    /// The `vocabularies.platforms` override that declares the extra platforms (empty without them).
    static func vocabulary(extraPlatforms: Int) -> String {
        guard extraPlatforms > 0 else { return "" }
        var text = "vocabularies:\n  platforms:\n"
        for (key, _) in CaseGenerator.platformWeights {
            text += "    \(key): \"\(key.prefix(1).uppercased() + key.dropFirst())\"\n"
        }
        for (index, key) in CaseGenerator.extraPlatformKeys(extraPlatforms).enumerated() {
            text += "    \(key): \"Place de marché régionale numéro \(index + 1) (plateforme spécialisée)\"\n"
        }
        return text
    }
}

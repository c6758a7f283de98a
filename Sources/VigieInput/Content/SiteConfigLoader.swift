import Foundation
import VigieSupport
import Yams

// Loading stage for content/site.yaml: strict keys, typed values, the SPEC's defaults.

public enum SiteConfigLoader {
    static let knownKeys = [
        "title", "description", "publisher", "base_url", "language", "languages", "publication_date",
        "title_en", "description_en", "publisher_en", "title_fr", "description_fr", "publisher_fr", "next_publication",
        "licence", "licence_url", "disclosure_threshold", "allow_raw_html", "vocabularies",
        "legal", "theme", "cases_database",
    ]
    static let vocabularyNames = ["platforms", "issues", "sectors", "outcomes", "regions"]

    /// Reads `site.yaml`. Returns nil when the configuration is unusable (no publication date);
    /// every problem found is appended to `diagnostics`.
    public static func load(text: String, path: String, into diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let what = "site.yaml"
        guard let root = YAMLParser.parse(text, path: path, into: &diagnostics) else {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                diagnostics.append(
                    .error("site.yaml is empty; it needs at least 'title' and 'publication_date'", at: SourceLocation(path: path)))
            }
            return nil
        }
        guard var reader = YAMLMappingReader(root, path: path, what: what, into: &diagnostics) else { return nil }

        let title = reader.string("title", required: true, in: what, into: &diagnostics)
        let publicationDate = reader.day("publication_date", required: true, in: what, into: &diagnostics)
            .flatMap { plausible($0, key: "publication_date", reader: reader, into: &diagnostics) }
        var config = SiteConfig(title: title ?? "", publicationDate: publicationDate ?? Day(daysSinceEpoch: 0))
        if let entry = reader.entries.first(where: { $0.key == "publication_date" }) {
            config.publicationDateLocation = reader.location(of: entry.keyNode)
        }
        if let next = reader.day("next_publication", in: what, into: &diagnostics)
            .flatMap({ plausible($0, key: "next_publication", reader: reader, into: &diagnostics) })
        {
            if let publicationDate, next <= publicationDate {
                let at = reader.entries.first { $0.key == "next_publication" }.map { reader.location(of: $0.value) }
                diagnostics.append(
                    .error(
                        "next_publication \(next.iso) must come after publication_date \(publicationDate.iso)",
                        at: at ?? SourceLocation(path: path)))
            } else {
                config.nextPublication = next
            }
        }
        if let value = reader.string("description", in: what, into: &diagnostics) { config.description = value }
        if let value = reader.string("publisher", in: what, into: &diagnostics) { config.publisher = value }
        if let node = reader.value("base_url") {
            if let url = node.scalar?.string, isWebURL(url) {
                config.baseURL = url.hasSuffix("/") ? url : url + "/"
            } else {
                diagnostics.append(
                    .error("expected 'base_url' to be an absolute http(s) URL such as https://example.org/", at: reader.location(of: node)))
            }
        }
        if let node = reader.value("language") {
            if let language = node.scalar?.string, language.count == 2, language.allSatisfy(\.isLetter) {
                config.language = language.lowercased()
            } else {
                diagnostics.append(.error("expected 'language' to be a two-letter code such as fr", at: reader.location(of: node)))
            }
        }
        readLanguages(&config, reader: &reader, into: &diagnostics)
        readTranslations(&config, reader: &reader, into: &diagnostics)
        if let value = reader.string("licence", in: what, into: &diagnostics) { config.licence = value }
        if let node = reader.value("licence_url") {
            // Published as a link on every page: `javascript:alert(document.domain)` was a live one.
            if let url = node.scalar?.string, isWebURL(url) {
                config.licenceURL = url
            } else {
                diagnostics.append(
                    .error(
                        "expected 'licence_url' to be an absolute http(s) URL such as https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
                        at: reader.location(of: node)))
            }
        }
        if let value = reader.int("disclosure_threshold", in: what, range: 2...1000, into: &diagnostics) { config.threshold = value }
        if let value = reader.bool("allow_raw_html", in: what, into: &diagnostics) { config.allowRawHTML = value }
        if let node = reader.value("previous_publications") {
            migratePreviousPublications(node, reader: reader, publicationDate: publicationDate, into: &diagnostics)
        }
        if let node = reader.value("vocabularies") {
            loadVocabularies(node, reader: reader, into: &config, diagnostics: &diagnostics)
        }
        if let node = reader.value("legal") {
            config.legal = LegalInformationLoader.load(node, path: path, publicationDate: publicationDate, into: &diagnostics)
        }
        loadTheme(reader: &reader, into: &config, diagnostics: &diagnostics)
        if let entry = reader.entries.first(where: { $0.key == "cases_database" }), let node = reader.value("cases_database") {
            config.casesDatabase = loadCasesDatabase(node, at: reader.location(of: entry.keyNode), path: path, into: &diagnostics)
            config.namesCasesDatabase = true
        }
        reader.reportUnknownKeys(known: knownKeys, what: what, into: &diagnostics)
        return publicationDate == nil ? nil : config
    }

    /// `theme`: one of `SiteTheme`'s names; an unknown one is an error at its value naming them all.
    private static func loadTheme(reader: inout YAMLMappingReader, into config: inout SiteConfig, diagnostics: inout [Diagnostic]) {
        config.themeLocation = SourceLocation(path: reader.path)
        guard let node = reader.value("theme") else { return }
        config.themeLocation = reader.location(of: node)
        guard let theme = node.scalar.flatMap({ SiteTheme(rawValue: $0.string) }) else {
            let choices = SiteTheme.allCases.map(\.rawValue).joined(separator: ", ")
            // A theme's name in capitals (DSFR) is the likeliest slip; the value itself may not be quoted.
            let suggestion = node.scalar.flatMap { SiteTheme(rawValue: $0.string.lowercased()) }.map { "; did you mean '\($0.rawValue)'?" }
            diagnostics.append(
                .error(
                    "expected 'theme' to be one of \(choices), found \(YAMLMappingReader.found(node))\(suggestion ?? "")",
                    at: reader.location(of: node)))
            return
        }
        config.theme = theme
    }

    /// The date when it falls within `PlausibleDates.publication`; otherwise nil, with an error at its value.
    private static func plausible(_ day: Day, key: String, reader: YAMLMappingReader, into diagnostics: inout [Diagnostic]) -> Day? {
        let window = PlausibleDates.publication
        guard !window.contains(day) else { return day }
        let at = reader.entries.first { $0.key == key }.map { reader.location(of: $0.value) }
        diagnostics.append(
            .error(
                "\(key) \(day.iso) is outside the dates Vigie accepts (\(window.lowerBound.iso) to \(window.upperBound.iso)); check the year",
                at: at ?? SourceLocation(path: reader.path)))
        return nil
    }

    /// `previous_publications` made the build recompute past publications from today's cases, which
    /// rewrote the past; they are now stored releases. The error gives the commands that store them.
    private static func migratePreviousPublications(
        _ node: Node, reader: YAMLMappingReader, publicationDate: Day?, into diagnostics: inout [Diagnostic]
    ) {
        var dates = (node.sequence ?? []).compactMap { $0.scalar?.string }.compactMap { Day(iso: $0) }.sorted()
        if let publicationDate { dates = dates.filter { $0 < publicationDate } }
        let current = publicationDate?.iso ?? "YYYY-MM-DD"
        let steps =
            dates.isEmpty
            ? "for each past date, oldest first, set 'publication_date' to it and run `vigie release`"
            : dates.map { "set 'publication_date: \($0.iso)' and run `vigie release`" }.joined(separator: ", then ")
        let key = reader.entries.first { $0.key == "previous_publications" }.map { reader.location(of: $0.keyNode) }
        diagnostics.append(
            .error(
                "'previous_publications' is no longer read: past publications are stored releases in content/publications/<date>/, "
                    + "frozen by `vigie release`, never recomputed. Remove this key; then \(steps); "
                    + "then set 'publication_date: \(current)' again and commit content/publications/",
                at: key ?? reader.location(of: node)))
    }

    private static func loadVocabularies(
        _ node: Node, reader: YAMLMappingReader, into config: inout SiteConfig, diagnostics: inout [Diagnostic]
    ) {
        guard var vocabularies = YAMLMappingReader(node, path: reader.path, what: "'vocabularies'", into: &diagnostics) else { return }
        for name in vocabularyNames {
            guard let list = vocabularies.value(name) else { continue }
            guard let mapping = list.mapping, !mapping.isEmpty else {
                diagnostics.append(
                    .error(
                        "expected vocabulary '\(name)' to map each key to its label, e.g. 'amazon: Amazon'", at: reader.location(of: list)))
                continue
            }
            var keys: [String] = []
            var labels: [String: String] = [:]
            for (keyNode, labelNode) in mapping {
                if let key = keyNode.scalar?.string, key.count > String.maximumSlugLength {
                    diagnostics.append(
                        .error(
                            "a vocabulary key \(String.slugLengthProblem(key.count)) (a platform's page is named after its key); shorten it",
                            at: reader.location(of: keyNode)))
                    continue
                }
                guard let key = keyNode.scalar?.string, isValidKey(key, vocabulary: name) else {
                    diagnostics.append(
                        .error(
                            "vocabulary key \(CellPreview.namingKey(keyNode.scalar?.string ?? "?")) must be lower-case letters, digits, '-' or '_' (and not 'total')",
                            at: reader.location(of: keyNode)))
                    continue
                }
                keys.append(key)
                labels[key] = labelNode.scalar?.string ?? key
            }
            if name == "issues" && keys.count > 64 {
                diagnostics.append(
                    .error("vocabulary 'issues' holds \(keys.count) keys; at most 64 are supported", at: reader.location(of: list)))
                continue
            }
            let vocabulary = Vocabulary(name: name, keys: keys, labels: labels)
            switch name {
            case "platforms": config.platforms = vocabulary
            case "issues": config.issues = vocabulary
            case "sectors": config.sectors = vocabulary
            case "outcomes": config.outcomes = vocabulary
            default: config.regions = vocabulary
            }
        }
        vocabularies.reportUnknownKeys(known: vocabularyNames, what: "'vocabularies'", into: &diagnostics)
    }

    /// An absolute `http` or `https` URL with a host, and nothing a link should not hold (spaces,
    /// quotes, angle brackets, control characters): the only links `site.yaml` may publish.
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`".unicodeScalars.contains($0) }),
            let components = URLComponents(string: text), let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    static func isValidKey(_ key: String, vocabulary: String) -> Bool {
        guard !key.isEmpty, key != "total" else { return false }
        return key.utf8.allSatisfy { c in
            (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
        }
    }

    /// The languages whose editions Vigie can build: the wording of each is `templates/strings.yaml`
    /// (the first language's) or `templates/strings.<code>.yaml`, and its page folders are `SitePaths`'.
    public static let supportedLanguages = ["fr", "en"]

    /// `languages: [fr, en]`: the editions to build, the first one at the site root. It sets
    /// `language` too; naming both, they must agree.
    static func readLanguages(_ config: inout SiteConfig, reader: inout YAMLMappingReader, into diagnostics: inout [Diagnostic]) {
        let location = reader.entries.first { $0.key == "languages" }.map { reader.location(of: $0.value) }
        guard let codes = reader.strings("languages", in: "site.yaml", into: &diagnostics), let location else { return }
        var seen: [String] = []
        for code in codes {
            guard supportedLanguages.contains(code) else {
                diagnostics.append(
                    .error(
                        "expected every item of 'languages' to be one of \(supportedLanguages.joined(separator: ", ")), found \(CellPreview.quoted(code))",
                        at: location))
                continue
            }
            if seen.contains(code) {
                diagnostics.append(.error("'languages' names \(code) twice", at: location))
                continue
            }
            seen.append(code)
        }
        guard let first = seen.first else {
            if codes.isEmpty { diagnostics.append(.error("expected 'languages' to name at least one language", at: location)) }
            return
        }
        if reader.has("language"), config.language != first {
            diagnostics.append(
                .error(
                    "'language' is \(config.language) but the first of 'languages' is \(first); remove 'language' or make them agree",
                    at: location))
        }
        config.language = first
        config.languages = seen
    }

    /// `title_en`, `description_en`, `publisher_en` (and `_fr`): the site's name in each further
    /// edition's language, required for the editions `languages` names.
    static func readTranslations(_ config: inout SiteConfig, reader: inout YAMLMappingReader, into diagnostics: inout [Diagnostic]) {
        let location = reader.entries.first { $0.key == "languages" }.map { reader.location(of: $0.value) } ?? reader.firstLocation
        for language in supportedLanguages {
            let required = config.languages.dropFirst().contains(language)
            for key in ["title", "description", "publisher"] {
                if let text = reader.string("\(key)_\(language)", in: "site.yaml", into: &diagnostics) {
                    config.translations[language, default: [:]][key] = text
                } else if required, reader.has(key) {
                    diagnostics.append(
                        .error(
                            "missing key '\(key)_\(language)': the \(language) edition (see 'languages') shows the site's \(key) in its language",
                            at: location))
                }
            }
        }
    }
}

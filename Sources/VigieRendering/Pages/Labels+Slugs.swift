// The folder of each platform's page: a word of the site's language, while the data keep the key.

import VigieSupport

extension Labels {
    /// The slug of a platform's page, `/plateformes/<slug>/`: `slugs.platforms.<key>` in strings.yaml
    /// (`other` → `autres` on a French site), else the key itself. The CSV and JSON files keep the key.
    public func platformSlug(_ key: String) -> String {
        strings.optionalText("slugs.platforms.\(key)") ?? key
    }

    /// What is wrong with the platform slugs of strings.yaml for this configuration: a slug that is
    /// not a slug, or two platforms (one by its key) in one folder. Errors at `stringsPath`.
    public func platformSlugProblems(stringsPath: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var owner: [String: String] = [:]
        for key in config.platforms.keys {
            let slug = platformSlug(key)
            if slug != key && (!slug.isSlug || slug.count > String.maximumSlugLength) {
                problems.append(
                    .error(
                        "slugs.platforms.\(key) must be lower-case letters, digits and '-', at most \(String.maximumSlugLength) characters (it names the folder of the platform's page)",
                        at: .wholeFile(stringsPath)))
                continue
            }
            if let other = owner[slug] {
                problems.append(
                    .error(
                        "platforms '\(other)' and '\(key)' would share the page /plateformes/\(slug)/; give one of them another slug in slugs.platforms",
                        at: .wholeFile(stringsPath)))
            }
            owner[slug] = key
        }
        return problems
    }
}

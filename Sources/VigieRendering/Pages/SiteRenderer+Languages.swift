// What every page says of the editions: links to its sections in its own language (`paths` in
// templates), its `hreflang` alternates and the switcher to the same page in the other language.

import VigieMustache

extension SiteRenderer {
    /// `paths.<section>` of the templates: the link from a page to each section of its edition, and
    /// to the shared files (`paths.data_files`, `paths.feed`).
    func pathsValue(root: String, home: String) -> TemplateValue {
        var values: [String: TemplateValue] = [
            "home": .text(paths.prefix.isEmpty ? home : root + paths.prefix),
            "feed": .text(root + paths.prefix + "feed.xml"),
            "data_files": .text(root + SitePaths.dataFiles),
        ]
        for page in SitePaths.Page.allCases { values[Self.templateName(page)] = .text(root + paths.folder(page)) }
        return .map(values)
    }

    /// The name of a section in templates: `site_map` for `siteMap`.
    static func templateName(_ page: SitePaths.Page) -> String {
        switch page {
        case .siteMap: "site_map"
        case .legalNotice: "legal_notice"
        case .personalData: "personal_data"
        default: page.rawValue
        }
    }

    /// The page's `hreflang` alternates (itself, each other edition's same page, and `x-default`, the
    /// first language's), none when no other edition has it; and the switcher, one entry per other
    /// edition in that edition's language: a link to the same page, or the sentence saying it has none.
    func languageLinks(folder: String, root: String) -> (alternates: [TemplateValue], switcher: [TemplateValue]) {
        var alternates: [TemplateValue] = []
        var switcher: [TemplateValue] = []
        var defaultURL = paths.isDefault ? config.baseURL + folder : nil
        for other in edition.others {
            let language = TemplateValue.text(other.paths.language)
            guard let target = edition.alternate(of: folder, in: other, labels: labels) else {
                let isNote = paths.section(of: folder).map { $0.page == .notes && $0.rest.count == 1 } ?? false
                let sentence = other.strings.text(isNote ? "language.missing_note" : "language.missing_page")
                switcher.append(["lang": language, "label": .text(sentence), "has_link": .flag(false)])
                continue
            }
            let href = root + target
            alternates.append(["lang": language, "href": .text(config.baseURL + target)])
            switcher.append([
                "lang": language, "label": .text(other.strings.text("language.switch")), "href": .text(href.isEmpty ? "./" : href),
                "has_link": .flag(true),
            ])
            if other.paths.isDefault { defaultURL = config.baseURL + target }
        }
        guard !alternates.isEmpty else { return ([], switcher) }
        let own: TemplateValue = ["lang": .text(paths.language), "href": .text(config.baseURL + folder)]
        let fallback: TemplateValue = ["lang": "x-default", "href": .text(defaultURL ?? config.baseURL + folder)]
        return ([own] + alternates + [fallback], switcher)
    }

    /// The `hreflang` alternates of the page in `folder` as URLs (itself, each other edition's same
    /// page, `x-default`), for the sitemap; empty when no other edition has the page.
    package func alternateURLs(folder: String) -> [(language: String, url: String)] {
        languageLinks(folder: folder, root: "").alternates.compactMap { value in
            guard case let .map(entry) = value, case let .text(language)? = entry["lang"], case let .text(url)? = entry["href"] else {
                return nil
            }
            return (language, url)
        }
    }
}

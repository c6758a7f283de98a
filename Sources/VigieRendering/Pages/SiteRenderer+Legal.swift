import VigieMustache
import VigieSupport

// The mandatory pages of a French public site: /accessibilite/, /mentions-legales/,
// /donnees-personnelles/ and /contact/ (/en/accessibility/, … in English). Every fact about the
// publisher comes from `legal` in site.yaml (`LegalInformation`); without it, each page says what the
// publisher has not provided.

extension SiteRenderer {
    /// The first language's accessibility statement, where the links to its audited pages are located.
    package static let accessibilityFolder = "accessibilite/"

    package func renderLegalPages() -> [OutputFile] {
        [renderAccessibility(), renderLegalNotice(), renderPersonalData(), renderContact()]
    }

    /// The facts of `legal` in site.yaml are written in the first language: another edition's legal
    /// pages show them as written, marked with that language (`facts.lang` in the templates).
    var factsLanguage: TemplateValue {
        paths.isDefault ? .flag(false) : ["lang": .text(paths.defaultLanguage)]
    }

    /// The RGAA model's sections, in its order: status, results, non-accessible contents, how the
    /// statement was made, feedback, remedies.
    func renderAccessibility() -> OutputFile {
        let folder = paths.folder(.accessibility)
        let root = Self.root(for: folder)
        var values: [String: TemplateValue] = [
            "facts": factsLanguage,
            "lede": .text(strings.format("accessibility.lede", ["site": config.title])),
            "has_status": .flag(config.legal != nil),
            "has_statement": .flag(config.legal != nil),
            "contact": contactValue,
        ]
        if let statement = config.legal?.accessibility {
            let status = strings.text("legal.status.\(statement.status.rawValue)")
            values["status_sentence"] = .text(strings.format("accessibility.status_sentence", ["status": status]))
            if let percent = statement.criteriaMetPercent {
                values["has_percent"] = .flag(true)
                values["criteria_met"] = .text(
                    strings.format("accessibility.criteria_met", ["percent": strings.format("format.percent", ["value": String(percent)])]))
            }
            values["statement_date"] = .text(strings.format("accessibility.statement_date", ["date": format.date(statement.statementDate)]))
            values["results"] = .list(statement.results.map { .text($0) })
            values["pages"] = .list(
                statement.auditedPages.map { path in ["href": .text(Self.link(toSitePath: path, root: root)), "path": .text(path)] })
            values["tools"] = .list(statement.tools.map { .text($0) })
            values["has_non_conformities"] = .flag(!statement.nonConformities.isEmpty)
            values["non_conformities"] = .list(statement.nonConformities.map { .text($0) })
            values["has_derogations"] = .flag(!statement.derogations.isEmpty)
            values["derogations"] = .list(statement.derogations.map { .text($0) })
            values["has_exempt"] = .flag(!statement.exemptContents.isEmpty)
            values["exempt_contents"] = .list(statement.exemptContents.map { .text($0) })
        }
        return page(
            template: "accessibility", folder: folder, title: strings.text("accessibility.title"),
            section: "accessibility",
            values: values)
    }

    func renderLegalNotice() -> OutputFile {
        var values: [String: TemplateValue] = [
            "has_publisher": .flag(!config.publisher.isEmpty), "publisher": .text(config.publisher),
            "has_legal": .flag(config.legal != nil), "facts": factsLanguage,
        ]
        if let legal = config.legal {
            values["publisher_address"] = .text(legal.publisherAddress)
            values["director"] = .text(legal.publicationDirector)
            values["host_name"] = .text(legal.host.name)
            values["host_address"] = .text(legal.host.address)
            if let telephone = legal.host.telephone {
                values["has_telephone"] = .flag(true)
                values["host_telephone"] = .text(strings.format("legal_notice.host_telephone", ["telephone": telephone]))
            }
        }
        return page(
            template: "legal-notice", folder: paths.folder(.legalNotice), title: strings.text("legal_notice.title"),
            section: "legal-notice",
            values: values)
    }

    func renderPersonalData() -> OutputFile {
        var values: [String: TemplateValue] = [
            "statistics": .text(strings.format("personal_data.statistics", ["km1": String(config.threshold - 1)])),
            "has_legal": .flag(config.legal != nil), "facts": factsLanguage,
            "contact": contactValue,
        ]
        if let legal = config.legal { values["server_logs"] = .text(legal.serverLogs) }
        return page(
            template: "personal-data", folder: paths.folder(.personalData), title: strings.text("personal_data.title"),
            section: "personal-data", values: values)
    }

    func renderContact() -> OutputFile {
        page(
            template: "contact", folder: paths.folder(.contact), title: strings.text("contact.title"), section: "contact",
            values: [
                "lede": .text(strings.format("contact.lede", ["site": config.title])), "contact": contactValue, "facts": factsLanguage,
            ])
    }

    /// The publisher's ways of contact for the `contact-details` partial; false when site.yaml gives none.
    var contactValue: TemplateValue {
        guard let contact = config.legal?.contact else { return .flag(false) }
        var value: [String: TemplateValue] = [
            "has_email": .flag(contact.email != nil), "has_form": .flag(contact.formURL != nil),
            "has_postal": .flag(contact.postalAddress != nil),
        ]
        if let email = contact.email { value["email"] = .text(email) }
        if let url = contact.formURL { value["form_url"] = .text(url) }
        if let address = contact.postalAddress { value["postal_address"] = .text(address) }
        return .map(value)
    }

    /// A relative link from a page to a path from the site root (`/statistiques/`), so that the
    /// site works under any base URL path.
    static func link(toSitePath path: String, root: String) -> String {
        let relative = String(path.dropFirst())
        if relative.isEmpty { return root.isEmpty ? "./" : root }
        return root + relative
    }
}

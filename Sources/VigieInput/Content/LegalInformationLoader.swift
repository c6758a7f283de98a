import Foundation
import VigieSupport
import Yams

// Loading stage for site.yaml's `legal` mapping: the facts of the mandatory pages. Once the mapping
// is there, every fact the pages need is required (a located error names each missing one), so a
// published legal notice or accessibility statement is never half written from the publisher's side.

enum LegalInformationLoader {
    static let legalKeys = ["publisher_address", "publication_director", "host", "contact", "server_logs", "accessibility"]
    static let hostKeys = ["name", "address", "telephone"]
    static let contactKeys = ["email", "form_url", "postal_address"]
    static let accessibilityKeys = [
        "status", "criteria_met_percent", "statement_date", "audited_pages", "tools", "results", "non_conformities", "derogations",
        "exempt_contents",
    ]

    /// Reads `legal`; nil when a fact is missing or invalid, with every problem in `diagnostics`.
    /// - Parameter publicationDate: the build's date, which the accessibility statement cannot postdate.
    static func load(_ node: Node, path: String, publicationDate: Day?, into diagnostics: inout [Diagnostic]) -> LegalInformation? {
        let what = "'legal'"
        guard var reader = YAMLMappingReader(node, path: path, what: what, into: &diagnostics) else { return nil }
        let address = requiredText("publisher_address", of: &reader, node: node, in: what, into: &diagnostics)
        let director = requiredText("publication_director", of: &reader, node: node, in: what, into: &diagnostics)
        let host = requiredMapping("host", of: &reader, node: node, in: what, into: &diagnostics).flatMap {
            loadHost($0, path: path, into: &diagnostics)
        }
        let contact = requiredMapping("contact", of: &reader, node: node, in: what, into: &diagnostics).flatMap {
            loadContact($0, path: path, into: &diagnostics)
        }
        let logs = requiredText("server_logs", of: &reader, node: node, in: what, into: &diagnostics)
        let accessibility = requiredMapping("accessibility", of: &reader, node: node, in: what, into: &diagnostics).flatMap {
            loadAccessibility($0, path: path, publicationDate: publicationDate, into: &diagnostics)
        }
        reader.reportUnknownKeys(known: legalKeys, what: what, into: &diagnostics)
        guard let address, let director, let host, let contact, let logs, let accessibility else { return nil }
        return LegalInformation(
            publisherAddress: address, publicationDirector: director, host: host, contact: contact, serverLogs: logs,
            accessibility: accessibility)
    }

    private static func loadHost(_ node: Node, path: String, into diagnostics: inout [Diagnostic]) -> HostingProvider? {
        let what = "'legal.host'"
        guard var reader = YAMLMappingReader(node, path: path, what: what, into: &diagnostics) else { return nil }
        let name = requiredText("name", of: &reader, node: node, in: what, into: &diagnostics)
        let address = requiredText("address", of: &reader, node: node, in: what, into: &diagnostics)
        let telephone = optionalText("telephone", of: &reader, in: what, into: &diagnostics)
        reader.reportUnknownKeys(known: hostKeys, what: what, into: &diagnostics)
        guard let name, let address else { return nil }
        return HostingProvider(name: name, address: address, telephone: telephone)
    }

    private static func loadContact(_ node: Node, path: String, into diagnostics: inout [Diagnostic]) -> ContactDetails? {
        let what = "'legal.contact'"
        guard var reader = YAMLMappingReader(node, path: path, what: what, into: &diagnostics) else { return nil }
        var contact = ContactDetails()
        var valid = true
        if let email = reader.value("email") {
            // Published as a `mailto:` link: the same guard as every link site.yaml may publish.
            if let text = email.scalar?.string, isEmailAddress(text) {
                contact.email = text
            } else {
                diagnostics.append(
                    .error("expected 'email' to be an e-mail address such as contact@example.org", at: reader.location(of: email)))
                valid = false
            }
        }
        if let form = reader.value("form_url") {
            if let url = form.scalar?.string, SiteConfigLoader.isWebURL(url) {
                contact.formURL = url
            } else {
                diagnostics.append(
                    .error(
                        "expected 'form_url' to be an absolute http(s) URL such as https://example.org/contact",
                        at: reader.location(of: form)))
                valid = false
            }
        }
        contact.postalAddress = optionalText("postal_address", of: &reader, in: what, into: &diagnostics)
        if reader.has("postal_address") && contact.postalAddress == nil { valid = false }
        reader.reportUnknownKeys(known: contactKeys, what: what, into: &diagnostics)
        guard valid else { return nil }
        if contact.email == nil && contact.formURL == nil && contact.postalAddress == nil {
            diagnostics.append(
                .error(
                    "\(what) needs at least one of 'email', 'form_url' and 'postal_address'",
                    at: YAMLMappingReader.location(of: node, path: path, lineOffset: 0)))
            return nil
        }
        return contact
    }

    private static func loadAccessibility(
        _ node: Node, path: String, publicationDate: Day?, into diagnostics: inout [Diagnostic]
    ) -> AccessibilityStatement? {
        let what = "'legal.accessibility'"
        guard var reader = YAMLMappingReader(node, path: path, what: what, into: &diagnostics) else { return nil }
        let status = loadStatus(&reader, node: node, into: &diagnostics)
        let percent = loadPercent(&reader, status: status, into: &diagnostics)
        var date: Day?
        if let dateNode = reader.value("statement_date") {
            date = YAMLMappingReader.day(dateNode, key: "statement_date", reader: reader, into: &diagnostics)
            if let day = date, let publicationDate, day > publicationDate {
                diagnostics.append(
                    .error(
                        "statement_date \(day.iso) comes after publication_date \(publicationDate.iso); a statement cannot describe a later audit",
                        at: reader.location(of: dateNode)))
                date = nil
            }
        } else {
            diagnostics.append(.error("missing required key 'statement_date' in \(what)", at: mappingLocation(reader, node)))
        }
        let pages = requiredList("audited_pages", of: &reader, node: node, in: what, allowEmpty: false, into: &diagnostics)
            .flatMap { checkedPagePaths($0, reader: reader, into: &diagnostics) }
        let pageLocations = reader.entries.first { $0.key == "audited_pages" }?.value.sequence.map { $0.map(reader.location(of:)) } ?? []
        let tools = requiredList("tools", of: &reader, node: node, in: what, allowEmpty: false, into: &diagnostics)
        let results = requiredList("results", of: &reader, node: node, in: what, allowEmpty: false, into: &diagnostics)
        let nonConformities = requiredList("non_conformities", of: &reader, node: node, in: what, allowEmpty: true, into: &diagnostics)
        let derogations = reader.strings("derogations", in: what, into: &diagnostics) ?? []
        let exempt = reader.strings("exempt_contents", in: what, into: &diagnostics) ?? []
        reader.reportUnknownKeys(known: accessibilityKeys, what: what, into: &diagnostics)
        guard let status, percent.valid, let date, let pages, let tools, let results, let nonConformities else { return nil }
        var statement = AccessibilityStatement(
            status: status, criteriaMetPercent: percent.value, statementDate: date, auditedPages: pages, tools: tools, results: results,
            nonConformities: nonConformities, derogations: derogations, exemptContents: exempt)
        statement.auditedPageLocations = pageLocations
        return statement
    }

    private static func loadStatus(_ reader: inout YAMLMappingReader, node: Node, into diagnostics: inout [Diagnostic])
        -> ConformanceStatus?
    {
        let choices = ConformanceStatus.allCases.map(\.rawValue).joined(separator: ", ")
        guard let statusNode = reader.value("status") else {
            diagnostics.append(
                .error("missing required key 'status' in 'legal.accessibility' (one of \(choices))", at: mappingLocation(reader, node)))
            return nil
        }
        guard let status = statusNode.scalar.flatMap({ ConformanceStatus(rawValue: $0.string) }) else {
            diagnostics.append(
                .error(
                    "expected 'status' to be one of \(choices), found \(YAMLMappingReader.found(statusNode))",
                    at: reader.location(of: statusNode)))
            return nil
        }
        return status
    }

    /// The share of criteria met, with whether it is valid: "not given" is valid when non-compliant
    /// (no audit measured it). The RGAA ties the share to the status, so one it contradicts is an error.
    private static func loadPercent(
        _ reader: inout YAMLMappingReader, status: ConformanceStatus?, into diagnostics: inout [Diagnostic]
    ) -> (valid: Bool, value: Int?) {
        let hasPercent = reader.has("criteria_met_percent")
        guard let percent = reader.int("criteria_met_percent", in: "'legal.accessibility'", range: 0...100, into: &diagnostics) else {
            if hasPercent { return (false, nil) }
            guard let status, status != .nonCompliant else { return (true, nil) }
            let at = reader.entries.first { $0.key == "status" }.map { reader.location(of: $0.value) }
            diagnostics.append(
                .error(
                    "status \(status.rawValue) needs 'criteria_met_percent', the share of RGAA criteria an audit found met",
                    at: at ?? SourceLocation(path: reader.path)))
            return (false, nil)
        }
        guard let status else { return (true, percent) }
        guard status.allowedPercents.contains(percent) else {
            let range = status.allowedPercents
            let allowed = range.count == 1 ? "\(range.lowerBound) %" : "\(range.lowerBound) to \(range.upperBound) %"
            let at = reader.entries.first { $0.key == "criteria_met_percent" }.map { reader.location(of: $0.value) }
            diagnostics.append(
                .error(
                    "status \(status.rawValue) is declared with \(allowed) of the RGAA criteria met, not \(percent) %",
                    at: at ?? SourceLocation(path: reader.path)))
            return (false, nil)
        }
        return (true, percent)
    }

    /// Paths from the site root, linked from the statement: `/` or `/statistiques/`, nothing that
    /// could leave the site (`//host`, `..`) or break out of an attribute.
    private static func checkedPagePaths(_ paths: [String], reader: YAMLMappingReader, into diagnostics: inout [Diagnostic]) -> [String]? {
        let bad = paths.filter { path in
            !path.hasPrefix("/") || path.hasPrefix("//") || path.split(separator: "/").contains("..")
                || path.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`".unicodeScalars.contains($0) }
        }
        guard bad.isEmpty else {
            let at = reader.entries.first { $0.key == "audited_pages" }.map { reader.location(of: $0.value) }
            diagnostics.append(
                .error(
                    "expected every item of 'audited_pages' to be a path of the site from its root, such as / or /statistiques/",
                    at: at ?? SourceLocation(path: reader.path)))
            return nil
        }
        return paths
    }

    // MARK: Required values

    /// Where a missing key is reported: the mapping's first key, or the mapping itself when it is empty.
    private static func mappingLocation(_ reader: YAMLMappingReader, _ node: Node) -> SourceLocation {
        reader.entries.isEmpty ? reader.location(of: node) : reader.firstLocation
    }

    private static func requiredText(
        _ key: String, of reader: inout YAMLMappingReader, node: Node, in what: String, into diagnostics: inout [Diagnostic]
    ) -> String? {
        guard reader.has(key) else {
            _ = reader.value(key)
            diagnostics.append(.error("missing required key '\(key)' in \(what)", at: mappingLocation(reader, node)))
            return nil
        }
        return reader.string(key, required: true, in: what, into: &diagnostics)
    }

    private static func optionalText(
        _ key: String, of reader: inout YAMLMappingReader, in what: String, into diagnostics: inout [Diagnostic]
    ) -> String? {
        guard reader.has(key) else { return nil }
        return reader.string(key, required: true, in: what, into: &diagnostics)
    }

    private static func requiredMapping(
        _ key: String, of reader: inout YAMLMappingReader, node: Node, in what: String, into diagnostics: inout [Diagnostic]
    ) -> Node? {
        guard let value = reader.value(key) else {
            diagnostics.append(.error("missing required key '\(key)' in \(what)", at: mappingLocation(reader, node)))
            return nil
        }
        return value
    }

    private static func requiredList(
        _ key: String, of reader: inout YAMLMappingReader, node: Node, in what: String, allowEmpty: Bool,
        into diagnostics: inout [Diagnostic]
    ) -> [String]? {
        guard reader.has(key) else {
            _ = reader.value(key)
            diagnostics.append(.error("missing required key '\(key)' in \(what)", at: mappingLocation(reader, node)))
            return nil
        }
        let errorsBefore = diagnostics.count
        guard let list = reader.strings(key, in: what, into: &diagnostics), diagnostics.count == errorsBefore else { return nil }
        let items = list.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if items.contains(where: \.isEmpty) || (!allowEmpty && items.isEmpty) {
            let at = reader.entries.first { $0.key == key }.map { reader.location(of: $0.value) }
            let rule = allowEmpty ? "no empty item" : "at least one item, and no empty one"
            diagnostics.append(.error("expected '\(key)' to be a list of texts with \(rule)", at: at ?? SourceLocation(path: reader.path)))
            return nil
        }
        return items
    }

    /// `name@host.tld` with nothing a `mailto:` link should not hold.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`,;:()[]?&=/#%".unicodeScalars.contains($0) }
    }
}

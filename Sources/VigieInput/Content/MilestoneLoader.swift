// Loading stage for content/milestones.yaml: the commitments shown on /progres/.

import Foundation
import VigieSupport
import Yams

public enum MilestoneLoader {
    static let knownKeys =
        ["id", "title", "description", "actor", "due", "status", "done_on", "source"]
        + SiteConfigLoader.supportedLanguages.flatMap { ["title_\($0)", "description_\($0)"] }

    public static func load(text: String, path: String, config: SiteConfig, noteSlugs: Set<String>, into diagnostics: inout [Diagnostic])
        -> [Milestone]
    {
        guard let root = YAMLParser.parse(text, path: path, into: &diagnostics) else { return [] }
        guard var top = YAMLMappingReader(root, path: path, what: "milestones.yaml", into: &diagnostics) else { return [] }
        let list = top.value("milestones")
        top.reportUnknownKeys(known: ["milestones"], what: "milestones.yaml", into: &diagnostics)
        guard let list else {
            diagnostics.append(.error("missing key 'milestones' (a list of commitments)", at: top.firstLocation))
            return []
        }
        guard let items = list.sequence else {
            diagnostics.append(.error("expected 'milestones' to be a list", at: top.location(of: list)))
            return []
        }
        var milestones: [Milestone] = []
        var seen: Set<String> = []
        let actors = ["government", "mediator"] + config.platforms.keys
        for item in items {
            let what = "a milestone"
            guard var reader = YAMLMappingReader(item, path: path, what: what, into: &diagnostics) else { continue }
            let location = reader.firstLocation
            let id = reader.string("id", required: true, in: what, into: &diagnostics)
            let idLocation = reader.value("id").map { reader.location(of: $0) } ?? location
            let title = reader.string("title", required: true, in: what, into: &diagnostics)
            let description = reader.string("description", in: what, into: &diagnostics)
            // Each further edition shows the commitment in its language: its title is required there.
            // (The keys of a language the site does not publish are read, and kept, all the same.)
            var translatedTitles: [String: String] = [:]
            var translatedDescriptions: [String: String] = [:]
            for language in SiteConfigLoader.supportedLanguages {
                let required = config.languages.dropFirst().contains(language)
                // `key_<language>`, an error when this edition needs it because the original is given.
                func translation(of key: String, original: String?) -> String? {
                    let text = reader.string("\(key)_\(language)", in: what, into: &diagnostics)
                    if text == nil, required, original != nil {
                        diagnostics.append(
                            .error(
                                "missing key '\(key)_\(language)': the \(language) edition shows every commitment in its language",
                                at: location))
                    }
                    return text
                }
                translatedTitles[language] = translation(of: "title", original: title)
                translatedDescriptions[language] = translation(of: "description", original: description)
            }
            let actorNode = reader.value("actor")
            let due = reader.day("due", required: true, in: what, into: &diagnostics)
            let statusNode = reader.value("status")
            let doneOn = reader.day("done_on", in: what, into: &diagnostics)
            let doneOnLocation = reader.value("done_on").map { reader.location(of: $0) } ?? location
            let source = reader.string("source", in: what, into: &diagnostics)
            let sourceLocation = reader.value("source").map { reader.location(of: $0) } ?? location
            reader.reportUnknownKeys(known: knownKeys, what: what, into: &diagnostics)

            if let id, !id.isSlug {
                diagnostics.append(
                    .error(
                        "milestone id must be lower-case letters and digits joined by dashes, e.g. 'charte-bonnes-pratiques'",
                        at: idLocation))
            } else if let id, !seen.insert(id).inserted {
                diagnostics.append(
                    .error("duplicate milestone id \(CellPreview.namingKey(id)); give each milestone its own id", at: idLocation))
            }
            var actor: String?
            if let actorNode {
                let text = actorNode.scalar?.string ?? ""
                if actors.contains(text) {
                    actor = text
                } else {
                    let suggestion = Vocabulary(name: "actors", keys: actors).suggestion(for: text)
                    var message = "unknown actor \(CellPreview.namingKey(text, nearKey: suggestion != nil))"
                    if let suggestion {
                        message += "; did you mean '\(suggestion)'?"
                    } else {
                        message += "; expected government, mediator or a platform key (\(config.platforms.keys.joined(separator: ", ")))"
                    }
                    diagnostics.append(.error(message, at: reader.location(of: actorNode)))
                }
            } else {
                diagnostics.append(.error("missing required key 'actor' in a milestone", at: location))
            }
            var status: Milestone.Status?
            if let statusNode {
                let text = statusNode.scalar?.string ?? ""
                status = Milestone.Status(rawValue: text)
                if status == nil {
                    let suggestion = Vocabulary(name: "statuses", keys: Milestone.Status.allCases.map(\.rawValue)).suggestion(for: text)
                    var message =
                        "unknown milestone status \(CellPreview.namingKey(text, nearKey: suggestion != nil)); expected done, in_progress, late or not_started"
                    if let suggestion {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    diagnostics.append(.error(message, at: reader.location(of: statusNode)))
                }
            } else {
                diagnostics.append(.error("missing required key 'status' in a milestone", at: location))
            }
            if let status, status == .done, doneOn == nil, !reader.has("done_on") {
                diagnostics.append(
                    .error("a milestone with status done needs a done_on date", at: statusNode.map { reader.location(of: $0) } ?? location))
            }
            if let status, status != .done, doneOn != nil {
                diagnostics.append(
                    .error("done_on is only allowed with status done; set status: done or remove done_on", at: doneOnLocation))
            }
            if let doneOn, doneOn > config.publicationDate {
                diagnostics.append(
                    .error("done_on \(doneOn) is after the publication date \(config.publicationDate) set in site.yaml", at: doneOnLocation)
                )
            }
            if let source {
                if source.hasPrefix("notes/") {
                    let slug = source.dropFirst("notes/".count).split(separator: "/").first.map(String.init) ?? ""
                    if !noteSlugs.contains(slug) {
                        diagnostics.append(
                            .error(
                                "source cites a note, but no published note has the slug \(CellPreview.namingKey(slug))", at: sourceLocation
                            ))
                    }
                } else if !(source.hasPrefix("https://") || source.hasPrefix("http://")) {
                    diagnostics.append(.error("source must be a note as notes/<slug> or an http(s) URL", at: sourceLocation))
                }
            }
            guard let id, let title, let actor, let due, let status else { continue }
            var milestone = Milestone(
                id: id, title: title, description: description, actor: actor, due: due, status: status, doneOn: doneOn, source: source)
            milestone.translatedTitles = translatedTitles
            milestone.translatedDescriptions = translatedDescriptions
            milestones.append(milestone)
        }
        return milestones
    }
}

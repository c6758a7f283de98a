// Loads the templates folder: Mustache templates, UI strings and static assets, with every
// syntax error or missing partial reported as a located diagnostic.

import Foundation
import VigieInput
import VigieMustache
import VigieSupport
import Yams

/// The site maintainer's part of a build: layouts, pages, partials, wording and CSS.
public struct TemplateSet: Sendable {
    /// Every template parsed and compiled, by name: `base` for `layouts/base.mustache`, else the path without extension.
    let program: TemplateProgram
    /// `strings.yaml`: every word the site shows that is not content.
    public let strings: Strings
    /// The wording of every further language of `languages` in site.yaml (`strings.<code>.yaml`), by code.
    public let translations: [String: Strings]
    /// Files copied as they are (CSS, icons), by path relative to `assets/`, sorted.
    public let assets: [(path: String, bytes: [UInt8])]
    /// Where each template writes its links, for the check of the built pages' links.
    package let links: TemplateLinks

    /// Templates every build renders; a missing one is an error.
    static let requiredTemplates = [
        "base", "pages/home", "pages/statistics", "pages/platform", "pages/notes", "pages/note", "pages/tag",
        "pages/progress", "pages/methodology", "pages/data", "pages/404", "pages/accessibility", "pages/legal-notice",
        "pages/personal-data", "pages/contact",
    ]

    /// Loads the templates folder at `directory`, with `theme`'s folder laid over it: a file of the
    /// theme replaces the templates folder's file of the same path (`themeLocation` is where site.yaml
    /// chose the theme, for the error when the theme's installed files are missing).
    public static func load(
        directory: String, theme: SiteTheme = .neutral, themeLocation: SourceLocation? = nil, languages: [String] = [],
        into diagnostics: inout [Diagnostic]
    ) -> TemplateSet? {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let fm = FileManager.default
        guard let folder = TemplateFolder(path: root) else {
            diagnostics.append(.error("templates folder not found", at: .wholeFile(root)))
            return nil
        }
        var layers = [folder]
        if let overlay = theme.overlayFolder {
            guard let themeFolder = TemplateFolder(path: root + "/" + overlay) else {
                diagnostics.append(
                    .error("theme '\(theme.rawValue)' needs its folder \(overlay)/ in the templates folder", at: .wholeFile(root)))
                return nil
            }
            if let installed = theme.installedFiles, !fm.fileExists(atPath: themeFolder.path + "/" + installed.marker) {
                // The command installs into ./templates unless told another folder.
                let command = root == "templates" ? installed.command : installed.command + " --templates " + root
                diagnostics.append(
                    .error(
                        "theme '\(theme.rawValue)' needs \(installed.what), which are not installed in \(themeFolder.path)/: "
                            + "run `\(command)`",
                        at: themeLocation ?? .wholeFile(themeFolder.path)))
                return nil
            }
            layers.append(themeFolder)
        }
        /// Each file by its path relative to its layer, from the last layer that has it.
        var files: [String: (folder: TemplateFolder, isTemplate: Bool)] = [:]
        /// Files refused as links leading out of the folder: reported once, not again as missing.
        var refused: Set<String> = []
        var ok = true
        for layer in layers {
            for relative in layer.entries() {
                // Themes are layers of their own, read only when site.yaml chooses them.
                if layer.path == root, relative.hasPrefix("themes/") { continue }
                let isTemplate = relative.hasSuffix(".mustache")
                let isAsset =
                    relative.hasPrefix("assets/") && !relative.hasPrefix("assets/.")
                    && !(relative as NSString).lastPathComponent.hasPrefix(".")
                guard isTemplate || isAsset || isStringsFile(relative) else { continue }
                guard layer.contains(relative) else {
                    diagnostics.append(
                        .error(
                            "this file is a link to a file outside the templates folder, which is not read: copy the file into the folder instead",
                            at: .wholeFile(layer.path + "/" + relative)))
                    refused.insert(relative)
                    ok = false
                    continue
                }
                if isAsset {
                    var isDirectory: ObjCBool = false
                    guard fm.fileExists(atPath: layer.path + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else {
                        continue
                    }
                }
                files[relative] = (layer, isTemplate)
            }
        }
        let templateFiles = files.filter { $0.value.isTemplate }.keys.sorted()
        let assetFiles = files.filter { !$0.value.isTemplate && !isStringsFile($0.key) }.keys.sorted()
        /// The file's path as diagnostics show it: under the layer it is read from.
        func located(_ relative: String) -> String { (files[relative]?.folder.path ?? root) + "/" + relative }

        var parsed: [String: [TemplateNode]] = [:]
        var sources: [String: (path: String, partials: [PartialReference])] = [:]
        /// Templates whose file exists but does not parse: already reported, not "missing" where included.
        var broken: Set<String> = []
        var nesting: [String: TemplateNesting.Template] = [:]
        var links = TemplateLinks()
        for relative in refused where relative.hasSuffix(".mustache") { broken.insert(templateName(relative)) }
        for relative in templateFiles {
            let path = located(relative)
            let name = templateName(relative)
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("cannot read the template as UTF-8 text", at: SourceLocation(path: path, line: 1, column: 1)))
                broken.insert(name)
                ok = false
                continue
            }
            do throws(TemplateSyntaxError) {
                let (nodes, partials, depth) = try TemplateParser.parseForNesting(text)
                parsed[name] = nodes
                sources[name] = (path, partials)
                nesting[name] = TemplateNesting.Template(path: path, references: partials, depth: depth)
                links.add(template: name, text: text, path: path, includes: partials.map(\.name))
            } catch {
                broken.insert(name)
                diagnostics.append(
                    .error(
                        "template syntax error: \(error.message)", at: SourceLocation(path: path, line: error.line, column: error.column)))
                ok = false
            }
        }
        // Mustache renders a missing partial as nothing; a maintainer wants to hear about it.
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in source.partials
            where sources[reference.name] == nil && !broken.contains(reference.name) {
                let location = SourceLocation(path: source.path, line: reference.line, column: reference.column)
                diagnostics.append(
                    .error("template '\(name)' includes '\(reference.name)', but no file \(reference.name).mustache exists", at: location))
                ok = false
            }
        }
        let unbounded = TemplateNesting.check(nesting)
        diagnostics += unbounded
        if !unbounded.isEmpty { ok = false }
        for required in requiredTemplates where sources[required] == nil {
            let file = required == "base" ? "layouts/base" : required
            guard !templateFiles.contains(file + ".mustache"), !refused.contains(file + ".mustache") else { continue }
            diagnostics.append(.error("missing template \(file).mustache", at: .wholeFile(root)))
            ok = false
        }

        let stringsPath = located("strings.yaml")
        let loaded = refused.contains("strings.yaml") ? nil : Strings.loadIndexed(path: stringsPath, into: &diagnostics)
        if loaded == nil { ok = false }
        var translations: [String: Strings] = [:]
        for language in languages.dropFirst() {
            let name = Strings.fileName(language: language, isDefault: false)
            guard !refused.contains(name) else {
                ok = false
                continue
            }
            let path = located(name)
            guard let translation = Strings.loadIndexed(path: path, into: &diagnostics) else {
                ok = false
                continue
            }
            if let loaded {
                let problems = Strings.keyProblems(
                    translation: translation.keys, translationPath: path, reference: loaded.keys, referencePath: stringsPath)
                diagnostics += problems
                if !problems.isEmpty { ok = false }
            }
            translations[language] = translation.strings
        }

        var assets: [(String, [UInt8])] = []
        for relative in assetFiles {
            guard let data = fm.contents(atPath: located(relative)) else { continue }
            assets.append((String(relative.dropFirst("assets/".count)), [UInt8](data)))
        }
        guard ok, let strings = loaded?.strings else { return nil }
        return TemplateSet(
            program: TemplateProgram(parsed), strings: strings, translations: translations, assets: assets, links: links)
    }

    /// `strings.yaml` and the wording of other languages, `strings.<code>.yaml`: read as wording, not copied.
    static func isStringsFile(_ relative: String) -> Bool {
        relative == "strings.yaml" || (relative.hasPrefix("strings.") && relative.hasSuffix(".yaml") && !relative.contains("/"))
    }

    /// The wording of `language`: strings.yaml for the first language, its translation for the others.
    public func strings(for language: String, isDefault: Bool) -> Strings {
        isDefault ? strings : translations[language] ?? strings
    }

    /// The name a template is included by: its path without `.mustache`. Layouts are parents
    /// (`{{<base}}…{{/base}}`); Mustache section names cannot hold a '/', so a layout is registered
    /// under its bare file name.
    static func templateName(_ relative: String) -> String {
        let name = String(relative.dropLast(".mustache".count))
        return name.hasPrefix("layouts/") ? String(name.dropFirst("layouts/".count)) : name
    }

    /// Renders a loaded template as UTF-8; templates were checked at load, so a missing one is a programming error.
    public func render(_ name: String, _ context: TemplateValue, capacity: Int = 16_384) -> [UInt8] {
        guard let number = program.numbers[name] else { preconditionFailure("template \(name) was not loaded") }
        var renderer = TemplateRenderer(program: program, context: context, capacity: capacity)
        renderer.render(template: number)
        return renderer.output
    }

    /// Renders a loaded template with a context of plain Swift values (see `TemplateValue.init(_:)`).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        String(decoding: render(name, TemplateValue(context)), as: UTF8.self)
    }
}

// libFuzzer target: a YAML text read as site.yaml and as milestones.yaml (see scripts/fuzz.sh).

import Foundation
import FuzzSupport
import VigieInput
import VigieSupport

/// Used for the milestones when the input is not a usable site.yaml.
private let defaultConfig = SiteConfig(publicationDate: Day(year: 2019, month: 3, day: 29)!)

/// Decodes the input as `TextFile` does (UTF-8 or nothing), reads it through `SiteConfigLoader`
/// and then through `MilestoneLoader`, with the configuration just read when there is one: both go
/// through `YAMLBudget` and `YAMLMappingReader`, each with its own keys and types.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSiteYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = String(data: Data(bytes: start, count: count), encoding: .utf8) else { return 0 }
    var diagnostics: [Diagnostic] = []
    let config = SiteConfigLoader.load(text: text, path: "content/site.yaml", into: &diagnostics)
    _ = MilestoneLoader.load(
        text: text, path: "content/milestones.yaml", config: config ?? defaultConfig, noteSlugs: ["methodologie", "mediation"],
        into: &diagnostics)
    for diagnostic in diagnostics { _ = diagnostic.description }
    return 0
}

runFuzzer { data, count in withInput(data, count, fuzzSiteYAML) }

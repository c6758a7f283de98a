import Testing

@testable import VigieRendering

@Suite("{name} placeholders in the site's wording")
struct PlaceholderFillTests {
    let values = ["date": "20 décembre 2018", "change": "+42", "x": "{date}"]

    func fill(_ pattern: String) -> String { Strings.fill(pattern) { values[String($0)] } }

    @Test func fillsEveryKnownName() {
        #expect(fill("{change} depuis le {date}") == "+42 depuis le 20 décembre 2018")
        #expect(fill("{date}{date}") == "20 décembre 2018" + "20 décembre 2018")
        #expect(fill("« {change} » — été") == "« +42 » — été")
    }

    @Test func leavesTextWithoutKnownNamesAsWritten() {
        #expect(fill("no placeholder") == "no placeholder")
        #expect(fill("{unknown} and {date}") == "{unknown} and 20 décembre 2018")
        #expect(fill("an open { brace and {date}") == "an open { brace and 20 décembre 2018")
        #expect(fill("{{date}}") == "{20 décembre 2018}")
        #expect(fill("trailing {") == "trailing {")
        #expect(fill("{}") == "{}")
    }

    @Test func neverSearchesAFilledValueAgain() {
        #expect(fill("{x}") == "{date}")
    }

    @Test("French plural forms: 0 and 1 take the singular")
    func pluralForms() {
        let strings = Strings(tree: [
            "progress": [
                "summary": ["one": "{done} engagement tenu", "other": "{done} engagements tenus"] as [String: Any],
                "plain": "{done} en cours",
            ] as [String: Any]
        ])
        #expect(strings.format("progress.summary", count: 0, ["done": "0"]) == "0 engagement tenu")
        #expect(strings.format("progress.summary", count: 1, ["done": "1"]) == "1 engagement tenu")
        #expect(strings.format("progress.summary", count: 2, ["done": "2"]) == "2 engagements tenus")
        #expect(strings.format("progress.plain", count: 7, ["done": "7"]) == "7 en cours")
    }

    @Test func formatsThroughTheStringsTree() {
        let strings = Strings(tree: ["home": ["change_since": "{change} depuis le {date}"] as [String: Any]])
        #expect(strings.format("home.change_since", ["change": "+3", "date": "1er mars 2019"]) == "+3 depuis le 1er mars 2019")
    }
}

import Testing
import VigieSupport

@testable import VigieInput

@Suite("What vigie new note writes")
struct NoteDraftTests {
    @Test(
        "any title is read back exactly, by the shortcut and by Yams",
        arguments: [
            "Bilan : « premiers résultats »", "Avant\n---\nAprès", "Guillemets \" et \\ barre", "Tab\tet CR\r\nLF",
            "Ligne\u{85}NEL\u{2028}LS\u{2029}PS\u{0B}VT\u{0C}FF", "# pas un commentaire", "- pas une liste", "'simple'",
            "DEL \u{7F} et espace insécable\u{A0}", "   espaces autour   ",
        ])
    func roundTrip(title: String) throws {
        let draft = try #require(NoteDraft(title: title, date: Day(year: 2019, month: 3, day: 1)!))
        for useShortcut in [true, false] {
            var diagnostics: [Diagnostic] = []
            let note = NoteLoader.load(
                text: draft.text, path: "n.md", fileStem: draft.slug, useShortcut: useShortcut, into: &diagnostics)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            #expect(note?.title == title)
            #expect(note?.draft == true)
        }
    }

    @Test("a long title gives a slug cut after a whole word, within the limit check applies")
    func longTitle() throws {
        let title = String(repeating: "Observatoire des plateformes ", count: 12)
        let draft = try #require(NoteDraft(title: title, date: Day(year: 2019, month: 3, day: 1)!))
        #expect(draft.slug.count <= String.maximumSlugLength)
        #expect(draft.slug.hasSuffix("-plateformes") || draft.slug.hasSuffix("-des") || draft.slug.hasSuffix("-observatoire"))
        var diagnostics: [Diagnostic] = []
        #expect(NoteLoader.load(text: draft.text, path: "n.md", fileStem: draft.slug, into: &diagnostics) != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test("a title without a letter or digit makes no draft")
    func noSlug() {
        #expect(NoteDraft(title: "« — »", date: Day(year: 2019, month: 3, day: 1)!) == nil)
    }
}

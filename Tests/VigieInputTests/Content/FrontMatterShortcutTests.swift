// The front-matter shortcut against Yams: the same note and the same diagnostics, taken or not.

import Foundation
import Testing
import VigieSupport
import VigieSynthetic
import VigieTestSupport

@testable import VigieInput

@Suite("Front matter shortcut")
struct FrontMatterShortcutTests {
    /// What loading a note gives, comparable.
    struct Outcome: Equatable {
        var fields: [String]?
        var diagnostics: [String]

        init(_ text: String, shortcut: Bool) {
            var diagnostics: [Diagnostic] = []
            let note = NoteLoader.load(text: text, path: "n.md", fileStem: "n", useShortcut: shortcut, into: &diagnostics)
            fields = note.map {
                [
                    $0.title, $0.date.iso, $0.summary ?? "∅", $0.tags.joined(separator: "|"), $0.slug, "\($0.draft)", $0.language ?? "∅",
                    $0.body,
                    "\($0.bodyFirstLine)",
                ]
            }
            self.diagnostics = diagnostics.map(\.description)
        }
    }

    static func takesShortcut(_ text: String) -> Bool {
        let yaml = text.components(separatedBy: "\n---\n")[0].dropFirst(4)
        return PlainFrontMatter.parse(String(yaml))?.note(path: "n.md", fileStem: "n", body: "", bodyFirstLine: 1) != nil
    }

    @Test("the default notes and 300 generated ones take the shortcut and read as with Yams")
    func realNotes() throws {
        var texts: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.content + "/notes").sorted() {
            texts.append(try String(contentsOfFile: Repository.content + "/notes/" + name, encoding: .utf8))
        }
        texts += NoteGenerator(seed: 2018, count: 300).notes().map(\.text)
        for text in texts {
            #expect(Self.takesShortcut(text), "\(text.prefix(120))")
            let fast = Outcome(text, shortcut: true)
            #expect(fast == Outcome(text, shortcut: false))
            #expect(fast.fields != nil && fast.diagnostics.isEmpty)
        }
    }

    @Test(
        "front matters the shortcut reads, declines or gets wrong-footed by read as with Yams",
        arguments: [
            "title: \"Un titre : avec # et [crochets]\"\ndate: 2019-01-02",
            "title: 'Simple'\ndate: 2019-01-02\ntags: europe",
            "title: L'appel, enfin\ndate: 2019-01-02\nsummary: Des mots, des virgules & des signes * ! | > % @ ` ?",
            "title: Titre   \ndate: 2019-01-02   \ntags: [ a ,b,  c-d ]",
            "title: Titre\ndate: 2019-01-02\ntags: []",
            "title: Titre\ndate: 2019-01-02\ndraft: Yes\nlang: en",
            "title: Titre\ndate: 2019-01-02\ndraft: maybe",
            "title: Titre\ndate: 2019-02-30",
            "title: Titre\ndate: 2019-01-02\nsumary: x",
            "title: Titre\ntitle: Autre\ndate: 2019-01-02",
            "title: a: b\ndate: 2019-01-02",
            "title: Titre # commentaire\ndate: 2019-01-02",
            "# commentaire\ntitle: Titre\ndate: 2019-01-02",
            "title: Titre\n\ndate: 2019-01-02",
            "title: \"avec \\\" échappé\"\ndate: 2019-01-02",
            "title: 'l''appel'\ndate: 2019-01-02",
            "title: Titre\ndate: 2019-01-02\nslug: Mauvais Slug",
            "title: Titre\ndate: 2019-01-02\nslug: bon-slug-2",
            "title: Titre\ndate: 2019-01-02\ntags: [a, \"b\"]",
            "title: Titre\ndate: 2019-01-02\ntags: [a b]",
            "title: Titre\ndate: 2019-01-02\ntags: [« x »]",
            "title: Titre\ndate: 2019-01-02\nsummary: [x]",
            "title: Titre\tavec tabulation\ndate: 2019-01-02",
            "title: « Far West »\ndate: 2019-01-02",
            "title: \"   \"\ndate: 2019-01-02",
            "title: -5\ndate: 2019-01-02",
            "title: Titre\ndate: 2019-01-02\ntags: [\u{2014}]",
            "title: Titre\ndate: 2019-01-02\ntags: [a,]",
            "title:\ndate: 2019-01-02",
            "title: \"\ndate: 2019-01-02",
            "title: '\ndate: 2019-01-02",
            "title: Titre\ndate: 2019-01-02\ntags: [",
            "date: 2019-01-02",
            "title: Titre\u{00A0}insécable\ndate: 2019-01-02\ntags: [été]",
        ])
    func variants(_ frontMatter: String) {
        let text = "---\n" + frontMatter + "\n---\nCorps.\n"
        #expect(Outcome(text, shortcut: true) == Outcome(text, shortcut: false))
    }

    @Test("the shortcut is taken where it should be, and declined where YAML needs a real parser")
    func coverage() {
        let taken = ["title: \"Un titre : avec #\"\ndate: 2019-01-02", "title: L'appel\ndate: 2019-01-02\ntags: [été, pme]"]
        let declined = ["title: a: b\ndate: 2019-01-02", "title: Titre # c\ndate: 2019-01-02", "title: 'l''appel'\ndate: 2019-01-02"]
        for frontMatter in taken { #expect(Self.takesShortcut("---\n" + frontMatter + "\n---\n")) }
        for frontMatter in declined { #expect(!Self.takesShortcut("---\n" + frontMatter + "\n---\n")) }
    }
}

// `vigie new note "Title"`: a new note with valid front matter, never overwriting one.

import ArgumentParser
import Foundation
import VigieInput

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create new content.", subcommands: [NewNote.self])
}

struct NewNote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Create content/notes/<slug>.md with front matter dated today.")

    @Argument(help: "The note's title.") var title: String
    @Option(help: "Content folder.") var content = "content"
    @Option(help: "Date of the note, YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        let day: Day
        if let date {
            guard let parsed = Day(iso: date) else { throw ValidationError("--date must be YYYY-MM-DD") }
            day = parsed
        } else {
            day = Day(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
        }
        guard let draft = NoteDraft(title: title, date: day) else {
            throw ValidationError("the title needs at least one letter or digit to make a file name")
        }
        let folder = content + "/notes"
        let path = folder + "/\(draft.slug).md"
        guard !FileManager.default.fileExists(atPath: path) else {
            Console.error("\(path): error: a note with this slug already exists; choose another title or edit it")
            throw CommandFailure()
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(draft.text.utf8)) else {
            Console.error("\(path): error: cannot write the file")
            throw CommandFailure()
        }
        print("created \(path) (draft: set 'draft: false' to publish it)")
    }
}

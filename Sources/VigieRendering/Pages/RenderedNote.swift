// A note with its body rendered once, shared by the note page, the lists and the feed.

import VigieInput

public struct RenderedNote: Sendable {
    public var note: Note
    public var body: RenderedMarkdown

    public init(note: Note, body: RenderedMarkdown) {
        self.note = note
        self.body = body
    }

    /// Minutes at 200 words a minute, at least 1.
    public var readingMinutes: Int { max(1, (body.wordCount + 199) / 200) }
}

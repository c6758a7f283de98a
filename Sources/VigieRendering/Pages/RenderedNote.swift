// A note with its body rendered once, shared by the note page, the lists and the feed.

import VigieInput

public struct RenderedNote: Sendable {
    public var note: Note
    public var body: RenderedMarkdown
    /// The folders of the pages that show the body (`SiteRenderer.folders(showing:config:)`): its
    /// relative links are resolved from each.
    public var folders: [String]

    public init(note: Note, body: RenderedMarkdown, folders: [String]? = nil) {
        self.note = note
        self.body = body
        self.folders = folders ?? SiteRenderer.folders(showing: note)
    }

    /// Minutes at 200 words a minute, at least 1.
    public var readingMinutes: Int { max(1, (body.wordCount + 199) / 200) }
}

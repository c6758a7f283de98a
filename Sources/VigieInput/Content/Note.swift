// A policy note: front matter plus a CommonMark body, before rendering.

public struct Note: Sendable {
    /// Path of the source file, as shown in diagnostics.
    public var path: String
    public var title: String
    public var date: Day
    public var summary: String?
    public var tags: [String]
    public var slug: String
    public var draft: Bool
    public var language: String?
    /// The slug of the note this one translates (`translation_of`), in another language of the site.
    public var translationOf: String?
    /// The line of `translation_of` in the file, for the errors about it.
    public var translationOfLine: Int
    /// The Markdown body, without the front matter.
    public var body: String
    /// Line of the file on which the body starts (for diagnostics on body nodes).
    public var bodyFirstLine: Int

    public init(
        path: String, title: String, date: Day, summary: String? = nil, tags: [String] = [], slug: String,
        draft: Bool = false, language: String? = nil, translationOf: String? = nil, translationOfLine: Int = 1,
        body: String, bodyFirstLine: Int = 1
    ) {
        self.path = path
        self.title = title
        self.date = date
        self.summary = summary
        self.tags = tags
        self.slug = slug
        self.draft = draft
        self.language = language
        self.translationOf = translationOf
        self.translationOfLine = translationOfLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }
}

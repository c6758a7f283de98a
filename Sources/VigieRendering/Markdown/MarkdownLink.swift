// A link written in a note's Markdown: its destination as written and where it stands in the
// note's file, so that a link to a page of the site that does not exist is an error at that place.

import VigieSupport

public struct MarkdownLink: Sendable, Hashable {
    /// The destination as cmark read it (entities and backslash escapes resolved, not percent-decoded).
    public var destination: String
    /// The link's first character (`[`, or `<` of an autolink) in the note's file.
    public var location: SourceLocation
    /// An image (`![alt](src)`): the browser fetches it with the page, so it must come from the site.
    public var isImage: Bool

    public init(destination: String, location: SourceLocation, isImage: Bool = false) {
        self.destination = destination
        self.location = location
        self.isImage = isImage
    }
}

// A file of the published site, held in memory between rendering and publishing.

public struct OutputFile: Sendable, Hashable {
    /// Path relative to the output folder, with `/` separators (`statistiques/index.html`).
    public var path: String
    public var bytes: [UInt8]
    /// The page template it was rendered from (`pages/home`), for pages: where the link checker
    /// looks for the template that wrote a broken link.
    public var template: String?

    public init(path: String, bytes: [UInt8], template: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.template = template
    }

    public init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }
}

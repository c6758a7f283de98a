// A file of the published site, held in memory between rendering and publishing.

public struct OutputFile: Sendable, Hashable {
    /// Path relative to the output folder, with `/` separators (`statistiques/index.html`).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }
}

// What one run of the pipeline is asked to do.

public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    /// Where to publish; nil for `vigie check` (validate everything, write nothing).
    public var outputDirectory: String?

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates", outputDirectory: String? = "_site") {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
    }
}

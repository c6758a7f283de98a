// The publisher's facts for the mandatory pages (legal notice, accessibility statement, personal
// data, contact), read from site.yaml's `legal` mapping: the build states them, it never makes them up.

/// What `legal` in `site.yaml` sets. Every fact is the publisher's; `SiteConfig.legal` is nil when
/// the mapping is absent, and the pages then say that the publisher has not provided them.
public struct LegalInformation: Sendable, Equatable {
    /// The publisher's postal address (its name is `SiteConfig.publisher`).
    public var publisherAddress: String
    /// The director of publication (directeur ou directrice de la publication), by name.
    public var publicationDirector: String
    public var host: HostingProvider
    public var contact: ContactDetails
    /// What the host records of each visit (server logs) and how long it keeps it: the only personal
    /// data the site's own pages do not settle, since they set no cookie and load nothing from elsewhere.
    public var serverLogs: String
    public var accessibility: AccessibilityStatement

    public init(
        publisherAddress: String, publicationDirector: String, host: HostingProvider, contact: ContactDetails, serverLogs: String,
        accessibility: AccessibilityStatement
    ) {
        self.publisherAddress = publisherAddress
        self.publicationDirector = publicationDirector
        self.host = host
        self.contact = contact
        self.serverLogs = serverLogs
        self.accessibility = accessibility
    }
}

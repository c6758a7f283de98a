// The company that hosts the published site, named on the legal notice (`legal.host` in site.yaml).

/// The host's name and postal address, and its telephone number when the publisher gives one.
public struct HostingProvider: Sendable, Equatable {
    public var name: String
    public var address: String
    public var telephone: String?

    public init(name: String, address: String, telephone: String? = nil) {
        self.name = name
        self.address = address
        self.telephone = telephone
    }
}

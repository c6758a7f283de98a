// How readers reach the publisher (`legal.contact` in site.yaml): shown on /contact/, and as the
// feedback channel of the accessibility statement and the personal-data page.

/// At least one of an e-mail address, a contact form's URL and a postal address.
public struct ContactDetails: Sendable, Equatable {
    public var email: String?
    /// An absolute http(s) URL of a contact form hosted elsewhere (the site itself has no form).
    public var formURL: String?
    public var postalAddress: String?

    public init(email: String? = nil, formURL: String? = nil, postalAddress: String? = nil) {
        self.email = email
        self.formURL = formURL
        self.postalAddress = postalAddress
    }
}

// The kinds of direct identifier that must never appear in an anonymised case file.

public enum IdentifierKind: String, Sendable, CaseIterable {
    case email = "an e-mail address"
    case phone = "a phone number"
    case siren = "a SIREN number"
    case siret = "a SIRET number"
    case iban = "an IBAN"
    case url = "a URL"
}

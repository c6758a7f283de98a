// The anonymity guard on identifiers as people write them, and on the legitimate values it must let through.

import Testing

@testable import VigieInput

@Suite struct IdentifierGuardTests {
    static let positives: [(String, IdentifierKind)] = [
        ("jean.dupont@exemple.fr", .email),
        ("Contact: JD+ventes@boutique-en-ligne.com", .email),
        ("contact (at) exemple.fr", .email),
        ("06 12 34 56 78", .phone),
        ("06.12.34.56.78", .phone),
        ("06-12-34-56-78", .phone),
        ("0612345678", .phone),
        ("+33 6 12 34 56 78", .phone),
        ("+33 (0)6 12 34 56 78", .phone),
        ("+33612345678", .phone),
        ("0033 6 12 34 56 78", .phone),
        ("+49 30 1234567", .phone),
        ("(0)1 45 67 89 10", .phone),
        ("tél. 01 23 45 67 89", .phone),
        ("06\u{00A0}12\u{00A0}34\u{00A0}56\u{00A0}78", .phone),
        ("732829320", .siren),
        ("732 829 320", .siren),
        ("732.829.320", .siren),
        ("SIREN 732 829 320", .siren),
        ("73282932000074", .siret),
        ("732 829 320 00074", .siret),
        ("35600000000051", .siret),  // La Poste: digit sum divisible by 5, not Luhn
        ("732829320 00075", .siren),
        ("FR76 3000 6000 0112 3456 7890 189", .iban),
        ("FR7630006000011234567890189", .iban),
        ("fr76 3000 6000 0112 3456 7890 189", .iban),
        ("IBAN FR76 3000 6000 0112 3456 7890 189 chez la banque", .iban),
        ("DE89 3704 0044 0532 0130 00", .iban),
        ("GB82 WEST 1234 5698 7654 32", .iban),
        ("BE68 5390 0754 7034", .iban),
        ("http://maboutique.fr/produits", .url),
        ("https://example.com", .url),
        ("www.maboutique.fr", .url),
        ("maboutique.fr", .url),
        ("voir maboutique.fr.", .url),
        ("ma-boutique.paris/page", .url),
        ("café-librairie.fr", .url),
    ]

    static let negatives = [
        "2018-11-30", "30/11/2018", "2018-11-30 2018-12-01", "12.5", "12,5", "100", "0.5", "44", "01",
        "amazon", "fnac-darty", "delisting|accounting_documents", "health_beauty", "in_mediation",
        "C-2018-00042", "VIG-000123", "VIG-2018-000123", "CASE_0001", "C-0123-456789", "VIG-000000012345",
        "12345678", "e.g. a note", "S.A.", "3.fr", "Dupont & fils", "FR76", "FR76 1234", "GB00 WEST 1234 5698 7654 32",
        "73282932000075", "+12.5", "1 234,5", "AB2018000000000042", "CA12345678901234", "C2018-000042",
    ]

    @Test(arguments: positives)
    func detects(_ text: String, _ kind: IdentifierKind) {
        #expect(IdentifierGuard.detect(text) == kind)
        #expect(IdentifierGuard.mayContainIdentifier(Array(text.utf8)[...]))
    }

    @Test(arguments: negatives)
    func letsThrough(_ text: String) {
        #expect(IdentifierGuard.detect(text) == nil)
    }

    @Test func luhnAndMod97() {
        #expect(IdentifierGuard.isSIRET(Array("73282932000074".utf8)))
        #expect(!IdentifierGuard.isSIRET(Array("73282932000075".utf8)))
        #expect(IdentifierGuard.mod97(Array("FR7630006000011234567890189".utf8)[...]) == 1)
    }
}

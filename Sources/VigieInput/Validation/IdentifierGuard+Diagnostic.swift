// The anonymity guard applied to one CSV field: the masked diagnostic a leaked identifier becomes.

import VigieSupport

extension IdentifierGuard {
    /// A masked error when the field holds a direct identifier, else nil.
    /// - Parameter place: how the message names the cell, e.g. `column 'sector'` or `field 13`.
    static func screen(_ field: CSVField, reader: CSVReader, place: @autoclosure () -> String) -> Diagnostic? {
        let suspect = reader.bytes.withUnsafeBufferPointer { mayContainIdentifier(UnsafeBufferPointer(rebasing: $0[field.range])) }
        guard suspect, let kind = detect(reader.string(field)) else { return nil }
        return .error(
            "\(place()) holds what looks like \(kind.rawValue) (value masked); case files must be anonymised: delete it from the export",
            at: reader.location(of: field))
    }
}

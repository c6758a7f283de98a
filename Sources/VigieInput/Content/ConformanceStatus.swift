// The accessibility conformance status a French public site declares, with the RGAA's rule tying
// it to the share of criteria met.

/// `legal.accessibility.status` in site.yaml.
public enum ConformanceStatus: String, Sendable, CaseIterable {
    /// Totalement conforme: every applicable RGAA criterion is met.
    case fullyCompliant = "fully_compliant"
    /// Partiellement conforme: at least half of the criteria are met.
    case partiallyCompliant = "partially_compliant"
    /// Non conforme: fewer than half are met, or no audit measured it.
    case nonCompliant = "non_compliant"

    /// The shares of criteria met (in whole percent) that the status may be declared with.
    var allowedPercents: ClosedRange<Int> {
        switch self {
        case .fullyCompliant: 100...100
        case .partiallyCompliant: 50...99
        case .nonCompliant: 0...49
        }
    }
}

// Writes a coordinate with at most one decimal, the same bytes on every platform and every run.

extension Double {
    /// This number rounded to a tenth, without exponent, trailing zero or negative zero:
    /// `12.0` → `"12"`, `0.25` → `"0.3"`, `-0.04` → `"0"`, `1e-05` → `"0"`.
    /// Non-finite numbers, which a layout should never produce, are written `"0"`.
    var svgCoordinate: String {
        guard isFinite else { return "0" }
        let limit = 1e12
        let tenths = Int((Swift.min(Swift.max(self, -limit), limit) * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        let whole = magnitude / 10
        let fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

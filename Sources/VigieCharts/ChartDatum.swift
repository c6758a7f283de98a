// One value to draw: a chart's unit of input, with its wording already written by the caller.

/// One bar, column, stage, tile or panel of a chart.
///
/// The chart draws `value` and writes `valueText`; it never formats numbers itself, so the caller
/// decides the locale (`"1 234"`, `"12,5 %"`) and how a withheld value reads (`"< 5"`).
public struct ChartDatum: Sendable, Hashable {
    /// A stable key (vocabulary key, ISO week, INSEE code), written as `data-key` on the mark.
    public var key: String
    /// The label shown beside the mark.
    public var label: String
    /// The value to draw, or `nil` when disclosure control withholds it.
    public var value: Double?
    /// The value as the reader sees it, for example `"1 234"`, or `"< 5"` when withheld.
    public var valueText: String

    public init(key: String, label: String, value: Double?, valueText: String) {
        self.key = key
        self.label = label
        self.value = value
        self.valueText = valueText
    }

    /// Whether disclosure control withholds the value.
    public var isWithheld: Bool { value == nil }
}

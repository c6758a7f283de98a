// One published equality between counts, `whole = Σ parts`: what a reader can subtract.

/// A count that equals the sum of other counts: a table's total and its rows, an issue's total across
/// platforms, or a week's cumulative count and the previous cumulative plus the week's count.
struct SumRelation: Hashable, CustomStringConvertible {
    let whole: CellAddress
    let parts: [CellAddress]

    /// Every cell of the relation with its sign in `Σ parts − whole = 0`.
    var signedCells: [(cell: CellAddress, sign: Int)] {
        parts.map { ($0, 1) } + [(whole, -1)]
    }

    var description: String { "\(whole) = Σ \(parts)" }
}

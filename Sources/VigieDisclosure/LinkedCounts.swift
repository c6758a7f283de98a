// The counts of one or more editions as a graph: equal counts merged into classes, joined by the relations a reader can use.

import VigieStatistics

/// What secondary suppression reasons about. Cells that hold the same quantity (`CountRelations.links`)
/// are merged into one *class*, withheld or published together; each `whole = Σ parts` becomes a signed
/// relation between classes. With several editions (oldest first), each count of an edition is also
/// the same count of the previous edition plus the cases added in between, an unpublished class ≥ 0,
/// because counts only grow: a reader holding both editions can use that too (not the counts of open
/// cases, `ShrinkingCount`).
struct LinkedCounts {
    /// One publication's tables, as the heuristic sees them.
    struct Edition {
        /// The tables before disclosure control: the true values.
        let raw: [TableID: StatTable]
        /// The same tables with what is withheld so far.
        let protected: [TableID: StatTable]
        /// True for a publication already out: its cells are known to readers as they are and cannot change.
        let isFrozen: Bool
        /// Its disclosure threshold (a stored release keeps the one it was published with).
        var threshold: Int = 0
        /// False for a stored release, whose `raw` values stand in for withheld counts that are not kept.
        var rawIsTrue: Bool = true
    }

    struct Place: Hashable, Comparable {
        let edition: Int
        let cell: CellAddress
        static func < (a: Place, b: Place) -> Bool { (a.edition, a.cell) < (b.edition, b.cell) }
    }

    /// Per class: the cells that hold it (none for the unpublished "new cases" between two editions).
    private(set) var members: [[Place]] = []
    private(set) var values: [Int] = []
    /// A value from 1 to k−1.
    private(set) var isPrimary: [Bool] = []
    /// Part of an edition already published, or new cases: never a candidate for withholding.
    private(set) var isFrozen: [Bool] = []
    /// Withheld before secondary suppression (primary counts, and whatever a frozen edition withheld).
    private(set) var withheld: [Bool] = []
    /// Withheld and labelled "masqué" (any value from 0) rather than "< k" (1 to k−1).
    private(set) var isMasked: [Bool] = []
    /// The "new cases" classes, each with the two counts it separates.
    private(set) var newCasesBetween: [(now: Int, then: Int)?] = []
    /// New cases known to be none: a week that had ended before the earlier edition does not change.
    private(set) var isKnownZero: [Bool] = []
    /// Each relation as signed classes: Σ sign·class = 0.
    private(set) var relations: [[(cls: Int, sign: Int)]] = []
    /// Per class, the relations it appears in.
    private(set) var relationsOf: [[Int]] = []

    /// - Parameter editions: oldest first; at most the last one is not frozen. Each count of an edition
    ///   is the same count of the previous edition plus the cases added in between (unknown, ≥ 0),
    ///   because counts only grow: a reader holding both editions can use that too.
    init(editions: [Edition], threshold: Int) {
        let relationsByEdition = editions.map { CountRelations(tables: $0.raw) }
        var places: [Place] = []
        for (e, edition) in editions.enumerated() {
            for (id, table) in edition.raw {
                for c in table.columns.indices where table.columns[c].kind == .count {
                    places += table.rows.indices.map { Place(edition: e, cell: CellAddress(table: id, row: $0, column: c)) }
                }
            }
        }
        places.sort()
        let index = Dictionary(uniqueKeysWithValues: places.enumerated().map { ($1, $0) })
        var parent = Array(places.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        for (e, relations) in relationsByEdition.enumerated() {
            for link in relations.links {
                for cell in link.dropFirst() {
                    let (a, b) = (root(index[Place(edition: e, cell: link[0])]!), root(index[Place(edition: e, cell: cell)]!))
                    if a != b { parent[max(a, b)] = min(a, b) }
                }
            }
        }
        var classOfRoot: [Int: Int] = [:]
        var classOf: [Place: Int] = [:]
        for (i, place) in places.enumerated() {
            let r = root(i)
            let cls = classOfRoot[r] ?? members.count
            if cls == members.count {
                classOfRoot[r] = cls
                let value = editions[place.edition].raw[place.cell.table]!.rows[place.cell.row][place.cell.column].count ?? 0
                addClass(value: value, isPrimary: value >= 1 && value < threshold, isFrozen: editions[place.edition].isFrozen)
            }
            members[cls].append(place)
            classOf[place] = cls
            if case let .withheld(reason) = editions[place.edition].protected[place.cell.table]!.rows[place.cell.row][place.cell.column] {
                withheld[cls] = true
                if reason != .primary { isMasked[cls] = true }
            }
        }
        for (e, relations) in relationsByEdition.enumerated() {
            for sum in relations.sums {
                addRelation(sum.signedCells.map { (classOf[Place(edition: e, cell: $0.cell)]!, $0.sign) })
            }
        }
        // now = then + new cases, once per pair of classes.
        var newCases: [[Int]: Int] = [:]
        for e in editions.indices.dropFirst() {
            let lastWeekBefore = EndedWeek.last(in: editions[e - 1].raw)
            for (id, table) in editions[e].raw {
                guard let beforeRows = editions[e - 1].raw[id]?.rowIndexByKeys() else { continue }
                for r in table.rows.indices {
                    guard let beforeRow = beforeRows[table.keys(ofRow: r)], !ShrinkingCount.canShrink(id, keys: table.keys(ofRow: r))
                    else { continue }
                    let ended = EndedWeek.isEnded(id, keys: table.keys(ofRow: r), before: lastWeekBefore)
                    for c in table.columns.indices where table.columns[c].kind == .count {
                        let now = classOf[Place(edition: e, cell: CellAddress(table: id, row: r, column: c))]!
                        let then = classOf[Place(edition: e - 1, cell: CellAddress(table: id, row: beforeRow, column: c))]!
                        guard newCases[[now, then]] == nil else { continue }
                        newCases[[now, then]] = members.count
                        addClass(value: values[now] - values[then], isPrimary: false, isFrozen: true)
                        newCasesBetween[members.count - 1] = (now, then)
                        isKnownZero[members.count - 1] = ended
                        addRelation([(then, 1), (members.count - 1, 1), (now, -1)])
                    }
                }
            }
            // The new cases add up like the counts. Implied by the relations above, but bound propagation
            // only sees it when written out: "the withheld cells of a column grew by at most the column's growth".
            let beforeRows = editions[e - 1].raw.mapValues { $0.rowIndexByKeys() }
            for sum in relationsByEdition[e].sums {
                let pairs = sum.signedCells.map { term -> (Int, Int)? in
                    let now = classOf[Place(edition: e, cell: term.cell)]!
                    let table = editions[e].raw[term.cell.table]!
                    guard let row = beforeRows[term.cell.table]?[table.keys(ofRow: term.cell.row)],
                        let new = newCases[[
                            now,
                            classOf[Place(edition: e - 1, cell: CellAddress(table: term.cell.table, row: row, column: term.cell.column))]!,
                        ]]
                    else { return nil }
                    return (new, term.sign)
                }
                if pairs.allSatisfy({ $0 != nil }) { addRelation(pairs.map { $0! }) }
            }
        }
    }

    private mutating func addClass(value: Int, isPrimary primary: Bool, isFrozen frozen: Bool) {
        members.append([])
        values.append(value)
        isPrimary.append(primary)
        isFrozen.append(frozen)
        withheld.append(false)
        isMasked.append(false)
        relationsOf.append([])
        newCasesBetween.append(nil)
        isKnownZero.append(false)
    }

    private mutating func addRelation(_ signed: [(Int, Int)]) {
        var coefficients: [Int: Int] = [:]
        for (cls, sign) in signed { coefficients[cls, default: 0] += sign }
        let terms = coefficients.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (cls: $0.key, sign: $0.value) }
        assert(terms.allSatisfy { abs($0.sign) == 1 }, "a class appears twice on one side of a relation")
        for term in terms { relationsOf[term.cls].append(relations.count) }
        relations.append(terms)
    }
}

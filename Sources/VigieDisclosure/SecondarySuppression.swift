// Secondary suppression: withholds or masks more counts until no withheld count can be worked out or narrowed.

/// The protection heuristic, run on the tables after primary suppression (`LinkedCounts` is its graph).
///
/// Its reader is the audit's (`ReaderKnowledge`): one who sees every published number of every
/// edition and every label, where "< k" says a count is from 1 to k−1 and "masqué" says nothing (any
/// value from 0). A relation `whole = Σ parts` is *unsafe* when, for that reader, one of its withheld
/// classes is pinned to one value, a small count (true value 1 to k−1) can be narrowed to less than
/// 1…k−1, or the cases added between two editions are pinned to a value from 1 to k−1. The reader's
/// deduction is modelled by bound propagation over the relations linked to it through withheld classes
/// (so "x + y = 2 here, y + z = 3 there" is caught, not only a relation with one withheld cell).
/// Propagation is sound but weaker than the exact linear programming of `DisclosureAudit`, which
/// checks the result independently.
///
/// An unsafe relation gets one more change among its classes of the edition not yet published:
/// a published count withheld as masked, or a withheld small count relabelled from "< k" to masked
/// (a total of 2 shown as "< 5" over two counts shown as "< 5" gives both away as 1; masked, it does
/// not). The change is chosen by, in order:
/// 1. how many problems the relation has left after it (fewest first);
/// 2. a relabel before a withholding: the numbers stay published, only the hint "< k" goes;
/// 3. how many *other* relations it would newly expose (a relation with nothing withheld yet, which would
///    then need a partner of its own): this keeps a grand total, linked across six tables, published;
/// 4. the least information lost: its value times the number of places it appears (smallest first,
///    a zero last: masking a zero only helps where a reader could otherwise bound a total from below);
/// 5. table and row order, so the result is the same on every run.
/// Each change re-queues every relation of the class, across tables and editions, until nothing
/// changes (a fixed point; it ends because each step withholds or relabels one more class).
struct SecondarySuppression {
    private let threshold: Int
    private let graph: LinkedCounts
    /// Per class: withheld so far.
    private var hidden: [Bool]
    /// Per class: withheld and shown as masked (no range beyond ≥ 0), rather than "< k".
    private var masked: [Bool]

    /// A change the heuristic made to a class of the edition that is not frozen.
    enum Change: Equatable {
        case withhold, relabel
    }

    /// - Parameter editions: oldest first; at most the last one is not frozen.
    /// Per class: its value is known from an earlier edition whatever this one shows (a week that had
    /// ended, published then), so withholding it would hide nothing.
    private let isKnownEarlier: [Bool]

    init(editions: [LinkedCounts.Edition], threshold: Int) {
        self.threshold = threshold
        graph = LinkedCounts(editions: editions, threshold: threshold)
        hidden = graph.withheld
        masked = graph.isMasked
        var known = [Bool](repeating: false, count: graph.members.count)
        for (cls, pair) in graph.newCasesBetween.enumerated() {
            if let pair, graph.isKnownZero[cls], !graph.withheld[pair.then] { known[pair.now] = true }
        }
        isKnownEarlier = known
    }

    /// Runs the heuristic to its fixed point; returns the cells of the edition that is not frozen to
    /// withhold as masked or to relabel, in the order chosen.
    mutating func run() -> [(cell: CellAddress, change: Change)] {
        var queue = graph.relations.indices.filter { r in graph.relations[r].contains { isUnknown($0.cls) } }
        var queued = Set(queue)
        var chosen: [(cls: Int, change: Change)] = []
        while !queue.isEmpty {
            let r = queue.removeFirst()
            queued.remove(r)
            for change in repair(relation: r) {
                chosen.append(change)
                for other in graph.relationsOf[change.cls] where other != r && !queued.contains(other) {
                    queue.append(other)
                    queued.insert(other)
                }
            }
        }
        return chosen.flatMap { choice in graph.members[choice.cls].map { ($0.cell, choice.change) } }
    }

    /// Changes classes of relation `r` until it is safe or nothing is left to change; returns the changes.
    private mutating func repair(relation r: Int) -> [(cls: Int, change: Change)] {
        var changes: [(cls: Int, change: Change)] = []
        while true {
            let current = problems(of: r)
            if current == 0 { return changes }
            let singles = candidates(in: r).map { candidate -> (key: (Int, Int, Int, Int, Int), cls: Int, change: Change) in
                let left = trying([candidate.cls]) { $0.problems(of: r) }
                return (
                    (left, candidate.change == .relabel ? 0 : 1, candidate.exposures, candidate.loss, candidate.cls), candidate.cls,
                    candidate.change
                )
            }
            guard let best = singles.min(by: { $0.key < $1.key }) else { return changes }
            // No single change helps: a partner of the relation is often pinned through another relation
            // (hiding a cumulative week needs its week hidden too), so try each change with one in the
            // partner's other relations before taking the least bad single one.
            if best.key.0 >= current, let pair = bestPair(for: r, problems: current) {
                for (cls, change) in pair { apply(cls, change, &changes) }
                continue
            }
            apply(best.cls, best.change, &changes)
        }
    }

    private mutating func apply(_ cls: Int, _ change: Change, _ changes: inout [(cls: Int, change: Change)]) {
        hidden[cls] = true
        masked[cls] = true
        changes.append((cls, change))
    }

    /// The classes of relation `r` that may still change, each with how it would change, how many other
    /// relations it would newly expose and what information it costs.
    private func candidates(in r: Int) -> [(cls: Int, change: Change, exposures: Int, loss: Int)] {
        graph.relations[r].compactMap { term in
            let cls = term.cls
            guard !graph.isFrozen[cls], !graph.members[cls].isEmpty, !isKnownEarlier[cls] else { return nil }
            if hidden[cls] && masked[cls] { return nil }
            let change: Change = hidden[cls] ? .relabel : .withhold
            let exposures =
                change == .relabel
                ? 0 : graph.relationsOf[cls].filter { $0 != r && !graph.relations[$0].contains { isUnknown($0.cls) } }.count
            let value = graph.values[cls]
            let loss = change == .relabel ? 0 : (value == 0 ? Int.max / 4 : value * graph.members[cls].count)
            return (cls, change, exposures, loss)
        }
    }

    /// The best two changes together, one in `r` and one in another relation of the first, that leave
    /// `r` with fewer problems than `problems`; nil when no pair does.
    private mutating func bestPair(for r: Int, problems current: Int) -> [(Int, Change)]? {
        var best: (key: (Int, Int, Int, Int), changes: [(Int, Change)])?
        // At most 256 pairs, cheapest first partner first: in a long chain of withheld weeks each try
        // propagates over the whole chain, and the pairs that help are found among the first ones.
        var budget = 256
        for first in candidates(in: r).sorted(by: { ($0.loss, $0.cls) < ($1.loss, $1.cls) }) where first.change == .withhold {
            for s in graph.relationsOf[first.cls] where s != r {
                for second in candidates(in: s) where second.cls != first.cls {
                    guard budget > 0 else { return best?.changes }
                    budget -= 1
                    let left = trying([first.cls, second.cls]) { $0.problems(of: r) + $0.problems(of: s) }
                    guard left < current else { continue }
                    let key = (left, first.loss.addingReportingOverflow(second.loss).partialValue, first.cls, second.cls)
                    if best == nil || key < best!.key { best = (key, [(first.cls, first.change), (second.cls, second.change)]) }
                }
            }
        }
        return best?.changes
    }

    /// `measure` with `classes` hidden and masked, then everything as it was.
    private mutating func trying(_ classes: [Int], _ measure: (Self) -> Int) -> Int {
        let saved = classes.map { (hidden[$0], masked[$0]) }
        for cls in classes {
            hidden[cls] = true
            masked[cls] = true
        }
        let result = measure(self)
        for (cls, state) in zip(classes, saved) { (hidden[cls], masked[cls]) = state }
        return result
    }

    /// How many of the withheld classes of relation `r` a reader could pin or narrow, with ranges deduced
    /// over the relations linked to it (0: the relation is safe).
    private func problems(of r: Int) -> Int {
        let group = linkedRelations(from: r)
        let ranges = deducedRanges(over: group)
        var count = 0
        for term in graph.relations[r] where isUnknown(term.cls) {
            let range = ranges[term.cls]!
            if graph.members[term.cls].isEmpty {
                if range.isPoint, let value = range.lower, value >= 1, value < threshold { count += 1 }
            } else if graph.isPrimary[term.cls] {
                // "< k" must say all a reader learns (at k = 2 the label itself says 1); a masked small
                // count must keep at least the range 1…k−1.
                if masked[term.cls] {
                    if (range.lower ?? Int.min) > 1 || (range.upper ?? Int.max) < threshold - 1 { count += 1 }
                } else if range.lower != 1 || range.upper != threshold - 1 {
                    count += 1
                }
            } else if range.isPoint {
                count += 1
            }
        }
        return count
    }

    /// The relations that share a withheld class with `r`, directly or through others: only they can
    /// tell a reader anything about the withheld classes of `r`.
    private func linkedRelations(from r: Int) -> [Int] {
        var seen: Set<Int> = [r]
        var stack = [r]
        while let current = stack.popLast() {
            for term in graph.relations[current] where isUnknown(term.cls) {
                for other in graph.relationsOf[term.cls] where !seen.contains(other) {
                    seen.insert(other)
                    stack.append(other)
                }
            }
        }
        return seen.sorted()
    }

    /// Bound propagation: each relation narrows the range of each of its withheld classes from the
    /// ranges of the others, round after round, until nothing changes. Sound (the true value always
    /// stays inside) but weaker than the audit's exact linear programming, which checks the result.
    private func deducedRanges(over group: [Int]) -> [IntegerInterval?] {
        var ranges = [IntegerInterval?](repeating: nil, count: graph.members.count)
        for r in group {
            for term in graph.relations[r] {
                ranges[term.cls] =
                    isUnknown(term.cls)
                    ? prior(term.cls) : IntegerInterval(lower: graph.values[term.cls], upper: graph.values[term.cls])
            }
        }
        // A worklist: a relation is looked at again only when the range of one of its classes narrowed.
        // The cap (64 looks per relation) is far above what chains of weeks or linked totals need;
        // stopping early only makes the heuristic withhold less, never hides a leak from the audit.
        var inGroup = [Bool](repeating: false, count: graph.relations.count)
        for r in group { inGroup[r] = true }
        var queued = inGroup
        var queue = group
        var head = 0
        while head < queue.count, head < 64 * group.count {
            let r = queue[head]
            head += 1
            queued[r] = false
            let terms = graph.relations[r]
            for t in terms.indices where isUnknown(terms[t].cls) {
                // sign·x = −Σ others
                var others = IntegerInterval.zero
                for o in terms.indices where o != t {
                    others = others + (terms[o].sign == 1 ? ranges[terms[o].cls]! : -ranges[terms[o].cls]!)
                }
                let cls = terms[t].cls
                let narrowed = (terms[t].sign == 1 ? -others : others).intersection(ranges[cls]!)
                // An empty range means the relations contradict each other (a correction): a reader can
                // only drop an assumption there, so the range is left as it was.
                guard narrowed != ranges[cls], !narrowed.isEmpty else { continue }
                ranges[cls] = narrowed
                for next in graph.relationsOf[cls] where inGroup[next] && !queued[next] {
                    queue.append(next)
                    queued[next] = true
                }
            }
        }
        return ranges
    }

    /// True when a reader cannot read the class off the tables: it is withheld, or it is the new cases
    /// between two counts of which one is withheld.
    private func isUnknown(_ cls: Int) -> Bool {
        if let pair = graph.newCasesBetween[cls] { return hidden[pair.now] || hidden[pair.then] }
        return hidden[cls]
    }

    /// What a reader knows of a withheld class from its label alone.
    private func prior(_ cls: Int) -> IntegerInterval {
        if graph.members[cls].isEmpty {  // new cases between two editions
            return IntegerInterval(lower: 0, upper: graph.isKnownZero[cls] ? 0 : nil)
        }
        return masked[cls] ? IntegerInterval(lower: 0, upper: nil) : IntegerInterval(lower: 1, upper: threshold - 1)
    }
}

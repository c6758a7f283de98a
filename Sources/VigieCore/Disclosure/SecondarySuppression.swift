// Secondary suppression: withholds more counts until no withheld count can be recovered by subtraction.

/// The protection heuristic, run on the tables after primary suppression (`LinkedCounts` is its graph).
///
/// A relation `whole = Σ parts` is *unsafe* when one of its withheld classes can be pinned to a single
/// value by a reader. The reader's deduction is modelled by bound propagation: starting from what the
/// rules say about each withheld class, every relation linked to it through withheld classes narrows
/// ranges until nothing changes (so "x + y = 2 here, y + z = 3 there, all at least 1" is caught, not
/// only a relation with a single withheld cell). Propagation is sound but weaker than the exact
/// linear programming of `DisclosureAudit`, which checks the result independently.
///
/// An unsafe relation gets one more withheld class among its published non-zero ones, chosen by, in order:
/// 1. how well it repairs the relation (see the two reader models below);
/// 2. how many *other* relations it would newly expose (a relation with nothing withheld yet, which would
///    then need a partner of its own): this keeps a grand total, linked across six tables, published;
/// 3. the least information lost: its value times the number of places it appears (smallest first);
/// 4. table and row order, so the result is the same on every run.
/// Withholding a class re-queues every relation it belongs to, across tables and editions, until
/// nothing changes (a fixed point; it ends because each step withholds one more class).
///
/// Two reader models are used. The required one (the one `DisclosureAudit` certifies) knows the
/// published numbers, that counts are non-negative and that a primary count is at least 1. The
/// stricter one also knows that a primary count is at most k−1 and that a secondary count is at least
/// k (zeros are never withheld, so the rule itself says so); the heuristic prefers partners that
/// satisfy it too (e.g. with 20, 12, 1, 5 and total 38 at k = 5 it withholds the 12, not the 5,
/// since 1 + 5 = 6 = the smallest possible sum would give both away), but does not insist when no
/// single partner can (e.g. four platforms with one closed case each and 4 closed in all, at k = 5).
///
/// Zeros are never chosen: a withheld zero would break the "secondary ≥ k" reasoning above, and a
/// relation with one withheld cell always has a non-zero published partner (its total otherwise
/// equals the withheld count, so it would itself be a small count).
struct SecondarySuppression {
    private let threshold: Int
    private let graph: LinkedCounts
    /// Per class: withheld so far.
    private var hidden: [Bool]

    /// - Parameter editions: oldest first; at most the last one is not frozen.
    init(editions: [LinkedCounts.Edition], threshold: Int) {
        self.threshold = threshold
        graph = LinkedCounts(editions: editions, threshold: threshold)
        hidden = graph.withheld
    }

    /// Runs the heuristic to its fixed point; returns the cells of the edition that is not frozen to
    /// withhold as secondary, in the order chosen.
    mutating func run() -> [CellAddress] {
        var queue = graph.relations.indices.filter { r in graph.relations[r].contains { isUnknown($0.cls) } }
        var queued = Set(queue)
        var chosen: [Int] = []
        while !queue.isEmpty {
            let r = queue.removeFirst()
            queued.remove(r)
            for cls in repair(relation: r) {
                chosen.append(cls)
                for other in graph.relationsOf[cls] where other != r && !queued.contains(other) {
                    queue.append(other)
                    queued.insert(other)
                }
            }
        }
        return chosen.flatMap { graph.members[$0].map(\.cell) }
    }

    /// Withholds partners in relation `r` until it is safe; returns the classes withheld.
    private mutating func repair(relation r: Int) -> [Int] {
        var withheld: [Int] = []
        while true {
            let level = safety(of: r)
            if level == .safeForStrictReader { return withheld }
            let candidates = graph.relations[r].map(\.cls).filter { !hidden[$0] && !graph.isFrozen[$0] && graph.values[$0] > 0 }
            let ranked = candidates.map { cls -> (cls: Int, level: Safety, exposures: Int, loss: Int) in
                let exposures = graph.relationsOf[cls].filter { $0 != r && !graph.relations[$0].contains { isUnknown($0.cls) } }.count
                hidden[cls] = true
                defer { hidden[cls] = false }
                return (cls, safety(of: r), exposures, graph.values[cls] * graph.members[cls].count)
            }
            .filter { level == .unsafe || $0.level == .safeForStrictReader }
            .min { a, b in (-a.level.rawValue, a.exposures, a.loss, a.cls) < (-b.level.rawValue, b.exposures, b.loss, b.cls) }
            guard let best = ranked else { return withheld }
            hidden[best.cls] = true
            withheld.append(best.cls)
        }
    }

    private enum Safety: Int {
        case unsafe, safeForRequiredReader, safeForStrictReader
    }

    /// The two readers: what each knows of a withheld class before reading any relation.
    private enum Reader {
        case required, strict
    }

    /// How safe relation `r` is, with ranges deduced over the relations linked to it.
    private func safety(of r: Int) -> Safety {
        let group = linkedRelations(from: r)
        let required = deducedRanges(over: group, for: .required)
        if graph.relations[r].contains(where: { isUnknown($0.cls) && !graph.members[$0.cls].isEmpty && required[$0.cls]!.isPoint }) {
            return .unsafe
        }
        let strict = deducedRanges(over: group, for: .strict)
        let exposedToStrict = graph.relations[r].contains { term in
            hidden[term.cls] && graph.isPrimary[term.cls] && !prior(term.cls, .strict).isPoint && strict[term.cls]!.isPoint
        }
        return exposedToStrict ? .safeForRequiredReader : .safeForStrictReader
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
    private func deducedRanges(over group: [Int], for reader: Reader) -> [IntegerInterval?] {
        var ranges = [IntegerInterval?](repeating: nil, count: graph.members.count)
        for r in group {
            for term in graph.relations[r] {
                ranges[term.cls] =
                    isUnknown(term.cls)
                    ? prior(term.cls, reader) : IntegerInterval(lower: graph.values[term.cls], upper: graph.values[term.cls])
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
                guard narrowed != ranges[cls] else { continue }
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

    /// What a reader knows of a withheld class from the rules alone.
    private func prior(_ cls: Int, _ reader: Reader) -> IntegerInterval {
        switch reader {
        case _ where graph.members[cls].isEmpty:
            IntegerInterval(lower: 0, upper: nil)  // new cases between two editions
        case .required:
            IntegerInterval(lower: graph.isPrimary[cls] ? 1 : 0, upper: nil)
        case .strict:
            graph.isPrimary[cls] ? IntegerInterval(lower: 1, upper: threshold - 1) : IntegerInterval(lower: threshold, upper: nil)
        }
    }
}

// What a reader may not assume across editions: the counts of open cases fall as cases close.

import VigieStatistics

enum ShrinkingCount {
    /// True when row `keys` of table `id` counts cases still open (`CasePath.isOpen`): such a count
    /// may be lower in a later edition, so "counts only grow" does not link it to the earlier one.
    static func canShrink(_ id: TableID, keys: [String]) -> Bool {
        guard id == .casePaths, let key = keys.first, let path = CasePath(rawValue: key) else { return false }
        return path.isOpen
    }
}

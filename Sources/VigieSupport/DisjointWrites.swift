// A pointer that tasks share to initialize memory, each its own range.

/// The start of an uninitialized buffer that concurrent tasks fill, each a range of its own that no
/// other task touches (a file read in parts, chunks of records copied to their place).
package struct DisjointWrites<Element>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<Element>

    @inlinable
    package init(base: UnsafeMutablePointer<Element>) { self.base = base }
}

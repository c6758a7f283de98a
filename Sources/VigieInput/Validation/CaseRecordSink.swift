// Where the valid records of the case files go as validation finds them, so that no stage needs
// every case in memory at once: the statistics are counted as the rows stream (see
// `StatisticsAccumulator`), and only the tests keep the records themselves (`CaseCollector`).

/// Takes in the valid records of the case files, batch by batch, in file order: each batch is one
/// stretch of one file, its duplicates already dropped, exactly the records one sequential pass
/// over every file would keep.
public protocol CaseRecordSink {
    mutating func add(_ records: [CaseRecord])
}

/// Keeps every record: for tests and tools that look at the cases themselves. The build streams
/// its cases into the statistics instead.
public struct CaseCollector: CaseRecordSink, Sendable {
    public private(set) var records: [CaseRecord] = []

    public init() {}

    public mutating func add(_ records: [CaseRecord]) {
        if self.records.isEmpty { self.records = records } else { self.records.append(contentsOf: records) }
    }
}

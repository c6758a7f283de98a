// libFuzzer target: a case file's bytes through the CSV reader and the validator, in one pass and
// in chunks, which must agree (see scripts/fuzz.sh).

import Foundation
import FuzzSupport
import VigieInput
import VigieSupport

/// The publication date of the default content, so dates near 2019 are plausible.
private let config = SiteConfig(publicationDate: Day(year: 2019, month: 3, day: 29)!)

/// Validates the input as two case files in a row (so its case_ids are also seen a second time,
/// across files), once in one sequential pass and once cut into three chunks. The chunked
/// validation promises exactly the records and diagnostics of the sequential pass; a difference is
/// a bug, reported as a crash so that libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseFile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    var sequential = CaseFileValidator(config: config, parallelism: .sequential)
    var chunked = CaseFileValidator(config: config, parallelism: .init(chunks: 3, minimumBytes: 0))
    var sequentialDiagnostics: [Diagnostic] = []
    var chunkedDiagnostics: [Diagnostic] = []
    for path in ["content/cases/a.csv", "content/cases/b.csv"] {
        sequential.validate(bytes: bytes, path: path, into: &sequentialDiagnostics)
        chunked.validate(bytes: bytes, path: path, into: &chunkedDiagnostics)
    }
    guard sequential.records == chunked.records else {
        fatalError("chunked validation gave other records: \(sequential.records.count) against \(chunked.records.count)")
    }
    guard sequentialDiagnostics == chunkedDiagnostics else {
        let sequentialLines = sequentialDiagnostics.map(\.description).joined(separator: "\n")
        let chunkedLines = chunkedDiagnostics.map(\.description).joined(separator: "\n")
        fatalError("chunked validation gave other diagnostics:\n\(sequentialLines)\n-- against --\n\(chunkedLines)")
    }
    // The messages as `vigie check` prints them.
    for diagnostic in sequentialDiagnostics { _ = diagnostic.description }
    return 0
}

runFuzzer { data, count in withInput(data, count, fuzzCaseFile) }

// The entry point every fuzz target shares. SwiftPM links an executable's `main` to the module's own
// (its top-level code), not to libFuzzer's, so each target calls `runFuzzer` there, which hands the
// command line to libFuzzer's driver.

import Foundation

@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer's driver with this process's arguments on `test`, then exits with its status.
/// `test` gets libFuzzer's input; an empty input may come without an address.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var arguments = CommandLine.argc
    var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&arguments, &argumentValues, test))
}

/// `data` as a pointer the readers accept: an empty input without an address gets one.
public func withInput(_ data: UnsafePointer<UInt8>?, _ count: Int, _ body: (UnsafeRawPointer, Int) -> CInt) -> CInt {
    withUnsafeBytes(of: 0) { empty in body(data.map(UnsafeRawPointer.init) ?? empty.baseAddress!, count) }
}

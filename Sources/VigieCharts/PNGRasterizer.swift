// Renders a chart file (SVG) to PNG with librsvg's `rsvg-convert` (Debian's librsvg2-bin), a
// maintained rasterizer, rather than a drawing engine of our own.

import Foundation

/// `rsvg-convert` launched once per chart, with the SVG on its standard input and the PNG read from
/// its standard output: no temporary file. librsvg writes no date or other varying chunk into the
/// PNG, so the same SVG and fonts give the same bytes (checked by converting twice and comparing).
public struct PNGRasterizer: Sendable {
    public static let commandName = "rsvg-convert"
    /// PNG pixels per SVG pixel: 2 gives a sharp picture on high-density screens and, for a chart
    /// file 672 pixels wide, a 1344-pixel image, over the 1200 that link previews ask for.
    public static let zoom = 2

    /// The path of the `rsvg-convert` that runs.
    public let executable: String

    /// The first `rsvg-convert` on `PATH`, or nil when it is not installed.
    public static func installed(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> PNGRasterizer? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for folder in folders where !folder.isEmpty {
            let candidate = folder + "/" + commandName
            if FileManager.default.isExecutableFile(atPath: candidate) { return PNGRasterizer(executable: candidate) }
        }
        return nil
    }

    /// What to say when it is missing: the PNG files cannot be made, so nothing is published.
    public static let missingMessage =
        "not found on PATH: the PNG of each chart is drawn by librsvg's rsvg-convert; install it "
        + "(Debian: 'sudo apt-get install librsvg2-bin fonts-dejavu-core', or 'bash scripts/setup.sh')"

    /// `rsvg-convert --version` and the zoom: with the SVG, what decides a PNG's bytes (the fonts
    /// aside). Nil when the command cannot tell.
    public func identity() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let version = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !version.isEmpty else { return nil }
        return "\(version); zoom \(Self.zoom)"
    }

    /// The PNG of `svg`, or the reason it failed (rsvg-convert's own message).
    public func png(from svg: String) -> Result<[UInt8], RasterizingFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--format", "png", "--zoom", String(Self.zoom)]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(RasterizingFailure(reason: "could not start \(executable): \(error.localizedDescription)"))
        }
        // Written from another thread: a large SVG would fill the pipe while its reader waits on us.
        let bytes = Data(svg.utf8)
        let writer = DispatchGroup()
        DispatchQueue.global().async(group: writer) {
            try? input.fileHandleForWriting.write(contentsOf: bytes)
            try? input.fileHandleForWriting.close()
        }
        let errorReader = DispatchGroup()
        nonisolated(unsafe) var message = Data()
        DispatchQueue.global().async(group: errorReader) { message = errors.fileHandleForReading.readDataToEndOfFile() }
        let png = output.fileHandleForReading.readDataToEndOfFile()
        writer.wait()
        errorReader.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !png.isEmpty else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(RasterizingFailure(reason: "\(Self.commandName) failed (exit \(process.terminationStatus)): \(text)"))
        }
        return .success([UInt8](png))
    }
}

/// Why a chart could not be rendered to PNG.
public struct RasterizingFailure: Error, Sendable {
    public var reason: String
}

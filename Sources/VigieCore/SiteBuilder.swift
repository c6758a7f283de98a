// The pipeline in order: load → validate → compute → protect → render → publish, run once.
// `BuildSession` holds the stages; this is the one-shot entry point of `vigie build` and `vigie check`.

import Foundation

public enum SiteBuilder {
    /// Runs the pipeline. Content and template problems are returned as diagnostics; only I/O
    /// failures while publishing are thrown. On any error nothing is published.
    /// - Parameter freeingMemory: false when the process ends right after the build (`vigie build`):
    ///   the build's values (the cases, every page's bytes) are then left to the system instead of
    ///   being freed object by object, 0.05 s of a 1 M-case build.
    public static func run(_ options: BuildOptions, freeingMemory: Bool = true, progress: ((String) -> Void)? = nil) throws
        -> BuildReport
    {
        let session = BuildSession(options: options)
        if !freeingMemory { _ = Unmanaged.passRetained(session) }
        return try session.rebuild(progress: progress)
    }
}

/// Measures the wall time of successive stages.
struct StageTimer {
    private var last = ContinuousClock.now

    mutating func lap() -> Double {
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

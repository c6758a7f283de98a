// The version of Vigie, written in each stored release's manifest.

public enum VigieVersion {
    public static let current = "0.13.0"
}

import HookCheck

/// The `--profile NAME` option of `sign`, `verify`, `serve` and `init`: a built-in profile.
public enum ProfileOption {
    /// The built-in profile called `name`.
    /// - Throws: ``CLIError/unknownName(kind:name:suggestion:)`` (exit 2) naming the closest one.
    public static func profile(named name: String) throws(CLIError) -> Profile {
        if let profile = Profile.named(name) { return profile }
        let names = Profile.builtIn.map(\.name)
        throw .unknownName(kind: "profile", name: name, suggestion: Suggestion.closest(to: name, among: names))
    }
}

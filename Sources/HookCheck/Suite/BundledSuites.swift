/// The suites bundled in `Suites/`, compiled in (`BundledSuites+Files.swift`, generated from the files), so
/// `hookcheck init` writes the same bodies and the same secret variable as the suites CI runs against the
/// providers' own libraries. There is one source, the files; a test keeps the copy equal to them.
public enum BundledSuites {
    /// The text of the bundled suite for a built-in profile, as in its file; `nil` when none is bundled.
    public static func text(forProfile name: String) -> String? {
        byProfile[name]
    }

    /// The names of the bundled suite files, without `.json`, in name order.
    public static var fileNames: [String] { files.map(\.name) }

    /// The text of the bundled file `name` (without `.json`).
    public static func text(ofFile name: String) -> String? {
        files.first { $0.name == name }?.text
    }

    private static let byProfile: [String: String] = Dictionary(
        files.compactMap { file in profileName(of: file.text).map { ($0, file.text) } },
        uniquingKeysWith: { first, _ in first })

    private static func profileName(of text: String) -> String? {
        guard case .object(let suite)? = try? JSONParser.parse(text) else { return nil }
        return suite["profile"]?.stringValue
    }
}

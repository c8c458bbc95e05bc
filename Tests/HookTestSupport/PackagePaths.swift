import Foundation

/// Where the package's own files are, found from this file so tests run from any working directory.
public enum PackagePaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<relative>`.
    public static func fixture(_ relative: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative)
    }

    /// `Suites/<name>`, or the folder itself without a name.
    public static func suites(_ name: String? = nil) -> URL {
        let folder = root.appendingPathComponent("Suites")
        return name.map { folder.appendingPathComponent($0) } ?? folder
    }
}

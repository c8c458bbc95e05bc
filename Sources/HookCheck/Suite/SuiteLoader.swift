import Foundation

/// Loads suite files and reports every problem in compiler format, without throwing.
///
/// A suite with an error is never returned. Warnings (unknown keys, an inline secret, a case body that
/// does not fit its profile) come back with the suite and in ``Suite/warnings``.
public enum SuiteLoader {
    /// Limits applied while loading.
    public struct Options: Sendable, Hashable {
        /// The largest suite file accepted, in bytes (default 8 MiB).
        public var maxFileSize: Int
        /// The deepest nesting of arrays and objects accepted (default 512, the JSON parser's).
        public var maxDepth: Int

        /// Creates options.
        public init(maxFileSize: Int = 8 << 20, maxDepth: Int = 512) {
            self.maxFileSize = maxFileSize
            self.maxDepth = maxDepth
        }
    }

    /// Loads a suite from its bytes.
    /// - Parameters:
    ///   - bytes: the file's exact bytes.
    ///   - path: the file name for diagnostics (and ``Suite/file``).
    ///   - options: limits.
    /// - Returns: the suite (`nil` when there is an error) and every diagnostic, in file order.
    public static func load(bytes: [UInt8], path: String, options: Options = .init())
        -> (suite: Suite?, diagnostics: [Diagnostic])
    {
        guard bytes.count <= options.maxFileSize else {
            let message = "file is \(bytes.count) bytes, more than the limit of \(options.maxFileSize) bytes"
            return (nil, [Diagnostic(severity: .error, file: path, message: message)])
        }
        let document: JSONDocument
        do {
            document = try JSONParser.parseDocument(bytes, options: .init(maxDepth: options.maxDepth))
        } catch {
            let diagnostic = Diagnostic(
                severity: .error, file: path, location: error.location, pointer: error.pointer,
                message: error.reason.description)
            return (nil, [diagnostic])
        }
        var reader = SuiteReader(path: path, document: document)
        let suite = Suite.read(&reader, file: URL(fileURLWithPath: path))
        let diagnostics = reader.diagnostics.sorted(by: Self.fileOrder)
        guard !reader.hasErrors, var suite else { return (nil, diagnostics) }
        suite.warnings = diagnostics
        return (suite, diagnostics)
    }

    /// Reads and loads one suite file.
    /// - Parameters:
    ///   - path: the file, as the user named it.
    ///   - options: limits.
    /// - Returns: the suite (`nil` on any error) and every diagnostic.
    public static func load(path: String, options: Options = .init()) -> (suite: Suite?, diagnostics: [Diagnostic]) {
        let (bytes, failure) = readFile(path, options: options)
        guard let bytes else { return (nil, failure.map { [$0] } ?? []) }
        return load(bytes: bytes, path: path, options: options)
    }

    /// Loads every suite named: files as given, folders as every `*.json` directly inside, in name order.
    /// - Parameters:
    ///   - paths: files and folders, as the user named them.
    ///   - options: limits.
    /// - Returns: the suites that loaded without errors, in order, and every diagnostic of every file.
    ///   Callers should run nothing when any diagnostic is an error.
    public static func loadAll(paths: [String], options: Options = .init())
        -> (suites: [Suite], diagnostics: [Diagnostic])
    {
        let (files, expansionDiagnostics) = expand(paths: paths)
        var suites: [Suite] = []
        var diagnostics = expansionDiagnostics
        for file in files {
            let (suite, fileDiagnostics) = load(path: file, options: options)
            diagnostics += fileDiagnostics
            if let suite { suites.append(suite) }
        }
        return (suites, diagnostics)
    }

    /// The suite files that `paths` name: files as given, folders as their `*.json` files in name order.
    /// - Returns: the files, and an error for each path that does not exist or is a folder without suites.
    public static func expand(paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                diagnostics.append(Diagnostic(severity: .error, file: path, message: "no such file or folder"))
                continue
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = ((try? manager.contentsOfDirectory(atPath: path)) ?? [])
                .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
                .sorted()
            if names.isEmpty {
                diagnostics.append(
                    Diagnostic(severity: .error, file: path, message: "folder has no *.json suite files"))
            }
            let folder = path.hasSuffix("/") ? path : path + "/"
            files += names.map { folder + $0 }
        }
        return (files, diagnostics)
    }

    // MARK: - Files

    /// The file's bytes, or the diagnostic saying why they cannot be had.
    private static func readFile(_ path: String, options: Options) -> (bytes: [UInt8]?, failure: Diagnostic?) {
        let manager = FileManager.default
        func failure(_ message: String) -> (bytes: [UInt8]?, failure: Diagnostic?) {
            (nil, Diagnostic(severity: .error, file: path, message: message))
        }
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { return failure("no such file") }
        guard !isFolder.boolValue else { return failure("is a folder, expected a suite file") }
        if let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? NSNumber,
            size.intValue > options.maxFileSize
        {
            return failure("file is \(size.intValue) bytes, more than the limit of \(options.maxFileSize) bytes")
        }
        guard let data = manager.contents(atPath: path) else { return failure("cannot read the file") }
        return ([UInt8](data), nil)
    }

    private static func fileOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (let left?, let right?): left < right
        case (nil, _?): true
        default: false
        }
    }
}

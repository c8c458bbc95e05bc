/// A suite that could not be loaded, with every diagnostic found (at least one of them an error).
public struct SuiteLoadError: Error, Equatable, CustomStringConvertible {
    /// Every error and warning, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Why a report could not be written.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// The folder for a report could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A report file could not be written.
    case cannotWrite(path: String, reason: String)
    /// The GitHub step summary file could not be appended to.
    case cannotAppendStepSummary(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            "cannot create report folder '\(path)': \(reason)"
        case .cannotWrite(let path, let reason):
            "cannot write report '\(path)': \(reason)"
        case .cannotAppendStepSummary(let path, let reason):
            "cannot append to GITHUB_STEP_SUMMARY file '\(path)': \(reason)"
        }
    }
}

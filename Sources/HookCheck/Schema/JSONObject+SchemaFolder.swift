extension JSONObject {
    /// A bundled suite as `init` writes it: `init` does not write the bundled schema folder (GitHub's is
    /// 1.6 MB), so the `schemas` key and the cases' `$ref`s into it are left out. Copy `Suites/schemas/`
    /// beside the suite and add them back to validate against the provider's schemas.
    func removingSchemaFolder() -> JSONObject {
        guard self["schemas"] != nil else { return self }
        var suite = self
        suite["schemas"] = nil
        if case .array(let cases)? = suite["cases"] {
            suite["cases"] = .array(
                cases.map { element in
                    guard case .object(var object) = element else { return element }
                    object["schema"] = nil
                    return .object(object)
                })
        }
        return suite
    }
}

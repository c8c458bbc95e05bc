extension ProbeKind {
    /// Reads a suite's `probes`: a non-empty list of probe names (a name listed twice is warned about).
    static func readList(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> [ProbeKind]? {
        guard let elements = reader.array(value, at: pointer) else { return nil }
        guard !elements.isEmpty else {
            reader.error("expected at least one probe; leave \"probes\" out to run every probe", at: pointer)
            return nil
        }
        let names = ProbeKind.allCases.map(\.rawValue)
        var probes: [ProbeKind] = []
        var isValid = true
        for (index, element) in elements.enumerated() {
            let elementPointer = pointer.appending(index: index)
            guard let name = reader.string(element, at: elementPointer) else {
                isValid = false
                continue
            }
            guard let probe = ProbeKind(rawValue: name) else {
                reader.error(
                    "unknown probe \(MessageWording.quoted(name))\(MessageWording.didYouMean(name, among: names))",
                    at: elementPointer)
                isValid = false
                continue
            }
            if probes.contains(probe) {
                reader.warning("probe \(MessageWording.quoted(name)) is listed twice", at: elementPointer)
            } else {
                probes.append(probe)
            }
        }
        return isValid ? probes : nil
    }
}

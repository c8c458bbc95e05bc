import Foundation

extension Suite {
    /// The keys a suite object may have.
    static let objectKeys = [
        "$schema", "suite", "description", "profile", "secret", "target", "expect", "probes", "cases", "retries",
        "strict", "schema", "schemas", "formats",
    ]

    /// Reads the whole suite document (the suite file `file`), reporting to `reader`; `nil` when something required could not be read.
    static func read(_ reader: inout SuiteReader, file: URL?) -> Suite? {
        let root = JSONPointer.root
        guard let object = reader.object(reader.document.value, at: root) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: root, known: objectKeys)

        let name = reader.required("suite", in: object, at: root).flatMap {
            reader.nonEmptyString($0, at: root.appending("suite"))
        }
        if let value = object["description"] { _ = reader.string(value, at: root.appending("description")) }
        var profile: Profile?
        if let value = reader.required("profile", in: object, at: root) {
            profile = Profile.read(value, at: root.appending("profile"), reader: &reader)
        }
        let secret = object["secret"].flatMap { SecretSource.read($0, at: root.appending("secret"), reader: &reader) }
        let target = object["target"].flatMap { readTarget($0, at: root.appending("target"), reader: &reader) }
        let expect = object["expect"].flatMap {
            DeliveryExpectation.readOverride($0, at: root.appending("expect"), reader: &reader)?.applied(to: .standard)
        }
        let probes = object["probes"].flatMap { ProbeKind.readList($0, at: root.appending("probes"), reader: &reader) }
        let retries = object["retries"].flatMap {
            RetryExpectation.read($0, at: root.appending("retries"), reader: &reader)
        }
        let isStrict = object["strict"].flatMap { reader.bool($0, at: root.appending("strict")) } ?? false
        var cases = reader.required("cases", in: object, at: root).flatMap {
            SuiteCase.readList($0, at: root.appending("cases"), suiteExpectation: expect ?? .standard, reader: &reader)
        }
        if var read = cases {
            SuiteLoader.readSchemas(object, file: file, cases: &read, reader: &reader)
            cases = read
        }

        guard let name, let profile, let cases else { return nil }
        let suite = Suite(
            name: name, file: file, profile: profile, secret: secret, target: target, expect: expect ?? .standard,
            probes: probes, cases: cases, retries: retries, isStrict: isStrict)
        if !reader.hasErrors { SuiteLoader.checkFit(of: suite, explicitProbes: probes != nil, reader: &reader) }
        return suite
    }

    /// Reads a suite's `target`: an http or https URL with a host.
    private static func readTarget(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> URL? {
        guard let text = reader.string(value, at: pointer) else { return nil }
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), let url = URL(string: text),
            let host = url.host, !host.isEmpty
        else {
            reader.error(
                "invalid target URL \(MessageWording.quoted(text)); expected http://host[:port]/path", at: pointer)
            return nil
        }
        return url
    }
}

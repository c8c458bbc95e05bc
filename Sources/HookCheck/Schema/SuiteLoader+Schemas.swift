import Foundation

extension SuiteLoader {
    /// Reads `schemas` (a folder registered by `$id`), `formats` and every `schema` (the suite's, applying
    /// to cases without their own, and each case's), compiling each once.
    static func readSchemas(
        _ object: JSONObject, file: URL?, cases: inout [SuiteCase], reader: inout SuiteReader
    ) {
        let root = JSONPointer.root
        let caseObjects = object["cases"]?.arrayValue ?? []
        let suiteSchema = object["schema"]
        let anyCaseSchema = caseObjects.contains { $0["schema"] != nil }
        guard suiteSchema != nil || anyCaseSchema || object["schemas"] != nil || object["formats"] != nil else {
            return
        }
        let folder = file?.deletingLastPathComponent().path ?? FileManager.default.currentDirectoryPath
        var assertsFormats = false
        if let value = object["formats"] {
            switch reader.string(value, at: root.appending("formats")) {
            case "assert": assertsFormats = true
            case "annotate", nil: break
            case let other?:
                reader.error(
                    "unknown formats mode \(MessageWording.quoted(other)), expected \"annotate\" or \"assert\"",
                    at: root.appending("formats"))
            }
        }
        var registry = SchemaRegistry()
        if let value = object["schemas"], let name = reader.nonEmptyString(value, at: root.appending("schemas")) {
            let path = name.hasPrefix("/") ? name : folder + "/" + name
            if let problem = registerFolder(path, into: &registry) {
                // Every `$ref` into the folder would fail too; the folder's error says it all.
                reader.error(problem, at: root.appending("schemas"))
                return
            }
        }
        func compile(_ value: JSONValue, at pointer: JSONPointer) -> SuiteSchema? {
            guard value.isSchemaShaped else {
                reader.error(
                    "expected a schema (an object or a Boolean), found \(MessageWording.articled(value.typeName))",
                    at: pointer)
                return nil
            }
            var local = registry
            loadReferencedFiles(of: value, base: "", folder: folder, into: &local)
            do {
                let compiled = try JSONSchema(value, uri: "", registry: local, assertsFormats: assertsFormats)
                return SuiteSchema(source: value, compiled: compiled)
            } catch {
                reader.error("schema does not compile: \(error.described(relativeTo: folder))", at: pointer)
                return nil
            }
        }
        let shared = suiteSchema.flatMap { compile($0, at: root.appending("schema")) }
        for index in cases.indices {
            let pointer = root.appending("cases").appending(index: index).appending("schema")
            if index < caseObjects.count, let value = caseObjects[index]["schema"] {
                cases[index].schema = compile(value, at: pointer)
            } else {
                cases[index].schema = shared
            }
            // A body that breaks its own schema would make `run` send deliveries `check` then fails.
            if let schema = cases[index].schema, let first = schema.compiled.validate(cases[index].body).first {
                reader.warning(
                    "the case's own body breaks its schema: \(first)",
                    at: root.appending("cases").appending(index: index).appending("body"))
            }
        }
    }

    /// Registers every `*.json` under `path`, recursively, under its `$id` (its path inside the folder
    /// when it has none); a message when the folder or a file cannot be read.
    private static func registerFolder(_ path: String, into registry: inout SchemaRegistry) -> String? {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return "no such folder \(MessageWording.quoted(path))"
        }
        let names = (manager.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        for name in names {
            guard let data = manager.contents(atPath: path + "/" + name) else { return "cannot read \(name)" }
            do {
                let value = try JSONParser.parse([UInt8](data))
                registry.add(value, uri: value["$id"]?.stringValue ?? name)
            } catch {
                return "\(name): \(error)"
            }
        }
        return nil
    }

    /// Adds the files that `$ref`s in `value` name (paths relative to the suite's folder) and, in turn,
    /// the files those name.
    private static func loadReferencedFiles(
        of value: JSONValue, base: String, folder: String, into registry: inout SchemaRegistry
    ) {
        var pending = [(value, base)]
        var seen: Set<String> = []
        while let (current, currentBase) = pending.popLast() {
            for reference in references(in: current) {
                let target = SchemaURI(currentBase).resolving(reference).withoutFragment
                let uri = target.description
                guard target.scheme == nil, !uri.isEmpty, !seen.contains(uri),
                    registry.locate(target) == nil
                else { continue }
                seen.insert(uri)
                let path = uri.hasPrefix("/") ? uri : folder + "/" + uri
                guard let data = FileManager.default.contents(atPath: path),
                    let parsed = try? JSONParser.parse([UInt8](data))
                else { continue }
                registry.add(parsed, uri: uri)
                pending.append((parsed, uri))
            }
        }
    }

    private static func references(in value: JSONValue) -> [String] {
        var found: [String] = []
        var stack = [value]
        while let current = stack.popLast() {
            switch current {
            case .object(let object):
                for member in object {
                    if member.key == "$ref", let text = member.value.stringValue { found.append(text) }
                    stack.append(member.value)
                }
            case .array(let elements):
                stack.append(contentsOf: elements)
            default:
                break
            }
        }
        return found
    }
}

extension SchemaError {
    /// The error with an empty resource (the suite's inline schema) named as such.
    fileprivate func described(relativeTo folder: String) -> String {
        resource.isEmpty ? "#\(pointer): \(message)" : description
    }
}

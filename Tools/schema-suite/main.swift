// Runs the official JSON-Schema-Test-Suite through HookCheck's validator and prints the score.
//
//     schema-suite SUITE_DIR [--draft draft2020-12|draft7]... [--known docs/limits.md] [--optional] [--verbose]
//
// `remotes/` is mapped to http://localhost:1234/ in the schema registry (no server, no network).
// Every test whose `valid` differs is a failure; failures not listed in the known-gaps section of
// --known make the exit status 1.
import Foundation
import HookCheck

struct Options {
    var suite = ""
    var drafts: [String] = []
    var known: String?
    var optional = false
    var verbose = false
    var registries: [String] = []
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--draft": options.drafts.append(arguments.popFirst() ?? "")
        case "--known": options.known = arguments.popFirst()
        case "--optional": options.optional = true
        case "--registry": options.registries.append(arguments.popFirst() ?? "")
        case "--verbose": options.verbose = true
        case "--help", "-h":
            print(
                "usage: schema-suite SUITE_DIR [--draft NAME]... [--known FILE] [--optional] [--verbose] [--registry DIR]..."
            )
            print("  --registry DIR  also register every *.json under DIR by its $id (e.g. the metaschemas)")
            exit(0)
        default: options.suite = argument
        }
    }
    if options.drafts.isEmpty { options.drafts = ["draft2020-12", "draft7"] }
    return options
}

func readJSON(_ path: String) -> JSONValue? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try? JSONParser.parse([UInt8](data))
}

func jsonFiles(under root: String, anyName: Bool = false) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { anyName || $0.hasSuffix(".json") }.sorted()
}

/// Known gaps: lines `` - `draft7/ref.json · group · test` — reason `` in the file.
func knownFailures(_ path: String?) -> Set<String> {
    guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    var known: Set<String> = []
    for line in text.split(separator: "\n") where line.hasPrefix("- `") {
        let body = line.dropFirst(3)
        guard let end = body.firstIndex(of: "`") else { continue }
        let id = String(body[..<end])
        if id.contains(" · ") { known.insert(id) }
    }
    return known
}

let options = parseOptions()
guard !options.suite.isEmpty else {
    FileHandle.standardError.write(Data("schema-suite: name the JSON-Schema-Test-Suite folder\n".utf8))
    exit(2)
}
var remotes = SchemaRegistry()
for file in jsonFiles(under: options.suite + "/remotes") {
    if let value = readJSON(options.suite + "/remotes/" + file) {
        remotes.add(value, uri: "http://localhost:1234/" + file)
    }
}
for folder in options.registries {
    for file in jsonFiles(under: folder, anyName: true) {
        guard let value = readJSON(folder + "/" + file) else { continue }
        let id = value["$id"]?.stringValue ?? value["id"]?.stringValue ?? (folder + "/" + file)
        remotes.add(value, uri: id)
    }
}
let known = knownFailures(options.known)
var unexpected: [String] = []
var knownSeen: Set<String> = []
var grandPassed = 0
var grandTotal = 0
for draftName in options.drafts {
    let draft: SchemaDraft = draftName == "draft7" ? .draft7 : .draft2020
    let folder = options.suite + "/tests/" + draftName
    let files = jsonFiles(under: folder).filter { options.optional || !$0.hasPrefix("optional/") }
    var passed = 0
    var total = 0
    for file in files {
        guard let groups = readJSON(folder + "/" + file)?.arrayValue else {
            print("\(draftName)/\(file): cannot read")
            continue
        }
        let assertsFormats = file.hasPrefix("optional/format/")
        var filePassed = 0
        var fileTotal = 0
        for group in groups {
            let groupName = group["description"]?.stringValue ?? "?"
            let tests = group["tests"]?.arrayValue ?? []
            var compiled: Result<JSONSchema, SchemaError>
            do {
                compiled = .success(
                    try JSONSchema(
                        group["schema"] ?? .bool(true), uri: "", registry: remotes, draft: draft,
                        assertsFormats: assertsFormats))
            } catch {
                compiled = .failure(error)
            }
            for test in tests {
                let testName = test["description"]?.stringValue ?? "?"
                let expected = test["valid"]?.boolValue ?? true
                fileTotal += 1
                let id = "\(draftName)/\(file) · \(groupName) · \(testName)"
                var detail = ""
                let ok: Bool
                switch compiled {
                case .success(let schema):
                    ok = schema.isValid(test["data"] ?? .null) == expected
                    detail = ok ? "" : "expected \(expected ? "valid" : "invalid")"
                case .failure(let error):
                    ok = false
                    detail = "does not compile: \(error)"
                }
                if ok {
                    filePassed += 1
                } else if known.contains(id) {
                    knownSeen.insert(id)
                    if options.verbose { print("  known gap: \(id)") }
                } else if !file.hasPrefix("optional/") {
                    unexpected.append("\(id) — \(detail)")
                } else if options.verbose {
                    print("  optional: \(id) — \(detail)")
                }
            }
        }
        print("\(draftName)/\(file): \(filePassed)/\(fileTotal) passed")
        passed += filePassed
        total += fileTotal
    }
    print("\(draftName): \(passed)/\(total) passed, \(total - passed) failed")
    grandPassed += passed
    grandTotal += total
}
print("total: \(grandPassed)/\(grandTotal) passed, \(grandTotal - grandPassed) failed")
let stale = known.filter { id in options.drafts.contains { id.hasPrefix($0 + "/") } }.subtracting(knownSeen)
for id in stale.sorted() where !id.contains("/optional/") {
    print("note: listed as a known gap but passes now: \(id)")
}
if !unexpected.isEmpty {
    print("\(unexpected.count) required tests fail that are not listed as known gaps:")
    for line in unexpected { print("  \(line)") }
    exit(1)
}

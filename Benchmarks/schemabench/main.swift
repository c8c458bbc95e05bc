// Validations per second of a suite's case bodies against their schemas (Benchmarks/schema.sh).
//
//     schemabench SUITE [--seconds S]
//
// Loads the suite (which compiles every schema once), then validates the bodies round-robin for S seconds
// and prints `validations/s N` and the number of failures (0 for a suite whose bodies pass).
import Foundation
import HookCheck

var arguments = CommandLine.arguments.dropFirst()
var suitePath = "Suites/github.json"
var seconds = 3.0
while let argument = arguments.popFirst() {
    switch argument {
    case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
    default: suitePath = argument
    }
}
let (loaded, diagnostics) = SuiteLoader.load(path: suitePath)
guard let suite = loaded else {
    for diagnostic in diagnostics { print(diagnostic) }
    exit(2)
}
let work = suite.cases.compactMap { suiteCase in suiteCase.schema.map { ($0.compiled, suiteCase.body) } }
guard !work.isEmpty else {
    print("schemabench: \(suitePath) has no case with a schema")
    exit(2)
}
var count = 0
var failures = 0
let clock = ContinuousClock()
let start = clock.now
let limit = Duration.milliseconds(Int(seconds * 1000))
while clock.now - start < limit {
    for (schema, body) in work {
        if !schema.isValid(body) { failures += 1 }
        count += 1
    }
}
let elapsed = clock.now - start
let rate = Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
print("validations/s \(Int(rate)) failures \(failures) schemas \(work.count)")

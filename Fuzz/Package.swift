// swift-tools-version:5.4
// libFuzzer targets for hookcheck's parsers. A separate package so the root package never builds with
// sanitizers. Build and run with `Fuzz/run` (it passes `-sanitize=fuzzer,address`); see Fuzz/README.md.
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point to
// `<Target>_main` and links `main` to it, but these executables have no entry point of their own —
// libFuzzer supplies `main`. The Swift 6 language mode is therefore passed as a flag.
import PackageDescription

let settings: [SwiftSetting] = [
    .unsafeFlags(["-swift-version", "6", "-enable-upcoming-feature", "ExistentialAny"])
]

/// One executable per parser; each exports `LLVMFuzzerTestOneInput` and gets `main` from libFuzzer.
let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzHTTPRequest", [.product(name: "HookHTTP", package: "hookcheck")]),
    ("FuzzHTTPResponse", [.product(name: "HookHTTP", package: "hookcheck")]),
    ("FuzzJSON", [.product(name: "HookCheck", package: "hookcheck")]),
    ("FuzzCaptureLine", [.product(name: "HookCheck", package: "hookcheck")]),
    ("FuzzStandardWebhooks", [.product(name: "HookCheck", package: "hookcheck")]),
    ("FuzzStripe", [.product(name: "HookCheck", package: "hookcheck")]),
    ("FuzzSuiteLoader", [.product(name: "HookCheck", package: "hookcheck")]),
]

let package = Package(
    name: "hookcheck-fuzz",
    // The root package through a fixed-name link (Root/hookcheck -> ../..): a path dependency is known by its
    // folder name, which differs between checkouts and could clash with this folder's own name.
    dependencies: [.package(path: "Root/hookcheck")],
    targets: [
        .target(
            name: "FuzzSupport", dependencies: [.product(name: "HookHTTP", package: "hookcheck")],
            swiftSettings: settings)
    ]
        + fuzzTargets.map { target in
            .executableTarget(
                name: target.name, dependencies: target.dependencies + ["FuzzSupport"], swiftSettings: settings)
        }
)

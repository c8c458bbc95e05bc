// swift-tools-version:6.0
import PackageDescription

let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "hookcheck",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "HookCheck", targets: ["HookCheck"]),
        .library(name: "HookHTTP", targets: ["HookHTTP"]),
        .executable(name: "hookcheck", targets: ["hookcheck"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "HookHTTP", dependencies: ["CHookHTTP"], swiftSettings: settings),
        // epoll for HookHTTP's event loops (Swift's Glibc module lacks it); empty on other platforms.
        .target(name: "CHookHTTP"),
        // SHA-256 on the CPU's SHA instructions, chosen at run time; HookCheck's own C, no flags needed.
        .target(name: "CHookCrypto"),
        .target(name: "HookCheck", dependencies: ["HookHTTP", "CHookCrypto"], swiftSettings: settings),
        // The commands: not a product, so the library knows nothing of the command line.
        .target(name: "HookCheckCLI", dependencies: ["HookCheck", "HookHTTP"], swiftSettings: settings),
        .executableTarget(name: "hookcheck", dependencies: ["HookCheckCLI"], swiftSettings: settings),
        .executableTarget(
            name: "hookbench", dependencies: ["HookHTTP", "HookCheck"], path: "Benchmarks/hookbench",
            swiftSettings: settings),
        .executableTarget(
            name: "schemabench", dependencies: ["HookCheck"], path: "Benchmarks/schemabench", swiftSettings: settings),
        // Runs the official JSON-Schema-Test-Suite through the validator (.ci/checks/30-json-schema-suite.sh).
        .executableTarget(
            name: "schema-suite", dependencies: ["HookCheck"], path: "Tools/schema-suite", swiftSettings: settings),
        // Raw-socket peers, response parsing and package paths shared by the test targets.
        .target(
            name: "HookTestSupport", dependencies: ["HookHTTP"], path: "Tests/HookTestSupport", swiftSettings: settings),
        .testTarget(name: "HookHTTPTests", dependencies: ["HookHTTP", "HookTestSupport"], swiftSettings: settings),
        .testTarget(
            name: "HookCheckTests", dependencies: ["HookCheck", "HookCheckCLI", "HookHTTP"],
            exclude: ["Report/Snapshots"],
            swiftSettings: settings),
        // Uses only HookCheck's public API, the way a user's own test target would.
        .testTarget(name: "ExampleTests", dependencies: ["HookCheck"], swiftSettings: settings),
        .testTarget(
            name: "hookcheckTests",
            dependencies: ["hookcheck", "HookCheck", "HookCheckCLI", "HookHTTP", "HookTestSupport"],
            swiftSettings: settings),
    ]
)

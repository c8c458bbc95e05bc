// swift-tools-version:6.0
// A benchmark-only peer for `hookcheck listen`: a Hummingbird 2 + swift-crypto capture receiver doing the
// same work per request as the other peers. Its own package, so the product stays dependency-free.
import PackageDescription

let package = Package(
    name: "hummingbird-peer",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "HummingbirdPeer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        )
    ],
    // A top-level benchmark script: Swift 5 mode keeps its globals simple.
    swiftLanguageModes: [.v5]
)

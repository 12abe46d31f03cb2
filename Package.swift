// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "handbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "handbook", targets: ["handbook"]),
        .library(name: "HandbookKit", targets: ["HandbookKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // `handbook serve`: a small HTTP server on Swift concurrency and BSD sockets (no SwiftNIO to compile).
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
                .brew(["cmark-gfm"]),
            ]
        ),
        .target(
            name: "HandbookKit",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // templates/ compiled into the library, so `handbook new site` needs no file of this repository.
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        .executableTarget(name: "embed-templates", path: "Plugins/EmbedTemplatesTool"),
        .executableTarget(
            name: "handbook",
            dependencies: [
                "HandbookKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "handbook-bench",
            dependencies: ["HandbookKit"],
            path: "Benchmarks/Sources/handbook-bench"
        ),
        .testTarget(
            name: "HandbookKitTests",
            dependencies: ["HandbookKit", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "HandbookCLITests",
            dependencies: ["handbook"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

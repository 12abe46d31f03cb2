// swift-tools-version:6.0
// libFuzzer targets for handbook's parsers, outside the main package: `make fuzz` builds them with
// AddressSanitizer and libFuzzer's coverage into `.build-fuzz`, so `swift build` and `make test` never compile them.
import PackageDescription

let kit: Target.Dependency = .product(name: "HandbookKit", package: "handbook")
// Each target's main starts libFuzzer's driver, linked from the toolchain's runtime.
let fuzzerRuntime: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "handbook-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "handbook", path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: [kit]),
        .executableTarget(name: "FuzzFrontMatter", dependencies: [kit, "FuzzSupport", "CLibFuzzer"], linkerSettings: fuzzerRuntime),
        .executableTarget(name: "FuzzMarkdown", dependencies: [kit, "FuzzSupport", "CLibFuzzer"], linkerSettings: fuzzerRuntime),
        .executableTarget(name: "FuzzSearchTokenizer", dependencies: [kit, "FuzzSupport", "CLibFuzzer"], linkerSettings: fuzzerRuntime),
    ],
    swiftLanguageModes: [.v6]
)

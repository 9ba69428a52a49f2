// swift-tools-version:6.0
import PackageDescription

// Targets follow ../shared/DESIGN.md: C libraries at the edge, arrows pointing one way
// from the command line down to them.
let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
        .executable(name: "lectern-preview", targets: ["lectern-preview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The live-preview server's HTTP; only the Preview target sees it.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(name: "CCMark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CGD", providers: [.apt(["libgd-dev"])]),

        .target(name: "Suggestions"),
        .target(name: "Lesson", dependencies: ["CCMark", "Suggestions", .product(name: "Yams", package: "Yams")]),
        .target(name: "Tensor", dependencies: ["CBLAS"]),
        .target(name: "Engine", dependencies: ["Tensor", "Suggestions"]),
        .target(name: "Plot", dependencies: ["CGD"]),
        .target(name: "Script", dependencies: ["Suggestions"]),
        // scikit-learn's bundled datasets (data files, descriptions, licence) ship as resources.
        .target(name: "Modules", dependencies: ["Script", "Tensor", "Engine", "Plot"], resources: [.copy("Sklearn/BundledData")]),
        .target(name: "Notebook", dependencies: ["Lesson", "Script", "Modules", "Engine"]),
        .target(name: "Site", dependencies: ["Lesson", "Notebook", "Script", "Suggestions"]),
        .target(name: "Check", dependencies: ["Notebook", "Lesson", "Plot"]),
        .target(
            name: "Runner",
            dependencies: [
                "Lesson", "Notebook",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]),
        // The live-preview server; FlyingSocks (part of the FlyingFox package) gives the loopback address.
        .target(
            name: "Preview",
            dependencies: [
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]),
        .executableTarget(
            name: "lectern",
            dependencies: [
                "Lesson", "Notebook", "Site", "Check", "Runner", "Engine", "Tensor", "Plot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The live preview is a program of its own, so `lectern` (one process per lesson) never
        // loads the HTTP library and the networking libraries that come with it.
        .executableTarget(
            name: "lectern-preview",
            dependencies: ["Preview", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        .testTarget(name: "LessonTests", dependencies: ["Lesson"]),
        .testTarget(name: "TensorTests", dependencies: ["Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "CGD"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ScriptTests", dependencies: ["Script"]),
        .testTarget(name: "ModulesTests", dependencies: ["Modules", "Script", "Engine", "Tensor", "Plot"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Lesson", "Check", "Modules"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Notebook", "Lesson", "CGD"]),
        // Depends on the executable so that `swift test` builds the binary the tests start.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Notebook", "Lesson", "lectern", "TestSupport"]),
        // End to end over real HTTP against the built binary.
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "lectern", "lectern-preview", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

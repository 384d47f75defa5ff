// swift-tools-version:6.1
import PackageDescription

/// Every target is built in Swift 6 language mode with strict concurrency (the default in 6).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "deltaberaad",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "deltaberaad", targets: ["deltaberaad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
    ],
    targets: [
        .target(name: "DeltaDomain", swiftSettings: swiftSettings),
        // glibc's malloc_trim, which Swift's Glibc module does not reach (see DeltaImport's `Heap`).
        .target(name: "CHeap"),
        .target(
            name: "DeltaStore",
            dependencies: [
                "DeltaDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DeltaImport",
            dependencies: ["DeltaDomain", "DeltaStore", "DeltaReports", "CHeap", .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "Subprocess", package: "swift-subprocess")],
            swiftSettings: swiftSettings
        ),
        .target(name: "DeltaReports", dependencies: ["DeltaDomain", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        // The application's operations and their permission rules, shared by the web and the CLI.
        .target(
            name: "DeltaServices",
            dependencies: [
                "DeltaDomain", "DeltaStore", "DeltaReports", "DeltaImport",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DeltaWeb",
            dependencies: [
                "DeltaDomain", "DeltaStore", "DeltaReports", "DeltaServices", "DeltaImport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "deltaberaad",
            dependencies: [
                "DeltaDomain", "DeltaStore", "DeltaImport", "DeltaServices", "DeltaReports", "DeltaWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Shared by the test targets: the package's paths and the shipped catalogues.
        .target(name: "DeltaTestSupport", dependencies: ["DeltaReports", "DeltaImport"], path: "Tests/DeltaTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "DeltaDomainTests", dependencies: ["DeltaDomain", "DeltaReports", "DeltaTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DeltaReportsTests", dependencies: ["DeltaDomain", "DeltaReports", "DeltaTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DeltaStoreTests",
            dependencies: ["DeltaDomain", "DeltaStore", "DeltaImport", "DeltaServices", "DeltaTestSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DeltaImportTests",
            dependencies: ["DeltaDomain", "DeltaImport", "DeltaTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["DeltaTestSupport", "DeltaImport", .product(name: "Subprocess", package: "swift-subprocess")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DeltaWebTests",
            dependencies: [
                "DeltaDomain", "DeltaStore", "DeltaImport", "DeltaWeb", "DeltaReports", "DeltaServices", "DeltaTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "petitions",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "petitions", targets: ["petitions"]),
        // The office server, which `petitions serve` starts: a program of its own, so that the command line links
        // neither Hummingbird nor SwiftNIO (issue 10: the command line depends on PetitionsApp and ArgumentParser only).
        .executable(name: "petitions-server", targets: ["petitions-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "PetitionsDomain"),
        .target(name: "PetitionsRules", dependencies: ["PetitionsDomain"]),
        // sqlite3_config, which is variadic and so out of Swift's reach (SQLiteMemory).
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "PetitionsStore",
            dependencies: [
                "PetitionsDomain", "CSQLiteTuning", .product(name: "GRDB", package: "GRDB.swift"),
                // SHA-256 of attachments that arrive in another office's event log, checked before they are stored.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "PetitionsApp",
            dependencies: [
                "PetitionsDomain", "PetitionsRules", "PetitionsStore", "PetitionsReport", .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            resources: []
        ),
        .target(
            name: "PetitionsReport",
            dependencies: [
                "PetitionsDomain", "PetitionsRules", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "PetitionsServer",
            dependencies: [
                "PetitionsApp", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The office server is the second front end: like the command line it reaches the ledger only through
            // PetitionsApp's use cases, never the store or GRDB, so the same server can later stand on PostgreSQL.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "petitions",
            dependencies: ["PetitionsApp", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // The command line is one front end: it reaches the ledger only through PetitionsApp's use cases, and
            // uses no member of a module it does not import (so nothing of the store leaks in).
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "petitions-server",
            dependencies: ["PetitionsApp", "PetitionsServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // Times CSV.swift's writer against CSVText on the same rows (Scripts/bench-csv); not part of the product.
        .executableTarget(
            name: "petitions-csv-bench",
            dependencies: ["PetitionsReport", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(
            name: "PetitionsTestSupport",
            dependencies: ["PetitionsApp", "PetitionsStore", "PetitionsDomain"]
        ),
        .testTarget(name: "PetitionsDomainTests", dependencies: ["PetitionsDomain", "PetitionsTestSupport"]),
        .testTarget(
            name: "PetitionsStoreTests",
            dependencies: ["PetitionsStore", "PetitionsApp", "PetitionsTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PetitionsAppTests", dependencies: ["PetitionsApp", "PetitionsTestSupport"]),
        .testTarget(
            name: "PetitionsServerTests",
            dependencies: [
                "PetitionsServer", "PetitionsApp", "PetitionsTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "PetitionsRulesTests", dependencies: ["PetitionsRules", "PetitionsDomain", "PetitionsApp"]),
        .testTarget(
            name: "PetitionsCLITests",
            dependencies: [
                "PetitionsTestSupport", "petitions", "petitions-server", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ], exclude: ["Golden"]),
        .testTarget(
            name: "PetitionsReportTests",
            dependencies: [
                "PetitionsReport", "PetitionsRules", "PetitionsDomain", "PetitionsTestSupport", .product(name: "CSV", package: "CSV.swift"),
            ]),
        .testTarget(
            name: "PetitionsPropertyTests",
            dependencies: [
                "PetitionsDomain", "PetitionsApp", "PetitionsStore", "PetitionsReport", "PetitionsTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
    ]
)

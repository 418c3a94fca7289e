// swift-tools-version:6.0
// danvan: citizen-feedback intake and routing. No Swift package dependencies by design:
// the toolchain plus system C libraries (SQLite, libsodium, libcurl) through systemLibrary targets.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "danvan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "danvan", targets: ["danvan"]),
    ],
    targets: [
        // System C libraries, each wrapped by exactly one Swift target.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CSodium", path: "Sources/CSodium", pkgConfig: "libsodium",
                       providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        // epoll and eventfd, which Swift's Glibc module does not map; headers only, part of glibc.
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),

        // Pure value types: the grievance, its lifecycle, kinds, channels.
        .target(name: "Domain", swiftSettings: strict),
        // Vietnamese text: NFC, legacy encodings, mojibake repair, folding.
        .target(name: "VietText", swiftSettings: strict),
        // Gazetteer and place extraction.
        .target(name: "Locality", dependencies: ["VietText"],
                resources: [.copy("Resources/gazetteer.tsv")], swiftSettings: strict),
        // Topic and kind classification: features, softmax models, evaluation.
        .target(name: "Classifier", dependencies: ["VietText"], swiftSettings: strict),
        // Intake: parsers only: CSV sheets and e-mail dumps into records, and quarantine reasons.
        .target(name: "Intake", dependencies: ["VietText", "Domain", "Secrets"], swiftSettings: strict),
        // Routing: unit directory, rules, the working-day calendar, deadlines, escalation.
        .target(name: "Routing", dependencies: ["Domain", "VietText"], swiftSettings: strict),
        // libsodium: random tokens (tracking codes), later password hashing and HMAC.
        .target(name: "Secrets", dependencies: ["CSodium", "Domain"], swiftSettings: strict),
        // SQLite storage: connection, migrations, repositories.
        .target(name: "Storage", dependencies: ["CSQLite", "Domain", "Secrets", "JSONText"], swiftSettings: strict),
        // The rules of the work for every front end: principals, access, redaction, audit.
        // and the importer that locates, classifies, routes and stores records in batches.
        .target(name: "Casework", dependencies: ["Domain", "Storage", "Secrets", "Routing", "Intake", "VietText", "Locality",
                                                 "Classifier"],
                swiftSettings: strict),
        // JSON bytes written and read by hand, where Foundation's coders are too slow (per request, per row).
        .target(name: "JSONText", swiftSettings: strict),
        // How grievances and errors look as JSON to scripts, the same from the CLI and the API.
        .target(name: "Presentation", dependencies: ["Domain", "JSONText"], swiftSettings: strict),
        // HTTP/1.1 over POSIX sockets and epoll: parser, limits, deadlines, event loops, router. Knows no grievance.
        .target(name: "HTTP", dependencies: ["CEpoll"], swiftSettings: strict),
        // The JSON API over the HTTP module: sessions, operations, OpenAPI, request logs.
        .target(name: "Server", dependencies: ["HTTP", "Casework", "Domain", "Storage", "Routing", "Presentation", "JSONText", "VietText",
                                               "Secrets", "Intake"],
                swiftSettings: strict),
        // The command-line interface: one type per subcommand.
        .target(name: "CLI", dependencies: ["Domain", "Storage", "Secrets", "Routing", "VietText", "Locality", "Classifier", "Intake",
                                            "Casework", "Presentation", "Server", "HTTP", "JSONText"],
                swiftSettings: strict),
        .executableTarget(name: "danvan", dependencies: ["CLI"], swiftSettings: strict),

        // libFuzzer targets for the CSV, MIME and HTTP request parsers: scripts/fuzz csv|mime|http (fuzz/README.md).
        // A normal build makes them replay tools; -Xswiftc -sanitize=fuzzer makes them fuzzers.
        .target(name: "FuzzSupport", path: "fuzz/Support"),
        .target(name: "FuzzDriver", dependencies: ["FuzzSupport"], path: "fuzz/Driver", swiftSettings: strict),
        .executableTarget(name: "FuzzCSV", dependencies: ["Intake", "FuzzDriver"], path: "fuzz/CSV", swiftSettings: strict),
        .executableTarget(name: "FuzzMIME", dependencies: ["Intake", "FuzzDriver"], path: "fuzz/MIME", swiftSettings: strict),
        .executableTarget(name: "FuzzHTTP", dependencies: ["HTTP", "FuzzDriver"], path: "fuzz/HTTP", swiftSettings: strict),

        // Helpers shared by the test targets: temporary directories, running the built `danvan`.
        .target(name: "TestSupport", path: "Tests/Support", swiftSettings: strict),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], swiftSettings: strict),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Domain", "Secrets", "TestSupport", "JSONText"], swiftSettings: strict),
        .testTarget(name: "SecretsTests", dependencies: ["Secrets"], swiftSettings: strict),
        .testTarget(name: "VietTextTests", dependencies: ["VietText", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "Storage", "Domain", "Routing", "Classifier", "TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ClassifierTests", dependencies: ["Classifier"], swiftSettings: strict),
        .testTarget(name: "LocalityTests", dependencies: ["Locality", "VietText"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "Domain", "TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["CLI", "JSONText", "Storage", "Domain", "Classifier", "Locality", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"], swiftSettings: strict),
        .testTarget(name: "ServerTests", dependencies: ["Server", "HTTP", "Casework", "Storage", "Domain", "Routing", "Classifier",
                                                        "TestSupport", "CaseworkSupport"],
                    swiftSettings: strict),
        // The authorization matrix's fixture and table, for the Casework tests and the API tests alike.
        .target(name: "CaseworkSupport", dependencies: ["Casework", "Storage", "Domain", "Routing", "TestSupport"], path: "Tests/CaseworkSupport",
                swiftSettings: strict),
        .testTarget(name: "CaseworkTests", dependencies: ["Casework", "Storage", "Domain", "Routing", "Intake", "Classifier", "TestSupport",
                                                          "CaseworkSupport"],
                    swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)

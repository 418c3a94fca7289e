/// What `danvan locate` reports for one text (../shared/INTERFACES.md).
public struct LocalityResult: Sendable, Equatable {
    public struct Unit: Sendable, Equatable {
        public let code: String
        public let name: String
    }

    public struct Legacy: Sendable, Equatable {
        public var province: Unit?
        public var district: Unit?
        public var commune: Unit?
    }

    public struct Candidate: Sendable, Equatable {
        public let province: Unit
        public let commune: Unit
        public let score: Double
    }

    public var province: Unit?
    public var commune: Unit?
    public var residential: String?
    public var legacy: Legacy?
    public var candidates: [Candidate]
    public var confidence: Double

    public static let nothing = LocalityResult(province: nil, commune: nil, residential: nil, legacy: nil, candidates: [],
                                               confidence: 0)
}

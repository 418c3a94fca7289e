/// Where a grievance is about, in the units in force since 2025-07-01 (NSO codes, no leading zeros).
public struct Place: Sendable, Equatable, Codable {
    public var provinceCode: String?
    public var communeCode: String?
    /// The residential area as written: "Khu phố 6", "Ấp 3", "Tổ dân phố 12".
    public var residential: String?

    public init(provinceCode: String? = nil, communeCode: String? = nil, residential: String? = nil) {
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        self.residential = residential
    }

    public var isUnknown: Bool { provinceCode == nil && communeCode == nil && residential == nil }
}

extension Gazetteer {
    /// The province in force since 2025-07-01 with this NSO code ("79", also written "079").
    public func province(code: String) -> Province? {
        let key = Gazetteer.canonicalCode(code)
        return provinces.first { $0.code == key }
    }

    /// The commune in force since 2025-07-01 with this NSO code, and its province.
    public func commune(code: String) -> (commune: Commune, province: Province)? {
        let key = Gazetteer.canonicalCode(code)
        guard let commune = communes.first(where: { $0.code == key }) else { return nil }
        return (commune, provinces[commune.province])
    }

    /// Codes are kept without leading zeros, as the NSO lists print them in their files.
    public static func canonicalCode(_ code: String) -> String {
        let digits = code.drop { $0 == "0" }
        return digits.isEmpty ? "0" : String(digits)
    }
}

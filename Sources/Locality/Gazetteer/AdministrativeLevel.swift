/// The kind of an administrative unit, as its name's prefix says ("Phường", "Huyện" …) and as
/// people mark it in addresses ("P.", "H.", "F12").
public enum AdministrativeLevel: String, Sendable, CaseIterable {
    case province          // Tỉnh
    case city              // Thành phố (a centrally-run city, or a provincial city before 2025)
    case urbanDistrict     // Quận
    case district          // Huyện
    case town              // Thị xã
    case ward              // Phường
    case commune           // Xã
    case townlet           // Thị trấn
    case specialZone       // Đặc khu

    /// Official name prefixes, longest first so "Thành phố" is tried before shorter ones.
    static let prefixes: [(String, AdministrativeLevel)] = [
        ("Thành phố ", .city), ("Thị trấn ", .townlet), ("Đặc khu ", .specialZone), ("Thị xã ", .town),
        ("Phường ", .ward), ("Huyện ", .district), ("Quận ", .urbanDistrict), ("Tỉnh ", .province), ("Xã ", .commune),
    ]

    private static let prefixBytes: [([UInt8], AdministrativeLevel)] = prefixes.map { (Array($0.0.utf8), $0.1) }

    /// Splits "Phường Bảy Hiền" into (.ward, "Bảy Hiền"). Compares bytes: it runs for every name at load.
    static func split(_ name: String) -> (AdministrativeLevel?, String) {
        var name = name
        let match: (AdministrativeLevel, Int)? = name.withUTF8 { bytes in
            // All prefixes start with a capital letter's byte: most names are ruled out at once.
            guard let first = bytes.first else { return nil }
            for (prefix, level) in prefixBytes where prefix[0] == first && bytes.count > prefix.count
                && zip(prefix, bytes).allSatisfy({ $0 == $1 }) {
                return (level, prefix.count)
            }
            return nil
        }
        guard let (level, length) = match else { return (nil, name) }
        return (level, String(name.utf8.dropFirst(length))!)
    }
}

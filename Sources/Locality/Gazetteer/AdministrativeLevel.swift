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
        let utf8 = name.utf8
        for (prefix, level) in prefixBytes where utf8.starts(with: prefix) {
            return (level, String(decoding: utf8.dropFirst(prefix.count), as: UTF8.self))
        }
        return (nil, name)
    }
}

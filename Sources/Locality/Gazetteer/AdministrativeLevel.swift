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

    /// Splits "Phường Bảy Hiền" into (.ward, "Bảy Hiền").
    static func split(_ name: String) -> (AdministrativeLevel?, String) {
        for (prefix, level) in prefixes where name.hasPrefix(prefix) {
            return (level, String(name.dropFirst(prefix.count)))
        }
        return (nil, name)
    }
}

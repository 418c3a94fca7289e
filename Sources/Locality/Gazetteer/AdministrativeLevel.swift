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
        let table = prefixBytes
        let match: (AdministrativeLevel, Int)?? = name.utf8.withContiguousStorageIfAvailable { bytes in
            // All prefixes start with a capital letter's byte: most names are ruled out at once.
            guard let first = bytes.first else { return nil }
            for (prefix, level) in table where prefix[0] == first && bytes.count > prefix.count {
                var index = 1
                while index < prefix.count && bytes[index] == prefix[index] { index += 1 }
                if index == prefix.count { return (level, prefix.count) }
            }
            return nil
        }
        guard let result = match else {
            // Not stored contiguously (a bridged string): make it so and try again.
            var copy = name
            copy.makeContiguousUTF8()
            return split(copy)
        }
        guard let found = result else { return (nil, name) }
        return (found.0, String(decoding: name.utf8.dropFirst(found.1), as: UTF8.self))
    }
}

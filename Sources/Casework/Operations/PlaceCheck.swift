public import Domain
internal import Locality

/// Places staff type as codes: they must name units in force since 2025-07-01, the commune inside
/// the province; a commune alone gives its province.
public enum PlaceCheck {
    public static func check(_ place: Place) throws(FieldError) {
        let gazetteer = Gazetteer.shared
        if let code = place.provinceCode, gazetteer.province(code: code) == nil {
            throw FieldError(field: "province", message: "không có tỉnh, thành phố mã '\(code)' trong danh mục "
                + "\(gazetteer.provinces.count) đơn vị cấp tỉnh từ 01/7/2025")
        }
        if let code = place.communeCode {
            guard let (commune, province) = gazetteer.commune(code: code) else {
                throw FieldError(field: "commune", message: "không có xã, phường, đặc khu mã '\(code)' trong danh mục từ 01/7/2025")
            }
            if let given = place.provinceCode, Gazetteer.canonicalCode(given) != province.code {
                throw FieldError(field: "commune", message: "\(commune.name) (mã \(commune.code)) thuộc \(province.name) "
                    + "(mã \(province.code)), không thuộc tỉnh mã '\(given)'")
            }
        }
    }

    /// Codes as the NSO lists keep them (no leading zeros), and the province of a commune given alone.
    public static func completed(_ place: Place) -> Place {
        var place = place
        place.provinceCode = place.provinceCode.map(Gazetteer.canonicalCode)
        place.communeCode = place.communeCode.map(Gazetteer.canonicalCode)
        if place.provinceCode == nil, let code = place.communeCode {
            place.provinceCode = Gazetteer.shared.commune(code: code)?.province.code
        }
        return place
    }
}

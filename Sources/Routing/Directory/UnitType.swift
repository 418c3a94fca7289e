/// What kind of organisation a unit is. External authorities receive transferred matters;
/// the others are the Front, the Party and the Front's member organisations.
public enum UnitType: String, CaseIterable, Sendable {
    case mttqTinh = "mttq-tinh"                   // Ủy ban MTTQ tỉnh/thành phố
    case mttqXa = "mttq-xa"                       // Ủy ban MTTQ xã/phường/đặc khu
    case banCongTacMatTran = "ban-cong-tac-mat-tran"  // Ban công tác Mặt trận khu dân cư
    case dangUy = "dang-uy"                       // Đảng ủy
    case chiBo = "chi-bo"                         // Chi bộ
    case uyBanKiemTra = "uy-ban-kiem-tra"         // Ủy ban kiểm tra
    case hoiLHPN = "hoi-lhpn"                     // Hội Liên hiệp Phụ nữ
    case doanTN = "doan-tn"                       // Đoàn TNCS Hồ Chí Minh
    case hoiCCB = "hoi-ccb"                       // Hội Cựu chiến binh
    case hoiNongDan = "hoi-nong-dan"              // Hội Nông dân
    case congDoan = "cong-doan"                   // Công đoàn
    case ubndTinh = "ubnd-tinh"                   // UBND tỉnh/thành phố (external authority)
    case ubndXa = "ubnd-xa"                       // UBND xã/phường (external authority)
    case coQuanKhac = "co-quan-khac"              // another external authority (police, court …)

    /// Government and other bodies outside the Front and the Party: matters are transferred to them.
    public var isExternalAuthority: Bool {
        switch self {
        case .ubndTinh, .ubndXa, .coQuanKhac: true
        default: false
        }
    }

    public static var allCodes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The eight combining marks Vietnamese uses, as they appear in NFD and Windows-1258 text.
enum CombiningMark: UInt8, Sendable {
    case grave, acute, hook, tilde, dotBelow, circumflex, breve, horn

    /// Recognises U+0300 U+0301 U+0302 U+0303 U+0306 U+0309 U+031B U+0323, and the deprecated tone
    /// marks U+0340/U+0341 that some old Vietnamese software emitted (canonically equal to
    /// U+0300/U+0301).
    init?(_ value: UInt32) {
        switch value {
        case 0x0300, 0x0340: self = .grave
        case 0x0301, 0x0341: self = .acute
        case 0x0302: self = .circumflex
        case 0x0303: self = .tilde
        case 0x0306: self = .breve
        case 0x0309: self = .hook
        case 0x031B: self = .horn
        case 0x0323: self = .dotBelow
        default: return nil
        }
    }

    /// Unicode canonical combining class; it decides the order marks are composed in.
    var combiningClass: UInt8 {
        switch self {
        case .horn: 216
        case .dotBelow: 220
        default: 230
        }
    }

    var tone: VietLetter.Tone {
        switch self {
        case .grave: .grave
        case .acute: .acute
        case .hook: .hook
        case .tilde: .tilde
        case .dotBelow: .dot
        default: .none
        }
    }

    /// The combining scalar for a tone (used when a legacy encoding keeps the tone apart).
    static func scalar(for tone: VietLetter.Tone) -> Unicode.Scalar? {
        switch tone {
        case .none: nil
        case .grave: "\u{0300}"
        case .acute: "\u{0301}"
        case .hook: "\u{0309}"
        case .tilde: "\u{0303}"
        case .dot: "\u{0323}"
        }
    }
}

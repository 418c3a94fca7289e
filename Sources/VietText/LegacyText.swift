/// Converting bytes in the encodings of `LegacyEncoding` to and from Unicode (NFC).
public enum LegacyText {
    /// Decodes `bytes` to NFC text. Throws only for invalid UTF-8, naming the first bad byte.
    public static func decode(_ bytes: [UInt8], from encoding: LegacyEncoding) throws(TextDecodingError) -> String {
        switch encoding {
        case .utf8:
            if let offset = UTF8Validation.firstInvalidOffset(bytes) {
                throw TextDecodingError(encoding: .utf8, offset: offset, byte: bytes[offset])
            }
            let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            return Composition.nfc(String(decoding: hasBOM ? bytes[3...] : bytes[...], as: UTF8.self))
        case .cp1258:
            return CodePage1258.decode(bytes)
        case .tcvn3:
            return Composition.nfc(TCVN3.decode(bytes))
        case .vni:
            return Composition.nfc(VNI.decode(bytes))
        case .viqr:
            return VIQR.decode(bytes)
        }
    }

    /// Encodes `text` (any normalisation form); nil when a character has no representation in
    /// `encoding`, e.g. an uppercase toned letter in TCVN3 or a non-Vietnamese letter in VIQR.
    public static func encode(_ text: String, to encoding: LegacyEncoding) -> [UInt8]? {
        switch encoding {
        case .utf8: Array(Composition.nfc(text).utf8)
        case .cp1258: CodePage1258.encode(text)
        case .tcvn3: TCVN3.encode(text)
        case .vni: VNI.encode(text)
        case .viqr: VIQR.encode(text)
        }
    }

    /// The most likely encoding of `bytes`: UTF-8 when valid (or nearly so), VIQR for ASCII with
    /// clear VIQR marks, otherwise the single-byte encoding whose reading has the most real
    /// Vietnamese syllables. Empty input is UTF-8.
    public static func detect(_ bytes: [UInt8]) -> LegacyEncoding {
        EncodingDetector.detect(bytes)
    }

    /// Detects the encoding and decodes with it (`danvan text convert --from auto`).
    public static func decodeDetectingEncoding(_ bytes: [UInt8]) throws(TextDecodingError)
        -> (text: String, encoding: LegacyEncoding) {
        let encoding = detect(bytes)
        return (try decode(bytes, from: encoding), encoding)
    }
}

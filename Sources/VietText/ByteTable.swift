/// A single-byte code page: 256 scalars with their UTF-8 precomputed, so decoding a megabyte is
/// one table walk into a byte array rather than a scalar-by-scalar String build.
struct ByteTable: Sendable {
    let scalars: [Unicode.Scalar]
    /// UTF-8 of each scalar (all are in the BMP, so at most 3 bytes), low byte first; length in
    /// the top byte.
    private let packed: [UInt32]

    init(_ scalars: [Unicode.Scalar]) {
        precondition(scalars.count == 256 && scalars.allSatisfy { $0.value < 0x10000 })
        self.scalars = scalars
        packed = scalars.map { scalar in
            var bytes: [UInt8] = []
            Composition.appendUTF8(scalar, to: &bytes)
            var word = UInt32(bytes.count) << 24
            for (index, byte) in bytes.enumerated() { word |= UInt32(byte) << (8 * index) }
            return word
        }
    }

    subscript(byte: UInt8) -> Unicode.Scalar { scalars[Int(byte)] }

    func decode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        packed.withUnsafeBufferPointer { table in
            for byte in bytes {
                let word = table[Int(byte)]
                out.append(UInt8(truncatingIfNeeded: word))
                let length = word >> 24
                if length > 1 { out.append(UInt8(truncatingIfNeeded: word >> 8)) }
                if length > 2 { out.append(UInt8(truncatingIfNeeded: word >> 16)) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

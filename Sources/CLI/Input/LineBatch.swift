/// Whole lines of standard input, read together: their bytes, where each line lies in them (the
/// newline, and a carriage return before it, left out) and the number of the first line.
struct LineBatch: Sendable {
    let bytes: [UInt8]
    let starts: [Int]
    let ends: [Int]
    let firstNumber: Int

    var count: Int { starts.count }
}

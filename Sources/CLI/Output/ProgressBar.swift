import Foundation
import Casework
import Intake

/// The import's progress on a terminal, one line redrawn in place: records, megabytes, rate, time left.
struct ProgressBar {
    private var drawn = false

    mutating func draw(_ progress: ImportProgress) {
        let megabytes = Double(progress.bytesRead) / 1_048_576, total = Double(progress.totalBytes) / 1_048_576
        let rate = progress.seconds > 0 ? Double(progress.records) / progress.seconds : 0
        let fraction = progress.totalBytes > 0 ? Double(progress.bytesRead) / Double(progress.totalBytes) : 1
        var line = "\r\u{1B}[2KĐang nhập: \(ProgressBar.grouped(progress.records)) bản ghi · "
            // Vietnamese writes the decimal comma: "3,4/10,0 MB", beside "12.345 bản ghi".
            + String(format: "%.1f/%.1f MB (%d%%)", megabytes, total, Int(fraction * 100)).replacingOccurrences(of: ".", with: ",")
            + " · \(ProgressBar.grouped(Int(rate))) bản ghi/giây"
        if fraction > 0.01, fraction < 1, progress.seconds > 1 {
            let left = Int(progress.seconds * (1 - fraction) / fraction)
            line += String(format: " · còn khoảng %d:%02d", left / 60, left % 60)
        }
        StandardStreams.writeError(line)
        drawn = true
    }

    func finish() {
        if drawn { StandardStreams.writeError("\n") }
    }

    /// 12345 → "12.345", as Vietnamese writes thousands.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return out
    }
}

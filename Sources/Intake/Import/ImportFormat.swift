internal import Foundation

/// The kinds of file `danvan import` reads, and how `auto` tells them apart.
public enum ImportFormat: String, Sendable, CaseIterable {
    case csv, mbox, eml, maildir

    /// From a folder's shape, the file's extension, or its first bytes: "From " starts an mbox,
    /// a header field ("Received:", "From:") an e-mail, anything else is a sheet.
    public static func detect(path: String) -> ImportFormat {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return .maildir }
        switch (path as NSString).pathExtension.lowercased() {
        case "csv", "tsv": return .csv
        case "eml": return .eml
        case "mbox", "mbx": return .mbox
        default: break
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .csv }
        defer { try? handle.close() }
        let prefix = [UInt8]((try? handle.read(upToCount: 1024)) ?? Data())
        if MboxSource.looksLikeMbox(prefix) { return .mbox }
        let firstLine = prefix.prefix { $0 != 10 && $0 != 13 }
        if let colon = firstLine.firstIndex(of: UInt8(ascii: ":")), colon > 0,
           firstLine[..<colon].allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }),
           colon + 1 < firstLine.count, firstLine[colon + 1] == 32 {
            return .eml
        }
        return .csv
    }

    /// Opens the source; a file that cannot be read as this format throws, naming it.
    public static func open(path: String, format: ImportFormat?, mapping: HeaderMapping, encoding: SheetEncoding?,
                            delimiter: UInt8?) throws(SourceError) -> any RecordSource {
        switch format ?? detect(path: path) {
        case .csv: try SheetSource(path: path, mapping: mapping, encoding: encoding, delimiter: delimiter)
        case .mbox: try MboxSource(path: path)
        case .eml: try EmlSource(path: path)
        case .maildir: try MaildirSource(path: path)
        }
    }
}

import Foundation
import Domain
import VietText

struct TextConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "convert",
        abstract: "Decode bytes in a legacy Vietnamese encoding (FILE or stdin) to UTF-8 NFC.",
        discussion: "With --from auto the encoding is detected and named on stderr.",
        arguments: [
            .option("from", value: "ENCODING", help: "auto | tcvn3 | vni | viqr | cp1258 | utf8", default: "auto"),
            .positional("file", help: "the file to read; without it, standard input", required: false),
        ],
        examples: ["danvan text convert --from tcvn3 old-sheet.txt", "danvan text convert < unknown.txt"])

    let encoding: LegacyEncoding?
    let file: String?

    init(_ arguments: ParsedArguments) throws {
        let name = try arguments.required("from")
        if name == "auto" {
            encoding = nil
        } else {
            guard let known = LegacyEncoding(name: name) else {
                throw FieldError(field: "from", message: "unknown encoding '\(name)'; accepted: auto, tcvn3, vni, viqr, cp1258, utf8")
            }
            encoding = known
        }
        file = try arguments.positional(0)
    }

    func run() throws {
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw FieldError(field: file, message: "cannot be read (missing or not a file)")
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let bytes = [UInt8](data)
        do {
            let text: String
            if let encoding {
                text = try LegacyText.decode(bytes, from: encoding)
            } else {
                let (decoded, detected) = try LegacyText.decodeDetectingEncoding(bytes)
                StandardStreams.printError("detected encoding: \(detected.displayName)")
                text = decoded
            }
            StandardStreams.printText(text)
        } catch {
            throw FieldError(field: file ?? "stdin", message: "\(error)")
        }
    }
}

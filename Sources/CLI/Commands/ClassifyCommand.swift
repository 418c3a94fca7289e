import Foundation
import Casework
import Domain
import Classifier
import Locality
import JSONText

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "classify",
        abstract: "Suggest topic and kind for each line {\"id\", \"text\"} of standard input, with the words that decided and the place.",
        discussion: """
            Output per line: {"id", "topic", "confidence", "kind", "kind_confidence", "alternatives": \
            [{"topic", "confidence"}], "explanation": [...], "needs_review", "model_version", "locality": \
            {as danvan locate}}. "needs_review" is true below the model's threshold: such a grievance goes \
            to the triage queue. A bad line is reported on stderr as stdin:N and the others go on. \
            Lines are classified on several threads and written in the order read.
            """,
        arguments: [
            .option("model", value: "FILE", help: "model file", default: "routing-rules/model/classifier.tsv"),
            .option("default-province", value: "CODE", help: "the registering office's province, for places"),
            .option("default-commune", value: "CODE", help: "the registering office's commune, for places"),
            .option("threads", value: "N", help: "threads that classify (default: one per core)"),
            .option("batch", value: "N", help: "lines read and classified together", default: "4096"),
        ],
        examples: [#"echo '{"id":"1","text":"Khiếu nại quyết định thu hồi đất, bồi thường thấp"}' | danvan classify"#])

    let modelPath: String
    let defaultProvince: String?
    let defaultCommune: String?
    let threads: Int
    /// Lines read and classified together: the default keeps the cores busy between the serial
    /// reads and writes (under 1% of the time) and memory small (about 1 MB in, 4 MB out).
    let batchLines: Int
    /// A batch also ends past this many bytes of input, whatever its lines.
    static let batchBytes = 4 << 20

    init(_ arguments: ParsedArguments) throws {
        modelPath = try arguments.required("model")
        defaultProvince = try arguments.string("default-province")
        defaultCommune = try arguments.string("default-commune")
        threads = try arguments.integer("threads", range: 1...64) ?? ProcessInfo.processInfo.activeProcessorCount
        batchLines = try arguments.integer("batch", range: 1...1_000_000)!
    }

    /// What one line gives: nothing (blank), its JSON line, or the error reported for it.
    private enum Outcome: Sendable {
        case blank
        case line([UInt8])
        case failure(String)
    }

    func run() throws {
        let contents = try ClassifyCommand.read(modelPath)
        let classifier = try ModelFile.read(contents, file: modelPath)
        let version = ModelFile.version(of: contents)
        let extractor = LocalityExtractor()
        let (province, commune) = (defaultProvince, defaultCommune)
        let reader = LineBatchReader()
        var failed = false
        while let batch = try reader.next(maxLines: batchLines, maxBytes: ClassifyCommand.batchBytes) {
            let outcomes = OrderedParallelMap.map(count: batch.count, threads: threads) { index -> Outcome in
                batch.bytes.withUnsafeBufferPointer { all in
                    let line = UnsafeBufferPointer(rebasing: all[batch.starts[index]..<batch.ends[index]])
                    return ClassifyCommand.classify(line, classifier: classifier, version: version, extractor: extractor,
                                                    defaultProvince: province, defaultCommune: commune)
                }
            }
            for (index, outcome) in outcomes.enumerated() {
                switch outcome {
                case .blank: continue
                case let .line(bytes): StandardStreams.printBytes(bytes)
                case let .failure(message):
                    StandardStreams.printError("error: stdin:\(batch.firstNumber + index): \(message)")
                    failed = true
                }
            }
        }
        if failed { throw ExitCode.failure }
    }

    private static func classify(_ line: UnsafeBufferPointer<UInt8>, classifier: TopicClassifier, version: String,
                                 extractor: LocalityExtractor, defaultProvince: String?, defaultCommune: String?) -> Outcome {
        if isBlank(line) { return .blank }
        let id: String, text: String
        do {
            (id, text) = try request(line)
        } catch {
            return .failure("\(error)")
        }
        let result = classifier.classify(text)
        let place = extractor.locate(text, defaultProvince: defaultProvince, defaultCommune: defaultCommune)
        var json = JSONByteWriter(capacity: 1536)
        ClassificationJSON(id: id, result: result, modelVersion: version, locality: LocalityJSON(input: nil, result: place))
            .write(to: &json)
        // As when JSONEncoder refused the line: never a line that is not JSON.
        if json.wroteNonFinite { return .failure("output: a confidence or score is not a finite number") }
        json.bytes.append(UInt8(ascii: "\n"))
        return .line(json.bytes)
    }

    /// Only whitespace, as `Character.isWhitespace` has it (such a line is skipped, not an error).
    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var ascii = true
        for byte in line {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: ascii = false
            default: return false
            }
        }
        return ascii || String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// The line's "id" and "text". A repeated name counts by its last value, as JSONSerialization
    /// did; an id that is a number is kept as written (a fraction or exponent as a Double prints).
    static func request(_ line: UnsafeBufferPointer<UInt8>) throws -> (id: String, text: String) {
        guard let members = try? StrictJSONReader.members(of: line) else {
            throw FieldError(field: "line", message: "is not a JSON object")
        }
        var id: JSONInputValue?, text: JSONInputValue?
        for member in members {
            if member.name == "id" { id = member.value } else if member.name == "text" { text = member.value }
        }
        guard case let .string(text)? = text else { throw FieldError(field: "text", message: "is missing or not a string") }
        switch id {
        case nil, .null?: return ("", text)
        case let .string(id)?: return (id, text)
        case let .number(literal)?: return (numberID(literal), text)
        case let .bool(value)?: return (value ? "true" : "false", text)
        case .array?, .strings?, .object?: throw FieldError(field: "id", message: "is not a string or a number")
        }
    }

    /// An integer as written ("-0" as "0"); a fraction or exponent as Swift prints the Double
    /// ("1e3" as "1000.0"), as the id was printed when JSONSerialization read it.
    static func numberID(_ literal: String) -> String {
        if !literal.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return literal == "-0" ? "0" : literal
        }
        guard let value = Double(literal), value.isFinite else { return literal }
        return value.description
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FieldError(field: "model", message: "không đọc được '\(path)'; tạo mô hình bằng 'danvan model train' (cannot be read)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

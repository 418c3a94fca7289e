import Foundation
import Domain
import Classifier
import Locality

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "classify",
        abstract: "Suggest topic and kind for each line {\"id\", \"text\"} of standard input, with the words that decided and the place.",
        discussion: """
            Output per line: {"id", "topic", "confidence", "kind", "kind_confidence", "alternatives": \
            [{"topic", "confidence"}], "explanation": [...], "needs_review", "model_version", "locality": \
            {as danvan locate}}. "needs_review" is true below the model's threshold: such a grievance goes \
            to the triage queue. A bad line is reported on stderr as stdin:N and the others go on.
            """,
        arguments: [
            .option("model", value: "FILE", help: "model file", default: "routing-rules/model/classifier.tsv"),
            .option("default-province", value: "CODE", help: "the registering office's province, for places"),
            .option("default-commune", value: "CODE", help: "the registering office's commune, for places"),
        ],
        examples: [#"echo '{"id":"1","text":"Khiếu nại quyết định thu hồi đất, bồi thường thấp"}' | danvan classify"#])

    let modelPath: String
    let defaultProvince: String?
    let defaultCommune: String?

    init(_ arguments: ParsedArguments) throws {
        modelPath = try arguments.required("model")
        defaultProvince = try arguments.string("default-province")
        defaultCommune = try arguments.string("default-commune")
    }

    func run() throws {
        let contents = try ClassifyCommand.read(modelPath)
        let classifier = try ModelFile.read(contents, file: modelPath)
        let version = ModelFile.version(of: contents)
        let extractor = LocalityExtractor()
        try LineInput.forEach(argument: nil, field: "line") { line, _ in
            guard !line.allSatisfy(\.isWhitespace) else { return }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw FieldError(field: "line", message: "is not a JSON object")
            }
            guard let text = object["text"] as? String else { throw FieldError(field: "text", message: "is missing or not a string") }
            let id = object["id"].map { "\($0)" } ?? ""
            let result = classifier.classify(text)
            let place = extractor.locate(text, defaultProvince: defaultProvince, defaultCommune: defaultCommune)
            try JSONLines.print(ClassificationJSON(id: id, result: result, modelVersion: version,
                                                   locality: LocalityJSON(input: nil, result: place)))
        }
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FieldError(field: "model", message: "không đọc được '\(path)'; tạo mô hình bằng 'danvan model train' (cannot be read)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

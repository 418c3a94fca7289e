import Foundation
import Testing
@testable import Classifier

/// The kinds as the law defines them, beside the learned model: a denunciation is never a
/// confident phản ánh, an official's wrongdoing is the corruption topic, a neighbour's is not.
@Suite("Legal tests of the kinds")
struct LegalCuesTests {
    private func cues(_ text: String) -> Set<LegalCues.Cue> {
        Set(LegalCues.shared.cues(in: TextFeatures(text)).map(\.cue))
    }

    @Test("the tests are found in folded text, whatever the diacritics")
    func findsCues() {
        #expect(cues("Tố cáo chủ tịch UBND phường nhận hối lộ") == [.denounces, .official, .wrongdoing])
        #expect(cues("to cao chu tich ubnd phuong nhan hoi lo") == [.denounces, .official, .wrongdoing])
        #expect(cues("Tôi không đồng ý với quyết định thu hồi đất số 12") == [.contests, .decision])
        #expect(cues("Góp ý dự thảo luật đất đai") == [.opinion])
        #expect(cues("Đường Lê Văn Sỹ có ổ gà lớn").isEmpty)
    }

    @Test("an official taking bribes is corruption, a neighbour encroaching is not, both are tố cáo, and the reasons are named")
    func denunciationTopics() throws {
        let classifier = try #require(ClassifierTests.shipped)
        let official = classifier.classify("Tố cáo chủ tịch UBND phường nhận hối lộ để cấp phép xây dựng sai quy hoạch")
        #expect(official.kind == "to-cao" && official.topic == "can-bo-tham-nhung")
        #expect(official.kindExplanation.contains("hành vi sai phạm: “nhận hối lộ”"), "\(official.kindExplanation)")
        #expect(official.kindExplanation.contains("người có chức vụ: “chủ tịch”"), "\(official.kindExplanation)")
        let neighbour = classifier.classify("Tôi tố cáo hàng xóm lấn chiếm lối đi chung")
        #expect(neighbour.kind == "to-cao" && neighbour.topic != "can-bo-tham-nhung", "\(neighbour.topic)")
        #expect(neighbour.kindExplanation.first == "tố cáo: “tố cáo”")
    }

    @Test("over the corpus: where the text meets the denunciation test, the suggestion is tố cáo unless the model is sure of another kind")
    func neverAConfidentPhanAnh() throws {
        let classifier = try #require(ClassifierTests.shipped)
        var met = 0
        for example in ClassifierTests.corpus {
            let found = cues(example.text)
            guard found.contains(.denounces) || (found.contains(.wrongdoing) && (found.contains(.official) || found.contains(.dealWith)))
            else { continue }
            met += 1
            let result = classifier.classify(example.text, explain: false)
            #expect(result.kind != "phan-anh", "\(example.id)")
            if result.kind != "to-cao" { #expect(result.kindConfidence >= Double(TopicClassifier.confidentKind), "\(example.id)") }
        }
        #expect(met > 300)
    }

    @Test("from the denunciation floor on, tố cáo is suggested for review though another kind ranks first, and the note says why")
    func denunciationFloor() throws {
        let classifier = try #require(ClassifierTests.shipped)
        let text = "Đường Lê Văn Sỹ có ổ gà lớn, xe máy ngã liên tục"
        let off = classifier.classify(text, denunciationFloor: 2)
        #expect(off.kind != "to-cao" && !off.ruleApplied)
        let floored = classifier.classify(text, denunciationFloor: Float(off.denunciationProbability))
        #expect(floored.kind == "to-cao" && floored.needsReview && floored.ruleApplied)
        #expect(floored.kindExplanation.last?.hasPrefix("khả năng là tố cáo") == true, "\(floored.kindExplanation)")
        let above = classifier.classify(text, denunciationFloor: Float(off.denunciationProbability) + 0.01)
        #expect(above.kind == off.kind)
        // The shipped floor leaves a plain pothole report alone.
        #expect(off.denunciationProbability < Double(TopicClassifier.defaultDenunciationFloor))
        #expect(classifier.classify(text).kind == off.kind)
    }
}

/// The other side of recall: ordinary letters that only sound like money or office are not
/// suggested as denunciations, and their topic stays the model's.
@Suite("Legal tests stay quiet on ordinary letters")
struct LegalCuesPrecisionTests {
    @Test("letters about money owed, land recovered or lamps fitted are not tố cáo", arguments: [
        "Gia đình tôi bị thu hồi đất nhưng chưa nhận tiền bồi thường, đề nghị Ban bồi thường giải phóng mặt bằng làm rõ.",
        "Mẹ tôi là thương binh, đã ba tháng chưa nhận tiền trợ cấp, cán bộ chính sách hẹn mãi.",
        "Đèn đường mới lắp không sáng, tổ trưởng đã báo nhưng chưa ai sửa.",
        "Bà Hoa làm đơn xin hỗ trợ sửa nhà sau bão, đến nay chưa có kết quả.",
        "Chưa nhận tiền đền bù dự án mở rộng đường, mong các cơ quan sớm chi trả.",
        "Cán bộ một cửa hướng dẫn nộp lệ phí cấp sổ đỏ, xin hỏi mức phí như vậy có đúng không?",
    ])
    func notDenunciations(_ text: String) throws {
        let classifier = try #require(ClassifierTests.shipped)
        let result = classifier.classify(text)
        #expect(result.kind != "to-cao", "\(result.kindExplanation)")
        #expect(result.topic != "can-bo-tham-nhung" || result.modelTopic == nil)
        #expect(!result.kindExplanation.contains { $0.contains("có dấu hiệu tố cáo") })
    }
}

import VietText

/// The tests the law uses to tell the kinds of letters apart, as phrases a letter shows them by
/// (Thông tư 05/2021/TT-TTCP art. 6; Luật Tố cáo 2018 art. 2: a tố cáo names a wrongdoing by an
/// agency, an organisation or a person; Luật Khiếu nại 2011 art. 2: a khiếu nại contests an
/// administrative decision or act that touches the writer's own rights). Each test found becomes
/// one feature of the kind model ("cue:wrongdoing"), so what the corpus teaches about it holds for
/// words the corpus lacks, and is named in the explanation. Folded phrases of one to three words.
struct LegalCues: Sendable {
    enum Cue: String, CaseIterable, Sendable {
        /// The writer denounces in so many words.
        case denounces
        /// An act the law forbids: bribes, embezzlement, forgery, abuse of office.
        case wrongdoing
        /// Someone who holds office, by role.
        case official
        /// Asks that someone be dealt with.
        case dealWith
        /// Contests in so many words.
        case contests
        /// An administrative decision or act.
        case decision
        /// Asks that something be done or changed.
        case asks
        /// An opinion on a draft, a policy or a plan; thanks.
        case opinion
        /// A private party: a neighbour, a company, a shop.
        case privateParty

        /// The kind model's feature for this cue, as the model file names it.
        var featureText: String { "cue:" + rawValue }
        var feature: UInt64 { FeatureHash.hash(ngram: "§" + featureText) }

        /// How the explanation names the test, in Vietnamese.
        var vietnamese: String {
            switch self {
            case .denounces: "tố cáo"
            case .wrongdoing: "hành vi sai phạm"
            case .official: "người có chức vụ"
            case .dealWith: "đề nghị xử lý người vi phạm"
            case .contests: "khiếu nại"
            case .decision: "quyết định, hành vi hành chính"
            case .asks: "đề nghị, kiến nghị"
            case .opinion: "góp ý, ý kiến"
            case .privateParty: "bên tư nhân"
            }
        }
    }

    static let phrases: [Cue: [String]] = [
        .denounces: ["to cao", "to giac", "don to cao", "bi to cao", "nguoi to cao"],
        // Acts, not outcomes: "nhận tiền" alone is also "chưa nhận tiền bồi thường", so money taken
        // counts only as "nhận tiền của/để" and "tiền bồi dưỡng".
        .wrongdoing: ["hoi lo", "nhan hoi lo", "dua hoi lo", "tham o", "tham nhung", "an chan", "bien thu", "chiem doat",
                      "lam gia", "gia mao", "gia chu ky", "voi vinh", "nhung nhieu", "lam quyen", "loi dung chuc",
                      "bao ke", "bao che", "truc loi", "nhan tien cua", "nhan tien de", "tien boi duong", "thu tien trai",
                      "ot trit", "lua dao", "cuong doat", "tiep tay", "lap khong chung", "ky khong chung", "chia chac",
                      "moc ngoac", "rut ruot", "an hoi lo", "lot tay", "phong bi"],
        // People in government and Party office, by role. Bodies ("ủy ban", "công an xã") are left
        // out: a letter addresses them ("Kính gửi Công an xã …") as often as it accuses them. Staff
        // of schools, hospitals and utilities are labelled with their sector (corpus/README.md).
        // "bí thư" only with what follows it: "bi thu" alone is also "bị thu (hồi)".
        .official: ["can bo", "cong chuc", "chu tich", "pho chu tich", "bi thu dang", "bi thu chi", "bi thu xa",
                    "bi thu phuong", "ong bi thu", "ba bi thu", "pho bi thu", "truong thon", "truong ap", "truong ban",
                    "truong khu", "to truong", "dia chinh", "thanh tra", "dang vien", "canh sat", "kiem lam",
                    "truong phong", "pho truong phong", "truong cong an", "doi truong", "chanh van phong", "csgt",
                    "cong an vien", "truong xom", "ke toan xa", "ke toan phuong", "thu quy xa", "thu quy phuong"],
        .dealWith: ["xu ly nghiem", "lam ro", "dieu tra", "ky luat", "truy cuu", "xu ly theo phap luat", "thu hoi so tien",
                    "xu ly dut diem", "vao cuoc", "lam sang to"],
        .contests: ["khieu nai", "khong dong y", "phan doi", "khong dong tinh", "khieu kien", "de nghi huy",
                    "huy bo quyet dinh", "khong thoa dang"],
        .decision: ["quyet dinh", "qd ubnd", "quyet dinh so", "thu hoi dat", "xu phat", "boi thuong", "cuong che",
                    "thong bao so", "phuong an boi thuong", "tu choi cap", "cat tro cap", "truy thu"],
        .asks: ["kien nghi", "de nghi", "de xuat", "mong", "xin", "dau tu", "sua doi", "bo sung", "nang muc",
                "tang muc", "som", "can co", "xem xet", "ho tro"],
        .opinion: ["gop y", "du thao", "theo toi", "cho rang", "y kien", "cam on", "hoan nghenh", "dong tinh",
                   "nen chang", "tan thanh", "tri an"],
        .privateParty: ["hang xom", "nha ben canh", "nha hang xom", "cong ty", "doanh nghiep", "chu quan", "chu nha",
                        "chu cua hang", "chu xuong", "chu dat", "chu hui", "nguoi cho vay"],
    ]

    /// Phrase hash → (cue, words in the phrase, the phrase).
    private let index: [UInt64: [(cue: Cue, words: Int, phrase: String)]]

    init() {
        var index: [UInt64: [(cue: Cue, words: Int, phrase: String)]] = [:]
        for (cue, phrases) in LegalCues.phrases {
            for phrase in phrases {
                let words = phrase.split(separator: " ")
                guard (1...3).contains(words.count) else { continue }
                index[FeatureHash.hash(ngram: phrase), default: []].append((cue, words.count, phrase))
            }
        }
        self.index = index
    }

    static let shared = LegalCues()

    /// Each cue the text shows, with the first phrase that showed it (folded), in a fixed order.
    func cues(in text: TextFeatures) -> [(cue: Cue, phrase: String)] {
        var found: [Cue: String] = [:]
        func take(_ hash: UInt64, trigram: Bool) {
            guard let entries = index[hash] else { return }
            for entry in entries where (entry.words == 3) == trigram {
                if found[entry.cue] == nil || entry.phrase.count > found[entry.cue]!.count { found[entry.cue] = entry.phrase }
            }
        }
        for (hash, _) in text.counts { take(hash, trigram: false) }
        for hash in text.trigrams { take(hash, trigram: true) }
        return Cue.allCases.compactMap { cue in found[cue].map { (cue, $0) } }
    }
}

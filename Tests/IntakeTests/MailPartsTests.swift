import Foundation
import Testing
import VietText
@testable import Intake

@Suite("E-mail pieces: transfer encodings, encoded words, parameters, dates, mbox quoting")
struct MailPartsTests {
    @Test("quoted-printable: soft line breaks, escapes, transport blanks, broken escapes kept")
    func quotedPrintable() {
        let input = Array("Ph=E1=BA=A3n =C3=A1nh=\r\n ti=E1=BA=BFp  \r\ntheo =ZZ and =3".utf8)
        let decoded = String(decoding: TransferEncoding.quotedPrintable(input[...]), as: UTF8.self)
        #expect(decoded == "Phản ánh tiếp\r\ntheo =ZZ and =3")
    }

    @Test("base64: line breaks and junk skipped, padding optional")
    func base64() {
        #expect(String(decoding: TransferEncoding.base64(Array("UGjhuqNu\r\nIMOhbmg=".utf8)), as: UTF8.self) == "Phản ánh")
        #expect(String(decoding: TransferEncoding.base64(Array("UGjhuqNuIMOhbmg".utf8)), as: UTF8.self) == "Phản ánh")
        #expect(TransferEncoding.base64(Array("!!!".utf8)).isEmpty)
    }

    @Test("RFC 2047: B and Q words, blanks between adjacent words dropped, unknown words kept as written")
    func encodedWords() {
        #expect(EncodedWords.decode("=?utf-8?B?UGjhuqNu?= =?utf-8?Q?_=C3=A1nh?= ngập") == "Phản ánh ngập")
        #expect(EncodedWords.decode("Re: =?iso-8859-1?Q?G=F3p_=FD?=") == "Re: Góp ý")
        #expect(EncodedWords.decode("=?windows-1252?Q?=93G=F3p_=FD=94?=") == "\u{201C}Góp ý\u{201D}")
        // Windows-1258: "Hà Nội" with the tone of "ộ" as a combining byte.
        #expect(VietText.nfc(EncodedWords.decode("=?windows-1258?Q?H=E0_N=F4=F2i?=")) == "Hà Nội")
        #expect(EncodedWords.decode("=?utf-8?X?abc?= =?broken") == "=?utf-8?X?abc?= =?broken")
        #expect(EncodedWords.decode("=?utf-8*vi?Q?Vi=E1=BB=87t?=") == "Việt")
    }

    @Test("RFC 2231 parameters: continuations, charset, percent-encoding; quoted values with escapes")
    func parameters() {
        let split = HeaderParameters("attachment; filename*0*=utf-8''%C4%90%C6%A1n%20khi; filename*1*=%E1%BA%BFu%20n%E1%BA%A1i.pdf")
        #expect(split.value == "attachment")
        #expect(split["filename"] == "Đơn khiếu nại.pdf")
        let quoted = HeaderParameters("Text/Plain; charset=\"UTF-8\"; name=\"a \\\"b\\\".txt\" (comment); format=flowed")
        #expect(quoted.value == "text/plain")
        #expect(quoted["charset"] == "UTF-8")
        #expect(quoted["name"] == "a \"b\".txt")
        #expect(quoted["format"] == "flowed")
        #expect(HeaderParameters("image/jpeg; name=\"=?utf-8?B?4bqibmguanBn?=\"")["name"] == "Ảnh.jpg")
    }

    @Test("RFC 5322 dates, also obsolete forms", arguments: [
        ("Fri, 20 Nov 2026 09:15:00 +0700", "2026-11-20T09:15:00+07:00"),
        ("20 Nov 2026 09:15 +0700", "2026-11-20T09:15:00+07:00"),
        ("Fri, 20 Nov 26 02:15:00 GMT", "2026-11-20T02:15:00+00:00"),
        ("Thu, 19 Nov 2026 21:15:00 EST (Eastern)", "2026-11-19T21:15:00-05:00"),
        ("Mon, 29 Feb 2028 09:00:00 +0700", "2028-02-29T09:00:00+07:00"),
    ])
    func dates(text: String, iso: String) {
        #expect(MailDate(parsing: text)?.iso == iso)
    }

    @Test("unreadable dates are nil, not a guess")
    func badDates() {
        #expect(MailDate(parsing: "hôm qua") == nil)
        #expect(MailDate(parsing: "Fri, 20 Nov 2026 25:00:00 +0700") == nil)
        #expect(MailDate(parsing: "Mon, 29 Feb 2027 09:00:00 +0700") == nil)
        // Any sender can write this; a deadline counted from it would pass the year 9999.
        #expect(MailDate(parsing: "Fri, 31 Dec 9999 23:00:00 +0700") == nil)
        #expect(MailDate(parsing: "Mon, 1 Jan 0001 00:00:00 +0000") == nil)
    }

    @Test("mboxrd unquoting: one '>' less on '>From ' lines; other '>' lines untouched")
    func unquote() {
        let body = Array("Subject: x\n\n>From here\n>>From there\n> quoted reply\nFrom the start\n".utf8)
        let out = String(decoding: MboxSource.unquote(body[...]), as: UTF8.self)
        #expect(out == "Subject: x\n\nFrom here\n>From there\n> quoted reply\nFrom the start\n")
    }

    @Test("a multipart without its closing delimiter still yields its parts; a nested bomb stops at the depth limit")
    func hostileStructure() {
        let open = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nthân thư\n--b\nContent-Type: application/pdf; name=a.pdf\n\nPDF"
        let message = MailMessage(parsing: Array(open.utf8)[...])
        #expect(message.text == "thân thư")
        #expect(message.attachments.map(\.name) == ["a.pdf"])
        var nested = ""
        for level in 0..<200 { nested += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        nested += "Content-Type: text/plain\n\nsâu"
        let deep = MailMessage(parsing: Array(nested.utf8)[...])
        #expect(deep.attachments.count <= 1)
    }

    @Test("bounces and auto-replies are not petitions: quarantined with the reason")
    func automaticMail() {
        let messages = [
            "From: An <an@example.vn>\nAuto-Submitted: auto-replied\nSubject: Vắng mặt\n\nTôi đang nghỉ phép.",
            "From: MAILER-DAEMON@mx.example.vn\nSubject: Undelivered Mail\n\nKhông gửi được.",
            "From: mx@example.vn\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n\nx\n--b--",
        ]
        for text in messages {
            guard case let .rejected(rejection) = MailRecords.item(Array(text.utf8)[...], source: "hop-thu#1") else {
                Issue.record("taken in: \(text)")
                continue
            }
            #expect(rejection.reason.contains("thư tự động"))
        }
        let person = "From: An <an@example.vn>\nAuto-Submitted: no\nSubject: Phản ánh\n\nĐường ngập."
        guard case .record = MailRecords.item(Array(person.utf8)[...], source: "hop-thu#2") else {
            Issue.record("a person's mail with Auto-Submitted: no was refused")
            return
        }
    }

    @Test("tracking codes in subjects: only whole codes of the code alphabet")
    func trackingCodes() {
        #expect(MailRecords.trackingCode(in: "Re: [K7M3Q-9TXR2] Phản ánh")?.value == "K7M3Q-9TXR2")
        #expect(MailRecords.trackingCode(in: "re: k7m3q-9txr2")?.value == "K7M3Q-9TXR2")
        #expect(MailRecords.trackingCode(in: "Số 123/QĐ-UBND ngày 12/8") == nil)
        #expect(MailRecords.trackingCode(in: "mã AK7M3Q-9TXR2B") == nil)
        #expect(MailRecords.trackingCode(in: "mã K7M3I-9TXR2") == nil)
    }
}

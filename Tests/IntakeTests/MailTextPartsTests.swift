import Testing
@testable import Intake

/// Every inline text part belongs to the letter (issue 17, item 2).
@Suite("Mail: every inline text part is the letter's text")
struct MailTextPartsTests {
    func message(_ body: String, type: String = "multipart/mixed") -> MailMessage {
        let text = "From: An <an@example.vn>\r\nSubject: Cống tắc\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: \(type); boundary=\"b1\"\r\n\r\n" + body
        return MailMessage(parsing: Array(text.utf8)[...])
    }

    @Test("two text/plain parts of a multipart/mixed are both the text, in order")
    func twoPlainParts() {
        let mail = message("--b1\r\nContent-Type: text/plain\r\n\r\nOne\r\n--b1\r\nContent-Type: text/plain\r\n\r\nTwo\r\n--b1--\r\n")
        #expect(mail.text == "One\nTwo")
        #expect(mail.attachments.isEmpty)
    }

    @Test("a letter split around an inline picture (Apple Mail): text, picture, text")
    func splitAroundPicture() {
        let mail = message("""
            --b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nCống trước nhà tôi:\r\n\
            --b1\r\nContent-Type: image/jpeg; name=cong.jpg\r\nContent-Disposition: inline; filename=cong.jpg\r\n\
            Content-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n\
            --b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nđã tắc ba tuần.\r\n--b1--\r\n
            """)
        #expect(mail.text == "Cống trước nhà tôi:\nđã tắc ba tuần.")
        #expect(mail.attachments.map(\.name) == ["cong.jpg"])
    }

    @Test("a text part marked as an attachment stays an attachment; alternatives give one text")
    func attachmentsAndAlternatives() {
        let mail = message("""
            --b1\r\nContent-Type: multipart/alternative; boundary="b2"\r\n\r\n\
            --b2\r\nContent-Type: text/plain\r\n\r\nOne\r\n--b2\r\nContent-Type: text/html\r\n\r\n<p>One</p>\r\n--b2--\r\n\
            --b1\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=ghi-chu.txt\r\n\r\nNote\r\n\
            --b1\r\nContent-Type: text/plain\r\n\r\nTwo\r\n--b1--\r\n
            """)
        #expect(mail.text == "One\nTwo")
        #expect(mail.attachments.map(\.name) == ["ghi-chu.txt"])
    }
}

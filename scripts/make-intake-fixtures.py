#!/usr/bin/env python3
"""(Re)creates Tests/IntakeTests/Fixtures/csv/ and Tests/IntakeTests/Fixtures/mail/: sheets and mail
messages carrying (invented) citizens' grievances, each with the values an importer must read from
them. The fixtures are written with Python's own csv, email and mailbox packages (plus, for
excel-export.csv, LibreOffice), and the expected values are computed by reading the files back with
Python's csv/email/mailbox and checked against the data the fixture was made from. Nothing here
reads or calls danvan's code.

Stdlib only, deterministic (fixed dates, fixed MIME boundaries, fixed Maildir names). Run:
    python3 scripts/make-intake-fixtures.py
LibreOffice (`soffice`) is only needed for csv/excel-export.csv; without it the committed copy of that
file and its expected values are kept (and re-checked).
See Tests/IntakeTests/Fixtures/README.md for the expected-record formats.
"""
import base64
import csv
import datetime as dt
import email
import email.base64mime
import email.header
import email.quoprimime
import email.utils
import hashlib
import html
import html.parser
import io
import itertools
import json
import mailbox
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from email import policy
from email.generator import BytesGenerator
from email.headerregistry import Address
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests/IntakeTests/Fixtures"
CSV_DIR = FIXTURES / "csv"
MAIL_DIR = FIXTURES / "mail"
VN = dt.timezone(dt.timedelta(hours=7))


def nfc(text):
    return unicodedata.normalize("NFC", text)


def jsonl(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# ---------------------------------------------------------------------------------------------------
# The importer's contract for sheets, as the brief states it (written here, not taken from danvan)
# ---------------------------------------------------------------------------------------------------

HEADER_KEYS = {
    "stt": None,
    "họ và tên": "name", "họ tên": "name", "ho ten": "name", "full name": "name",
    "địa chỉ": "address", "dia chi": "address", "address": "address",
    "số điện thoại": "phone", "sdt": "phone", "phone": "phone",
    "email": "email",
    "nội dung": "text", "noi dung": "text", "content": "text",
    "ngày nhận": "received", "ngay tiep nhan": "received", "date received": "received", "ngày": "received",
    "loại đơn": "kind", "type": "kind",
}
KIND_LABELS = {
    "Phản ánh": "phan-anh", "Kiến nghị": "kien-nghi", "Khiếu nại": "khieu-nai", "Tố cáo": "to-cao",
    "Ý kiến": "y-kien", "Góp ý": "y-kien",
    "Complaint": "khieu-nai", "Denunciation": "to-cao", "Petition": "kien-nghi", "Proposal": "kien-nghi",
    "Feedback": "phan-anh", "Report": "phan-anh", "Opinion": "y-kien",
}
DATE_FORMATS = [("%d/%m/%Y %H:%M", True), ("%d/%m/%Y", False), ("%d/%m/%y", False), ("%Y-%m-%d", False)]


def parse_received(value):
    """ISO text for a sheet date, or None when the value is no date (e.g. 31/02/2026)."""
    for fmt, has_time in DATE_FORMATS:
        try:
            moment = dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        if has_time:
            return moment.replace(tzinfo=VN).isoformat()
        return moment.date().isoformat()
    return None


def clean_cell(value):
    return nfc(value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def expected_from_sheet(path, encoding, delimiter):
    """Reads a written sheet back with Python's csv module and returns (raw records, expected records).
    The start line of a record is the reader's line_num before it plus one: csv.reader counts the
    physical lines it pulls from a newline='' StringIO, which splits at \\r\\n, \\n and \\r alike."""
    text = path.read_bytes().decode(encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    keys = [HEADER_KEYS[clean_cell(h).lower()] for h in header]
    raw, expected = [], []
    line = reader.line_num + 1
    for row in reader:
        assert len(row) == len(keys), (path.name, line, row)
        raw.append(row)
        fields = {}
        for key, value in zip(keys, row):
            value = clean_cell(value)
            if key and value:
                fields[key] = value
        problem = None
        if "text" not in fields:
            problem = "text"
        elif "received" in fields:
            iso = parse_received(fields["received"])
            if iso is None:
                problem = "received"
            else:
                fields["received"] = iso
        if problem is None and "kind" in fields:
            if fields["kind"] in KIND_LABELS:
                fields["kind"] = KIND_LABELS[fields["kind"]]
            else:
                problem = "kind"
        ordered = {k: fields[k] for k in ("name", "address", "phone", "email", "text", "received", "kind")
                   if k in fields}
        expected.append({"line": line, "quarantined": True, "field": problem} if problem
                        else {"line": line, "fields": ordered})
        line = reader.line_num + 1
    return header, raw, expected


def count_physical_lines(text):
    """Independent check of the line numbers: physical line where each record starts, by scanning the
    text for quotes and line breaks (a \\r\\n pair is one break)."""
    starts, line, in_quotes, at_start, i = [], 1, False, True, 0
    while i < len(text):
        c = text[i]
        if at_start and not in_quotes:
            starts.append(line)
            at_start = False
        if c == '"':
            in_quotes = not in_quotes
        elif c in "\r\n":
            if c == "\r" and text[i + 1:i + 2] == "\n":
                i += 1
            line += 1
            if not in_quotes:
                at_start = True
        i += 1
    return starts


def write_sheet(name, header, rows, *, encoding, delimiter=",", lineterminator="\r\n", bom=b"",
                check=None, cell_transform=None):
    """Writes rows with csv.writer (QUOTE_MINIMAL) and the expected JSONL next to it."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    text = buffer.getvalue()
    if cell_transform:
        text = cell_transform(text)
    data = bom + (encode_cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    path = CSV_DIR / name
    path.write_bytes(data)
    read_encoding = {"utf-8": "utf-8-sig" if bom else "utf-8", "utf-16-le": "utf-16", "cp1258": "cp1258"}[encoding]
    got_header, raw, expected = expected_from_sheet(path, read_encoding, delimiter)
    # what Python reads back is what was written (up to NFC, for cp1258 and the NFD cell)
    assert [nfc(h) for h in got_header] == [nfc(h) for h in header], name
    assert [[nfc(c) for c in r] for r in raw] == [[nfc(c) for c in r] for r in rows], name
    decoded = data.decode(read_encoding)
    assert count_physical_lines(decoded)[1:] == [e["line"] for e in expected], name
    if check:
        check(expected)
    (CSV_DIR / (path.stem + ".expected.jsonl")).write_text(jsonl(expected), encoding="utf-8")
    return expected


# ---------------------------------------------------------------------------------------------------
# cp1258: Python's codec is a plain charmap of Windows-1258. It has only a few precomposed toned
# letters (à á è é í ó ù ú and capitals); 0xCC 0xEC 0xD2 0xDE 0xF2 are the combining grave, acute,
# hook above, tilde and dot below. So "ạ".encode("cp1258") fails: we write base letter (with its
# vowel mark, â ă ê ô ơ ư, which cp1258 has) followed by the combining tone mark, as Windows
# Vietnamese software does. Decoding gives decomposed text; the expected values are NFC.
# ---------------------------------------------------------------------------------------------------

def encode_cp1258(text):
    out = bytearray()
    for ch in nfc(text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        for keep in range(len(marks), -1, -1):       # compose as many marks into the base as cp1258 has
            done = False
            for chosen in itertools.combinations(range(len(marks)), keep):
                head = nfc(base + "".join(marks[i] for i in chosen))
                rest = "".join(marks[i] for i in range(len(marks)) if i not in chosen)
                if len(head) != 1:
                    continue
                try:
                    out += head.encode("cp1258") + rest.encode("cp1258")
                except UnicodeEncodeError:
                    continue
                done = True
                break
            if done:
                break
        else:
            raise UnicodeEncodeError("cp1258", ch, 0, 1, "no cp1258 spelling")
    encoded = bytes(out)
    assert nfc(encoded.decode("cp1258")) == nfc(text)
    return encoded


# ---------------------------------------------------------------------------------------------------
# CSV fixtures
# ---------------------------------------------------------------------------------------------------

def make_csv():
    # 1. UTF-8 with BOM, comma, CRLF rows; embedded newlines (LF as Excel's Alt+Enter, and one CRLF),
    #    doubled quotes, commas, padding spaces, an empty phone and an empty kind.
    write_sheet("utf8-bom-comma.csv",
                ["STT", "Họ và tên", "Địa chỉ", "Số điện thoại", "Nội dung", "Ngày nhận", "Loại đơn"],
                [["1", "Nguyễn Văn Hùng", "Số 12 ngõ 84 Trần Quang Diệu, phường Ô Chợ Dừa, Hà Nội", "0912345678",
                  "Đường trước nhà ngập sâu sau mỗi trận mưa, nước tràn vào nhà.\n"
                  "Đề nghị nạo vét cống thoát nước trên phố Trần Quang Diệu.", "20/11/2026", "Phản ánh"],
                 ["2", "Trần Thị Mai", "Tổ 5, phường Hòa Khánh Bắc, Đà Nẵng", "0905123456",
                  'Công ty môi trường thu phí rác "hai lần" trong tháng 10, đề nghị kiểm tra lại.',
                  "21/11/2026", "Khiếu nại"],
                 ["3", "Lê Hoàng Phúc", "Ấp 3, xã Tân Thạnh Đông, huyện Củ Chi, TP. Hồ Chí Minh", "",
                  "Xưởng gỗ gây tiếng ồn sau 22 giờ.\r\nĐã nhắc nhở nhiều lần nhưng không chấm dứt.\r\n"
                  "Kính đề nghị xử lý.", "22/11/2026", "Tố cáo"],
                 ["4", "  Phạm Thị Thu Hà  ", "Khu phố 2, phường An Hòa, TP. Rạch Giá, Kiên Giang", "0987654321",
                  "Đề nghị lắp đèn chiếu sáng trên đường Nguyễn Trung Trực, đoạn qua khu phố 2.  ",
                  "23/11/2026", "Kiến nghị"],
                 ["5", "Võ Minh Tuấn", "Thôn Phú Lộc, xã Hương Toàn, thị xã Hương Trà, Thừa Thiên Huế", "0935111222",
                  'Góp ý dự thảo quy hoạch: nên giữ hàng cây "dầu rái" cổ thụ, vì đây là cảnh quan, '
                  'ký ức "của cả làng".', "24/11/2026", "Góp ý"],
                 ["6", "Đặng Thu Trang", "Phường Cầu Giấy, Hà Nội", "0977000111",
                  "Xin hỏi thủ tục cấp lại giấy chứng nhận quyền sử dụng đất bị mất.", "25/11/2026", ""]],
                encoding="utf-8", bom=b"\xef\xbb\xbf")

    # 2. UTF-8 without BOM, semicolon, LF; headers without diacritics. Row 2's name is stored
    #    decomposed (NFD, as macOS file names and some Mac apps produce); expected is NFC.
    def nfd_name(text):
        return text.replace("Nguyễn Thị Ánh", unicodedata.normalize("NFD", "Nguyễn Thị Ánh"))
    write_sheet("utf8-semicolon-nobom.csv",
                ["Ho ten", "Dia chi", "SDT", "Noi dung", "Ngay tiep nhan"],
                [["Bùi Quang Vinh", "Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", "0903456789",
                  "Vỉa hè đường Lê Thánh Tôn bị lấn chiếm làm bãi giữ xe; người đi bộ phải xuống lòng đường.",
                  "02/11/2026"],
                 ["Nguyễn Thị Ánh", "Xã Bát Tràng; huyện Gia Lâm; Hà Nội", "0243876543",
                  "Khói từ lò nung gốm ảnh hưởng sức khỏe người dân trong xóm.", "03/11/2026"],
                 ["Hoàng Văn Sơn", "Phường Hòa Thuận Tây, Hải Châu, Đà Nẵng", "",
                  "Đề nghị công khai tiến độ dự án nâng cấp chợ Hòa Thuận.\nBà con tiểu thương chờ đã hai năm.",
                  "04/11/2026"],
                 ["Lý Thị Hồng", " Thị trấn Sa Pa, Lào Cai ", "0214388999",
                  "Xe khách dừng đỗ sai quy định trước cổng trường tiểu học.", "05/11/2026"]],
                encoding="utf-8", delimiter=";", lineterminator="\n", cell_transform=nfd_name)

    # 3. Excel "Unicode Text": UTF-16LE with BOM, tab-separated, CRLF rows; cells with a tab, a line
    #    break (LF inside, as Excel stores Alt+Enter) or a quote are quoted with quotes doubled.
    write_sheet("excel-unicode-text.txt",
                ["Full name", "Address", "Phone", "Content", "Date received", "Type"],
                [["Trịnh Công Danh", "Phường Vĩnh Ninh, TP. Huế", "0234382111",
                  "Nhà hàng ven sông Hương xả nước thải chưa qua xử lý ra sông.", "01/11/2026", "Denunciation"],
                 ["Mai Thị Lan", "Xã Hải Ninh\tthị xã Nghi Sơn, Thanh Hóa", "0373123456",
                  "Đề nghị xem xét mức bồi thường đất nông nghiệp.\nGia đình chưa đồng ý với phương án.",
                  "02/11/2026 14:15", "Complaint"],
                 ["Phan Thanh Bình", "Phường Ninh Kiều, TP. Cần Thơ", "0292385777",
                  'Bến phà "Cần Thơ cũ" xuống cấp, đề nghị sửa chữa trước mùa lũ.', "03/11/2026", "Petition"],
                 ["Đỗ Thị Hạnh", "Phường Lộc Thọ, Nha Trang, Khánh Hòa", "0258352444",
                  "Đèn tín hiệu giao thông ở ngã tư Trần Phú – Lê Thánh Tôn hỏng từ ba ngày nay.",
                  "04/11/2026", "Report"],
                 ["Cao Văn Thắng", "Xã Đồng Văn, Hà Giang", "",
                  "Ý kiến về việc đặt tên đường mới: nên dùng tên các anh hùng địa phương.", "05/11/2026",
                  "Opinion"]],
                encoding="utf-16-le", delimiter="\t", lineterminator="\r\n", bom=b"\xff\xfe")

    # 4. Windows-1258 (Python's 'cp1258' codec, decomposed tone marks where needed), comma, CRLF.
    write_sheet("cp1258.csv",
                ["Họ tên", "Địa chỉ", "Nội dung", "Ngày"],
                [["Nguyễn Thị Ngọc Diệp", "Phường Trường Thi, TP. Vinh, Nghệ An",
                  "Đề nghị kiểm tra việc xây dựng trái phép ở ngõ 15 đường Lê Lợi.", "10/11/2026"],
                 ["Trương Văn Lực", "Xã Ứng Hòa, huyện Ứng Hòa, Hà Nội",
                  "Mương thủy lợi bị bồi lấp, ruộng lúa thiếu nước vụ đông.\r\nĐề nghị nạo vét sớm.",
                  "11/11/2026"],
                 ["Hồ Thị Mỹ Dung", "Phường Xuân Khánh, Ninh Kiều, Cần Thơ",
                  "Ở khu vực này, rác tồn đọng nhiều ngày, mùi hôi ảnh hưởng đến sinh hoạt.", "12/11/2026"],
                 ["Lưu Đức Thịnh", "Thị trấn Ea Kar, Đắk Lắk",
                  "Giá điện tháng 11 tăng bất thường; đề nghị điện lực giải thích.", "13/11/2026"]],
                encoding="cp1258", delimiter=",", lineterminator="\r\n")

    # 5. Dates in each accepted spelling.
    intended = ["2026-11-20", "2026-03-05", "2026-01-09", "2026-11-20T08:30:00+07:00", "2026-02-01",
                "2025-12-09", "2026-11-07T17:05:00+07:00"]

    def check_dates(expected):
        assert [e["fields"]["received"] for e in expected] == intended, expected
    write_sheet("dates.csv",
                ["Họ và tên", "Email", "Nội dung", "Ngày nhận"],
                [["Vũ Thị Hoa", "hoa.vu@example.com", "Cống thoát nước khu tập thể Thành Công bị tắc.", "20/11/2026"],
                 ["Ngô Văn Lâm", "", "Đề nghị sửa đường vào thôn Đông Anh.", "5/3/26"],
                 ["Đinh Thị Yến", "yen.dinh@example.org", "Chậm trả kết quả hồ sơ đăng ký hộ kinh doanh.", "2026-01-09"],
                 ["Lâm Quốc Bảo", "", "Karaoke hát to sau 23 giờ tại phường Tân Định.", "20/11/2026 08:30"],
                 ["Tạ Minh Châu", "", "Xin cấp lại giấy khai sinh bản sao.", "01/02/2026"],
                 ["Kiều Văn Toàn", "toan.kieu@example.net", "Cây xanh nghiêng có nguy cơ đổ trên phố Huế.", "9/12/25"],
                 ["Hà Thị Thúy", "", "Điểm tập kết rác sát cổng chợ Đông Ba.", "07/11/2026 17:05"]],
                encoding="utf-8", lineterminator="\r\n", check=check_dates)

    # 6. Good rows and rows the importer must set aside: empty content, 31/02/2026, an unknown kind, and
    #    content that is only white space and a line break (empty once trimmed).
    def check_bad(expected):
        assert [e.get("field") for e in expected] == [None, None, "text", "received", "kind", None, "text"], expected
    write_sheet("bad-rows.csv",
                ["STT", "Họ và tên", "Địa chỉ", "Số điện thoại", "Email", "Nội dung", "Ngày nhận", "Loại đơn"],
                [["1", "Chu Văn An", "Phường Nghĩa Đô, Hà Nội", "0912000111", "an.chu@example.com",
                  "Thang máy chung cư hỏng, người già phải leo bộ 15 tầng.\nBan quản lý chưa khắc phục.",
                  "15/11/2026", "Phản ánh"],
                 ["2", "Lương Thị Nga", "Xã Tam Thanh, Tam Kỳ, Quảng Nam", "0235388222", "",
                  "Sạt lở bờ biển đe dọa nhà dân.", "16/11/2026", "Kiến nghị"],
                 ["3", "Quách Văn Mạnh", "Phường Hòa Cường, Đà Nẵng", "0905888777", "", "", "17/11/2026",
                  "Khiếu nại"],
                 ["4", "Âu Thị Kim", "Phường Tân Phong, Quận 7, TP. Hồ Chí Minh", "0908111333", "",
                  "Phòng khám tư quảng cáo sai sự thật.", "31/02/2026", "Tố cáo"],
                 ["5", "Ông Văn Tài", "Xã Phong Điền, Cần Thơ", "", "tai.ong@example.com",
                  "Đề nghị làm rõ khoản thu quỹ xây dựng.", "18/11/2026", "Đơn thư gì đó"],
                 ["6", "La Thị Bích", "Phường Phú Hội, TP. Huế", "0234382999", "",
                  "Ý kiến về giờ mở cửa bộ phận một cửa.", "19/11/2026", "Ý kiến"],
                 ["7", "Thân Văn Hậu", "Xã Tiên Lục, Lạng Giang, Bắc Giang", "", "", " \n  ", "20/11/2026", "Phản ánh"]],
                encoding="utf-8", lineterminator="\r\n", check=check_bad)

    make_excel_export()


# ---------------------------------------------------------------------------------------------------
# 7. A sheet exported by a real office suite: flat ODS -> .xlsx -> CSV with LibreOffice.
# ---------------------------------------------------------------------------------------------------

EXPORT_HEADER = ["Họ và tên", "Địa chỉ", "Số điện thoại", "Nội dung", "Ngày nhận", "Loại đơn"]
EXPORT_ROWS = [  # (name, address, phone, [paragraphs of content], date or datetime, kind)
    ("Nguyễn Hữu Thọ", "Phường Hàng Bạc, Hoàn Kiếm, Hà Nội", "0912777888",
     ["Quán ăn lấn chiếm vỉa hè phố Mã Mây, khách du lịch phải đi dưới lòng đường."],
     dt.date(2026, 11, 26), "Phản ánh"),
    ("Trần Thị Kim Oanh", "Phường Vĩnh Hải, Nha Trang, Khánh Hòa", "0258381555",
     ["Đề nghị bố trí thêm tuyến xe buýt đến bệnh viện tỉnh.", "Hiện chỉ có một tuyến, rất đông."],
     dt.datetime(2026, 11, 27, 9, 45), "Kiến nghị"),
    ("Lê Văn Đức", "Xã Cẩm Thanh, Hội An, Quảng Nam", "0235386444",
     ['Chủ tàu "Thanh Bình" thu tiền vé cao hơn giá niêm yết, có dấu hiệu ép khách.'],
     dt.date(2026, 11, 28), "Tố cáo"),
    ("Phạm Ngọc Ánh", "Phường 4, TP. Đà Lạt, Lâm Đồng", "",
     ["Góp ý: nên giữ rừng thông quanh hồ Xuân Hương, không xây thêm khách sạn."],
     dt.datetime(2026, 11, 29, 16, 0), "Góp ý"),
]


def fods_document():
    def cell(value, style=None, kind="string", attr=""):
        s = f' table:style-name="{style}"' if style else ""
        paragraphs = value if isinstance(value, list) else [value]
        body = "".join(f"<text:p>{html.escape(p, quote=False)}</text:p>" for p in paragraphs)
        return f'<table:table-cell office:value-type="{kind}"{s}{attr}>{body}</table:table-cell>'
    rows = ["<table:table-row>" + "".join(cell(h) for h in EXPORT_HEADER) + "</table:table-row>"]
    for name, address, phone, content, when, kind in EXPORT_ROWS:
        if isinstance(when, dt.datetime):
            date_cell = cell(when.strftime("%d/%m/%Y %H:%M"), "ce2", "date",
                             f' office:date-value="{when.isoformat()}"')
        else:
            date_cell = cell(when.strftime("%d/%m/%Y"), "ce1", "date", f' office:date-value="{when.isoformat()}"')
        phone_cell = cell(phone) if phone else "<table:table-cell/>"
        rows.append("<table:table-row>" + cell(name) + cell(address) + phone_cell + cell(content)
                    + date_cell + cell(kind) + "</table:table-row>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
  <number:date-style style:name="N2"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
  <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
  <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet><table:table table:name="Don thu">
{chr(10).join(rows)}
 </table:table></office:spreadsheet></office:body>
</office:document>
"""


def make_excel_export():
    target = CSV_DIR / "excel-export.csv"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / "grievances.fods").write_text(fods_document(), encoding="utf-8")
            profile = f"-env:UserInstallation=file://{tmp}/profile"
            for source, fmt in (("grievances.fods", "xlsx"),
                                ("grievances.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76,1")):
                subprocess.run([soffice, profile, "--headless", "--convert-to", fmt, "--outdir", str(tmp),
                                str(tmp / source)], check=True, capture_output=True, timeout=300)
            shutil.copyfile(tmp / "grievances.csv", target)
    elif SAVED.get("excel-export.csv"):
        print("soffice not found: keeping the committed csv/excel-export.csv", file=sys.stderr)
        target.write_bytes(SAVED["excel-export.csv"])
    else:
        print("soffice not found and no committed csv/excel-export.csv: skipped", file=sys.stderr)
        return
    data = target.read_bytes()
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    header, raw, expected = expected_from_sheet(target, encoding, ",")
    assert header == EXPORT_HEADER, header
    assert count_physical_lines(data.decode(encoding))[1:] == [e["line"] for e in expected]
    for row, (name, address, phone, content, when, kind), e in zip(raw, EXPORT_ROWS, expected):
        received = when.replace(tzinfo=VN).isoformat() if isinstance(when, dt.datetime) else when.isoformat()
        assert e["fields"]["received"] == received, (row, e)
        assert e["fields"]["text"] == "\n".join(content), (row, e)
        assert e["fields"]["name"] == name and e["fields"].get("phone", "") == phone, (row, e)
    assert len(raw) == len(EXPORT_ROWS)
    (CSV_DIR / "excel-export.expected.jsonl").write_text(jsonl(expected), encoding="utf-8")


# ---------------------------------------------------------------------------------------------------
# Mail
# ---------------------------------------------------------------------------------------------------

SMTP = policy.SMTP                                   # policy.default with CRLF line ends
COMPAT_CRLF = policy.compat32.clone(linesep="\r\n")
# danvan tracking codes: five and five symbols of Crockford base 32 (no I, L, O, U) around a hyphen.
TRACKING = re.compile(r"(?<![0-9A-Za-z])[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}(?![0-9A-Za-z])")


def when(*args):
    return email.utils.format_datetime(dt.datetime(*args, tzinfo=VN))


def tiny_jpeg():
    """A valid 8x8 grey baseline JPEG (one flat block: DC 0, EOB), built byte by byte."""
    def seg(marker, payload):
        return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload
    return (b"\xff\xd8"
            + seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
            + seg(0xDB, b"\x00" + bytes([1] * 64))
            + seg(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00")
            + seg(0xC4, b"\x00" + bytes([1] + [0] * 15) + b"\x00")
            + seg(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00")
            + seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
            + b"\x3f"
            + b"\xff\xd9")


def pdf_like():
    """A small PDF-shaped blob with every byte value in its stream (so base64 must round-trip)."""
    stream = bytes(range(256)) * 3
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
            b"3 0 obj\n<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
            + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def set_boundaries(msg, tag):
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"==danvan-{tag}-{i}==")


def encoded_words(text, charset, encode, header_encode, limit, octets=66):
    """RFC 2047 encoded words for text: split only between characters (never inside a character's
    bytes), at most `limit` characters and `octets` (RFC 2047: at most 75) octets per word; 66 keeps
    "Subject: " plus a word within 78 columns."""
    encode = encode or (lambda s: s.encode(charset))
    words, chunk = [], ""
    for ch in text:
        if chunk and (len(chunk) == limit or len(header_encode(encode(chunk + ch), charset)) > octets):
            words.append(header_encode(encode(chunk), charset))
            chunk = ""
        chunk += ch
    words.append(header_encode(encode(chunk), charset))
    return words


def b_words(text, charset="utf-8", encode=None, limit=1000):
    return encoded_words(text, charset, encode, email.base64mime.header_encode, limit)


def q_words(text, charset="utf-8", encode=None, limit=1000):
    return encoded_words(text, charset, encode, email.quoprimime.header_encode, limit)


FOLD_WORKAROUNDS = []


def put(m, name, value):
    """m[name] = value, unless Python's own folding of that header does not read back as value:
    Python 3.11's policy.default folder, splitting a long non-ASCII header into encoded words, puts
    the space between two words outside the encoded words (as folding white space, which RFC 2047
    readers drop), so "... ở phường ..." reads back "... ởphường ...". Such a header is written with
    hand-made encoded words instead (each space kept inside a word)."""
    probe = EmailMessage()
    probe[name] = value
    back = email.message_from_bytes(probe.as_bytes(policy=SMTP), policy=policy.default)
    if str(back[name]) == str(value):
        m[name] = value
        return
    if not isinstance(value, str):
        raise ValueError(f"Python folds {name} badly: {value}")
    words = b_words(value)
    m.set_raw(name, "\n ".join(words))
    assert "\r\n ".join(words).encode() in m.as_bytes(policy=SMTP)    # written as given, not refolded
    FOLD_WORKAROUNDS.append(value)


def raw_message(headers, body_lines, linesep="\r\n"):
    """A message as bytes from header lines (already folded/encoded by hand) and body lines."""
    text = linesep.join(headers) + linesep + linesep
    head = text.encode("ascii") if all(ord(c) < 128 for c in text) else text.encode("utf-8")
    body = body_lines if isinstance(body_lines, bytes) else linesep.join(body_lines).encode("utf-8") + linesep.encode()
    return head + body


# The messages: each is (relative path, bytes, facts to check the parsed result against)

def eml_messages():
    out = []

    # 01: plain UTF-8, quoted-printable body (long lines → soft breaks, a literal "=")
    m = EmailMessage()
    put(m, "From", Address("Nguyễn Văn Hùng", addr_spec="hung.nguyen@example.com"))
    m["To"] = Address("Ban Tiếp công dân quận Đống Đa", addr_spec="tiepdan@dongda.example")
    put(m, "Subject", "Phản ánh về việc ngập nước ở phường Láng Hạ")
    m["Date"] = when(2026, 11, 20, 8, 30)
    m["Message-ID"] = "<20261120083000.4711@mail.example.com>"
    body01 = ("Kính gửi Ban Tiếp công dân,\n\n"
              "Tôi là Nguyễn Văn Hùng, ở số 12 ngõ 84 Trần Quang Diệu. Mỗi khi mưa lớn, đoạn đường trước ngõ ngập sâu "
              "khoảng 40 cm, nước tràn vào nhà dân, xe máy chết máy giữa đường.\n"
              "Mức ngập đo được: 40cm = ngang đầu gối.\n\n"
              "Kính đề nghị quận cho nạo vét cống thoát nước.\n\nTrân trọng,\nNguyễn Văn Hùng\n")
    m.set_content(body01, charset="utf-8", cte="quoted-printable")
    out.append(("eml/01-plain-qp.eml", m.as_bytes(policy=SMTP), {
        "text": body01, "subject": "Phản ánh về việc ngập nước ở phường Láng Hạ", "from": "Nguyễn Văn Hùng <hung.nguyen@example.com>"}))

    # 02: hand-built headers: Subject B-encoded UTF-8, From Q-encoded UTF-8; 8bit UTF-8 body
    subject02 = "Kiến nghị sửa chữa đường liên thôn ở xã Đông Hòa"
    name02 = "Trần Thị Mai"
    body02 = "Đường liên thôn Đông Hòa – Tây Hòa xuống cấp nghiêm trọng, ổ gà khắp nơi.\nĐề nghị xã sớm sửa chữa.\n"
    out.append(("eml/02-headers-utf8.eml", raw_message(
        ["From: " + q_words(name02)[0] + " <mai.tran@example.com>",
         "To: <motcua@donghoa.example>",
         "Subject: " + "\r\n ".join(b_words(subject02)),
         "Date: " + when(2026, 11, 21, 7, 5),
         "Message-ID: <CAF3u9xQ-02@mail.example.com>",
         "MIME-Version: 1.0",
         "Content-Type: text/plain; charset=utf-8",
         "Content-Transfer-Encoding: 8bit"], body02.splitlines()),
        {"subject": subject02, "from": f"{name02} <mai.tran@example.com>", "text": body02}))

    # 03: Windows-1258 encoded words (Subject Q, From B); the bytes carry decomposed tone marks
    subject03 = "Phản ánh tiếng ồn công trình ban đêm ở phường Bến Thành"
    name03 = "Lê Hoàng Phúc"
    body03 = "Cong trinh tren duong Le Loi thi cong den 2 gio sang.\nDe nghi kiem tra giay phep.\n"
    out.append(("eml/03-headers-windows-1258.eml", raw_message(
        ["From: " + " ".join(b_words(name03, "windows-1258", encode_cp1258)) + " <phuc.le@example.net>",
         "To: tiepdan@benthanh.example",
         "Subject: " + "\r\n ".join(q_words(subject03, "windows-1258", encode_cp1258)),
         "Date: " + when(2026, 11, 22, 23, 40),
         "Message-ID: <1258-03.phuc@example.net>",
         "MIME-Version: 1.0",
         "Content-Type: text/plain; charset=us-ascii",
         "Content-Transfer-Encoding: 7bit"], body03.splitlines()),
        {"subject": subject03, "from": f"{name03} <phuc.le@example.net>", "text": body03}))

    # 04: ISO-8859-1 encoded words (Subject B, From Q) — Latin-1 holds only a few Vietnamese letters;
    #     a GMT date (parsedate_to_datetime gives +00:00)
    subject04 = "Góp ý: Tân Bình và Tân Phú"
    name04 = "Lê Thành"
    body04 = "Xin gop y: nen trong them cay xanh tren duong Hoang Van Thu, quan Tan Binh.\n"
    out.append(("eml/04-headers-iso-8859-1.eml", raw_message(
        ["From: " + q_words(name04, "iso-8859-1")[0] + " <thanh.le@example.org>",
         "To: <gopy@tanbinh.example>",
         "Subject: " + " ".join(b_words(subject04, "iso-8859-1")),
         "Date: Sat, 21 Nov 2026 01:30:00 GMT",
         "Message-ID: <latin1-04@example.org>",
         "MIME-Version: 1.0",
         "Content-Type: text/plain; charset=iso-8859-1",
         "Content-Transfer-Encoding: 7bit"], body04.splitlines()),
        {"subject": subject04, "from": f"{name04} <thanh.le@example.org>", "text": body04}))

    # 05: folded long headers: Subject of B and Q words over several lines, then plain ASCII with the
    #     tracking code; From whose display name folds before the address; References over 3 lines;
    #     a Date with a comment.
    subject05a = "Đề nghị giải quyết dứt điểm tình trạng ngập úng kéo dài tại khu dân cư Thạnh Mỹ Lợi, "
    subject05b = "thành phố Thủ Đức"
    subject05 = subject05a + subject05b + " [4F8R2-ZNB5K] lan 2"
    name05 = "Phạm Thị Thu Hà – Tổ dân phố 7 khu phố Thạnh Mỹ Lợi"
    body05 = "Day la lan thu hai chung toi gui don ve viec nay.\n"
    out.append(("eml/05-folded-headers.eml", raw_message(
        ["From: " + "\r\n ".join(q_words(name05, limit=18)) + "\r\n <ha.pham@example.com>",
         "To: tiepdan@thuduc.example",
         "Subject: " + "\r\n ".join(b_words(subject05a, limit=24) + q_words(subject05b)) + "\r\n [4F8R2-ZNB5K] lan 2",
         "Date: Mon, 23 Nov 2026 06:15:00 +0700 (ICT)",
         "Message-ID: <folded-05.ha@example.com>",
         "In-Reply-To: <4F8R2-ZNB5K.ack@thuduc.example>",
         "References: <first-05.ha@example.com>\r\n <4F8R2-ZNB5K.ack@thuduc.example>\r\n"
         " <reminder-05.ha@example.com>",
         "MIME-Version: 1.0",
         "Content-Type: text/plain; charset=us-ascii"], body05.splitlines()),
        {"subject": subject05, "from": f"{name05} <ha.pham@example.com>", "text": body05,
         "in_reply_to": "<4F8R2-ZNB5K.ack@thuduc.example>", "tracking_code": "4F8R2-ZNB5K"}))

    # 06: multipart/alternative (plain + html)
    m = EmailMessage()
    put(m, "From", Address("Võ Minh Tuấn", addr_spec="tuan.vo@example.com"))
    m["To"] = "gopy@hue.example"
    put(m, "Subject", "Góp ý dự thảo quy hoạch khu vực Kinh thành Huế")
    m["Date"] = when(2026, 11, 24, 10, 0)
    m["Message-ID"] = "<alt-06.tuan@example.com>"
    body06 = ("Kính gửi Sở Xây dựng,\n\n"
              "Tôi góp ý: nên giữ nguyên hàng cây dầu rái trên đường Lê Duẩn và hạn chế nhà cao tầng "
              "quanh Kinh thành.\n\nVõ Minh Tuấn\n")
    m.set_content(body06)
    m.add_alternative("<html><body><p>Kính gửi Sở Xây dựng,</p><p>Tôi góp ý: nên giữ nguyên hàng cây "
                      "<b>dầu rái</b> trên đường Lê Duẩn và hạn chế nhà cao tầng quanh Kinh thành.</p>"
                      "<p>Võ Minh Tuấn</p></body></html>\n", subtype="html")
    set_boundaries(m, "06")
    out.append(("eml/06-alternative.eml", m.as_bytes(policy=SMTP), {
        "text": body06, "subject": "Góp ý dự thảo quy hoạch khu vực Kinh thành Huế", "from": "Võ Minh Tuấn <tuan.vo@example.com>"}))

    # 07: HTML only (quoted-printable), with entities, <br>, a <style> block
    m = EmailMessage()
    put(m, "From", Address("Đặng Thu Trang", addr_spec="trang.dang@example.com"))
    m["To"] = "tiepdan@caugiay.example"
    put(m, "Subject", "Phản ánh điện & nước sinh hoạt chập chờn")
    m["Date"] = when(2026, 11, 25, 19, 20)
    m["Message-ID"] = "<html-07.trang@example.com>"
    m.set_content("<!DOCTYPE html><html><head><style>p { color: #333; }</style></head><body>"
                  "<p>Kính gửi UBND phường Cầu Giấy,</p>"
                  "<p>Khu tập thể Nghĩa Tân bị mất nước ba ngày liên tiếp.<br>"
                  "Điện &amp; nước đều chập chờn từ đầu tháng 11.</p>"
                  "<p>Đề nghị phường làm việc với công ty cấp nước.&nbsp;Xin cảm ơn.</p>"
                  "</body></html>\n", subtype="html", charset="utf-8", cte="quoted-printable")
    out.append(("eml/07-html-only.eml", m.as_bytes(policy=SMTP), {
        "subject": "Phản ánh điện & nước sinh hoạt chập chờn", "from": "Đặng Thu Trang <trang.dang@example.com>",
        "text": None, "text_contains": ["Kính gửi UBND phường Cầu Giấy",
                                        "Khu tập thể Nghĩa Tân bị mất nước ba ngày liên tiếp.",
                                        "Điện & nước đều chập chờn từ đầu tháng 11.",
                                        "Đề nghị phường làm việc với công ty cấp nước."],
        "text_lacks": ["color: #333", "&amp;", "<p>"]}))

    # 08: multipart/mixed [multipart/alternative [plain, html], PDF (RFC 2231 filename*), JPEG (RFC 2047
    #     name in quotes, as Outlook writes)], built with email.mime (compat32)
    pdf, jpg = pdf_like(), tiny_jpeg()
    pdf_name, jpg_name = "Đơn khiếu nại - Trần Thị Mai.pdf", "Ảnh hiện trường ngập.jpg"
    body08 = ("Kính gửi Thanh tra quận,\n\nTôi gửi kèm đơn khiếu nại và ảnh hiện trường.\n"
              "Đề nghị xem xét quyết định thu hồi đất số 1234/QĐ-UBND.\n\nTrần Thị Mai\n")
    mixed = MIMEMultipart("mixed", boundary="==danvan-08-mixed==")
    alternative = MIMEMultipart("alternative", boundary="==danvan-08-alt==")
    alternative.attach(MIMEText(body08, "plain", "utf-8"))
    alternative.attach(MIMEText("<p>Kính gửi Thanh tra quận,</p><p>Tôi gửi kèm đơn khiếu nại và ảnh hiện trường.</p>",
                                "html", "utf-8"))
    mixed.attach(alternative)
    pdf_part = MIMEApplication(pdf, "pdf")
    pdf_part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", pdf_name))
    mixed.attach(pdf_part)
    jpg_part = MIMEImage(jpg, "jpeg")
    encoded_name = email.base64mime.header_encode(jpg_name.encode("utf-8"), "utf-8")
    jpg_part.replace_header("Content-Type", f'image/jpeg; name="{encoded_name}"')
    jpg_part["Content-Disposition"] = f'attachment; filename="{encoded_name}"'
    mixed.attach(jpg_part)
    mixed["From"] = "=?utf-8?b?" + base64.b64encode("Trần Thị Mai".encode()).decode() + "?= <mai.tran@example.com>"
    mixed["To"] = "thanhtra@quan3.example"
    mixed["Subject"] = "=?utf-8?q?Khi=E1=BA=BFu_n=E1=BA=A1i_quy=E1=BA=BFt_=C4=91=E1=BB=8Bnh_thu_h=E1=BB=93i_=C4=91=E1=BA=A5t?="
    mixed["Date"] = when(2026, 11, 26, 14, 0)
    mixed["Message-ID"] = "<mixed-08.mai@example.com>"
    buffer = io.BytesIO()
    BytesGenerator(buffer, policy=COMPAT_CRLF).flatten(mixed)
    raw08 = buffer.getvalue()
    assert b"filename*=utf-8''" in raw08 and b'filename="=?utf-8?b?' in raw08
    out.append(("eml/08-mixed-attachments.eml", raw08, {
        "subject": "Khiếu nại quyết định thu hồi đất", "from": "Trần Thị Mai <mai.tran@example.com>",
        "text": body08, "attachments": [(pdf_name, "application/pdf", pdf), (jpg_name, "image/jpeg", jpg)]}))

    # 09: multipart/alternative [plain, multipart/related [html, inline image (cid)]]
    m = EmailMessage()
    put(m, "From", Address("Bùi Quang Vinh", addr_spec="vinh.bui@example.com"))
    m["To"] = "tiepdan@quan1.example"
    put(m, "Subject", "Phản ánh lấn chiếm vỉa hè đường Lê Thánh Tôn (kèm ảnh)")
    m["Date"] = when(2026, 11, 27, 7, 45)
    m["Message-ID"] = "<related-09.vinh@example.com>"
    body09 = "Kính gửi UBND phường Bến Nghé,\n\nVỉa hè trước số 80 Lê Thánh Tôn bị chiếm làm bãi xe (ảnh đính kèm).\n"
    m.set_content(body09)
    m.add_alternative('<p>Kính gửi UBND phường Bến Nghé,</p><p>Vỉa hè trước số 80 Lê Thánh Tôn bị chiếm làm bãi xe:</p>'
                      '<p><img src="cid:via-he-09@example.com" alt="vỉa hè"></p>\n', subtype="html")
    html_part = m.get_payload()[1]
    html_part.add_related(jpg, "image", "jpeg", cid="<via-he-09@example.com>", filename="via-he-le-thanh-ton.jpg",
                          disposition="inline")
    set_boundaries(m, "09")
    out.append(("eml/09-related-inline.eml", m.as_bytes(policy=SMTP), {
        "subject": "Phản ánh lấn chiếm vỉa hè đường Lê Thánh Tôn (kèm ảnh)", "from": "Bùi Quang Vinh <vinh.bui@example.com>",
        "text": body09, "attachments": [("via-he-le-thanh-ton.jpg", "image/jpeg", jpg)]}))

    # 10: base64 text body in windows-1258 (decomposed tone marks); Subject B windows-1258
    subject10 = "Khiếu nại về việc cấp giấy phép xây dựng"
    body10 = ("Kính gửi UBND thành phố Vinh,\r\n\r\nNgày 10/11/2026 tôi nộp hồ sơ xin phép xây dựng nhà ở riêng lẻ "
              "tại phường Trường Thi.\r\nĐến nay đã quá hạn 15 ngày nhưng chưa có kết quả.\r\n\r\n"
              "Người khiếu nại\r\nNguyễn Thị Ngọc Diệp\r\n")
    encoded10 = base64.encodebytes(encode_cp1258(body10)).decode("ascii").replace("\n", "\r\n").encode("ascii")
    out.append(("eml/10-base64-windows-1258.eml", raw_message(
        ["From: " + b_words("Nguyễn Thị Ngọc Diệp", "windows-1258", encode_cp1258)[0] + " <diep.nguyen@example.com>",
         "To: <tiepdan@vinh.example>",
         "Subject: " + " ".join(b_words(subject10, "windows-1258", encode_cp1258)),
         "Date: " + when(2026, 11, 28, 9, 10),
         "Message-ID: <b64-1258-10.diep@example.com>",
         "MIME-Version: 1.0",
         'Content-Type: text/plain; charset="windows-1258"',
         "Content-Transfer-Encoding: base64"], encoded10),
        {"subject": subject10, "from": "Nguyễn Thị Ngọc Diệp <diep.nguyen@example.com>",
         "text": body10.replace("\r\n", "\n")}))

    # 11: a reply carrying a tracking code, with In-Reply-To and References
    m = EmailMessage()
    put(m, "From", Address("Nguyễn Văn Hùng", addr_spec="hung.nguyen@example.com"))
    m["To"] = Address("Ban Tiếp công dân quận Đống Đa", addr_spec="tiepdan@dongda.example")
    put(m, "Subject", "Re: [7K3MQ-9TXR2] Phản ánh ngập nước")
    m["Date"] = when(2026, 11, 30, 20, 5)
    m["Message-ID"] = "<20261130200500.4712@mail.example.com>"
    m["In-Reply-To"] = "<7K3MQ-9TXR2.ack.1@dongda.example>"
    m["References"] = "<20261120083000.4711@mail.example.com> <7K3MQ-9TXR2.ack.1@dongda.example>"
    body11 = ("Kính gửi Ban Tiếp công dân,\n\nĐến nay (30/11) nước vẫn chưa rút hết, cống vẫn chưa được nạo vét.\n\n"
              "Trân trọng,\nNguyễn Văn Hùng\n\n"
              "Vào 09:15 ngày 21/11/2026, Ban Tiếp công dân quận Đống Đa đã viết:\n"
              "> Đơn của ông đã được tiếp nhận với mã 7K3MQ-9TXR2.\n"
              "> Chúng tôi sẽ trả lời trong 10 ngày làm việc.\n")
    m.set_content(body11)
    out.append(("eml/11-reply-tracking.eml", m.as_bytes(policy=SMTP), {
        "subject": "Re: [7K3MQ-9TXR2] Phản ánh ngập nước", "from": "Nguyễn Văn Hùng <hung.nguyen@example.com>",
        "text": body11, "in_reply_to": "<7K3MQ-9TXR2.ack.1@dongda.example>", "tracking_code": "7K3MQ-9TXR2"}))

    # 12: LF line ends, raw UTF-8 header text (RFC 6532, as some clients send), 8bit body; the subject
    #     carries an old-style number that is not a tracking code
    subject12 = "Góp ý về lịch thu gom rác (mã cũ DV-12345-678)"
    body12 = "Xin đề nghị thu gom rác buổi tối sau 20 giờ, tránh giờ tan tầm trên đường Hùng Vương.\n"
    out.append(("eml/12-lf-utf8-headers.eml", raw_message(
        ["From: Hà Thị Thúy <thuy.ha@example.com>",
         "To: moitruong@hue.example",
         "Subject: " + subject12,
         "Date: " + when(2026, 12, 1, 6, 0),
         "Message-ID: <utf8hdr-12.thuy@example.com>",
         "MIME-Version: 1.0",
         "Content-Type: text/plain; charset=utf-8",
         "Content-Transfer-Encoding: 8bit"], body12.splitlines(), linesep="\n"),
        {"subject": subject12, "from": "Hà Thị Thúy <thuy.ha@example.com>", "text": body12, "tracking_code": None}))
    return out


def mbox_messages(extra=""):
    """Messages for the mbox files; bodies with lines that begin with "From " (and, for mboxrd, with
    ">From " and ">>From ") so that quoting matters."""
    specs = [
        ("Trịnh Công Danh", "danh.trinh@example.com", "Tố cáo xả thải ra sông Hương", (2026, 12, 1, 8, 0),
         "<mbox-1.danh@example.com>", None,
         "Kính gửi Sở Tài nguyên và Môi trường,\n\nNhà hàng ven sông xả nước thải ra sông Hương mỗi tối.\n"
         "From the bridge you can see the outflow pipe clearly.\nĐề nghị kiểm tra.\n"),
        ("Mai Thị Lan", "lan.mai@example.com", "Khiếu nại mức bồi thường đất nông nghiệp", (2026, 12, 2, 9, 30),
         None, None,   # no Message-ID
         "Gia đình tôi chưa đồng ý với phương án bồi thường.\nFrom 2024 đến nay chúng tôi đã gửi ba lần đơn.\n"),
        ("Phan Thanh Bình", "binh.phan@example.com", "Re: [H5W28-PCA3N] Bến phà Cần Thơ xuống cấp",
         (2026, 12, 3, 15, 45), "<mbox-3.binh@example.com>", "<H5W28-PCA3N.ack@cantho.example>",
         "Cảm ơn Sở đã phản hồi.\n\nFrom Monday the ferry ramp was closed again.\n"),
        ("Đỗ Thị Hạnh", "hanh.do@example.com", "Đèn tín hiệu hỏng ở ngã tư Trần Phú", (2026, 12, 4, 11, 0),
         "<mbox-4.hanh@example.com>", None,
         "Đèn tín hiệu ở ngã tư Trần Phú – Lê Thánh Tôn hỏng ba ngày nay.\n"),
        ("Cao Văn Thắng", "thang.cao@example.com", "Ý kiến về đặt tên đường mới", (2026, 12, 5, 16, 20),
         "<mbox-5.thang@example.com>", None,
         "Nên dùng tên các anh hùng địa phương.\nFrom: Cao Văn Thắng (dòng này có dấu hai chấm, không phải From_)\n"
         "From Đồng Văn, Hà Giang.\n"),
    ]
    messages = []
    for name, addr, subject, date, mid, irt, body in specs:
        body = body + extra
        m = EmailMessage()
        put(m, "From", Address(name, addr_spec=addr))
        m["To"] = "tiepdan@tinh.example"
        put(m, "Subject", subject)
        m["Date"] = when(*date)
        if mid:
            m["Message-ID"] = mid
        if irt:
            m["In-Reply-To"] = irt
            m["References"] = irt
        m.set_content(body, charset="utf-8", cte="8bit")
        messages.append((m, addr, date, {"text": body, "subject": subject, "from": f"{name} <{addr}>",
                                         "message_id": mid, "in_reply_to": irt}))
    return messages


MBOXRD_EXTRA = ("Trích thư trước:\n>From the minutes: đã hứa sửa trong tháng 11.\n"
                ">>From an older reply: chưa có kinh phí.\nFrom then on, không ai trả lời.\n")


def write_mboxo(path):
    """mboxo with Python's mailbox.mbox: From_ lines, body lines "From " written as ">From "."""
    box = mailbox.mbox(str(path), create=True)
    originals = []
    for m, addr, date, facts in mbox_messages():
        mm = mailbox.mboxMessage(m)
        mm.set_from(addr, dt.datetime(*date, tzinfo=VN).astimezone(dt.timezone.utc).timetuple())
        box.add(mm)
        originals.append(facts)
    box.flush()
    box.close()
    return originals


def write_mboxrd(path):
    """mboxrd by hand (Python's mailbox writes only mboxo): every body line matching ^>*From gets one
    more ">"; a reader removes one ">" from lines matching ^>+From ."""
    chunks, originals = [], []
    for m, addr, date, facts in mbox_messages("\n" + MBOXRD_EXTRA):
        raw = m.as_bytes(policy=policy.default)
        head, sep, rest = raw.partition(b"\n\n")
        rest = re.sub(rb"(?m)^(>*From )", rb">\1", rest)
        stamp = time.asctime(dt.datetime(*date, tzinfo=VN).astimezone(dt.timezone.utc).timetuple())
        chunks.append(f"From {addr} {stamp}\n".encode() + head + sep + rest + (b"" if rest.endswith(b"\n") else b"\n")
                      + b"\n")
        originals.append(facts)
    path.write_bytes(b"".join(chunks))
    return originals


def write_maildir(path):
    """A Maildir made with mailbox.Maildir; file names are then fixed (Maildir.add names files after the
    clock, pid and host)."""
    box = mailbox.Maildir(str(path), create=True)
    specs = [
        ("new", "", "1795900000.M100P4242Q1.danvan-fixtures",
         "Lương Thị Nga", "nga.luong@example.com", "Sạt lở bờ biển Tam Thanh", (2026, 11, 29, 7, 0),
         "<maildir-1.nga@example.com>", "Bờ biển Tam Thanh sạt lở sâu vào 20 m, đe dọa 12 hộ dân.\n"),
        ("cur", "S", "1795900060.M200P4242Q2.danvan-fixtures",
         "Chu Văn An", "an.chu@example.com", "Thang máy chung cư hỏng", (2026, 11, 29, 8, 0),
         "<maildir-2.an@example.com>", "Thang máy tòa B chung cư Nghĩa Đô hỏng hai tuần.\n"),
        ("cur", "RS", "1795900120.M300P4242Q3.danvan-fixtures",
         "Âu Thị Kim", "kim.au@example.com", "Re: [0Y6EJ-3DG4M] Quảng cáo sai sự thật", (2026, 11, 29, 9, 0),
         "<maildir-3.kim@example.com>", "Xin bổ sung thêm tờ rơi quảng cáo của phòng khám.\n"),
    ]
    done = []
    for subdir, flags, base, name, addr, subject, date, mid, body in specs:
        m = EmailMessage()
        put(m, "From", Address(name, addr_spec=addr))
        m["To"] = "tiepdan@example.gov"
        put(m, "Subject", subject)
        m["Date"] = when(*date)
        m["Message-ID"] = mid
        m.set_content(body)
        mm = mailbox.MaildirMessage(m)
        mm.set_subdir(subdir)
        if flags:
            mm.set_flags(flags)
        mm.set_date(dt.datetime(*date, tzinfo=VN).timestamp())
        before = set((path / subdir).iterdir())
        box.add(mm)
        (added,) = set((path / subdir).iterdir()) - before
        final = path / subdir / (base + (f":2,{flags}" if flags else ""))
        assert added.name.endswith(final.name[len(base):]), added
        added.rename(final)
        done.append((final, {"text": body, "subject": subject, "from": f"{name} <{addr}>", "message_id": mid}))
    box.close()
    return done


# ---------------------------------------------------------------------------------------------------
# Expected mail records, computed from the written bytes with Python's email package
# ---------------------------------------------------------------------------------------------------

class HTMLText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1
        elif tag in ("p", "br", "div", "li", "tr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(source):
    parser = HTMLText()
    parser.feed(source)
    parser.close()
    return re.sub(r"[ \t\u00a0]+", " ", nfc("".join(parser.parts)))


def is_attachment(part):
    return part.get_content_disposition() == "attachment" or part.get_filename() is not None


def text_of(content):
    return nfc(content.replace("\r\n", "\n").replace("\r", "\n")).rstrip()


def expected_mail(rel, data, facts, index=1, stored=None):
    msg = email.message_from_bytes(data, policy=policy.default)
    leaves = [p for p in msg.walk() if not p.is_multipart()]
    body_part = next((p for p in leaves if p.get_content_type() == "text/plain" and not is_attachment(p)), None)
    if body_part is not None:
        assert body_part is msg.get_body(preferencelist=("plain",)), rel
    text = text_of(body_part.get_content()) if body_part is not None else None
    attachments = []
    for p in leaves:
        if p is body_part or (p.get_content_type() in ("text/plain", "text/html") and not is_attachment(p)):
            continue
        payload = p.get_payload(decode=True)
        attachments.append({"name": nfc(p.get_filename()) if p.get_filename() else None,
                            "type": p.get_content_type(), "size": len(payload),
                            "sha256": hashlib.sha256(payload).hexdigest()})
    python_subject = nfc(str(msg["Subject"])) if msg["Subject"] is not None else None
    # Python keeps the white space of a header whose first line is empty ("Subject: \r\n =?...?=", as
    # Python's own compat32 generator folds it); the subject is expected trimmed
    subject = python_subject.strip() if python_subject is not None else None
    sender = from_rfc2047(data)
    python_sender = nfc(str(msg["From"]))
    record = {
        "file": rel, "index": index,
        "message_id": str(msg["Message-ID"]).strip() if msg["Message-ID"] is not None else None,
        "subject": subject,
        "from": sender,
        "date": email.utils.parsedate_to_datetime(str(msg["Date"])).isoformat(),
        "text": text,
    }
    if text is None:
        html_part = msg.get_body(preferencelist=("html",))
        rendered = html_text(html_part.get_content())
        for phrase in facts["text_contains"]:
            assert phrase in rendered, (rel, phrase, rendered)
        for junk in facts.get("text_lacks", []):
            assert junk not in rendered, (rel, junk)
        record["text_contains"] = facts["text_contains"]
    record["attachments"] = attachments
    record["in_reply_to"] = str(msg["In-Reply-To"]).strip() if msg["In-Reply-To"] is not None else None
    found = TRACKING.findall(subject or "")
    record["tracking_code"] = found[0] if found else None
    if stored is not None and stored != text:
        record["text_in_mbox"] = stored
    differs = {k: v for k, v in (("subject", python_subject), ("from", python_sender)) if v != record[k]}
    if differs:
        record["python_differs"] = differs

    # the parsed values are the ones the message was made from, and what a strict RFC 2047 reading of
    # the bytes gives
    assert strict_rfc2047(data, "Subject") == subject, (rel, strict_rfc2047(data, "Subject"), subject)
    if '"' not in sender:
        assert strict_rfc2047(data, "From") == sender, (rel, strict_rfc2047(data, "From"), sender)
    if "text" in facts:
        assert text == (text_of(facts["text"]) if facts["text"] is not None else None), (rel, text, facts["text"])
    for key in ("subject", "from", "message_id", "in_reply_to", "tracking_code"):
        if key in facts:
            assert record[key] == facts[key], (rel, key, record[key], facts[key])
    if "attachments" in facts:
        assert [(a["name"], a["type"], a["size"], a["sha256"]) for a in attachments] == \
            [(n, t, len(b), hashlib.sha256(b).hexdigest()) for n, t, b in facts["attachments"]], rel
    else:
        assert attachments == [], (rel, attachments)
    assert record["date"][-6] in "+-", record["date"]
    assert msg.defects == [] and all(p.defects == [] for p in msg.walk()), (rel, msg.defects)
    return record


def from_rfc2047(data):
    """From as str(msg["From"]) renders it, with the display name decoded as RFC 2047 section 6.2 says:
    white space between adjacent encoded-words is dropped. Python 3.11's policy.default address parser
    keeps it ("=?utf-8?Q?Ph=E1=BA=A1m?= =?utf-8?Q?_Th=E1=BB=8B?=" gives "Phạm  Thị"), so the display name
    is decoded here with the older email.header.decode_header, which gets this right."""
    legacy = email.message_from_bytes(data, policy=policy.compat32)
    if not isinstance(legacy["From"], str) or "=?" not in legacy["From"]:   # raw UTF-8 (a Header) or plain
        return nfc(str(email.message_from_bytes(data, policy=policy.default)["From"]))
    raw = re.sub(r"\r?\n([ \t])", r"\1", legacy["From"])
    name, addr = email.utils.parseaddr(raw)
    name = str(email.header.make_header(email.header.decode_header(name)))
    return nfc(str(Address(display_name=name, addr_spec=addr)))


ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")


def strict_rfc2047(data, name):
    """The named header of a raw message, unfolded and decoded the strict RFC 2047 way, without the
    email package: an encoded-word counts only as a whole white-space-delimited token, and white space
    between two encoded-words is dropped. Used to check that what Python reads is what the bytes say."""
    head = re.split(rb"\r?\n\r?\n", data, maxsplit=1)[0].decode("utf-8")
    unfolded = re.sub(r"\r?\n(?=[ \t])", "", head)
    value = next(line.split(":", 1)[1] for line in unfolded.splitlines() if line.lower().startswith(name.lower() + ":"))
    out, pending_space, last_was_word = [], "", False
    for token in re.split(r"([ \t]+)", value.strip()):
        if not token:
            continue
        if token.isspace():
            pending_space = token
            continue
        m = ENCODED_WORD.fullmatch(token)
        if m:
            charset, kind, payload = m.groups()
            raw = (base64.b64decode(payload) if kind in "bB"
                   else re.sub(rb"=([0-9A-Fa-f]{2})", lambda h: bytes([int(h.group(1), 16)]),
                               payload.replace("_", " ").encode("ascii")))
            if not last_was_word:
                out.append(pending_space)
            out.append(raw.decode(charset))
        else:
            out.append(pending_space + token)
        pending_space, last_was_word = "", bool(m)
    return nfc("".join(out))


def unquote_from(data):
    return re.sub(rb"(?m)^>(>*From )", rb"\1", data)


def make_mail():
    records = []
    for rel, data, facts in eml_messages():
        path = MAIL_DIR / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        records.append(expected_mail(rel, path.read_bytes(), facts))

    (MAIL_DIR / "mbox").mkdir()
    for rel, writer in (("mbox/mboxo.mbox", write_mboxo), ("mbox/mboxrd.mbox", write_mboxrd)):
        originals = writer(MAIL_DIR / rel)
        box = mailbox.mbox(str(MAIL_DIR / rel), create=False)
        keys = list(box.keys())
        assert len(keys) == len(originals) >= 5, rel
        for index, (key, facts) in enumerate(zip(keys, originals), start=1):
            stored = box.get_bytes(key)                # what Python's mbox reader returns: still quoted
            stored_text = text_of(email.message_from_bytes(stored, policy=policy.default).get_body(("plain",)).get_content())
            records.append(expected_mail(rel, unquote_from(stored), facts, index, stored_text))
        box.close()
        assert b"\n>From " in (MAIL_DIR / rel).read_bytes()

    for path, facts in write_maildir(MAIL_DIR / "maildir"):
        rel = path.relative_to(MAIL_DIR).as_posix()
        records.append(expected_mail(rel, path.read_bytes(), facts))

    (MAIL_DIR / "expected.jsonl").write_text(jsonl(records), encoding="utf-8")
    return records


SAVED = {}


def main():
    keep = CSV_DIR / "excel-export.csv"
    if keep.exists():
        SAVED["excel-export.csv"] = keep.read_bytes()
    for d in (CSV_DIR, MAIL_DIR):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    make_csv()
    records = make_mail()
    for p in sorted(CSV_DIR.iterdir()):
        print(f"{p.relative_to(FIXTURES)}  {p.stat().st_size} bytes")
    print(f"mail: {len(records)} messages in {len({r['file'] for r in records})} files")
    for text in FOLD_WORKAROUNDS:
        print(f"hand-encoded (Python would fold it wrongly): {text}")


if __name__ == "__main__":
    main()

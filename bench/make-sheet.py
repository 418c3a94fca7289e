#!/usr/bin/env python3
"""Write a large petition sheet for the import benchmark (stdlib only, deterministic).

    python3 bench/make-sheet.py ROWS OUT.csv

Rows are built from the corpus texts (corpus/train.tsv) with invented names, real addresses of
the demo communes, phone numbers and dates, written by Python's csv module as a Front office's
sheet: UTF-8 with BOM, comma, CRLF, Vietnamese headers. Every row is distinct (a running number
in the reference column), so an import stores every one.
"""
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
rows, out = int(sys.argv[1]), sys.argv[2]
texts = []
with open(os.path.join(HERE, "..", "corpus", "train.tsv"), encoding="utf-8") as fh:
    next(fh)
    for line in fh:
        texts.append(line.rstrip("\n").split("\t")[4])
family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
middle = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu"]
given = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Tâm", "Trang"]
places = ["khu phố 6, phường Bảy Hiền, TP. Hồ Chí Minh", "P.12, Q. Tân Bình, TP.HCM", "phuong 14 quan tan binh",
          "hẻm 12 Nguyễn Trãi, phường Hạnh Thông, TP.HCM", "Phường 3, Gò Vấp, TP.HCM", "xã Ngũ Hiệp, huyện Thanh Trì, Hà Nội",
          "tổ 7, phường Hạnh Thông", "ấp 2, xã Tân Thạnh Đông, Củ Chi", "", "số 45 Lê Văn Sỹ, Phường 13, Quận 3"]
kinds = ["Phản ánh", "Kiến nghị", "Khiếu nại", "Ý kiến", ""]
rng = random.Random(20261123)
with open(out, "w", encoding="utf-8-sig", newline="") as fh:
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(["STT", "Số hồ sơ", "Họ và tên", "Địa chỉ", "Số điện thoại", "Nội dung", "Ngày nhận", "Loại đơn"])
    for i in range(rows):
        name = f"{rng.choice(family)} {rng.choice(middle)} {rng.choice(given)}"
        # Received in 2025: a date after tomorrow is refused as in the future.
        day = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025"
        writer.writerow([i + 1, f"HS-{i + 1:07d}", name, rng.choice(places), f"09{rng.randint(10000000, 99999999)}",
                         rng.choice(texts), day, rng.choice(kinds)])

#!/usr/bin/env python3
"""Write a large mbox for the mail-parsing benchmark with Python's mailbox and email packages.

    python3 bench/make-mbox.py MEGABYTES OUT.mbox

Messages are petitions from the corpus (corpus/train.tsv) as Front offices receive them: plain
UTF-8 (quoted-printable), plain + HTML alternatives, and one in three with a scanned-letter
attachment (random bytes, 20–200 KB, base64) as a PDF or JPEG. Deterministic (fixed seed).
"""
import email.policy
import mailbox
import os
import random
import sys
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
megabytes, out = float(sys.argv[1]), sys.argv[2]
texts = []
with open(os.path.join(HERE, "..", "corpus", "train.tsv"), encoding="utf-8") as fh:
    next(fh)
    for line in fh:
        texts.append(line.rstrip("\n").split("\t")[4])
rng = random.Random(20261123)
if os.path.exists(out):
    os.remove(out)
box = mailbox.mbox(out, create=True)
box.lock()
written, n = 0, 0
start = datetime(2026, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=7)))
while written < megabytes * 1_048_576:
    n += 1
    text = rng.choice(texts)
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = f"Công dân {n} <cong.dan.{n}@example.vn>"
    m["To"] = "tiep-nhan@mttq.example.vn"
    m["Subject"] = text[:60]
    m["Date"] = format_datetime(start + timedelta(minutes=7 * n))
    m["Message-ID"] = f"<bench-{n}@example.vn>"
    body = f"Kính gửi Ban Tiếp công dân,\n\n{text}\n\nTrân trọng,\nCông dân {n}\n"
    m.set_content(body, cte="quoted-printable")
    kind = n % 3
    if kind == 1:
        m.add_alternative(f"<html><body><p>Kính gửi Ban Tiếp công dân,</p><p>{text}</p></body></html>", subtype="html")
    elif kind == 2:
        blob = rng.randbytes(rng.randint(20_000, 200_000))
        if n % 2:
            m.add_attachment(blob, maintype="application", subtype="pdf", filename=f"don-{n}.pdf")
        else:
            m.add_attachment(blob, maintype="image", subtype="jpeg", filename=f"anh-hien-truong-{n}.jpg")
    box.add(m)
    written += len(m.as_bytes())
box.flush()
box.unlock()
box.close()
print(f"{out}: {n} messages, {os.path.getsize(out) / 1_048_576:.1f} MB")

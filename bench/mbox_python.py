#!/usr/bin/env python3
"""Python's mailbox + email reading the same mbox as `danvan bench mbox`, for comparison:
every message parsed with policy=default, its body text (get_body plain/html, get_content),
subject, sender, date, and every attachment decoded (get_content) and hashed (SHA-256).

    python3 bench/mbox_python.py FILE.mbox
"""
import email.policy
import hashlib
import json
import mailbox
import os
import sys
import time
from email.parser import BytesParser

path = sys.argv[1]
parser = BytesParser(policy=email.policy.default)
start = time.perf_counter()
count = attachments = 0
box = mailbox.mbox(path, factory=lambda f: parser.parse(f), create=False)
for message in box:
    count += 1
    _ = str(message["Subject"]), str(message["From"]), message["Date"], message["Message-ID"]
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        _ = body.get_content()
    for part in message.iter_attachments():
        payload = part.get_content()
        if isinstance(payload, str):
            payload = payload.encode()
        hashlib.sha256(payload).hexdigest()
        attachments += 1
seconds = time.perf_counter() - start
size = os.path.getsize(path)
print(json.dumps({"benchmark": "mbox (Python mailbox + email)", "messages": count, "attachments": attachments,
                  "megabytes": round(size / 1_048_576, 1), "seconds": round(seconds, 2),
                  "megabytes_per_second": round(size / 1_048_576 / seconds, 1)}))
